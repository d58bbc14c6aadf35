import type { Deadline } from './deadlines.js';

/** One event of a project's stream: its type and its data. */
export type Event<Type extends string, Data> = { type: Type; data: Data };
/** The SLA clocks an event starts (absent on events written before the clocks, and where it starts none). */
export type Starts = { deadlines?: Deadline[] };
