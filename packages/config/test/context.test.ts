import path from "node:path";
import { UserError } from "@anjian/errors";
import { describe, expect, it } from "vitest";
import { isDebug, readContext, REPO_ROOT, repoPaths } from "../src/index.ts";

const root = "/srv/anjian";
const cwd = "/home/analyst/下载";

describe("the context an app runs with", () => {
  it("without environment: the repository's own files, no key source, default memory, no details", () => {
    expect(readContext({}, { root, cwd })).toEqual({
      root,
      warehouse: "/srv/anjian/data/warehouse/anjian.duckdb",
      profile: "/srv/anjian/data/reference/profile.json",
      aliases: "/srv/anjian/data/reference/header-aliases.csv",
      hashKey: { key: null, file: null },
      memoryLimit: null,
      debug: false,
    });
  });

  it("reads every documented variable; paths relative to where the user is", () => {
    const env = {
      ANJIAN_WAREHOUSE: "仓库/a.duckdb",
      ANJIAN_PROFILE: "/etc/anjian/区情.json",
      ANJIAN_ALIASES: "别名.csv",
      ANJIAN_KEY: "  0123456789abcdef0123  ",
      ANJIAN_KEY_FILE: "keys/anjian.key",
      ANJIAN_MEMORY_LIMIT: "1GB",
      ANJIAN_DEBUG: "1",
      HOME: "/home/analyst",
    };
    expect(readContext(env, { root, cwd })).toEqual({
      root,
      warehouse: path.join(cwd, "仓库/a.duckdb"),
      profile: "/etc/anjian/区情.json",
      aliases: path.join(cwd, "别名.csv"),
      hashKey: { key: "0123456789abcdef0123", file: path.join(cwd, "keys/anjian.key") },
      memoryLimit: "1GB",
      debug: true,
    });
  });

  it("--warehouse wins over ANJIAN_WAREHOUSE; an empty variable counts as unset", () => {
    expect(readContext({ ANJIAN_WAREHOUSE: "/data/env.duckdb" }, { root, cwd, warehouse: "arg.duckdb" }).warehouse).toBe(path.join(cwd, "arg.duckdb"));
    const blank = readContext({ ANJIAN_WAREHOUSE: "", ANJIAN_PROFILE: " ", ANJIAN_KEY: "", ANJIAN_KEY_FILE: "", ANJIAN_MEMORY_LIMIT: "", ANJIAN_DEBUG: "" }, { root, cwd });
    expect(blank).toEqual(readContext({}, { root, cwd }));
  });

  it("ANJIAN_DEBUG: any value but empty and 0", () => {
    expect([isDebug({ ANJIAN_DEBUG: "1" }), isDebug({ ANJIAN_DEBUG: "yes" }), isDebug({ ANJIAN_DEBUG: "0" }), isDebug({})]).toEqual([true, true, false, false]);
  });

  it("a memory limit DuckDB would not understand is told in Chinese, with what to write", () => {
    for (const ok of ["512MB", "1.5GB", "2 GiB", "256mb"]) expect(readContext({ ANJIAN_MEMORY_LIMIT: ok }).memoryLimit).toBe(ok);
    for (const bad of ["80%", "1024", "lots"]) {
      const e = (() => {
        try {
          readContext({ ANJIAN_MEMORY_LIMIT: bad });
        } catch (error) {
          return error;
        }
      })();
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).message).toBe(
        `环境变量 ANJIAN_MEMORY_LIMIT 的值“${bad}”无法识别。请写成数值加单位，如 512MB、2GB，或删去这个变量使用默认值。`,
      );
    }
  });

  it("the repository root is this checkout: its reference data is where the paths say", async () => {
    const fs = await import("node:fs");
    const paths = repoPaths();
    expect(paths.root).toBe(REPO_ROOT);
    for (const file of [paths.profile, paths.aliases, paths.samples]) expect(fs.existsSync(file), file).toBe(true);
    expect(readContext({}).root).toBe(REPO_ROOT);
  });
});
