import { Button } from '@codegouvfr/react-dsfr/Button';

/** A filters form's two buttons: search (submit) and clear. */
export function FilterButtons({ onClear }: { onClear(): void }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
      <li>
        <Button type="submit" iconId="fr-icon-search-line">
          Rechercher
        </Button>
      </li>
      <li>
        <Button type="button" priority="secondary" onClick={onClear}>
          Effacer les filtres
        </Button>
      </li>
    </ul>
  );
}
