import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { notificationRoutes } from '../../../../shared/routes/notifications.routes';
import { call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { announceUnread } from './use-unread';

const when = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

/** The person's notifications, newest first: read one (its link), mark it read, or all. */
export function NotificationsPage() {
  useTitle('Notifications');
  const { me } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useCall(notificationRoutes.list, me ? { query: { ...(unreadOnly ? { unread: 'true' } : {}), page, pageSize: 20 } } : null);
  useEffect(() => {
    if (list.data) announceUnread(list.data.unread);
  }, [list.data]);
  if (me === null) return <Navigate to="/connexion?retour=%2Fnotifications" replace />;
  const data = list.data;
  const markRead = async (id: string) => {
    await call(notificationRoutes.read, { params: { id } });
    list.reload();
  };
  const markAll = async () => {
    await call(notificationRoutes.readAll, {});
    list.reload();
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h1 tabIndex={-1}>Notifications</h1>
      <p>
        Ce qui vous concerne sur Essaim. Choisissez ce que vous recevez aussi par e-mail dans <Link to="/compte#notifications">votre compte</Link>.
      </p>
      <div className="essaim-toolbar fr-mb-3w">
        <SegmentedControl
          legend="Afficher"
          hideLegend
          segments={[
            {
              label: 'Toutes',
              nativeInputProps: {
                checked: !unreadOnly,
                onChange: () => {
                  setUnreadOnly(false);
                  setPage(1);
                },
              },
            },
            {
              label: data ? `Non lues (${formatInt(data.unread)})` : 'Non lues',
              nativeInputProps: {
                checked: unreadOnly,
                onChange: () => {
                  setUnreadOnly(true);
                  setPage(1);
                },
              },
            },
          ]}
        />
        <Button priority="secondary" iconId="fr-icon-check-line" disabled={!data?.unread} onClick={() => void markAll()}>
          Tout marquer comme lu
        </Button>
      </div>
      {list.error && <Alert severity="error" small description={list.error.message} />}
      {!data && !list.error && <p role="status">Chargement…</p>}
      {data && data.items.length === 0 && <p>{unreadOnly ? 'Aucune notification non lue.' : 'Aucune notification pour le moment.'}</p>}
      {data && data.items.length > 0 && (
        <ul className="essaim-notifications" aria-live="polite">
          {data.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'essaim-notification' : 'essaim-notification essaim-notification--unread'}>
              <p className="fr-mb-1v">
                <Tag small>{n.categoryLabel}</Tag> <span className="fr-text--sm fr-mb-0">{when(n.createdAt)}</span>
                {!n.readAt && <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Non lue</span>}
              </p>
              <p className="fr-text--bold fr-mb-1v">
                {n.link ? (
                  <Link to={n.link} onClick={() => void (n.readAt ? undefined : call(notificationRoutes.read, { params: { id: n.id } }))}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
              </p>
              {n.body && <p className="fr-mb-1v">{n.body}</p>}
              {!n.readAt && (
                <Button priority="tertiary no outline" size="small" onClick={() => void markRead(n.id)} title={`Marquer comme lue : ${n.title}`}>
                  Marquer comme lue
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <nav className="fr-mt-3w" aria-label="Pages">
          <Button priority="secondary" size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Plus récentes
          </Button>{' '}
          <Button priority="secondary" size="small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Plus anciennes
          </Button>
        </nav>
      )}
    </>
  );
}
