// The command's context, as a user sets it: each documented environment variable (docs/cli.md) does
// what it says, paths are resolved where the user is, and a bad value is told in Chinese.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anjian, casesExport } from "./run-cli.ts";

const ROWS = "C1,某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,1000\nC2,某公司,火星镇,区应急局,普通,2023-03-01,,0\n";

describe("the environment, as documented", () => {
  it("ANJIAN_WAREHOUSE relative to where the command runs; ANJIAN_KEY_FILE used and never overwritten by --out", () => {
    const { dir, exports } = casesExport(ROWS);
    const keyFile = path.join(dir, "密钥.txt");
    fs.writeFileSync(keyFile, "key-from-a-file-0123456789abcdef\n");
    const env = { ANJIAN_KEY: undefined, ANJIAN_KEY_FILE: "密钥.txt", ANJIAN_WAREHOUSE: "仓库/a.duckdb" };
    const first = anjian(["ingest", exports, "--json"], { cwd: dir, env });
    expect(first.code).toBe(0);
    const warehouse = path.join(dir, "仓库", "a.duckdb");
    expect(fs.existsSync(warehouse)).toBe(true);
    expect(fs.existsSync(path.join(dir, "仓库", "anjian.key"))).toBe(false); // the named key file, not a new one
    expect(anjian(["status"], { cwd: dir, env }).stdout).toContain(`数据仓库：${warehouse}`);

    const before = fs.readFileSync(keyFile, "utf8");
    const r = anjian(["rejects", "--out", "密钥.txt", "--force"], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("个人信息脱敏密钥文件");
    expect(fs.readFileSync(keyFile, "utf8")).toBe(before);

    // the same warehouse with another key is refused (the file's key was used)
    const other = anjian(["ingest", exports], { cwd: dir, env: { ...env, ANJIAN_KEY: "another-key-0123456789abcdef" } });
    expect(other.stderr).toContain("个人信息脱敏密钥与数据仓库中已有数据所用的密钥不一致");
  });

  it("ANJIAN_PROFILE and ANJIAN_ALIASES name other files; a missing one is told by name", () => {
    const { dir, exports, warehouse } = casesExport(ROWS);
    const profile = anjian(["ingest", exports, "--warehouse", warehouse], { cwd: dir, env: { ANJIAN_PROFILE: "无此文件.json" } });
    expect([profile.code, profile.stderr.trim()]).toEqual([1, "找不到地区配置文件 无此文件.json"]);
    const aliases = anjian(["ingest", exports, "--warehouse", warehouse], { cwd: dir, env: { ANJIAN_ALIASES: "无此文件.csv" } });
    expect([aliases.code, aliases.stderr.trim()]).toEqual([1, `找不到表头别名表 ${path.join(dir, "无此文件.csv")}，请检查文件路径。`]);
    expect(fs.existsSync(warehouse)).toBe(false);

    // an alias table of one's own: a header the shipped table does not know
    const own = path.join(dir, "别名.csv");
    fs.writeFileSync(own, "kind,header,alias\ncases,案件编号,平台案卷号\n");
    fs.writeFileSync(path.join(exports, "a.csv"), fs.readFileSync(path.join(exports, "a.csv"), "utf8").replace("案件编号", "平台案卷号"));
    expect(anjian(["ingest", exports, "--warehouse", warehouse], { cwd: dir }).stdout).toContain("未导入 1 个");
    const r = anjian(["ingest", exports, "--json", "--warehouse", warehouse], { cwd: dir, env: { ANJIAN_ALIASES: own } });
    expect(JSON.parse(r.stdout).files.map((f: { status: string; accepted: number }) => [f.status, f.accepted])).toEqual([["imported", 1]]);
  });

  it("ANJIAN_MEMORY_LIMIT: a value DuckDB understands is used, another is told with what to write", () => {
    const { dir, exports, warehouse } = casesExport(ROWS);
    expect(anjian(["ingest", exports, "--json", "--warehouse", warehouse], { cwd: dir, env: { ANJIAN_MEMORY_LIMIT: "300MB" } }).code).toBe(0);
    const bad = anjian(["status", "--warehouse", warehouse], { env: { ANJIAN_MEMORY_LIMIT: "80%" } });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe("环境变量 ANJIAN_MEMORY_LIMIT 的值“80%”无法识别。请写成数值加单位，如 512MB、2GB，或删去这个变量使用默认值。");
  });

  it("ANJIAN_DEBUG=1 adds the original of an error to its Chinese sentence; without it, Chinese only", () => {
    const { dir } = casesExport(ROWS);
    const broken = path.join(dir, "坏.duckdb");
    fs.writeFileSync(broken, "这不是数据仓库");
    const plain = anjian(["status", "--warehouse", broken]);
    expect([plain.code, plain.stderr.trim()]).toEqual([1, `${broken} 不是有效的数据仓库文件。请检查 --warehouse 参数。`]);
    const debug = anjian(["status", "--warehouse", broken], { env: { ANJIAN_DEBUG: "1" } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain(`${broken} 不是有效的数据仓库文件。`);
    expect(debug.stderr).toMatch(/not a valid DuckDB database/);
  });
});
