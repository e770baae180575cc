// The export time that platforms print above the header (导出时间：2024-01-05 09:12).

const EXPORT_TIME = /(?:导出|生成|打印)(?:时间|日期)\s*[:：]?\s*(\d{4}.*)$/;

/** The export time's text as found in the title rows, for the SQL timestamp parser. */
export function findExportTime(rows: (string | null)[][]): string | null {
  for (const row of rows)
    for (const cell of row) {
      const m = cell ? EXPORT_TIME.exec(cell.trim()) : null;
      if (m) return m[1]!.trim();
    }
  return null;
}
