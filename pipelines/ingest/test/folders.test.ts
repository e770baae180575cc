// Folder imports with odd entries: links out of the folder, loops, dangling links, a pipe. Each is
// refused on its own with a Chinese reason; the rest imports.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, freshWarehouse, type TestWarehouse, tempDir, writeCsv } from "./helpers.ts";
import { spawnSync } from "node:child_process";

let w: TestWarehouse;
afterEach(() => w?.close());

describe("folders", () => {
  it("never follows a link out of the folder or into a loop; bad entries are refused alone", async () => {
    w = await freshWarehouse();
    const folder = path.join(w.dir, "exports");
    writeCsv(path.join(folder, "a.csv"), [CASES_HEADER, caseRow({ 案件编号: "F1" })]);
    writeCsv(path.join(folder, "sub", "b.csv"), [CASES_HEADER, caseRow({ 案件编号: "F2" })]);
    const outside = writeCsv(path.join(tempDir(), "secret.csv"), [CASES_HEADER, caseRow({ 案件编号: "OUT" })]);
    fs.symlinkSync(outside, path.join(folder, "c-outside.csv"));
    fs.symlinkSync(path.join(folder, "d-loop"), path.join(folder, "d-loop"));
    fs.symlinkSync(path.join(folder, "gone.csv"), path.join(folder, "e-dangling.csv"));
    fs.symlinkSync(folder, path.join(folder, "sub", "f-up")); // a folder loop
    fs.symlinkSync(path.join(folder, "a.csv"), path.join(folder, "g-same.csv")); // the same file again
    expect(spawnSync("mkfifo", [path.join(folder, "h-pipe.csv")]).status).toBe(0);
    const { files } = await w.run([folder]);
    const byName = Object.fromEntries(files.map((f) => [path.basename(f.path), f]));
    expect(Object.keys(byName).sort()).toEqual(["a.csv", "b.csv", "c-outside.csv", "d-loop", "e-dangling.csv", "f-up", "h-pipe.csv"]);
    expect(byName["a.csv"]).toMatchObject({ status: "imported", accepted: 1 });
    expect(byName["b.csv"]).toMatchObject({ status: "imported", accepted: 1 });
    expect(byName["c-outside.csv"]!.error).toContain("指向导入文件夹之外");
    expect(byName["d-loop"]!.error).toContain("循环");
    expect(byName["e-dangling.csv"]!.error).toContain("不存在");
    expect(byName["f-up"]!.error).toContain("指向文件夹");
    expect(byName["h-pipe.csv"]!.error).toContain("不是普通文件");
    for (const f of files.filter((f) => f.status === "refused")) expect(f.error).not.toMatch(/[A-Z]{4,}|Error/);
    const keys = await w.rows<{ case_no: string }>("SELECT case_no FROM cases ORDER BY case_no");
    expect(keys.map((k) => k.case_no)).toEqual(["F1", "F2"]);
    const [refused] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM files WHERE status = 'refused'");
    expect(refused!.n).toBe(5);
  });
});
