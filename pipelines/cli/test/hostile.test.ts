// The anjian command against hostile use and faults: outputs that would destroy data, pipes that
// close, wrong flags, kills mid-import, files a spreadsheet would run as formulas.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anjian, BIN, CASES_HEADER, casesExport, TEST_KEY } from "./run-cli.ts";

const ID = "11010519491231002X"; // a valid GB 11643 number

function setup() {
  return casesExport('C1,某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,1000\nC2,"=HYPERLINK(""http://evil/"",""点击"")",火星镇,区应急局,普通,2023-03-01,,0\n');
}

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

describe("--out never destroys what it must not", () => {
  it("refuses the warehouse, its WAL and the key file, even with --force; refuses any existing file without --force", () => {
    const { dir, exports, warehouse } = setup();
    // the key file beside the warehouse, as a first run without ANJIAN_KEY creates it
    const env = { ANJIAN_KEY: undefined };
    const first = JSON.parse(anjian(["ingest", exports, "--json", "--warehouse", warehouse], { env }).stdout);
    const key = path.join(path.dirname(warehouse), "anjian.key");
    expect(fs.existsSync(key)).toBe(true);
    const before = { warehouse: sha(warehouse), key: sha(key) };
    const wal = `${warehouse}.wal`;
    for (const target of [warehouse, wal, key, path.relative(dir, warehouse)]) {
      const r = anjian(["rejects", "--batch", first.batch, "--out", target, "--force", "--warehouse", warehouse], { cwd: dir, env });
      expect(r.code, target).toBe(2);
      expect(r.stderr).toMatch(/不能写入/);
    }
    for (const [target, force] of [
      [warehouse, ["--force"]],
      [key, ["--force"]],
      [wal, []],
    ] as const) {
      const f = anjian(["figures", "--year", "2023", "--format", "docx", "--out", target, ...force, "--warehouse", warehouse], { env });
      expect(f.code, `figures ${target}`).toBe(2);
      expect(f.stderr).toMatch(/不能写入/);
    }
    expect(fs.existsSync(wal)).toBe(false);
    expect({ warehouse: sha(warehouse), key: sha(key) }).toEqual(before);
    // a link to the warehouse under another name is the warehouse
    const link = path.join(dir, "link.csv");
    fs.symlinkSync(warehouse, link);
    expect(anjian(["rejects", "--out", link, "--force", "--warehouse", warehouse], { env }).code).toBe(2);

    const out = path.join(dir, "拒绝行.csv");
    fs.writeFileSync(out, "我的表格");
    const kept = anjian(["rejects", "--out", out, "--warehouse", warehouse], { env });
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain("已存在，未覆盖");
    expect(fs.readFileSync(out, "utf8")).toBe("我的表格");
    const md = path.join(dir, "报告.md");
    fs.writeFileSync(md, "旧报告");
    expect(anjian(["figures", "--year", "2023", "--format", "md", "--out", md, "--warehouse", warehouse], { env }).code).toBe(2);
    expect(fs.readFileSync(md, "utf8")).toBe("旧报告");
    expect(anjian(["rejects", "--out", out, "--force", "--warehouse", warehouse], { env }).code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain("问题原因");
    expect(anjian(["figures", "--year", "2023", "--format", "md", "--out", md, "--force", "--warehouse", warehouse], { env }).code).toBe(0);
    // no temp files left beside the outputs
    expect(fs.readdirSync(dir).filter((n) => n.includes(".anjian-"))).toEqual([]);
    expect(anjian(["status", "--warehouse", warehouse], { env }).code).toBe(0);
  }, 240_000);
});

describe("usage and pipes", () => {
  it("--kind with an unknown value is a usage error in Chinese; a missing path creates nothing", () => {
    const { dir, exports, warehouse } = setup();
    anjian(["ingest", exports, "--warehouse", warehouse]);
    const r = anjian(["rejects", "--kind", "accidentz", "--out", path.join(dir, "x.csv"), "--warehouse", warehouse]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是可识别的台账类型");
    expect(r.stderr).toContain("行政处罚案件台账");
    expect(fs.existsSync(path.join(dir, "x.csv"))).toBe(false);
    const bogus = anjian(["status", "--bogus"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("不认识的选项“--bogus”");
    expect(bogus.stderr).not.toMatch(/Unknown option/);

    const fresh = path.join(dir, "new", "anjian.duckdb");
    const missing = anjian(["ingest", path.join(dir, "nope.csv"), "--warehouse", fresh], { env: { ANJIAN_KEY: undefined } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件或文件夹");
    expect(fs.existsSync(path.dirname(fresh))).toBe(false);
  });

  it("`anjian status | head` exits quietly when the reader has gone (EPIPE)", async () => {
    const { exports, warehouse } = setup();
    anjian(["ingest", exports, "--warehouse", warehouse]);
    const child = spawn(process.execPath, [BIN, "status", "--warehouse", warehouse], {
      env: { ...process.env, ANJIAN_KEY: TEST_KEY },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.destroy(); // the reader closes before anything is written
    let stderr = "";
    child.stderr!.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("spreadsheet-safe rejects", () => {
  it("no cell of the rejects CSV becomes a formula when LibreOffice opens it", () => {
    const { dir, exports, warehouse } = setup();
    const first = JSON.parse(anjian(["ingest", exports, "--json", "--warehouse", warehouse]).stdout);
    const out = path.join(dir, "rejects.csv");
    expect(anjian(["rejects", "--batch", first.batch, "--out", out, "--warehouse", warehouse]).code).toBe(0);
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://evil/"",""点击"")"`);
    const converted = path.join(dir, "lo");
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--headless",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "xlsx",
        "--outdir",
        converted,
        out,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const unzip = spawnSync("unzip", ["-p", path.join(converted, "rejects.xlsx"), "xl/worksheets/sheet1.xml"], { encoding: "utf8" });
    expect(unzip.stdout).toContain("<sheetData>");
    expect(unzip.stdout).not.toMatch(/<f[ >]/);

    // The same file imports again: the apostrophe comes off (the party name is as written).
    const fixed = path.join(dir, "fixed.csv");
    fs.writeFileSync(fixed, text.replace(",火星镇,", ",北高,"));
    const again = JSON.parse(anjian(["ingest", fixed, "--json", "--warehouse", warehouse]).stdout);
    expect(again.files[0]).toMatchObject({ accepted: 1, rejected: 0 });
  }, 180_000);
});

describe("rejects round trip", () => {
  it("one file per kind with canonical headers; the corrected files import; resolved rows leave the open rejects", () => {
    const { dir, warehouse } = setup();
    const src = path.join(dir, "src");
    fs.mkdirSync(src);
    // Two alias spellings of the same columns, and a second kind.
    fs.writeFileSync(
      path.join(src, "a.csv"),
      `案件编号,当事人名称,所属镇街,执法主体,程序类型,立案日期,罚款金额（元）\nA1,甲公司,火星镇,区应急局,普通,2023-03-01,100\nA2,乙公司,镇海,区应急局,普通,2023-03-01,-5\n`,
    );
    fs.writeFileSync(
      path.join(src, "b.csv"),
      `案件号,被处罚人,镇街,处罚机关,适用程序,立案日期,罚款金额（万元）\nB1,丙公司,月球镇,区应急局,普通,2023-03-02,1.25\n`,
    );
    fs.writeFileSync(
      path.join(src, "h.csv"),
      "隐患编号,单位名称,所属镇街,发现日期,隐患等级,隐患类别,整改状态\nH1,丁公司,镇海,2023-04-01,特大,消防安全,整改中\n",
    );
    const first = JSON.parse(anjian(["ingest", src, "--json", "--warehouse", warehouse]).stdout);
    expect(first.files.map((f: { rejected: number }) => f.rejected)).toEqual([2, 1, 1]);
    let status = JSON.parse(anjian(["status", "--json", "--warehouse", warehouse]).stdout);
    expect(status.rejects).toEqual([
      { kind: "cases", rows: 3, resolved: 0 },
      { kind: "hazards", rows: 1, resolved: 0 },
    ]);

    const out = path.join(dir, "拒绝行.csv");
    const r = anjian(["rejects", "--batch", first.batch, "--out", out, "--warehouse", warehouse]);
    expect(r.code).toBe(0);
    const casesFile = path.join(dir, "拒绝行-行政处罚案件台账.csv");
    const hazardsFile = path.join(dir, "拒绝行-隐患排查治理台账.csv");
    expect(fs.existsSync(out)).toBe(false);
    const cases = fs.readFileSync(casesFile, "utf8");
    const header = cases.split("\r\n")[0]!;
    expect(header).toContain("案件编号,案件名称,当事人名称");
    expect(header).not.toContain("案件号");
    expect(header).not.toContain("万元");
    expect(cases).toContain(",B1,"); // the alias file's row under the canonical header
    expect(cases).toContain(",12500,"); // 1.25 万元 in 元
    expect(fs.readFileSync(hazardsFile, "utf8").split("\r\n")[0]).toContain("隐患编号");

    // The analyst fixes two of the three case rows and the hazard, and imports the files again.
    fs.writeFileSync(casesFile, cases.replace(",火星镇,", ",北高,").replace(",月球镇,", ",镇海,"));
    fs.writeFileSync(hazardsFile, fs.readFileSync(hazardsFile, "utf8").replace(",特大,", ",一般,"));
    const again = JSON.parse(anjian(["ingest", casesFile, hazardsFile, "--json", "--warehouse", warehouse]).stdout);
    expect(again.files.map((f: { accepted: number; rejected: number }) => [f.accepted, f.rejected])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    status = JSON.parse(anjian(["status", "--json", "--warehouse", warehouse]).stdout);
    // A2 is still open (twice: its first reject and the one from the corrected file).
    expect(status.rejects).toEqual([{ kind: "cases", rows: 2, resolved: 2 }]);
    expect(status.rejects_resolved).toBe(3);
    const text = anjian(["status", "--warehouse", warehouse]).stdout;
    expect(text).toContain("待处理的被拒绝行：共 2 行");
    expect(text).toContain("另有 3 行已由之后导入的文件改正");
    // The history stays: --all includes the resolved rows.
    const all = path.join(dir, "all.csv");
    expect(anjian(["rejects", "--all", "--kind", "cases", "--out", all, "--warehouse", warehouse]).code).toBe(0);
    expect(fs.readFileSync(all, "utf8").trim().split("\r\n")).toHaveLength(1 + 4);
    // A dozen CLI runs, each opening the warehouse and refreshing the models: 40 s alone, over 60 s on
    // a busy two-core machine.
  }, 240_000);
});

/** Resolves when `check` holds, polling; rejects after `ms`. */
async function until(check: () => boolean, ms: number, child?: ChildProcess): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    if (child && child.exitCode !== null) throw new Error(`child ended early (${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function bigCsv(file: string, rows: number): void {
  const lines = [`${CASES_HEADER},当事人证件号码`];
  for (let i = 0; i < rows; i++) lines.push(`K${i},某某公司${i},镇海,区应急局,普通,2023-03-01,2023-04-01,${i % 5000},${ID}`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

describe("scratch folders", () => {
  it("are private while an import runs, survive no kill -9 past the next run, and go on SIGTERM", async () => {
    const { dir, warehouse } = setup();
    const tmp = path.join(dir, "tmp");
    fs.mkdirSync(tmp);
    const big = path.join(dir, "big.csv");
    bigCsv(big, 300_000);
    const env = { ...process.env, ANJIAN_KEY: TEST_KEY, TMPDIR: tmp };
    const scratch = () => fs.readdirSync(tmp).filter((n) => n.startsWith("anjian-stage-"));
    const ours = () => fs.readdirSync(tmp).filter((n) => n.startsWith("anjian-")); // (tsx keeps a cache there too)
    const staged = () => scratch().some((n) => fs.readdirSync(path.join(tmp, n)).length > 0);

    for (const signal of ["SIGKILL", "SIGTERM"] as const) {
      const child = spawn(process.execPath, [BIN, "ingest", big, "--warehouse", warehouse], { env, stdio: "ignore" });
      await until(staged, 60_000, child);
      for (const name of ours()) {
        const p = path.join(tmp, name);
        expect(fs.statSync(p).mode & 0o777, name).toBe(0o700);
        for (const f of fs.readdirSync(p)) expect(fs.statSync(path.join(p, f)).mode & 0o077, f).toBe(0);
      }
      child.kill(signal);
      await new Promise((r) => child.on("close", r));
      if (signal === "SIGKILL") {
        expect(scratch().length).toBeGreaterThan(0); // a kill -9 leaves them…
        const status = anjian(["status", "--warehouse", warehouse], { env: { TMPDIR: tmp } });
        expect(status.code).toBe(0);
        expect(status.stdout).toContain("中途中断");
        expect(ours()).toEqual([]); // …until the next run removes them
      } else {
        expect(ours()).toEqual([]);
      }
    }
    // The warehouse opens and imports the file completely afterwards.
    const r = JSON.parse(anjian(["ingest", big, "--json", "--warehouse", warehouse], { env: { TMPDIR: tmp } }).stdout);
    expect(r.files[0]).toMatchObject({ status: "imported", accepted: 300_000 });
    expect(ours()).toEqual([]);
  }, 400_000);
});

describe("memory", () => {
  it.runIf(fs.existsSync("/usr/bin/time"))(
    "a 1,000-column CSV and a 50 MB cell import within 1 GiB of peak memory",
    () => {
      const { dir, warehouse } = setup();
      const head = CASES_HEADER.split(",");
      const extra = Array.from({ length: 1000 - head.length }, (_, i) => `附加列${i + 1}`);
      const tail = extra.map((_, i) => `值${i}`).join(",");
      const lines = [[...head, ...extra].join(",")];
      for (let r = 0; r < 5000; r++) lines.push(`W${r},某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,100,${tail}`);
      lines.push(`G1,${"长".repeat(17 << 20)},镇海,区应急局,普通,2023-03-01,2023-04-01,100,${tail}`);
      const file = path.join(dir, "wide.csv");
      fs.writeFileSync(file, `${lines.join("\n")}\n`);
      const r = spawnSync("/usr/bin/time", ["-f", "peak %M", process.execPath, BIN, "ingest", file, "--json", "--warehouse", warehouse], {
        env: { ...process.env, ANJIAN_KEY: TEST_KEY },
        encoding: "utf8",
      });
      const out = JSON.parse(r.stdout);
      expect(out.files[0]).toMatchObject({ status: "imported", accepted: 5000, rejected: 1 });
      const peakKiB = Number(/peak (\d+)/.exec(r.stderr)![1]);
      expect(peakKiB).toBeLessThan(1024 * 1024);
    },
    240_000,
  );
});

/** A valid GB 11643 number from its first 17 digits. */
function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i]!;
  return first17 + "10X98765432"[sum % 11];
}

/** Mounts a small tmpfs (needs root); the reason it cannot, or null. */
function mountTmpfs(dir: string, size: string): string | null {
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=1777`, "tmpfs", dir], { encoding: "utf8" });
  if (r.error) return `mount: ${r.error.message}`;
  return r.status === 0 ? null : `mount exit ${r.status}: ${r.stderr.trim()}`;
}

/** Every file under `dir` (recursively), tsx's own compile cache aside. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !path.relative(dir, f).startsWith("tsx-"));
}

describe("disk full", () => {
  it("a full temp folder or a full warehouse disk: refused in Chinese, the warehouse as before, no staging left, no ID in clear", (ctx) => {
    const { dir } = setup();
    const tmp = path.join(dir, "small-tmp");
    const disk = path.join(dir, "small-disk");
    const reason = mountTmpfs(tmp, "20m"); // the 12 MB disk is mounted below, when its turn comes
    if (reason) {
      console.warn(`disk-full test skipped: cannot mount a small tmpfs here (${reason})`);
      ctx.skip();
      return;
    }
    try {
      // A file whose staging (about 36 MB) fits neither the 20 MB temp folder nor the 12 MB disk.
      const ids: string[] = [];
      const lines = ["案件编号,当事人名称,当事人类型,当事人证件号码,所属镇街,执法主体,程序类型,立案日期,罚款金额（元）"];
      for (let r = 0; r < 400_000; r++) {
        const id = withCheckDigit(`3503041990${String(r).padStart(7, "0")}`);
        if (r % 40_000 === 0) ids.push(id);
        lines.push(`B${r},李四${r},个人,${id},镇海,区应急局,普通,2023-03-01,100`);
      }
      const big = path.join(dir, "big.csv");
      fs.writeFileSync(big, `${lines.join("\n")}\n`);
      const small = path.join(dir, "small.csv");
      fs.writeFileSync(small, `${CASES_HEADER}\nS1,某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,1000\nS2,某公司,镇海,区应急局,普通,2023-03-01,2023-04-01,2000\n`);
      const casesIn = (warehouse: string) =>
        JSON.parse(anjian(["status", "--json", "--warehouse", warehouse]).stdout).kinds.find((k: { kind: string }) => k.kind === "cases").rows;
      const noPlainIds = (files: string[]) => {
        for (const f of files) {
          const bytes = fs.readFileSync(f);
          for (const id of ids) expect(bytes.includes(id), `${id} in ${f}`).toBe(false);
        }
      };

      for (const [where, warehouse, env] of [
        ["temp folder", path.join(dir, "wh-a", "anjian.duckdb"), { TMPDIR: tmp }],
        ["warehouse disk", path.join(disk, "wh", "anjian.duckdb"), {}],
      ] as const) {
        if (where === "warehouse disk") expect(mountTmpfs(disk, "12m")).toBeNull();
        else fs.mkdirSync(path.dirname(warehouse), { recursive: true });
        expect(anjian(["ingest", small, "--warehouse", warehouse]).code, where).toBe(0);
        expect(casesIn(warehouse)).toBe(2);
        const r = anjian(["ingest", big, "--warehouse", warehouse], { env });
        expect(r.code, where).toBe(1);
        const said = r.stdout + r.stderr;
        expect(said, where).toContain("磁盘空间不足");
        expect(said).toContain("数据仓库保持原样");
        expect(said).toMatch(/请清理.*后重试/);
        expect(said).not.toMatch(/ENOSPC|No space|Error|IO Error/i);
        // The warehouse reopens with the counts it had; the small file is recognised as imported.
        expect(casesIn(warehouse)).toBe(2);
        expect(anjian(["ingest", small, "--warehouse", warehouse]).stdout).toContain("已导入过 1 个");
        expect(filesUnder(tmp)).toEqual([]);
        noPlainIds([...filesUnder(tmp), ...filesUnder(path.dirname(warehouse))]);
      }
    } finally {
      for (const m of [tmp, disk]) spawnSync("umount", ["-l", m]);
    }
  }, 400_000);
});
