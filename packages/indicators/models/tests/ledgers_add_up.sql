-- The ledgers' figures of a period hold together: joint and published random checks are among the
-- completed, the completed among the planned, and the towns' completed add up to all; accidents
-- investigated by the bureau are among the accidents; guidance and exposure objects are among their
-- categories' objects; case files with problems and their problems among the reviews'.
SELECT 'random checks' AS what, t.*
FROM mart_random_check_totals(CAST($from AS DATE), CAST($to AS DATE)) t
WHERE NOT (t.joint <= t.completed AND t.published <= t.completed AND t.completed <= t.planned)
   OR t.completed <> (SELECT coalesce(sum(completed), 0) FROM mart_random_checks_by_town(CAST($from AS DATE), CAST($to AS DATE)))
UNION ALL
SELECT 'accidents', a.accidents, a.investigated, NULL, NULL
FROM mart_accident_totals(CAST($from AS DATE), CAST($to AS DATE)) a
WHERE a.investigated > a.accidents
UNION ALL
SELECT 'activities', f.guidance_towns_villages, f.guidance_enterprises, f.exposure_enterprises, f.files_with_problems
FROM mart_activity_figures(CAST($from AS DATE), CAST($to AS DATE)) f
WHERE f.guidance_towns_villages + f.guidance_enterprises
        > coalesce((SELECT objects FROM mart_activity_categories(CAST($from AS DATE), CAST($to AS DATE)) WHERE category = '帮扶指导'), 0)
   OR f.exposure_enterprises
        > coalesce((SELECT objects FROM mart_activity_categories(CAST($from AS DATE), CAST($to AS DATE)) WHERE category = '约谈曝光'), 0)
   OR f.problems_fixed > f.problems_found;
