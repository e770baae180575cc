import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CASES_HEADER, caseRow, countAll, freshWarehouse, type TestWarehouse, writeCsv, writeXlsx } from "./helpers.ts";

let w: TestWarehouse;
afterEach(() => w?.close());

describe("refused files load nothing, say why and what to do, and the others still import", () => {
  it("refuses .xls, empty, binary, unknown header, truncated xlsx; imports the good file", async () => {
    w = await freshWarehouse();
    const d = path.join(w.dir, "exports");
    fs.mkdirSync(d);
    // A real .xls starts with the OLE2 signature.
    fs.writeFileSync(path.join(d, "a-old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(d, "b-empty.csv"), "");
    fs.writeFileSync(path.join(d, "c-binary.csv"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)));
    writeCsv(path.join(d, "d-unknown.csv"), [["姓名", "年龄", "爱好"], ["张三", "30", "钓鱼"]]);
    const full = await writeXlsx(path.join(d, "e-full.xlsx"), [{ name: "S", rows: [CASES_HEADER, caseRow()] }]);
    const bytes = fs.readFileSync(full);
    fs.writeFileSync(path.join(d, "e-truncated.xlsx"), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    fs.rmSync(full);
    writeCsv(path.join(d, "f-good.csv"), [CASES_HEADER, caseRow({ 案件编号: "OK-1" })]);
    fs.writeFileSync(path.join(d, "g-notes.txt.docx"), "not a spreadsheet");

    const { files } = await w.run([d]);
    const byName = Object.fromEntries(files.map((f) => [path.basename(f.path), f]));
    expect(Object.keys(byName)).toEqual([
      "a-old.xls",
      "b-empty.csv",
      "c-binary.csv",
      "d-unknown.csv",
      "e-truncated.xlsx",
      "f-good.csv",
      "g-notes.txt.docx",
    ]);
    expect(byName["a-old.xls"]!.error).toContain("另存为");
    expect(byName["b-empty.csv"]!.error).toContain("文件为空");
    expect(byName["c-binary.csv"]!.error).toContain("不是文本");
    expect(byName["d-unknown.csv"]!.error).toMatch(/没有可识别的表头.*姓名、年龄、爱好/);
    expect(byName["e-truncated.xlsx"]!.error).toContain("不完整");
    expect(byName["g-notes.txt.docx"]!.error).toContain("不支持的文件类型");
    for (const f of files.filter((x) => x.path.endsWith("f-good.csv") === false)) {
      expect(f.status).toBe("refused");
      expect(f.accepted + f.read).toBe(0);
    }
    expect(byName["f-good.csv"]).toMatchObject({ status: "imported", accepted: 1 });
    expect(await countAll(w)).toMatchObject({ cases: 1, rejects: 0 });
    const [refused] = await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM files WHERE status = 'refused'");
    expect(refused!.n).toBe(6);
  });

  it("a file with only a header imports nothing and says so", async () => {
    w = await freshWarehouse();
    const file = writeCsv(path.join(w.dir, "empty-period.csv"), [["荔城区应急管理局行政处罚案件台账"], CASES_HEADER, ["合计"]]);
    const { files } = await w.run([file]);
    expect(files[0]).toMatchObject({ status: "imported", read: 2, skipped: 2, accepted: 0 });
    expect(files[0]!.notes.join()).toContain("没有数据行");
  });

  it("names the nearest kind and its missing columns", async () => {
    w = await freshWarehouse();
    const header = CASES_HEADER.filter((h) => h !== "程序类型" && h !== "立案日期");
    const file = writeCsv(path.join(w.dir, "near.csv"), [header]);
    const { files } = await w.run([file]);
    expect(files[0]!.error).toContain("最接近“行政处罚案件台账”，但缺少必填列：程序类型、立案日期");
  });
});
