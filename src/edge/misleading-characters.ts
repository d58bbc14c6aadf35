/** Bidi marks, embeddings, overrides and isolates: they reorder what a reader sees. */
const BIDI = '[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]';
/** Invisible characters: two different texts (two user ids, two customers) look the same. */
const ZERO_WIDTH = '[\\u200B\\u200C\\u2060\\uFEFF]';
/** The zero-width joiner, except between emoji, where it builds one picture (👩‍💻). */
const STRAY_JOINER = '(?<![\\p{Extended_Pictographic}\\p{Emoji_Modifier}]\\uFE0F?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})';
/** Line and paragraph separators: line breaks that most readers and parsers do not take for one. */
const SEPARATORS = '[\\u2028\\u2029]';

/** Characters that change or hide what a person sees of a text without being seen themselves. */
export const MISLEADING_CHARACTER = new RegExp(`${BIDI}|${ZERO_WIDTH}|${STRAY_JOINER}|${SEPARATORS}`, 'u');

/** Any of those, a control character (tab and line breaks included) or a lone surrogate: none belongs in a single-line name. */
export const UNSHOWABLE_IN_A_NAME = new RegExp(`\\p{Cc}|\\p{Cs}|${MISLEADING_CHARACTER.source}`, 'u');
