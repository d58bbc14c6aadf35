/**
 * The largest amount (fen) any single figure may carry: 1,000,000,000 CNY. Read models and reports
 * add amounts up; at this bound a sum stays exact (below Number.MAX_SAFE_INTEGER, 9,007,199,254,740,991)
 * for 90,071 projects at the maximum, far more than a business unit holds.
 */
export const MAX_AMOUNT_FEN = 100_000_000_000;

/** The bound as a person reads it, for refusals. */
export const MAX_AMOUNT_TEXT = `${MAX_AMOUNT_FEN} fen (1,000,000,000 CNY)`;
