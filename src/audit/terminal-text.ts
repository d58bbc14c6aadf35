import { MISLEADING_CHARACTER } from '../edge/misleading-characters.js';

/** What a terminal would obey or hide rather than show: control characters (escape sequences, bells), lone surrogates, bidi and zero-width characters. */
const UNSAFE = new RegExp(`\\p{Cc}|\\p{Cs}|${MISLEADING_CHARACTER.source}`, 'gu');

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Stored text as a terminal shows it: each such character written as \uXXXX (as JSON escapes it),
 * so that a name stored in the log cannot retitle the window, clear the screen or forge a row.
 * Line breaks are kept only in `keepLineBreaks` mode, for output that is already laid out in lines.
 */
export function visibleOnTerminal(text: string, { keepLineBreaks = false } = {}): string {
  return text.replace(UNSAFE, (character) => (keepLineBreaks && character === '\n' ? character : escaped(character)));
}
