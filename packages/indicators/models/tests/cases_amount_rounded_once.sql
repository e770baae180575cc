-- Every amount in 万元 is the exact sum in 元 rounded half up once, to one decimal.
SELECT dimension, member, fine_yuan, amount_wan
FROM mart_case_totals(CAST($from AS DATE), CAST($to AS DATE))
WHERE abs(fine_yuan - amount_wan * 10000) > 500
   OR amount_wan <> round(fine_yuan * 0.0001, 1);
