-- Every case, inspection and hazard has exactly one identity.
SELECT 'cases' AS kind, count(*) AS records, (SELECT count(*) FROM int_enterprise_identity WHERE kind = 'cases') AS identities FROM stg_cases
HAVING records <> identities
UNION ALL
SELECT 'inspections', count(*), (SELECT count(*) FROM int_enterprise_identity WHERE kind = 'inspections') FROM stg_inspections
HAVING count(*) <> (SELECT count(*) FROM int_enterprise_identity WHERE kind = 'inspections')
UNION ALL
SELECT 'hazards', count(*), (SELECT count(*) FROM int_enterprise_identity WHERE kind = 'hazards') FROM stg_hazards
HAVING count(*) <> (SELECT count(*) FROM int_enterprise_identity WHERE kind = 'hazards');
