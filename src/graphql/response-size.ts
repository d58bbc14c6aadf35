/**
 * The bytes `value` takes as JSON, counted without building the text and given up as soon as they
 * pass `limit` (the answer is then refused whole, so its exact size does not matter). Strings count
 * their UTF-8 bytes and quotes; the few characters JSON escapes are not counted twice.
 */
export function jsonBytesUpTo(value: unknown, limit: number): number {
  let bytes = 0;
  const count = (item: unknown): boolean => {
    if (bytes > limit) return false;
    if (typeof item === 'string') bytes += Buffer.byteLength(item) + 2;
    else if (typeof item === 'number' || typeof item === 'boolean') bytes += String(item).length;
    else if (item === null || item === undefined) bytes += 4;
    else if (Array.isArray(item)) {
      bytes += 2 + item.length;
      for (const element of item) if (!count(element)) return false;
    } else if (typeof item === 'object') {
      const json = (item as { toJSON?: () => unknown }).toJSON;
      if (typeof json === 'function') return count(json.call(item));
      bytes += 2;
      for (const key in item) {
        bytes += Buffer.byteLength(key) + 4;
        if (!count((item as Record<string, unknown>)[key])) return false;
      }
    }
    return bytes <= limit;
  };
  count(value);
  return bytes;
}
