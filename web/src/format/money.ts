const digits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Fen as whole yuan with thousands separators: 80000000 → ¥800,000 (both locales write yuan so). */
export const yuan = (fen: number): string => `¥${digits.format(Math.round(fen / 100))}`;
