// Plain record objects, one per platform row, with canonical values. How a value is spelled
// in a file (aliases, date styles, encodings) is decided by the plan, not here.

import type { HazardCategory, Industry, Town, Unit } from "../profile.ts";

export type EnterpriseForm = "company" | "getihu" | "public" | "unregistered";

export interface Enterprise {
  id: number;
  name: string;
  /** null: the enterprise has no credit code anywhere (a workshop, a site office). */
  code: string | null;
  /** Set when `code` carries a deliberately wrong check digit. */
  codeFlaw?: "check-digit";
  form: EnterpriseForm;
  town: Town;
  industry: Industry;
  /** Free tags used to pick enterprises for campaigns (e.g. "stadium", "hospital"). */
  tags: string[];
}

export type PartyType = "单位" | "个人" | "个体工商户";
export type Penalty = "警告" | "罚款" | "没收违法所得" | "责令停产停业" | "暂扣或者吊销有关许可证" | "关闭" | "拘留";
export type CaseStatus = "已立案" | "调查中" | "已决定" | "执行中" | "已结案" | "已撤销";

/** One version of a case as the platform showed it at `updatedAt`. */
export interface CaseRecord {
  caseNo: string;
  caseName: string;
  party: string;
  partyType: PartyType;
  creditCode: string | null;
  idNumber: string | null;
  town: Town;
  industry: Industry;
  violation: string;
  authority: Unit;
  /** The unit exactly as the platform names it (may be a section or the safety office). */
  authorityLabel: string;
  procedure: "简易程序" | "普通程序";
  filedOn: string;
  decisionNo: string | null;
  /** "预立案" on pending cases where the platform shows a placeholder instead of a number. */
  decisionNoPlaceholder?: "预立案";
  decidedOn: string | null;
  penalties: Penalty[];
  /** 元, whole yuan; 0 when there is no fine. */
  fine: number;
  dualPenalty: boolean;
  legalReview: boolean;
  status: CaseStatus;
  closedOn: string | null;
  updatedAt: string;
  /** The pool enterprise behind the party (absent for individuals). */
  enterpriseId?: number;
}

/** A case over time: versions in `updatedAt` order; the last one is the current truth. */
export interface CaseHistory {
  versions: CaseRecord[];
}

export type InspectionMethod = "日常检查" | "双随机抽查" | "专项检查" | "联合检查" | "执法+专家" | "复查";

export interface InspectionRecord {
  inspectionNo: string;
  target: string;
  creditCode: string | null;
  town: Town;
  industry: Industry;
  date: string;
  method: InspectionMethod;
  campaign: string | null;
  unit: Unit;
  unitLabel: string;
  joint: boolean;
  jointDepts: string | null;
  result: string;
  updatedAt: string;
  enterpriseId: number;
}

export type HazardLevel = "一般隐患" | "重大事故隐患";
export type RectifyStatus = "已整改" | "整改中" | "逾期未整改";

export interface HazardRecord {
  hazardNo: string;
  inspectionNo: string | null;
  unitName: string;
  creditCode: string | null;
  town: Town;
  industry: Industry;
  foundOn: string;
  level: HazardLevel;
  category: HazardCategory;
  /** The category as written on the platform: canonical, an alias, or an unknown label. */
  categoryLabel: string;
  description: string;
  campaign: string | null;
  deadline: string;
  status: RectifyStatus;
  rectifiedOn: string | null;
  supervised: boolean;
  updatedAt: string;
  enterpriseId: number;
}

export type CertStatus = "有效" | "已注销" | "已过期" | "暂扣";

export interface EnforcerRecord {
  name: string;
  idNumber: string;
  unit: Unit;
  unitLabel: string;
  certNo: string;
  certType: string;
  field: string;
  issuedOn: string;
  validUntil: string;
  status: CertStatus;
  cancelledOn: string | null;
  note: string | null;
  updatedAt: string;
}

export type Kind = "cases" | "inspections" | "hazards" | "enforcers" | "random_checks" | "accidents" | "activities";

/**
 * A row the importer must reject: a plausible record plus raw cell overrides (by canonical
 * column name) that make it invalid. Never part of any figure.
 */
export interface BadRow {
  kind: Kind;
  /** The file it goes into, as named in the plan. */
  file: string;
  reason: string;
  record: CaseRecord | InspectionRecord | HazardRecord | EnforcerRecord;
  raw: Record<string, string>;
}
