// The offline check of a built site: no page, script or stylesheet in dist/ may load anything from a
// non-local host, nor import from a CDN (npm: specifiers left unresolved).
import fs from "node:fs";
import path from "node:path";

export interface ExternalReference {
  file: string;
  url: string;
}

/** XML namespaces are identifiers, never fetched. */
const NAMESPACE = /^https?:\/\/www\.w3\.org\//;
const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

export function externalReferences(dist: string): ExternalReference[] {
  const out: ExternalReference[] = [];
  for (const file of files(dist)) {
    if (!/\.(html|js|css|json)$/.test(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    const rel = path.relative(dist, file);
    for (const m of text.matchAll(/(?:src|href|action)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi))
      if (!NAMESPACE.test(m[1]!) && !LOCAL.test(m[1]!)) out.push({ file: rel, url: m[1]! });
    for (const m of text.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi)) out.push({ file: rel, url: m[1]! });
    for (const m of text.matchAll(/\bimport\s*\(?\s*["'](npm:[^"']+|https?:\/\/[^"']+)["']/g)) out.push({ file: rel, url: m[1]! });
    for (const m of text.matchAll(/\bfrom\s*["'](npm:[^"']+|https?:\/\/[^"']+)["']/g)) out.push({ file: rel, url: m[1]! });
    if (/fonts\.(googleapis|gstatic)\.com/.test(text)) out.push({ file: rel, url: "Google Fonts（网络字体）" });
  }
  return out;
}
