// Text cells in files the app writes and reads: formula-like text is neutralised on the way out (the reports'
// exports, the intake's templates) and restored on the way in (the intake's readers).

/** What Excel, WPS and LibreOffice take as the start of a formula when a text cell begins with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text is a plain number ('-3.5', '+1e3'), which stays a number in an export. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell for a CSV or XLSX export: one that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`, `-2+3`) gets a leading apostrophe, so it shows as text.
 * Numbers written as text stay as they are.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The inverse for the importers: a cell written by `neutraliseFormula` loses its one apostrophe again,
 * so an exported file imports unchanged. Any other apostrophe is left alone.
 * @example unquoteCell("'=HYPERLINK(\"http://x\")") // '=HYPERLINK("http://x")'
 */
export function unquoteCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
