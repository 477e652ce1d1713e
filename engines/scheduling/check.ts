import type { ScheduleInput, ScheduleOutput } from './types';

/**
 * Every hard rule a schedule must respect, checked from the outside (tests,
 * benchmarks): returns the violations found, empty when the schedule is valid.
 */
export function violations(input: ScheduleInput, output: ScheduleOutput): string[] {
  const out: string[] = [];
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const parts = new Map(input.participants.map((p) => [p.id, p]));
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const busy = new Set<string>();
  const tables = new Set<string>();
  const load = new Map<string, number>();
  const count = new Map<string, number>();
  for (const a of output.assignments) {
    const m = meetings.get(a.meeting);
    const s = slots.get(a.slot);
    if (!m || !s) {
      out.push(`unknown ${a.meeting}/${a.slot}`);
      continue;
    }
    if (seen.has(a.meeting)) out.push(`${a.meeting} placed twice`);
    seen.add(a.meeting);
    for (const p of [m.a, m.b]) {
      const key = `${p}@${a.slot}`;
      if (busy.has(key)) out.push(`${p} twice in ${a.slot}`);
      busy.add(key);
      const av = parts.get(p)?.available;
      if (av && !av.includes(a.slot)) out.push(`${p} unavailable in ${a.slot}`);
      count.set(p, (count.get(p) ?? 0) + 1);
    }
    if (a.table < 1 || (s.tables !== undefined && a.table > s.tables)) out.push(`table ${a.table} out of range in ${a.slot}`);
    const tk = `${a.slot}#${a.table}`;
    if (tables.has(tk)) out.push(`table ${tk} used twice`);
    tables.add(tk);
    load.set(a.slot, (load.get(a.slot) ?? 0) + 1);
  }
  for (const [p, n] of count) {
    const cap = parts.get(p)?.maxMeetings;
    if (cap !== undefined && n > cap) out.push(`${p} over its cap`);
  }
  for (const l of input.locked ?? []) {
    const a = output.assignments.find((x) => x.meeting === l.meeting);
    if (!a || a.slot !== l.slot || (l.table !== undefined && a.table !== l.table)) out.push(`lock ${l.meeting} not kept`);
  }
  const un = new Set(output.unscheduled.map((u) => u.meeting));
  for (const m of input.meetings) if (seen.has(m.id) === un.has(m.id)) out.push(`${m.id} neither placed nor reported (or both)`);
  const weight = output.assignments.reduce((s, a) => s + (meetings.get(a.meeting)?.weight ?? 1), 0);
  if (Math.abs(weight - output.stats.weight) > 1e-6) out.push('stats.weight wrong');
  if (output.stats.upperBound + 1e-6 < weight) out.push('upper bound below the schedule');
  return out;
}
