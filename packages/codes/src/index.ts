export { CREDIT_CODE_CHARSET, creditCodeCheckChar, isValidCreditCode } from "./gb32100.ts";
export { idCardCheckChar, isValidIdCard, maskIdNumbers } from "./gb11643.ts";
