-- The import log: batches (one per `anjian ingest` run), files (one row per file seen in a batch,
-- whatever became of it), and rejected rows with their reasons.

CREATE TABLE meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE batches (
  batch_id    VARCHAR PRIMARY KEY,
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  command     VARCHAR,
  host        VARCHAR
);

-- grain: one file in one batch. A file imported once has exactly one row with status 'imported'.
CREATE TABLE files (
  batch_id     VARCHAR NOT NULL,
  seq          INTEGER NOT NULL,          -- order within the batch
  path         VARCHAR NOT NULL,
  file_name    VARCHAR NOT NULL,
  file_sha256  VARCHAR NOT NULL,
  size_bytes   BIGINT NOT NULL,
  format       VARCHAR,                   -- csv | xlsx
  encoding     VARCHAR,                   -- csv only
  kind         VARCHAR,
  sheets       VARCHAR[],                 -- data sheets read (xlsx)
  status       VARCHAR NOT NULL,          -- imported | already_imported | refused
  export_time  TIMESTAMP,                 -- from a title row such as 导出时间：2024-01-05 09:12
  imported_at  TIMESTAMP NOT NULL,
  "read"       INTEGER NOT NULL DEFAULT 0,
  accepted     INTEGER NOT NULL DEFAULT 0,
  rejected     INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  duplicate    INTEGER NOT NULL DEFAULT 0,
  replaced     INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0,
  error        VARCHAR,
  notes        VARCHAR[]
);

-- grain: one rejected row. Personal data in `original` is hashed like everywhere else.
CREATE TABLE rejects (
  batch_id    VARCHAR NOT NULL,
  file_sha256 VARCHAR NOT NULL,
  path        VARCHAR NOT NULL,
  kind        VARCHAR NOT NULL,
  sheet       VARCHAR,
  row_no      INTEGER NOT NULL,
  columns     VARCHAR NOT NULL,             -- the file's headers of the offending cells, 、-separated
  reason      VARCHAR NOT NULL,             -- in Chinese, one clause per problem
  original    JSON NOT NULL                 -- the row as read: header → cell text
);
