import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError } from '../lib/api';

/**
 * An error as a person reads it: what went wrong, and the reference of the
 * request (the server's `requestId`) to quote to whoever runs the site, who
 * finds the same reference in the server's log.
 */
export function ErrorAlert({ title, error, className }: { title: string; error: Error; className?: string }) {
  const reference = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      severity="error"
      title={title}
      className={className}
      description={
        <>
          {error.message}
          {reference && (
            <span className="fr-text--sm fr-mb-0" style={{ display: 'block' }}>
              Référence à citer si vous signalez le problème{'\u202F'}: <code>{reference}</code>
            </span>
          )}
        </>
      }
    />
  );
}
