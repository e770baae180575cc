export {
  type CountedFigures,
  collectFigures,
  computeFigures,
  type FiguresDetail,
  type FiguresResult,
  PROCEDURES,
  type Readers,
} from "./figures.ts";
export {
  COVERAGE_STATES,
  type CountAmount,
  type Coverage,
  CoverageSchema,
  type CoverageState,
  type Figures,
  FiguresSchema,
  KINDS,
  type Kind,
} from "./figures-schema.ts";
export {
  type ApplyOptions,
  applyModels,
  asStored,
  asTemporary,
  dataVersion,
  loadModelFiles,
  type ModelDecl,
  MODELS_DIR,
  modelsHash,
  modelsUpToDate,
  parseModels,
  useModels,
} from "./models.ts";
export { dateZh, isIsoDate, isWholeYear, type Period, parseDateArg, previousPeriod, yearPeriod } from "./period.ts";
export { buildReportData, type ReportData, readSources, type Sources } from "./report-data.ts";
export { openReaders, type ReaderPool } from "./readers.ts";
export { appendixBlocks } from "./report-appendix.ts";
export { FONTS, renderDocx, reportDocx } from "./report-docx.ts";
export { renderMarkdown, reportMarkdown } from "./report-md.ts";
export { type Block, change, reportBlocks, sourceLine } from "./report-text.ts";
export { FIGURE_RULES, type FigureRule, ruleFor } from "./rules.ts";
export {
  asOfNote,
  coverageWarnings,
  emptyStateText,
  KIND_NAMES,
  kindName,
  missingClause,
  missingSentence,
} from "./coverage-text.ts";
