import { Button } from '@codegouvfr/react-dsfr/Button';

/** A form's submit button and its way out. */
export function FormButtons({ submit, cancelTo, busy }: { submit: string; cancelTo: string; busy?: boolean }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-md">
      <li>
        <Button type="submit" disabled={busy}>
          {busy ? 'Enregistrement…' : submit}
        </Button>
      </li>
      <li>
        <Button priority="secondary" linkProps={{ to: cancelTo }}>
          Annuler
        </Button>
      </li>
    </ul>
  );
}
