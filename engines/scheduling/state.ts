import type { Model } from './model';

/**
 * A schedule under construction: who is busy when, slot loads, meeting counts,
 * with an undo log so that a failed repair or a worse neighbour is rolled back.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly busy: Int32Array;
  readonly load: Int32Array;
  readonly count: Int32Array;
  readonly members: Array<Set<number>>;
  weight = 0;
  scheduled = 0;
  private log: Array<[number, number]> = []; // [meeting, previous slot]

  constructor(
    readonly model: Model,
    readonly feasible: number[][],
  ) {
    this.slotOf = new Int32Array(model.M).fill(-1);
    this.busy = new Int32Array(model.P * model.S).fill(-1);
    this.load = new Int32Array(model.S);
    this.count = new Int32Array(model.P);
    this.members = Array.from({ length: model.S }, () => new Set<number>());
  }

  mark() {
    return this.log.length;
  }

  rollback(to: number) {
    while (this.log.length > to) {
      const [m, prev] = this.log.pop() as [number, number];
      this.setSlot(m, prev, false);
    }
  }

  /** Forget the undo history (after a change is accepted for good). */
  commit() {
    this.log = [];
  }

  /** Both ends free in s, a table left, and caps not reached (m not placed yet). */
  canPlace(m: number, s: number) {
    const { model } = this;
    const a = model.ma[m] as number;
    const b = model.mb[m] as number;
    const S = model.S;
    return (
      model.avail[a * S + s] === 1 &&
      model.avail[b * S + s] === 1 &&
      this.busy[a * S + s] === -1 &&
      this.busy[b * S + s] === -1 &&
      (this.load[s] as number) < (model.tables[s] as number) &&
      (this.count[a] as number) < (model.cap[a] as number) &&
      (this.count[b] as number) < (model.cap[b] as number)
    );
  }

  place(m: number, s: number) {
    this.setSlot(m, s, true);
  }

  unplace(m: number) {
    this.setSlot(m, -1, true);
  }

  private setSlot(m: number, s: number, record: boolean) {
    const { model } = this;
    const old = this.slotOf[m] as number;
    if (old === s) return;
    if (record) this.log.push([m, old]);
    const a = model.ma[m] as number;
    const b = model.mb[m] as number;
    const S = model.S;
    if (old >= 0) {
      this.busy[a * S + old] = -1;
      this.busy[b * S + old] = -1;
      this.load[old] = (this.load[old] as number) - 1;
      this.members[old]?.delete(m);
    } else {
      this.count[a] = (this.count[a] as number) + 1;
      this.count[b] = (this.count[b] as number) + 1;
      this.weight += model.w[m] as number;
      this.scheduled++;
    }
    if (s >= 0) {
      this.busy[a * S + s] = m;
      this.busy[b * S + s] = m;
      this.load[s] = (this.load[s] as number) + 1;
      this.members[s]?.add(m);
    } else {
      this.count[a] = (this.count[a] as number) - 1;
      this.count[b] = (this.count[b] as number) - 1;
      this.weight -= model.w[m] as number;
      this.scheduled--;
    }
    this.slotOf[m] = s;
  }
}
