import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useState } from 'react';
import { authRoutes } from '../../../../shared/routes/auth.routes';
import { ApiError, call } from '../../lib/api';

const modal = createModal({ id: 'confirmer-effacement', isOpenedByDefault: false });

/**
 * The right to erasure, carried out by the national team: the person keeps
 * their links (counts stay true) but loses every personal detail, in the
 * audit trail too, and their account can no longer sign in.
 */
export function AnonymisePerson({ id, name, onDone }: { id: string; name: string; onDone(): void }) {
  const [error, setError] = useState<string>();
  const erase = async () => {
    try {
      await call(authRoutes.anonymise, { params: { id } });
      modal.close();
      onDone();
    } catch (e) {
      modal.close();
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Droit à l’effacement</h2>
      <p>
        Sur demande de la personne&#8239;: sa fiche reste liée aux collectifs, structures et projets (les chiffres restent justes) mais perd toutes ses données
        personnelles, y compris dans l’historique, et son compte ne peut plus se connecter.
      </p>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
      <Button priority="secondary" iconId="ri-user-forbid-line" nativeButtonProps={modal.buttonProps}>
        Effacer les données de {name}
      </Button>
      <modal.Component
        title={`Effacer les données de ${name} ?`}
        buttons={[
          { children: 'Annuler', doClosesModal: true },
          { children: 'Effacer définitivement', onClick: () => void erase(), doClosesModal: false },
        ]}
      >
        Nom, prénom, courriel, téléphone et fonctions seront effacés, ici et dans l’historique. Cette action ne peut pas être annulée.
      </modal.Component>
    </section>
  );
}
