// Test warehouses: real DuckDB files in temporary folders, with rows inserted as the import would
// have stored them (canonical towns and units, typed columns). Values are always bound.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { openWarehouse, quotedIdentifier, type Warehouse } from "@anjian/warehouse";

export interface TempWarehouse {
  dir: string;
  file: string;
  warehouse: Warehouse;
  /** Closes the warehouse (if open) and removes the folder. */
  cleanup(): void;
}

export async function tempWarehouse(prefix = "anjian-ind-"): Promise<TempWarehouse> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "anjian.duckdb");
  const warehouse = await openWarehouse(file);
  let closed = false;
  const close = warehouse.close.bind(warehouse);
  warehouse.close = () => {
    if (!closed) close();
    closed = true;
  };
  return {
    dir,
    file,
    warehouse,
    cleanup() {
      warehouse.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Row = Record<string, string | number | boolean | null | string[]>;

const LINEAGE = { batch_id: "20240105-091200-aaaaaa", file_sha256: "f".repeat(64), sheet: null, row_no: 1, row_hash: "h" };

export const BUREAU = "荔城区应急管理局";

const DEFAULTS: Record<string, Row> = {
  cases: {
    party_name: "莆田市荔城区某某鞋业有限公司",
    party_type: "单位",
    town: "镇海街道",
    authority: BUREAU,
    authority_level: "bureau",
    procedure: "普通程序",
    filed_on: "2023-01-03",
    penalty_kinds: ["罚款"],
    fine_yuan: "0",
    dual_penalty: false,
    legal_review: false,
    status: "已决定",
  },
  inspections: {
    target_name: "莆田市荔城区某某鞋业有限公司",
    town: "镇海街道",
    method: "日常检查",
    authority: BUREAU,
    authority_level: "bureau",
    joint: false,
  },
  hazards: {
    unit_name: "莆田市荔城区某某鞋业有限公司",
    town: "镇海街道",
    level: "一般隐患",
    category: "安全管理",
    rectification: "已整改",
    listed: false,
  },
  enforcers: {
    person_name: "王某",
    unit: BUREAU,
    unit_level: "bureau",
    certificate_type: "行政执法证",
    cert_status: "有效",
  },
  random_checks: { target_name: "莆田市荔城区某某鞋业有限公司", plan_year: 2023, town: "镇海街道", task_status: "已完成", joint: false, published: false },
  accidents: { accident_name: "某某事故", town: "镇海街道", accident_type: "其他", direct_loss_yuan: "0" },
  activities: { category: "普法宣传", title: "某某活动" },
};

/** Inserts rows into a kind's table; missing columns take defaults, lists are VARCHAR[]. */
export async function insertRows(connection: DuckDBConnection, table: keyof typeof DEFAULTS | string, rows: Row[]): Promise<void> {
  for (const [i, r] of rows.entries()) {
    const row: Row = { ...LINEAGE, row_no: i + 1, ...(DEFAULTS[table] ?? {}), ...r };
    const cols = Object.keys(row);
    const values: Record<string, DuckDBValue> = {};
    const exprs = cols.map((c, j) => {
      const v = row[c];
      const name = `p${j}`;
      if (Array.isArray(v)) {
        values[name] = v.join("\x1f");
        return `CAST(string_split(nullif($${name}, ''), chr(31)) AS VARCHAR[])`;
      }
      values[name] = v as DuckDBValue;
      return `$${name}`;
    });
    await connection.run(
      `INSERT INTO ${quotedIdentifier(table)} (${cols.map(quotedIdentifier).join(", ")}) VALUES (${exprs.join(", ")})`,
      values,
    );
  }
}

/** A valid GB 32100 code from 17 characters (computes the check character). */
export function creditCode(first17: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]!) * weights[i]!;
  return first17 + chars[(31 - (sum % 31)) % 31];
}

/** The same code with a wrong check character. */
export function flawedCode(code: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const last = chars.indexOf(code[17]!);
  return code.slice(0, 17) + chars[(last + 1) % 31];
}
