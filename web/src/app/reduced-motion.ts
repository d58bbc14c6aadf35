/** Whether the user asked the system for less motion (WCAG 2.3.3): the console then animates nothing, charts included. */
export const prefersReducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
