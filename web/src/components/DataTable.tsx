import type { ReactNode } from 'react';

/**
 * A DSFR table with its caption (read by screen readers, hidden on screen
 * unless `showCaption`) and column headers. Its scrolling box takes the
 * keyboard focus: narrow screens scroll it (WCAG 2.1.1).
 *
 * @example <DataTable caption="Pistes" head={['Projet', 'Fonds']}>{rows}</DataTable>
 */
export function DataTable({ caption, head, showCaption, children }: { caption: string; head: readonly string[]; showCaption?: boolean; children: ReactNode }) {
  return (
    <div className={`fr-table fr-mt-2w${showCaption ? '' : ' fr-table--no-caption'}`}>
      <div className="fr-table__wrapper">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
        <section className="fr-table__container" tabIndex={0} aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
