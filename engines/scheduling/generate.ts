import { seededRandom } from './schedule';
import type { ScheduleInput } from './types';

export interface InstanceOptions {
  projects: number;
  investors: number;
  meetings: number;
  slots: number;
  /** Share of slots each participant is free in (1 = no availability list). */
  availability?: number;
  /** Cap on meetings per participant. */
  cap?: number;
  tables?: number;
  locks?: number;
  maxWeight?: number;
  seed: number;
}

/** A random project–investor instance (bipartite multigraph), for tests and benchmarks. */
export function randomInstance(o: InstanceOptions): ScheduleInput {
  const r = seededRandom(o.seed);
  const int = (n: number) => Math.floor(r() * n);
  const slots = Array.from({ length: o.slots }, (_, i) => ({ id: `s${i + 1}`, ...(o.tables ? { tables: o.tables } : {}) }));
  const participant = (id: string) => {
    const p: ScheduleInput['participants'][number] = { id };
    if (o.availability !== undefined && o.availability < 1) {
      const av = slots.filter(() => r() < (o.availability as number)).map((s) => s.id);
      p.available = av.length ? av : [slots[int(slots.length)]?.id as string];
    }
    if (o.cap) p.maxMeetings = o.cap;
    return p;
  };
  const participants = [
    ...Array.from({ length: o.projects }, (_, i) => participant(`p${i + 1}`)),
    ...Array.from({ length: o.investors }, (_, i) => participant(`f${i + 1}`)),
  ];
  const meetings = Array.from({ length: o.meetings }, (_, i) => ({
    id: `m${i + 1}`,
    a: `p${int(o.projects) + 1}`,
    b: `f${int(o.investors) + 1}`,
    ...(o.maxWeight && o.maxWeight > 1 ? { weight: 1 + int(o.maxWeight) } : {}),
  }));
  return { slots, participants, meetings };
}
