/**
 * Where a spreadsheet would read a cell as a formula (OWASP "CSV Injection"): it starts with =, +, -, @,
 * tab or carriage return, also after spaces or quotes, or with their full-width forms (Apple Numbers
 * reads those as the ASCII ones).
 */
const FORMULA_START = /^[\s'"]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text a spreadsheet shows and never runs: a cell that could start a formula gets a leading single quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
