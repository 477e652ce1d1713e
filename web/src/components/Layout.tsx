import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Display, headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { isNationalTeam, useSession } from '../lib/session';
import { RESOURCES } from '../features/directory/resources';
import { useUnread } from '../features/notifications/use-unread';

const NNBSP = '\u202f';
const NAV = ['projets', 'collectifs', 'structures', 'personnes', 'pionniers', 'fonds', 'filieres'] as const;

/** Header, navigation, footer; focus moves to the new page's title on navigation. */
export function Layout() {
  const { me, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Screen readers hear the new page: focus its title once it is drawn.
    const t = setTimeout(() => (document.querySelector('main h1') as HTMLElement | null)?.focus(), 50);
    return () => clearTimeout(t);
  }, [location.pathname]);

  // From the home page (or the sign-in page itself), signing in leads to « Mon espace ».
  const here = location.pathname + location.search;
  const signInLink = location.pathname === '/' || location.pathname === '/connexion' ? '/connexion' : `/connexion?retour=${encodeURIComponent(here)}`;
  const unread = useUnread(Boolean(me), location.pathname);
  const quickAccessItems = me
    ? [
        {
          iconId: 'fr-icon-notification-3-line' as const,
          linkProps: {
            to: '/notifications',
            title: unread ? `Notifications : ${unread} non lue${unread > 1 ? 's' : ''}` : 'Notifications',
            className: unread ? 'essaim-bell essaim-bell--unread' : 'essaim-bell',
          },
          text: unread ? `Notifications (${unread > 99 ? '99+' : unread})` : 'Notifications',
        },
        // The person's name, never their e-mail: it leads to their space.
        { iconId: 'fr-icon-account-circle-line' as const, linkProps: { to: '/mon-espace', title: 'Mon espace' }, text: me.name ?? 'Mon espace' },
        { iconId: 'fr-icon-settings-5-line' as const, linkProps: { to: '/compte' }, text: 'Mon compte' },
        ...(me.canImport ? [{ iconId: 'fr-icon-upload-line' as const, linkProps: { to: '/import' }, text: 'Importer' }] : []),
        // Investment leads: the board of the funds and projects the account answers for, all of them for the national team.
        ...(me.roles.some((r) => r.role === 'admin' || r.role === 'investor' || r.role === 'holder')
          ? [{ iconId: 'fr-icon-money-euro-circle-line' as const, linkProps: { to: '/financement/pistes' }, text: 'Pistes' }]
          : []),
        ...(isNationalTeam(me)
          ? [
              { iconId: 'fr-icon-team-line' as const, linkProps: { to: '/comptes' }, text: 'Comptes' },
              { iconId: 'fr-icon-time-line' as const, linkProps: { to: '/admin/taches' }, text: 'Tâches' },
            ]
          : []),
        {
          iconId: 'fr-icon-logout-box-r-line' as const,
          buttonProps: { onClick: () => void logout().then(() => navigate('/')) },
          text: 'Se déconnecter',
        },
      ]
    : [{ iconId: 'fr-icon-lock-line' as const, linkProps: { to: signInLink }, text: 'Se connecter' }];

  return (
    <>
      <SkipLinks
        links={[
          { anchor: '#contenu', label: 'Contenu' },
          { anchor: '#navigation', label: 'Menu' },
          { anchor: '#pied-de-page', label: 'Pied de page' },
        ]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Essaim"
        serviceTagline="Le réseau national d’innovation sociale de l’ESS"
        homeLinkProps={{ to: '/', title: 'Accueil — Essaim' }}
        quickAccessItems={quickAccessItems}
        navigation={[
          { text: 'Accueil', linkProps: { to: '/' }, isActive: location.pathname === '/' },
          ...NAV.map((slug) => ({ text: RESOURCES[slug].title, linkProps: { to: `/${slug}` }, isActive: location.pathname.startsWith(`/${slug}`) })),
          { text: 'Événements', linkProps: { to: '/evenements' }, isActive: location.pathname.startsWith('/evenements') },
          { text: 'Hackers publics', linkProps: { to: '/hackers-publics' }, isActive: location.pathname.startsWith('/hackers-publics') },
          { text: 'ESS relance', linkProps: { to: '/relance/mesures' }, isActive: location.pathname.startsWith('/relance') },
          { text: 'Défis', linkProps: { to: '/defis' }, isActive: location.pathname.startsWith('/defis') },
          {
            text: 'Indicateurs',
            linkProps: { to: '/indicateurs' },
            isActive: location.pathname.startsWith('/indicateurs') || location.pathname.startsWith('/rapport-annuel'),
          },
        ]}
        id="navigation"
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">
        <Outlet />
      </main>
      <Footer
        id="pied-de-page"
        accessibility="partially compliant"
        contentDescription="Essaim fait vivre le réseau national d’innovation sociale de l’économie sociale et solidaire : collectifs territoriaux labellisés, projets à impact, Pionniers, financeurs et filières."
        termsLinkProps={{ to: '/mentions-legales' }}
        websiteMapLinkProps={{ to: '/plan-du-site' }}
        accessibilityLinkProps={{ to: '/accessibilite' }}
        bottomItems={[
          { text: 'Données personnelles', linkProps: { to: '/donnees-personnelles' } },
          { text: 'Données ouvertes', linkProps: { to: '/donnees' } },
          { text: 'API', linkProps: { href: '/api/docs' } },
          headerFooterDisplayItem,
        ]}
      />
      <Display />
      <p className="essaim-print-only essaim-print-foot">
        Imprimé depuis Essaim le {new Date().toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' })}
        {NNBSP}: {window.location.origin}
        {here}
      </p>
      <ScrollRestoration />
    </>
  );
}
