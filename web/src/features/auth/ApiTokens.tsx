import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { authRoutes } from '../../../../shared/routes/auth.routes';
import type { tokenInfo } from '../../../../shared/schemas/auth';
import { ApiError, call } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useCall } from '../../lib/use-api';

type TokenInfo = z.output<typeof tokenInfo>;

/** Personal API tokens: created (shown once), listed, revoked by their owner. */
export function ApiTokens() {
  const list = useCall(authRoutes.tokens, {});
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [error, setError] = useState<string>();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const t = await call(authRoutes.createToken, { body: { name } });
      setCreated(t);
      setName('');
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? (err.details[0]?.message ?? err.message) : String(err));
    }
  };
  const revoke = async (t: TokenInfo) => {
    await call(authRoutes.revokeToken, { params: { id: t.id } });
    list.reload();
  };
  return (
    <section className="fr-mt-6w">
      <h2 className="fr-h4">Jetons d’API</h2>
      <p>
        Pour vos scripts&#8239;: envoyez le jeton dans l’en-tête <code>Authorization: Bearer …</code>. Il agit avec vos droits&#8239;; révoquez-le dès qu’il ne
        sert plus.
      </p>
      {created && (
        <Alert
          severity="success"
          title={`Jeton «\u202F${created.name}\u202F» créé`}
          description={
            <>
              Copiez-le maintenant, il ne sera plus affiché&#8239;: <code>{created.token}</code>
            </>
          }
          className="fr-mb-3w"
        />
      )}
      <form onSubmit={create} className="fr-mb-3w">
        <Input
          label="Nom du jeton"
          hintText="Par exemple : import hebdomadaire"
          state={error ? 'error' : 'default'}
          stateRelatedMessage={error}
          nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), maxLength: 100 }}
        />
        <Button type="submit" priority="secondary">
          Créer un jeton
        </Button>
      </form>
      {list.data && list.data.items.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Mes jetons</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Créé le</th>
                <th scope="col">Dernier usage</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'jamais'}</td>
                  <td>
                    {t.revokedAt ? (
                      `révoqué le ${formatDate(t.revokedAt)}`
                    ) : (
                      <Button size="small" priority="tertiary" onClick={() => void revoke(t)}>
                        Révoquer<span className="fr-sr-only"> le jeton {t.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
