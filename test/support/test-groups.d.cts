/** Group name (`e2e-1`…) → the files it runs, paths from the repository's root. */
export function testGroups(): Record<string, string[]>;
/** The files some group runs. */
export function grouped(): string[];
export function escape(text: string): string;
export const ROOT: string;
