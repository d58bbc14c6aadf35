import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card's heading under the page's h1. */
export const SectionTitle = ({ children }: { children: ReactNode }) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {children}
  </Typography.Title>
);
