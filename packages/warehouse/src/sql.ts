// Quoting for the few places where SQL text is composed (identifiers and declared literals);
// values from files are always bound, never spliced.

export function quotedIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quotedString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
