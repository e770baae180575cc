// The cleaning macros of sql/rules/ on their odd inputs, in a real DuckDB.
import { creditCodeCheckChar, idCardCheckChar, isValidCreditCode, maskIdNumbers } from "@anjian/codes";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";
import { applyRules } from "../src/rules.ts";
import { queryRows } from "../src/warehouse.ts";

let instance: DuckDBInstance;
let conn: Awaited<ReturnType<DuckDBInstance["connect"]>>;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  await migrate(conn);
  await applyRules(conn);
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

async function one(sql: string, s: string | null): Promise<unknown> {
  const [row] = await queryRows<{ v: unknown }>(conn, `SELECT ${sql} AS v`, { s });
  return row!.v;
}

describe("dates", () => {
  it.each([
    ["2023-05-12", "2023-05-12"],
    ["2023/5/12", "2023-05-12"],
    ["2023.5.12", "2023-05-12"],
    ["2023年5月12日", "2023-05-12"],
    ["20230512", "2023-05-12"],
    ["45058", "2023-05-12"],
    ["45058.75", "2023-05-12"],
    ["2023-05-12 14:30:00", "2023-05-12"],
    ["2023/5/12 9:05", "2023-05-12"],
    ["2023年5月12日 14:30", "2023-05-12"],
    ["２０２３－０５－１２", "2023-05-12"],
    ["2023-02-30", null],
    ["2023-13-01", null],
    ["12/05/2023", null],
    ["昨天", null],
  ])("%s → %s", async (s, expected) => {
    expect(await one("CAST(anj_parse_date(anj_half($s)) AS VARCHAR)", s)).toBe(expected);
  });

  it("tells a date that does not exist from text that is no date", async () => {
    expect(await one("anj_date_form(anj_half($s))", "2023-02-30")).toBe(true);
    expect(await one("anj_date_form(anj_half($s))", "二〇二三年")).toBe(false);
  });

  it("keeps the time of 更新时间", async () => {
    expect(await one("CAST(anj_parse_ts($s) AS VARCHAR)", "2023-05-12 14:30:05")).toBe("2023-05-12 14:30:05");
    expect(await one("CAST(anj_parse_ts($s) AS VARCHAR)", "2023/5/12 9:05")).toBe("2023-05-12 09:05:00");
    expect(await one("CAST(anj_parse_ts($s) AS VARCHAR)", "45058.5")).toBe("2023-05-12 12:00:00");
    expect(await one("CAST(anj_parse_ts($s) AS VARCHAR)", "20230512")).toBe("2023-05-12 00:00:00");
  });
});

describe("amounts", () => {
  it.each([
    ["1200", 1, "1200.00"],
    ["1,200.00", 1, "1200.00"],
    ["1200元", 1, "1200.00"],
    ["￥1200", 1, "1200.00"],
    ["１２００", 1, "1200.00"],
    ["１，２００．５０", 1, "1200.50"],
    ["0.25", 10000, "2500.00"],
    ["1.2345", 10000, "12345.00"],
    ["0.123456", 10000, "1234.56"],
    ["-5", 1, "-5.00"],
    ["五百", 1, null],
    ["12..5", 1, null],
  ])("%s ×%d → %s", async (s, factor, expected) => {
    const [row] = await queryRows<{ v: string | null }>(conn, "SELECT CAST(anj_parse_amount($s, $f) AS VARCHAR) AS v", { s, f: factor });
    expect(row!.v).toBe(expected);
  });
});

describe("booleans and cells", () => {
  it.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    ["1", true],
    ["0", false],
    ["√", true],
    ["×", false],
    ["TRUE", true],
    ["false", false],
    ["Ｙ", true],
    ["也许", null],
  ])("%s → %s", async (s, expected) => {
    expect(await one("anj_parse_bool($s)", s)).toBe(expected);
  });

  it.each([
    ["\u3000 镇海街道 \u3000", "镇海街道"],
    ["-", null],
    ["—", null],
    ["/", null],
    ["无", null],
    ["空", null],
    ["  ", null],
  ])("anj_clean(%j) → %j", async (s, expected) => {
    expect(await one("anj_clean($s)", s)).toBe(expected);
  });

  it("codes: half-width, upper-case; numbers that lost digits are spotted", async () => {
    expect(await one("anj_code($s)", "９１３５０１００ｍ０００１００ｙ４３")).toBe("91350100M000100Y43");
    expect(await one("anj_code_lost($s)", "9.13503E+17")).toBe(true);
    expect(await one("anj_code_lost($s)", "913503049095165000")).toBe(false);
  });
});

describe("GB 32100 check digit in SQL agrees with the reference implementation", () => {
  const bodies = ["91350100M000100Y4", "91350000158142711", "12350304MB0123456", "52350300MJD123456", "9135030477PQ12345"];
  it.each(bodies)("%s", async (body) => {
    const good = body + creditCodeCheckChar(body);
    expect(isValidCreditCode(good)).toBe(true);
    expect(await one("anj_gb32100_ok($s)", good)).toBe(true);
    const wrong = body + (good.endsWith("0") ? "1" : "0");
    expect(await one("anj_gb32100_ok($s)", wrong)).toBe(isValidCreditCode(wrong));
  });
  it("rejects letters outside the charset and wrong lengths", async () => {
    expect(await one("anj_gb32100_ok($s)", "91350100M000100I43")).toBe(false);
    expect(await one("anj_gb32100_ok($s)", "91350100M000100Y4")).toBe(false);
  });
});

describe("hostile inputs", () => {
  it("anj_gb11643_ok agrees with the JS check on every check character", async () => {
    for (const body of ["11010519491231002", "44052418800101001", "35030419900101123", "00000000000000000"]) {
      for (const check of "0123456789X") {
        const id = body + check;
        expect(await one("anj_gb11643_ok($s)", id), id).toBe(idCardCheckChar(body) === check);
      }
    }
  });

  it("anj_mask_ids hides exactly the valid ID numbers that maskIdNumbers hides", async () => {
    const texts = [
      "联系人11010519491231002X，电话13800000000",
      "11010519491231002x",
      "350304199001011230",
      "911010519491231002X",
      "a440524188001010014b 440524188001010014",
      "短",
      null,
    ];
    for (const s of texts) {
      const [row] = await queryRows<{ v: string | null }>(conn, "SELECT anj_mask_ids($s, 'k') AS v", { s });
      const js = s === null ? null : maskIdNumbers(s, () => "@");
      expect(row!.v === null ? null : row!.v.replace(/已脱敏:[0-9a-f]{64}/g, "@"), String(s)).toBe(js);
    }
  });

  it("amounts too large for DECIMAL(18, 2) are NULL, not an error; the apostrophe of an exported cell comes off", async () => {
    expect(await one("anj_parse_amount($s, 1)", "10000000000000000")).toBeNull();
    expect(await one("anj_parse_amount($s, 10000)", "999999999999999")).toBeNull();
    expect(await one("anj_parse_amount($s, 1)", "1e40")).toBeNull();
    expect(await one("anj_amount_form($s)", "10000000000000000")).toBe(true);
    expect(await one("anj_clean($s)", "'=1+1")).toBe("=1+1");
    expect(await one("anj_clean($s)", "'-")).toBeNull();
    expect(await one("anj_clean($s)", "'abc")).toBe("'abc");
  });
});
