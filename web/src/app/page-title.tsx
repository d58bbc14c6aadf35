import type { ReactNode } from 'react';

/** The page's one h1, in the page header's place and size. */
export const PageTitle = ({ children }: { children: ReactNode }) => <h1 style={{ fontSize: 20, fontWeight: 600, margin: 0, lineHeight: '32px' }}>{children}</h1>;
