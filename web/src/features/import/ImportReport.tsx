import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ApiError } from '../../lib/api';
import { formatInt } from '../../lib/format';

/** An import refused as a whole: its message and the report of each bad row and column (the first 200), as every import of Essaim answers. */
export function ImportReport({ error }: { error: ApiError }) {
  return (
    <Alert
      severity="error"
      title={error.message}
      description={
        error.details.length ? (
          <>
            <p>Corrigez ces lignes puis envoyez le fichier à nouveau&#8239;:</p>
            <ul>
              {error.details.slice(0, 200).map((d) => (
                <li key={`${d.path}-${d.message}`}>
                  {d.path} : {d.message}
                </li>
              ))}
            </ul>
            {error.details.length > 200 && <p>… et {formatInt(error.details.length - 200)} autres erreurs.</p>}
          </>
        ) : undefined
      }
    />
  );
}
