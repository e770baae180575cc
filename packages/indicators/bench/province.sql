-- A province-size warehouse for the figures benchmark, made directly in SQL (INSERT … SELECT from
-- range()) with plausible values: 1 000 000 cases, 2 000 000 inspections, 5 000 000 hazards,
-- 20 000 certificates, 200 000 enterprises, 2020–2024.
-- Why SQL and not the project's data generator (pipelines/demo-data, `--scale`): this benchmark times
-- the figures on a warehouse of province size, not the import. Made through files, the 8 million rows
-- would first be written as exports and imported (bench:ingest's work, many minutes and a model refresh)
-- before the first timed query, and their shape would follow the import; made here, they are typed rows
-- straight in the warehouse tables, in seconds, with exactly the values the models' rules branch on
-- (codes missing or with a wrong check digit, units, towns, campaigns, levels, certificate dates).
-- $scale (bound) multiplies every count (1 = province size). Values are deterministic (no random()).
-- Statements are separated by a semicolon at the end of a line.

CREATE TEMP TABLE bench_towns AS
SELECT * FROM (VALUES (0, '镇海街道', '镇海街道办事处'), (1, '拱辰街道', '拱辰街道办事处'), (2, '西天尾镇', '西天尾镇人民政府'),
                      (3, '黄石镇', '黄石镇人民政府'), (4, '新度镇', '新度镇人民政府'), (5, '北高镇', '北高镇人民政府')) t(i, town, unit);

CREATE TEMP TABLE bench_categories AS
SELECT i, (['安全管理', '特种作业人员持证', '承包承租管理', '有限空间作业', '粉尘防爆', '危险化学品', '消防安全', '电气安全',
            '设备设施', '特种设备', '高处作业', '建筑施工', '燃气安全', '道路运输', '疏散通道与应急出口', '其他'])[i + 1] AS category
FROM range(16) t(i);

-- Enterprises: a valid GB 32100 code for most, a name, a town and an industry.
CREATE TEMP TABLE bench_enterprises AS
WITH base AS (
  SELECT i, '91350304MA' || lpad(CAST(i AS VARCHAR), 7, '0') AS c17
  FROM range(CAST(200000 * $scale AS BIGINT)) t(i)
)
SELECT
  i,
  c17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
        CAST(((31 - (list_sum(list_transform(range(17), k ->
          (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c17, k + 1, 1)) - 1)
          * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][k + 1])) % 31)) % 31) + 1 AS BIGINT), 1) AS code,
  '莆田市' || ['荔城区', '城厢区', '涵江区', '秀屿区'][i % 4 + 1] || ['华兴', '永盛', '鑫源', '恒达', '振兴', '宏图', '金辉', '瑞丰'][i % 8 + 1]
    || CAST(i AS VARCHAR) || ['鞋业', '工艺品', '食品', '五金制品', '家具', '纺织', '包装材料', '电子科技'][(i // 8) % 8 + 1] || '有限公司' AS name,
  i % 6 AS town_i,
  ['工贸', '危险化学品', '烟花爆竹', '建筑施工', '道路运输', '商贸', '医疗卫生', '文化旅游', '其他'][i % 9 + 1] AS industry
FROM base;

INSERT INTO batches (batch_id, started_at, finished_at, command, host)
VALUES ('bench-batch', TIMESTAMP '2025-01-10 12:00:00', TIMESTAMP '2025-01-10 12:30:00', 'bench', 'bench');
INSERT INTO files (batch_id, seq, path, file_name, file_sha256, size_bytes, format, kind, status, export_time, imported_at)
VALUES ('bench-batch', 0, 'bench/cases.csv', 'cases.csv', 'bench-cases', 0, 'csv', 'cases', 'imported', TIMESTAMP '2025-01-06 08:55:00', TIMESTAMP '2025-01-10 12:01:00'),
       ('bench-batch', 1, 'bench/inspections.csv', 'inspections.csv', 'bench-inspections', 0, 'csv', 'inspections', 'imported', TIMESTAMP '2025-01-10 10:30:00', TIMESTAMP '2025-01-10 12:05:00'),
       ('bench-batch', 2, 'bench/hazards.csv', 'hazards.csv', 'bench-hazards', 0, 'csv', 'hazards', 'imported', TIMESTAMP '2025-01-07 14:45:00', TIMESTAMP '2025-01-10 12:10:00'),
       ('bench-batch', 3, 'bench/enforcers.csv', 'enforcers.csv', 'bench-enforcers', 0, 'csv', 'enforcers', 'imported', TIMESTAMP '2025-01-10 11:05:00', TIMESTAMP '2025-01-10 12:20:00');

-- Cases: 45 % by the bureau (普通程序), the rest by the towns (简易程序); 3 % undecided; 2 % individuals;
-- 5 % without a code and 1 % with a wrong check digit; 3 % ordered to stop production.
INSERT INTO cases
SELECT
  'AJ' || lpad(CAST(j AS VARCHAR), 9, '0')                                        AS case_no,
  NULL                                                                            AS case_name,
  CASE WHEN j % 50 = 7 THEN ['王', '李', '张', '刘', '陈', '林', '黄', '郑'][j % 8 + 1] || '某' || CAST(j % 997 AS VARCHAR)
       WHEN j % 97 = 3 THEN replace(e.name, '有限公司', '（有限）公司')
       ELSE e.name END                                                            AS party_name,
  CASE WHEN j % 50 = 7 THEN '个人' WHEN e.i % 23 = 0 THEN '个体工商户' ELSE '单位' END AS party_type,
  CASE WHEN j % 50 = 7 OR j % 20 = 1 THEN NULL
       WHEN j % 100 = 2 THEN substr(e.code, 1, 17) || CASE WHEN substr(e.code, 18, 1) = '0' THEN '1' ELSE '0' END
       ELSE e.code END                                                            AS credit_code,
  CASE WHEN j % 50 = 7 THEN sha256(CAST(j AS VARCHAR)) END                        AS party_id_hash,
  t.town,
  e.industry,
  '未按规定开展安全生产教育和培训'                                                    AS violation,
  CASE WHEN j % 20 < 9 THEN '荔城区应急管理局' ELSE t.unit END                       AS authority,
  CASE WHEN j % 20 < 9 THEN 'bureau' ELSE 'town' END                              AS authority_level,
  CASE WHEN j % 20 < 9 THEN '普通程序' ELSE '简易程序' END                             AS "procedure",
  d.decided - CAST(j % 40 AS INTEGER)                                             AS filed_on,
  NULL                                                                            AS decision_no,
  CASE WHEN j % 33 = 5 THEN NULL ELSE d.decided END                               AS decided_on,
  CASE WHEN j % 33 = 5 THEN CAST([] AS VARCHAR[]) WHEN j % 34 = 9 THEN ['罚款', '责令停产停业'] ELSE ['罚款'] END AS penalty_kinds,
  CASE WHEN j % 33 = 5 THEN 0
       WHEN j % 20 < 9 THEN CAST((j % 60 + 1) * 1000 AS DECIMAL(18, 2)) + CAST(j % 4 AS DECIMAL(18, 2)) * 0.25
       ELSE CAST((j % 30 + 1) * 100 AS DECIMAL(18, 2)) END                       AS fine_yuan,
  j % 20 < 9 AND j % 25 = 4                                                       AS dual_penalty,
  j % 20 < 9 AND j % 33 <> 5                                                      AS legal_review,
  CASE WHEN j % 33 = 5 THEN '调查中' ELSE '已结案' END                                 AS status,
  NULL                                                                            AS closed_on,
  NULL                                                                            AS updated_at,
  'bench-batch', 'bench-cases', NULL, CAST(j % 1000000 AS INTEGER) + 2, 'h', NULL
FROM range(CAST(1000000 * $scale AS BIGINT)) r(j)
JOIN bench_enterprises e ON e.i = (j * 37) % CAST(200000 * $scale AS BIGINT)
JOIN bench_towns t ON t.i = e.town_i
CROSS JOIN LATERAL (SELECT DATE '2020-01-01' + CAST((j * 13) % 1827 AS INTEGER) AS decided) d;

-- Inspections: a fifth in a campaign of their year; 6 % without a code.
INSERT INTO inspections
SELECT
  'JC' || lpad(CAST(k AS VARCHAR), 9, '0'),
  CASE WHEN k % 89 = 1 THEN replace(e.name, '有限公司', ' 有限公司') ELSE e.name END,
  CASE WHEN k % 16 = 3 THEN NULL ELSE e.code END,
  t.town,
  e.industry,
  d.on_day,
  ['日常检查', '双随机抽查', '专项检查', '联合检查', '执法+专家', '复查'][k % 6 + 1],
  CASE WHEN k % 5 = 0 THEN ['重大事故隐患专项排查整治' || CAST(year(d.on_day) AS VARCHAR) || '行动', '春运安全专项督查', '医疗机构安全专项督查',
                            '在建工地安全专项督查', '体育场馆安全专项检查'][k // 5 % 5 + 1] END,
  CASE WHEN k % 10 < 6 THEN '荔城区应急管理局' ELSE t.unit END,
  CASE WHEN k % 10 < 6 THEN 'bureau' ELSE 'town' END,
  k % 10 = 9, NULL, NULL, NULL,
  'bench-batch', 'bench-inspections', NULL, CAST(k % 1000000 AS INTEGER) + 2, 'h', NULL
FROM range(CAST(2000000 * $scale AS BIGINT)) r(k)
JOIN bench_enterprises e ON e.i = (k * 101) % CAST(200000 * $scale AS BIGINT)
JOIN bench_towns t ON t.i = e.town_i
CROSS JOIN LATERAL (SELECT DATE '2020-01-01' + CAST((k * 7) % 1827 AS INTEGER) AS on_day) d;

-- Hazards: 2.5 per inspection on average, found on its day, in its campaign; 1 % major (all listed
-- but a few); most rectified, some overdue.
INSERT INTO hazards
SELECT
  'YH' || lpad(CAST(h AS VARCHAR), 10, '0'),
  i.inspection_no,
  i.target_name,
  i.credit_code,
  i.town,
  i.industry,
  i.inspected_on,
  CASE WHEN h % 100 = 17 THEN '重大事故隐患' ELSE '一般隐患' END,
  c.category,
  c.category,
  '隐患描述',
  i.campaign,
  i.inspected_on + CASE WHEN h % 100 = 17 THEN 60 ELSE 15 END,
  CASE WHEN h % 20 = 3 THEN '逾期未整改' WHEN h % 20 = 4 THEN '整改中' ELSE '已整改' END,
  CASE WHEN h % 20 IN (3, 4) THEN NULL ELSE i.inspected_on + CAST(h % 14 AS INTEGER) END,
  h % 100 = 17 AND h % 700 <> 17,
  NULL,
  'bench-batch', 'bench-hazards', NULL, CAST(h % 1000000 AS INTEGER) + 2, 'h', NULL
FROM range(CAST(5000000 * $scale AS BIGINT)) r(h)
JOIN inspections i ON i.inspection_no = 'JC' || lpad(CAST(h % CAST(2000000 * $scale AS BIGINT) AS VARCHAR), 9, '0')
JOIN bench_categories c ON c.i = h % 16;

-- Certificates: 20 000 over 2016–2024, five years each; some renewed, some cancelled.
INSERT INTO enforcers
SELECT
  ['王', '李', '张', '刘', '陈', '林', '黄', '郑'][p % 8 + 1] || '某' || CAST(p % 1500 AS VARCHAR),
  CASE WHEN p % 40 = 0 THEN NULL ELSE sha256('person' || CAST(p // 2 AS VARCHAR)) END,
  CASE WHEN p % 3 = 0 THEN '荔城区应急管理局' ELSE t.unit END,
  CASE WHEN p % 3 = 0 THEN 'bureau' ELSE 'town' END,
  'ZF' || lpad(CAST(p AS VARCHAR), 8, '0'),
  '行政执法证', '安全生产',
  d.issued,
  CAST(d.issued + INTERVAL 5 YEAR - INTERVAL 1 DAY AS DATE),
  CASE WHEN p % 25 = 0 THEN '已注销' ELSE '有效' END,
  CASE WHEN p % 25 = 0 THEN d.issued + 400 END,
  NULL,
  'bench-batch', 'bench-enforcers', NULL, CAST(p AS INTEGER) + 2, 'h', NULL
FROM range(CAST(20000 * $scale AS BIGINT)) r(p)
JOIN bench_towns t ON t.i = p % 6
CROSS JOIN LATERAL (SELECT DATE '2016-01-04' + CAST((p * 131) % 3280 AS INTEGER) AS issued) d;
