import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { MISLEADING_CHARACTER } from '../edge/misleading-characters.js';

/** Lone surrogates (not encodable as UTF-8), control characters other than tab and line breaks, and bidi, zero-width and separator characters. */
const ILL_FORMED = new RegExp(`\\p{Cs}|(?![\\t\\n\\r])\\p{Cc}|${MISLEADING_CHARACTER.source}`, 'u');

/** Paths of every string in `value` that would store something no person typed. */
function illFormedPaths(value: unknown, path: string, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (ILL_FORMED.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => illFormedPaths(item, `${path}.${i}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) illFormedPaths(item, path ? `${path}.${key}` : key, found);
  }
  return found;
}

/** Every text a client sends is well-formed Unicode without control or misleading characters: the log keeps only what shows as it is. */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const paths = illFormedPaths(value, metadata.data ?? '');
    if (paths.length) throw new BadRequestException({ message: paths.map((path) => `${path} contains a lone surrogate, a control, bidi or zero-width character, or a line separator`) });
    return value;
  }
}
