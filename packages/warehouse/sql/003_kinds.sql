-- One table per kind of export, typed, keyed by the natural key, every row with its lineage.
-- Column lists mirror packages/exports/src/kinds.ts (a test keeps them in step).
-- Unit columns carry the canonical unit and its level (bureau | town); personal data only as hashes.

CREATE TABLE cases (
  case_no          VARCHAR NOT NULL,   -- key
  case_name        VARCHAR,
  party_name       VARCHAR NOT NULL,
  party_type       VARCHAR,            -- 单位 | 个人 | 个体工商户
  credit_code      VARCHAR,
  party_id_hash    VARCHAR,
  town             VARCHAR NOT NULL,
  industry         VARCHAR,
  violation        VARCHAR,
  authority        VARCHAR NOT NULL,   -- canonical unit
  authority_level  VARCHAR NOT NULL,   -- bureau | town
  "procedure"      VARCHAR NOT NULL,
  filed_on         DATE NOT NULL,
  decision_no      VARCHAR,
  decided_on       DATE,
  penalty_kinds    VARCHAR[],
  fine_yuan        DECIMAL(18, 2) NOT NULL DEFAULT 0,
  dual_penalty     BOOLEAN NOT NULL DEFAULT false,
  legal_review     BOOLEAN NOT NULL DEFAULT false,
  status           VARCHAR,
  closed_on        DATE,
  updated_at       TIMESTAMP,
  batch_id         VARCHAR NOT NULL,
  file_sha256      VARCHAR NOT NULL,
  sheet            VARCHAR,
  row_no           INTEGER NOT NULL,
  row_hash         VARCHAR NOT NULL,
  warnings         VARCHAR[]
);

CREATE TABLE inspections (
  inspection_no     VARCHAR NOT NULL,  -- key
  target_name       VARCHAR NOT NULL,
  credit_code       VARCHAR,
  town              VARCHAR NOT NULL,
  industry          VARCHAR,
  inspected_on      DATE NOT NULL,
  method            VARCHAR NOT NULL,
  campaign          VARCHAR,
  authority         VARCHAR,
  authority_level   VARCHAR,
  joint             BOOLEAN NOT NULL DEFAULT false,
  joint_departments VARCHAR,
  result            VARCHAR,
  updated_at        TIMESTAMP,
  batch_id          VARCHAR NOT NULL,
  file_sha256       VARCHAR NOT NULL,
  sheet             VARCHAR,
  row_no            INTEGER NOT NULL,
  row_hash          VARCHAR NOT NULL,
  warnings          VARCHAR[]
);

CREATE TABLE hazards (
  hazard_no      VARCHAR NOT NULL,     -- key
  inspection_no  VARCHAR,
  unit_name      VARCHAR NOT NULL,
  credit_code    VARCHAR,
  town           VARCHAR NOT NULL,
  industry       VARCHAR,
  found_on       DATE NOT NULL,
  level          VARCHAR NOT NULL,     -- 一般隐患 | 重大事故隐患
  category       VARCHAR NOT NULL,     -- the profile's category, 其他 when unknown
  category_raw   VARCHAR,              -- as written in the file
  description    VARCHAR,
  campaign       VARCHAR,
  deadline       DATE,
  rectification  VARCHAR NOT NULL,     -- 已整改 | 整改中 | 逾期未整改
  rectified_on   DATE,
  listed         BOOLEAN NOT NULL DEFAULT false,
  updated_at     TIMESTAMP,
  batch_id       VARCHAR NOT NULL,
  file_sha256    VARCHAR NOT NULL,
  sheet          VARCHAR,
  row_no         INTEGER NOT NULL,
  row_hash       VARCHAR NOT NULL,
  warnings       VARCHAR[]
);

CREATE TABLE enforcers (
  person_name      VARCHAR NOT NULL,
  person_id_hash   VARCHAR,
  unit             VARCHAR NOT NULL,   -- canonical unit (sections count as the bureau)
  unit_level       VARCHAR NOT NULL,
  certificate_no   VARCHAR NOT NULL,   -- key
  certificate_type VARCHAR,
  field            VARCHAR,
  issued_on        DATE NOT NULL,
  valid_until      DATE NOT NULL,
  cert_status      VARCHAR NOT NULL,
  cancelled_on     DATE,
  updated_at       TIMESTAMP,
  batch_id         VARCHAR NOT NULL,
  file_sha256      VARCHAR NOT NULL,
  sheet            VARCHAR,
  row_no           INTEGER NOT NULL,
  row_hash         VARCHAR NOT NULL,
  warnings         VARCHAR[]
);
