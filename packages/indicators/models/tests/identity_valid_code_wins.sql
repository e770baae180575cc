-- A record with a valid code is that code; a record resolved through its name takes a valid code;
-- no enterprise id is a bare code that fails the check digit.
SELECT i.kind, i.record_key, i.enterprise_id, i.identified_by
FROM int_enterprise_identity i
WHERE (i.identified_by IN ('code', 'name_code') AND NOT anj_gb32100_ok(i.enterprise_id))
   OR (i.identified_by = 'name' AND i.enterprise_id NOT LIKE '名称:%')
   OR (i.identified_by = 'individual' AND i.enterprise_id NOT LIKE '个人:%');
