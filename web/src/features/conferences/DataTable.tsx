import type { ReactNode } from 'react';

/**
 * A DSFR table with its caption (read by screen readers, hidden on screen
 * unless `showCaption`) and column headers.
 *
 * @example <DataTable caption="Pistes" head={['Projet', 'Fonds']}>{rows}</DataTable>
 */
export function DataTable({
  caption,
  head,
  showCaption,
  children,
}: {
  caption: ReactNode;
  head: readonly string[];
  showCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`fr-table${showCaption ? '' : ' fr-table--no-caption'}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
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
        </div>
      </div>
    </div>
  );
}
