import { z } from './common';

/** One line of a section: a record, a change, later a request or a meeting. */
export const workspaceItem = z.object({
  id: z.string(),
  label: z.string(),
  /** A second line: a stage, a territory, who did what. */
  detail: z.string().nullable(),
  /** Its page in the web application, when it has one. */
  href: z.string().nullable(),
  /** When it happened (changes, meetings), ISO 8601. */
  at: z.string().nullable(),
});
export type WorkspaceItem = z.output<typeof workspaceItem>;

/**
 * A block of « Mon espace ». `yours`: what the person is responsible for;
 * `awaiting`: what waits for them (« ce qui vous attend »: requests to answer,
 * meetings, obstacles — added by each programme); `network`: news of the
 * network (the national team's latest changes).
 */
export const workspaceSection = z.object({
  key: z.string(),
  group: z.enum(['yours', 'awaiting', 'network']),
  title: z.string(),
  intro: z.string().nullable(),
  /** What to say when there is nothing (and what to do). */
  empty: z.string(),
  items: z.array(workspaceItem),
  /** Every matching line, of which `items` shows the first. */
  total: z.number().int(),
  more: z.object({ label: z.string(), href: z.string() }).nullable(),
});
export type WorkspaceSection = z.output<typeof workspaceSection>;

export const workspace = z.object({
  /** The person's name (their directory record's), else null. */
  name: z.string().nullable(),
  sections: z.array(workspaceSection),
});
export type Workspace = z.output<typeof workspace>;
