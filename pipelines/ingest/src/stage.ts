// Staging: raw text rows behind the temp view `stage` (row_no, dirty, ids, c0 … c{n-1}) and the rows that
// could not be split into cells into `stage_bad`. Temp tables never reach the warehouse file, so
// personal data in clear never does either.
import type { DuckDBConnection } from "@duckdb/node-api";
import { type BadRecord, DIRTY_BITS, type XlsxMerge, type XlsxRow } from "@anjian/exports";
import { quotedString as lit } from "@anjian/warehouse";

async function createStage(connection: DuckDBConnection, width: number): Promise<void> {
  const cols = Array.from({ length: width }, (_, i) => `c${i} VARCHAR`).join(", ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE stage_xlsx (row_no INTEGER, ids BIGINT, ${cols})`);
  // Every bit of `dirty` set: each cell goes through the cleaning rule (the CSV reader marks which
  // need it). `ids` as the CSV reader's: the cells with a run of 17 digits, marked while appending.
  await connection.run(
    "CREATE OR REPLACE TEMP VIEW stage AS SELECT row_no, CAST(-1 AS BIGINT) AS dirty, ids, * EXCLUDE (row_no, ids) FROM stage_xlsx",
  );
  await connection.run("CREATE OR REPLACE TEMP TABLE stage_bad (row_no INTEGER, text VARCHAR, reason VARCHAR)");
}

/**
 * read_csv's buffer: DuckDB's threads share a file buffer by buffer, and its default (32 MB)
 * splits an 85 MB chunk into three, so one of two cores waits for the last. Measured on a
 * 200 000-row chunk: 1.1 s and 1.5 s of CPU by default, 0.6 s and 0.9 s with 4 MB. Records stay
 * bounded by read_csv's max_line_size (2 MB), as before.
 */
const CSV_BUFFER_BYTES = 4 << 20;

/**
 * Puts one prepared chunk (`row_no,dirty,ids,c0,c1,…` per record) behind `stage`: a view over DuckDB's own
 * CSV reader, not a table. The file is imported in one transaction, and a table created inside it
 * lives in transaction-local storage, which DuckDB scans on one thread: typing a 200 000-row chunk
 * from such a table took 3.7 s, from the view 2.0 s (parsing included) on two cores.
 */
export async function stageCsvChunk(
  connection: DuckDBConnection,
  chunkFile: string,
  width: number,
  bad: BadRecord[],
): Promise<void> {
  const columns = `{'row_no': 'INTEGER', 'dirty': 'BIGINT', 'ids': 'BIGINT', ${Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ")}}`;
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW stage AS
     SELECT * FROM read_csv(${lit(chunkFile)}, header = false, auto_detect = false, delim = ',', quote = '"',
                            escape = '"', columns = ${columns}, strict_mode = false,
                            buffer_size = ${CSV_BUFFER_BYTES})`,
  );
  await connection.run("CREATE OR REPLACE TEMP TABLE stage_bad (row_no INTEGER, text VARCHAR, reason VARCHAR)");
  await insertBad(connection, bad);
}

async function insertBad(connection: DuckDBConnection, bad: BadRecord[]): Promise<void> {
  if (bad.length === 0) return;
  const appender = await connection.createAppender("stage_bad", "main", "temp");
  for (const b of bad) {
    appender.appendInteger(b.rowNo);
    appender.appendVarchar(b.text);
    appender.appendVarchar(b.reason);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Appends up to `maxRows` worksheet rows from `rows` into a fresh stage; returns how many were
 * staged and whether the sheet has more.
 */
export async function stageXlsxChunk(
  connection: DuckDBConnection,
  rows: AsyncIterator<XlsxRow>,
  width: number,
  maxRows: number,
  onRow?: (n: number) => void,
): Promise<{ staged: number; first: number; last: number; done: boolean }> {
  await createStage(connection, width);
  const appender = await connection.createAppender("stage_xlsx", "main", "temp");
  let n = 0;
  let first = 0;
  let last = 0;
  let done = false;
  try {
    while (n < maxRows) {
      const next = await rows.next();
      if (next.done) {
        done = true;
        break;
      }
      const row = next.value;
      if (n === 0) first = row.rowNo;
      last = row.rowNo;
      appender.appendInteger(row.rowNo);
      appender.appendBigInt(idBits(row.cells, width));
      for (let i = 0; i < width; i++) {
        const v = row.cells[i];
        if (v == null) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
      n++;
      if (onRow && n % 5000 === 0) onRow(n);
    }
  } finally {
    appender.closeSync();
  }
  return { staged: n, first, last, done };
}

const DIGIT_RUN = /[0-9]{17}/;

/** Bit i set when cell i holds a run of 17 digits, where an ID number may be (see `ids` in csv-prepare.ts). */
function idBits(cells: (string | null | undefined)[], width: number): bigint {
  let bits = 0n;
  for (let i = 0; i < Math.min(width, DIRTY_BITS); i++) {
    const v = cells[i];
    if (v != null && v.length >= 17 && DIGIT_RUN.test(v)) bits |= 1n << BigInt(i);
  }
  return bits;
}

/**
 * A merged block in the data area holds its value for every row it spans (first column only).
 * Blocks may cross chunk boundaries: `carried` keeps the value of a block whose top row was in an
 * earlier chunk.
 */
export async function applyMerges(
  connection: DuckDBConnection,
  merges: XlsxMerge[],
  headerRowNo: number,
  width: number,
  chunk: { first: number; last: number },
  carried: Map<string, string | null>,
): Promise<void> {
  for (const m of merges) {
    if (m.top <= headerRowNo || m.bottom <= m.top || m.left >= width) continue;
    if (m.bottom < chunk.first || m.top > chunk.last) continue;
    const c = `c${m.left}`;
    const id = `${m.top}:${m.left}`;
    if (m.top >= chunk.first) {
      const [row] = (await connection.runAndReadAll(`SELECT ${c} AS v FROM stage_xlsx WHERE row_no = $top`, { top: m.top })).getRows();
      carried.set(id, row?.[0] == null ? null : String(row[0]));
    }
    const value = carried.get(id) ?? null;
    if (value === null) continue;
    await connection.run(
      // The filled cells are masked like the top one: all of the row's bits, rather than work out one.
      `UPDATE stage_xlsx SET ${c} = $value, ids = -1 WHERE row_no > $top AND row_no <= $bottom AND ${c} IS NULL`,
      { value, top: m.top, bottom: m.bottom },
    );
  }
}
