export { createTableSql, kindTables, syncKindTables } from "./kind-tables.ts";
export { migrate, SQL_DIR } from "./migrate.ts";
export {
  type ApplyRulesOptions,
  applyRules,
  loadRuleFiles,
  RULES_DIR,
  type RuleFile,
  rulesHash,
  storedRulesHash,
  temporaryRules,
} from "./rules.ts";
export { quotedIdentifier, quotedString, sqlStatements } from "./sql.ts";
export {
  inTransaction,
  type OpenOptions,
  openWarehouse,
  queryRows,
  type Warehouse,
} from "./warehouse.ts";
export { removeScratch, removeStaleScratch, scratchDir } from "./scratch.ts";
