import { createHash } from 'node:crypto';
import type { DocumentRef } from '../domain/project/vocabulary.js';

/** A demo document named by its title, with the sha256 of the title: the same title is the same document. */
export const documentOf = (title: string): DocumentRef => ({
  title,
  uri: `https://dms.example.test/${encodeURIComponent(title)}`,
  sha256: createHash('sha256').update(title).digest('hex'),
});
