import { describe, expect, it } from "vitest";
import { sqlStatements } from "../src/sql.ts";

describe("sqlStatements", () => {
  it("splits where a semicolon ends a line and leaves out comment-only pieces", () => {
    const text = "-- header\nCREATE TABLE a (x INT);\n\n-- b holds ';' inside\nINSERT INTO a SELECT 1 WHERE ';' <> '';  \n-- trailing note\n";
    expect(sqlStatements(text)).toEqual(["-- header\nCREATE TABLE a (x INT)", "-- b holds ';' inside\nINSERT INTO a SELECT 1 WHERE ';' <> ''"]);
  });
});
