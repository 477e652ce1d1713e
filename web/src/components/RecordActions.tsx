import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ComponentProps } from 'react';

/**
 * A record's « Modifier » and « Supprimer » buttons, each shown when the
 * record's `actions` allow it (the deletion opens the page's confirmation modal).
 */
export function RecordActions({
  actions,
  editTo,
  deleteButtonProps,
}: {
  actions: readonly string[] | undefined;
  editTo: string;
  deleteButtonProps: Extract<ComponentProps<typeof Button>, { nativeButtonProps?: unknown }>['nativeButtonProps'];
}) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
      {actions?.includes('update') && (
        <li>
          <Button linkProps={{ to: editTo }} iconId="fr-icon-edit-line">
            Modifier
          </Button>
        </li>
      )}
      {actions?.includes('delete') && (
        <li>
          <Button priority="secondary" iconId="fr-icon-delete-line" nativeButtonProps={deleteButtonProps}>
            Supprimer
          </Button>
        </li>
      )}
    </ul>
  );
}
