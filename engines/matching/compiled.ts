import { LEVEL_VALUE, LEVELS, NATIONAL_VALUE, type PreparedLeft, type PreparedRight, popcount, ticketFit } from './criteria';

/**
 * Both sides as flat typed arrays, so the ranking loop over every pair
 * (20,000 × 2,000 = 40 M) reads numbers, not objects. `pairScore` returns the
 * same value as `values()` + weights, or -1 when a hard rule excludes the pair.
 */
export function compile(L: PreparedLeft[], R: PreparedRight[], wide: boolean) {
  const codes = new Map<string, number>();
  const code = (s: string | undefined) => {
    if (s === undefined) return -1;
    let id = codes.get(s);
    if (id === undefined) codes.set(s, (id = codes.size));
    return id;
  };
  const nL = L.length;
  const nR = R.length;
  const lTheme = Int32Array.from(L, (l) => l.themeMask);
  const lThemeCount = Int32Array.from(L, (l) => l.themes.length);
  const lStage = Int8Array.from(L, (l) => l.stage);
  const lAmount = Float64Array.from(L, (l) => l.amount);
  const lLog = Float64Array.from(L, (l) => (l.amount > 0 ? Math.log(l.amount) : 0));
  const lInstr = Int32Array.from(L, (l) => l.instruments);
  const lTerr = new Int32Array(nL * 4);
  L.forEach((l, i) => {
    LEVELS.forEach((lv, k) => {
      lTerr[i * 4 + k] = code(l.territory[lv]);
    });
  });

  const rTheme = Int32Array.from(R, (r) => r.themeMask);
  const rThemeCount = Int32Array.from(R, (r) => r.themes.length);
  const rStages = Int32Array.from(R, (r) => r.stages);
  const rMin = Float64Array.from(R, (r) => r.ticketMin);
  const rMax = Float64Array.from(R, (r) => r.ticketMax);
  const rLogC = new Float64Array(nR);
  const rHalf = new Float64Array(nR); // 0: no ticket fit to compute
  const rInstr = Int32Array.from(R, (r) => r.instruments);
  const rOwn = new Int32Array(nR * 4).fill(-1);
  const rHasOwn = Uint8Array.from(R, (r) => (r.territory ? 1 : 0));
  const rStart = new Int32Array(nR);
  const rEnd = new Int32Array(nR);
  const flatLevel: number[] = [];
  const flatCode: number[] = [];
  R.forEach((r, i) => {
    if (Number.isFinite(r.ticketMax) && r.ticketMin > 0) {
      const lo = Math.log(r.ticketMin);
      const hi = Math.log(r.ticketMax);
      rLogC[i] = (lo + hi) / 2;
      rHalf[i] = (hi - lo) / 2 || 1;
    }
    if (r.territory)
      LEVELS.forEach((lv, k) => {
        rOwn[i * 4 + k] = code(r.territory?.[lv]);
      });
    rStart[i] = flatLevel.length;
    for (const t of r.territories) {
      flatLevel.push(LEVELS.indexOf(t.level));
      flatCode.push(code(t.code));
    }
    rEnd[i] = flatLevel.length;
  });
  const fLevel = Int32Array.from(flatLevel);
  const fCode = Int32Array.from(flatCode);
  const levelValue = LEVELS.map((lv) => LEVEL_VALUE[lv]);

  return function pairScore(l: number, r: number, w: { theme: number; territory: number; stage: number; ticket: number; text: number }, text: number): number {
    const a = lAmount[l] as number;
    if (a >= 0 && (a < (rMin[r] as number) || a > (rMax[r] as number))) return -1;
    const li = lInstr[l] as number;
    const ri = rInstr[r] as number;
    if (li && ri && !(li & ri)) return -1;
    const st = lStage[l] as number;
    const rs = rStages[r] as number;
    if (st >= 0 && rs && !(rs & (1 << st))) return -1;
    const s0 = rStart[r] as number;
    const s1 = rEnd[r] as number;
    const base = l * 4;
    if (s1 > s0) {
      let inside = false;
      for (let k = s0; k < s1; k++) if (lTerr[base + (fLevel[k] as number)] === fCode[k]) inside = true;
      if (!inside) return -1;
    }
    const lc = lThemeCount[l] as number;
    let theme = 0;
    if (lc > 0) {
      if (rThemeCount[r] === 0) theme = 0.5;
      else theme = (wide ? wideCommon(l, r) : popcount((lTheme[l] as number) & (rTheme[r] as number))) / lc;
    }
    let territory = 0;
    if (rHasOwn[r]) {
      for (let lv = 0; lv < 4; lv++) {
        const mine = lTerr[base + lv] as number;
        if (mine >= 0 && rOwn[r * 4 + lv] === mine) {
          territory = levelValue[lv] as number;
          break;
        }
      }
    } else if (s1 === s0) territory = NATIONAL_VALUE;
    else {
      outer: for (let lv = 0; lv < 4; lv++) {
        const mine = lTerr[base + lv] as number;
        for (let k = s0; k < s1; k++)
          if (fLevel[k] === lv && fCode[k] === mine) {
            territory = levelValue[lv] as number;
            break outer;
          }
      }
    }
    const stage = st < 0 ? 0.5 : rs === 0 ? 0.5 : 1;
    const half = rHalf[r] as number;
    const ticket = a > 0 && half > 0 ? ticketFit(lLog[l] as number, rLogC[r] as number, half) : 0.5;
    return w.theme * theme + w.territory * territory + w.stage * stage + w.ticket * ticket + w.text * text;
  };

  function wideCommon(l: number, r: number) {
    let n = 0;
    for (const t of (L[l] as PreparedLeft).themes) if ((R[r] as PreparedRight).themes.includes(t)) n++;
    return n;
  }
}
