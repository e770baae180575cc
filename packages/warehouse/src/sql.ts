// Quoting for the few places where SQL text is composed (identifiers and declared literals);
// values from files are always bound, never spliced.

export function quotedIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quotedString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The statements of a .sql file, split where a semicolon ends a line (the project's .sql files end
 * every statement so), leaving out those that are only comments. For statements run one by one:
 * with bound values, or timed apart.
 */
export function sqlStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, "").trim() !== "");
}
