-- Campaigns (专项行动) numbered 1…n, so that the stored tables of inspections and hazards carry the
-- same small integer for a campaign and a period's campaigns are summed by it (DuckDB's
-- perfect-hash aggregate; see mart_case_days).

-- model: mart_campaign_numbers
-- grain: one campaign named by an inspection or a hazard
-- key: campaign
-- not_null: campaign, campaign_no
-- materialized: table
CREATE OR REPLACE VIEW mart_campaign_numbers AS
SELECT campaign, CAST(row_number() OVER (ORDER BY campaign) AS INTEGER) AS campaign_no
FROM (SELECT campaign FROM stg_inspections UNION SELECT campaign FROM stg_hazards)
WHERE campaign IS NOT NULL;
