/**
 * A report document is a read model, a moment behind the command that changed it: reads it again (5 s at most) until
 * it shows the stream's revision the command wrote, so that the screen never shows the document as it was before.
 */
export async function readUntilRevision(read: () => Promise<number>, written: number): Promise<void> {
  for (let attempt = 0; attempt < 50 && (await read()) < written; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The revision a report command wrote, from its mutation's answer (`{ prepareMonthlyReport: { revision } }`). */
export const writtenRevision = (answer: Record<string, { revision: number }>): number => Object.values(answer)[0].revision;
