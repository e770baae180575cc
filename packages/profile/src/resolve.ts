// Maps the free-text towns, units and hazard categories found in exports onto the profile.
import { categoryClaims, lookupKey, normaliseText, unitClaims } from "./keys.ts";
import { OTHER_CATEGORY, type Profile } from "./schema.ts";

export type UnitLevel = "bureau" | "town";

export interface ResolvedUnit {
  /** Canonical unit name: the bureau's name or the town's unit name. */
  unit: string;
  level: UnitLevel;
  /** The town of a town unit; null for the bureau. */
  town: string | null;
}

export interface ResolvedCategory {
  category: string;
  /** False when the value matched nothing and was put in 其他. */
  known: boolean;
}

const UNKNOWN_CATEGORY: ResolvedCategory = Object.freeze({ category: OTHER_CATEGORY, known: false });

/**
 * Lookups against one profile. Build it from a validated profile (loadProfile or
 * profileSchema.parse): on an unvalidated one, the first entry claiming a key wins.
 */
export class ProfileResolver {
  readonly profile: Profile;
  /** Town spelling → index in profile.towns. */
  readonly #towns = new Map<string, number>();
  readonly #townUnits: ResolvedUnit[];
  readonly #categories = new Map<string, ResolvedCategory>();
  readonly #bureauKeys = new Set<string>();
  /** Bureau spellings, longest first, for matching `<bureau><section>`. */
  readonly #bureauPrefixes: string[];
  readonly #sectionSuffixes: string[];
  /** Town unit suffixes, longest first, for matching `<town><suffix>`. */
  readonly #townSuffixes: string[];
  readonly #bureau: ResolvedUnit;

  constructor(profile: Profile) {
    this.profile = profile;
    this.#bureau = Object.freeze({ unit: profile.bureau.name, level: "bureau", town: null });
    this.#townUnits = profile.towns.map((t) =>
      Object.freeze<ResolvedUnit>({ unit: t.unit.name, level: "town", town: t.name }),
    );

    for (const c of unitClaims(profile)) {
      if (this.#bureauKeys.has(c.key) || this.#towns.has(c.key)) continue;
      if (c.owner === "bureau") this.#bureauKeys.add(c.key);
      else this.#towns.set(c.key, Number(c.owner.slice("town:".length)));
    }
    this.#bureauPrefixes = [...this.#bureauKeys].sort((a, b) => b.length - a.length);
    this.#sectionSuffixes = profile.bureau.sectionSuffixes.map(lookupKey);
    this.#townSuffixes = profile.townUnitSuffixes.map(lookupKey).sort((a, b) => b.length - a.length);

    for (const c of categoryClaims(profile)) {
      if (this.#categories.has(c.key)) continue;
      const i = Number(c.owner.slice("category:".length));
      this.#categories.set(c.key, Object.freeze({ category: profile.hazardCategories[i]!.name, known: true }));
    }
  }

  /** Trim (U+3000 too), full-width ASCII → half-width, `（）` → `()`. */
  normalise(raw: string): string {
    return normaliseText(raw);
  }

  /** Canonical town name for any spelling of a town or of its unit; null when unknown. */
  town(raw: string): string | null {
    const i = this.#townIndex(lookupKey(raw));
    return i === undefined ? null : this.profile.towns[i]!.name;
  }

  /** Exact spelling first, then without one town unit suffix (黄石镇安办 → 黄石镇). */
  #townIndex(key: string): number | undefined {
    const exact = this.#towns.get(key);
    if (exact !== undefined) return exact;
    for (const s of this.#townSuffixes) {
      if (key.length > s.length && key.endsWith(s)) {
        const hit = this.#towns.get(key.slice(0, -s.length));
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  }

  /** The bureau (also its sections) or a town's unit; null when unknown. */
  unit(raw: string): ResolvedUnit | null {
    const key = lookupKey(raw);
    if (this.#bureauKeys.has(key)) return this.#bureau;
    const town = this.#townIndex(key);
    if (town !== undefined) return this.#townUnits[town]!;
    // <bureau spelling><any section name ending in a section suffix>, e.g. 区应急局安全生产基础股.
    for (const b of this.#bureauPrefixes) {
      if (key.length > b.length && key.startsWith(b)) {
        const rest = key.slice(b.length);
        if (this.#sectionSuffixes.some((s) => rest.endsWith(s))) return this.#bureau;
      }
    }
    return null;
  }

  /** Canonical hazard category; anything unknown is 其他 with known = false. */
  hazardCategory(raw: string): ResolvedCategory {
    return this.#categories.get(lookupKey(raw)) ?? UNKNOWN_CATEGORY;
  }

  townNames(): string[] {
    return this.profile.towns.map((t) => t.name);
  }

  /** The bureau first, then the town units in profile order. */
  unitNames(): string[] {
    return [this.profile.bureau.name, ...this.profile.towns.map((t) => t.unit.name)];
  }

  categoryNames(): string[] {
    return this.profile.hazardCategories.map((c) => c.name);
  }
}
