// Text normalisation and the set of lookup keys a profile claims. Shared by the schema
// (to reject ambiguous aliases) and the resolver (to build its maps), so that whatever
// validates is exactly what resolves.
import type { Profile } from "./schema.ts";

// ASCII whitespace plus invisible characters that Excel and Notepad leave in cells.
const TRIM = /^[\t\n\v\f\r \u00A0\u200B\uFEFF]+|[\t\n\v\f\r \u00A0\u200B\uFEFF]+$/g;
const SPACES = /[\t\n\v\f\r \u00A0\u200B\uFEFF]+/g;

/**
 * Trim, fold full-width ASCII (U+FF01–FF5E, which includes `（）`) to half-width and
 * U+3000 to a space.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(TRIM, "");
}

/** Key used in the lookup maps: normalised, without any inner spaces (names never need them). */
export function lookupKey(raw: string): string {
  return normaliseText(raw).replace(SPACES, "");
}

export type IssuePath = (string | number)[];

/** One string that resolves to an owner, and where in the profile it comes from. */
export interface Claim {
  key: string;
  /** "bureau", "town:<index>" or "category:<index>". */
  owner: string;
  ownerName: string;
  /** Path of the profile entry that produced the key. */
  path: IssuePath;
  /** True when the key is derived from the entry (prefix, suffix, bare name), not written. */
  derived: boolean;
}

// Trailing words dropped to get a town's bare name (镇海街道 → 镇海).
const TOWN_TYPE_WORDS = ["街道", "镇", "乡"];

type ClaimSource = Pick<Profile, "bureau" | "towns" | "districtPrefixes">;

function stripPrefix(key: string, prefixes: readonly string[]): string {
  let best = "";
  for (const p of prefixes) if (p.length > best.length && key.startsWith(p) && key.length > p.length) best = p;
  return key.slice(best.length);
}

/** `base` as written and with each district prefix (in place of any prefix it has). */
function withPrefixes(base: string, prefixes: readonly string[]): string[] {
  const core = stripPrefix(base, prefixes);
  return [...new Set([base, ...prefixes.map((p) => p + core)])];
}

/** Bare name of a town: its name without the trailing 街道/镇/乡, or null if nothing is left. */
export function bareTownName(name: string): string | null {
  for (const w of TOWN_TYPE_WORDS) {
    if (name.endsWith(w) && name.length > w.length) return name.slice(0, -w.length);
  }
  return null;
}

/**
 * Keys resolved by `unit()` (bureau and towns), in profile order. Town claims are also
 * the keys resolved by `town()`. Suffixed forms (黄石镇安办, bureau sections) are matched
 * by rule at lookup time, not expanded here: expanding them would make junk keys
 * (新度 + 街道办事处) that collide with real names.
 */
export function unitClaims(p: ClaimSource): Claim[] {
  const prefixes = p.districtPrefixes.map(lookupKey);
  const claims: Claim[] = [];
  const add = (
    owner: string,
    ownerName: string,
    raw: string,
    path: IssuePath,
    derivedBase: boolean,
  ) => {
    const base = lookupKey(raw);
    if (base === "") return;
    for (const key of withPrefixes(base, prefixes)) {
      claims.push({ key, owner, ownerName, path, derived: derivedBase || key !== base });
    }
  };

  const b = p.bureau;
  add("bureau", b.name, b.name, ["bureau", "name"], false);
  for (const [j, a] of b.aliases.entries()) add("bureau", b.name, a, ["bureau", "aliases", j], false);

  for (const [i, t] of p.towns.entries()) {
    const owner = `town:${i}`;
    add(owner, t.name, t.name, ["towns", i, "name"], false);
    const bare = bareTownName(lookupKey(t.name));
    if (bare) add(owner, t.name, bare, ["towns", i, "name"], true);
    for (const [j, a] of t.aliases.entries()) add(owner, t.name, a, ["towns", i, "aliases", j], false);
    add(owner, t.name, t.unit.name, ["towns", i, "unit", "name"], false);
    for (const [j, a] of t.unit.aliases.entries()) {
      add(owner, t.name, a, ["towns", i, "unit", "aliases", j], false);
    }
  }
  return claims;
}

/** Keys resolved by `hazardCategory()`. */
export function categoryClaims(p: Pick<Profile, "hazardCategories">): Claim[] {
  const claims: Claim[] = [];
  for (const [i, c] of p.hazardCategories.entries()) {
    const owner = `category:${i}`;
    const push = (raw: string, path: IssuePath) => {
      const key = lookupKey(raw);
      if (key !== "") claims.push({ key, owner, ownerName: c.name, path, derived: false });
    };
    push(c.name, ["hazardCategories", i, "name"]);
    for (const [j, a] of c.aliases.entries()) push(a, ["hazardCategories", i, "aliases", j]);
  }
  return claims;
}

/** A key claimed by a second owner; `first` is the claim that got it first. */
export interface ClaimConflict {
  claim: Claim;
  first: Claim;
}

/**
 * Conflicts in profile order, at most one per entry path: when an alias collides, all
 * keys derived from it collide too, and one message is enough.
 */
export function findConflicts(claims: readonly Claim[]): ClaimConflict[] {
  const seen = new Map<string, Claim>();
  const reported = new Set<string>();
  const out: ClaimConflict[] = [];
  for (const c of claims) {
    const first = seen.get(c.key);
    if (!first) {
      seen.set(c.key, c);
      continue;
    }
    if (first.owner === c.owner) continue;
    const at = c.path.join("/");
    if (reported.has(at)) continue;
    reported.add(at);
    out.push({ claim: c, first });
  }
  return out;
}
