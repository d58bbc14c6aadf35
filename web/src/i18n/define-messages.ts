/** A screen's words in both languages: English must have every key Chinese has, and no other. */
export function defineMessages<Key extends string>(zh: Record<Key, string>, en: Record<NoInfer<Key>, string>) {
  return { zh, en };
}
