// Zod schemas of the district profile (data/reference/profile.json, docs/import.md §2.3).
import { z } from "zod";
import { categoryClaims, findConflicts, lookupKey, normaliseText, unitClaims } from "./keys.ts";

/** A name or alias: normalised like the values it is matched against, and not empty. */
const name = z
  .string()
  .transform(normaliseText)
  .refine((s) => s !== "", { message: "不能为空" });

const names = z.array(name);
const aliases = names.default([]);

export const unitSchema = z.strictObject({
  name,
  aliases,
});

export const townSchema = z.strictObject({
  name,
  aliases,
  unit: unitSchema,
});

export const bureauSchema = z.strictObject({
  name,
  aliases,
  sectionSuffixes: names.min(1, { message: "至少要有一项" }),
});

export const hazardCategorySchema = z.strictObject({
  name,
  aliases,
});

export const districtSchema = z.strictObject({
  name,
  fullName: name,
});

/** The category that unknown hazard categories fall into. */
export const OTHER_CATEGORY = "其他";

export const profileSchema = z
  .strictObject({
    // Free text for the analyst who edits the file; ignored by the program.
    说明: z.union([z.string(), z.array(z.string())]).optional(),
    district: districtSchema,
    districtPrefixes: names,
    bureau: bureauSchema,
    towns: z.array(townSchema).min(1, { message: "至少要有一个镇街" }),
    townUnitSuffixes: names,
    hazardCategories: z.array(hazardCategorySchema).min(1, { message: "至少要有一个隐患类别" }),
    // Where typical cases are published (工作台账 发布渠道): offered in the import template's drop-down.
    publicationChannels: names.default([]),
  })
  .superRefine((p, ctx) => {
    // An alias owned by two entries would make resolution depend on file order.
    for (const { claim, first } of [...findConflicts(unitClaims(p)), ...findConflicts(categoryClaims(p))]) {
      const what = claim.derived ? `由此推得的 “${claim.key}”` : `“${claim.key}”`;
      const message =
        first.ownerName === claim.ownerName
          ? `${what} 与 ${formatPath(first.path)} 重复`
          : `${what} 已属于 ${first.ownerName}，不能再属于 ${claim.ownerName}`;
      ctx.addIssue({ code: "custom", message, path: claim.path });
    }
    if (!p.hazardCategories.some((c) => lookupKey(c.name) === OTHER_CATEGORY)) {
      ctx.addIssue({
        code: "custom",
        message: `缺少 “${OTHER_CATEGORY}” 类别（无法识别的隐患类别要归入此类）`,
        path: ["hazardCategories"],
      });
    }
  });

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type Town = Profile["towns"][number];
export type HazardCategory = Profile["hazardCategories"][number];

/** `["towns", 2, "aliases", 1]` → `towns[2].aliases[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function describe(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "列表";
  switch (typeof input) {
    case "string":
      return `文字 “${input}”`;
    case "number":
      return `数字 ${input}`;
    case "boolean":
      return `${input}`;
    case "object":
      return "对象";
    default:
      return typeof input;
  }
}

const EXPECTED: Record<string, string> = {
  string: "文字（用英文双引号括起来）",
  array: "列表 [ ... ]",
  object: "对象 { ... }",
};

/** Messages for an analyst who edits the JSON by hand; anything else falls back to zod's zh-CN. */
const zhCN = z.locales.zhCN().localeError;
export const profileErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "缺少此项";
      return `应为${EXPECTED[issue.expected] ?? issue.expected}，实际是${describe(issue.input)}`;
    case "unrecognized_keys":
      return `无法识别的项 ${issue.keys.map((k) => `“${k}”`).join("、")}（请检查拼写）`;
    case "too_small":
      if (issue.origin === "string") return "不能为空";
      if (issue.origin === "array") return `至少要有 ${issue.minimum} 项`;
      return undefined;
    default:
      return zhCN(issue);
  }
};
