// The visible text of a .docx part, for tests (the archive itself is read with readZipEntries).
/** The visible text of a WordprocessingML part (the w:t runs, concatenated per paragraph). */
export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"');
}
