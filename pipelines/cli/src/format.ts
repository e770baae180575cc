// zh-CN formatting for what people read.

export function num(n: number): string {
  return n.toLocaleString("zh-CN");
}

/** 2023-05-12 → 2023年5月12日 */
export function dateZh(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}
