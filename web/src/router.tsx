import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './features/home/HomePage';

// Every other page is its own chunk (the home page's map too).
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      // The home page is in the main chunk: its figures are asked for without a second round trip.
      { index: true, Component: HomePage },
      { path: 'connexion', lazy: () => import('./features/auth/LoginPage').then((m) => ({ Component: m.LoginPage })) },
      { path: 'compte', lazy: () => import('./features/auth/AccountPage').then((m) => ({ Component: m.AccountPage })) },
      { path: 'comptes', lazy: () => import('./features/accounts/AccountsPage').then((m) => ({ Component: m.AccountsPage })) },
      { path: 'comptes/:id', lazy: () => import('./features/accounts/AccountsPage').then((m) => ({ Component: m.AccountRolesPage })) },
      { path: 'mon-espace', lazy: () => import('./features/workspace/WorkspacePage').then((m) => ({ Component: m.WorkspacePage })) },
      { path: 'territoires', lazy: () => import('./features/territories/CoveredTerritoriesPage').then((m) => ({ Component: m.CoveredTerritoriesPage })) },
      { path: 'notifications', lazy: () => import('./features/notifications/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })) },
      {
        path: 'notifications/desabonnement',
        lazy: () => import('./features/notifications/UnsubscribePage').then((m) => ({ Component: m.UnsubscribePage })),
      },
      { path: 'hackers-publics', lazy: () => import('./features/sponsorships/NeedsPages').then((m) => ({ Component: m.NeedsBoardPage })) },
      { path: 'hackers-publics/besoins/nouveau', lazy: () => import('./features/sponsorships/NeedsPages').then((m) => ({ Component: m.NeedFormPage })) },
      { path: 'hackers-publics/besoins/:id', lazy: () => import('./features/sponsorships/NeedsPages').then((m) => ({ Component: m.NeedPage })) },
      { path: 'hackers-publics/propositions', lazy: () => import('./features/sponsorships/SponsorshipPages').then((m) => ({ Component: m.ReviewPage })) },
      {
        path: 'hackers-publics/profils/:id',
        lazy: () => import('./features/sponsorships/SponsorProfilePage').then((m) => ({ Component: m.SponsorProfilePage })),
      },
      { path: 'hackers-publics/mon-espace', lazy: () => import('./features/sponsorships/SponsorshipPages').then((m) => ({ Component: m.SponsorSpacePage })) },
      {
        path: 'hackers-publics/parrainages/:id',
        lazy: () => import('./features/sponsorships/SponsorshipPages').then((m) => ({ Component: m.SponsorshipPage })),
      },
      { path: 'hackers-publics/tableau-de-bord', lazy: () => import('./features/sponsorships/SponsorshipPages').then((m) => ({ Component: m.DashboardPage })) },
      { path: 'cooperation', lazy: () => import('./features/cooperation/CooperationPages').then((m) => ({ Component: m.CooperationHomePage })) },
      {
        path: 'cooperation/transferts/nouveau',
        lazy: () => import('./features/cooperation/CooperationPages').then((m) => ({ Component: m.TransferFormPage })),
      },
      { path: 'cooperation/transferts/:id', lazy: () => import('./features/cooperation/CooperationPages').then((m) => ({ Component: m.TransferPage })) },
      {
        path: 'cooperation/essaimage',
        lazy: () => import('./features/cooperation/ReplicationMapPage').then((m) => ({ Component: m.ReplicationMapPage })),
      },
      { path: 'admin/taches', lazy: () => import('./features/jobs/JobsPage').then((m) => ({ Component: m.JobsPage })) },
      {
        path: 'evenements/:id/conference',
        lazy: () => import('./features/conferences/ConferencePage').then((m) => ({ Component: m.ConferencePage })),
      },
      { path: 'evenements/:id/rencontre', lazy: () => import('./features/relance/MeetingPage').then((m) => ({ Component: m.MeetingPage })) },
      { path: 'relance/mesures', lazy: () => import('./features/relance/MeasurePages').then((m) => ({ Component: m.MeasuresPage })) },
      { path: 'relance/mesures/:id', lazy: () => import('./features/relance/MeasurePages').then((m) => ({ Component: m.MeasurePage })) },
      { path: 'relance/freins', lazy: () => import('./features/relance/ObstaclePages').then((m) => ({ Component: m.ObstaclesPage })) },
      { path: 'relance/freins/nouveau', lazy: () => import('./features/relance/ObstaclePages').then((m) => ({ Component: m.RaiseObstaclePage })) },
      { path: 'relance/freins/:id', lazy: () => import('./features/relance/ObstaclePages').then((m) => ({ Component: m.ObstaclePage })) },
      { path: 'relance/mon-espace', lazy: () => import('./features/relance/OperatorSpacePage').then((m) => ({ Component: m.OperatorSpacePage })) },
      { path: 'relance/statistiques', lazy: () => import('./features/relance/StatsPage').then((m) => ({ Component: m.StatsPage })) },
      { path: 'evenements/:id/hackathon', lazy: () => import('./features/hackathons/HackathonPage').then((m) => ({ Component: m.HackathonPage })) },
      { path: 'innovations', lazy: () => import('./features/hackathons/InnovationsPage').then((m) => ({ Component: m.InnovationsPage })) },
      { path: 'financement/pistes', lazy: () => import('./features/conferences/LeadsPage').then((m) => ({ Component: m.LeadsPage })) },
      { path: 'defis', lazy: () => import('./features/challenges/ChallengePages').then((m) => ({ Component: m.ChallengesPage })) },
      { path: 'defis/:id', lazy: () => import('./features/challenges/ChallengePages').then((m) => ({ Component: m.ChallengePage })) },
      { path: 'defis/:id/inscriptions', lazy: () => import('./features/challenges/EnrolmentPage').then((m) => ({ Component: m.EnrolmentPage })) },
      {
        path: 'defis/:id/structures/:organisationId',
        lazy: () => import('./features/challenges/ChallengePages').then((m) => ({ Component: m.StructureProgressPage })),
      },
      { path: 'indicateurs', lazy: () => import('./features/indicators/IndicatorsPage').then((m) => ({ Component: m.IndicatorsPage })) },
      {
        path: 'indicateurs/instantanes',
        lazy: () => import('./features/indicators/SnapshotPages').then((m) => ({ Component: m.SnapshotsPage })),
      },
      {
        path: 'indicateurs/instantanes/:year',
        lazy: () => import('./features/indicators/SnapshotPages').then((m) => ({ Component: m.SnapshotDiffPage })),
      },
      {
        path: 'rapport-annuel/:year',
        lazy: () => import('./features/indicators/AnnualReviewPage').then((m) => ({ Component: m.AnnualReviewPage })),
      },
      { path: 'import', lazy: () => import('./features/import/ImportPage').then((m) => ({ Component: m.ImportPage })) },
      { path: 'mentions-legales', lazy: () => import('./features/legal/LegalPages').then((m) => ({ Component: m.LegalNoticePage })) },
      { path: 'accessibilite', lazy: () => import('./features/legal/LegalPages').then((m) => ({ Component: m.AccessibilityPage })) },
      { path: 'donnees-personnelles', lazy: () => import('./features/legal/LegalPages').then((m) => ({ Component: m.PersonalDataPage })) },
      { path: 'donnees', lazy: () => import('./features/open-data/OpenDataPage').then((m) => ({ Component: m.OpenDataPage })) },
      { path: 'plan-du-site', lazy: () => import('./features/legal/LegalPages').then((m) => ({ Component: m.SiteMapPage })) },
      { path: 'evenements', lazy: () => import('./features/events/EventsPage').then((m) => ({ Component: m.EventsPage })) },
      { path: 'evenements/nouveau', lazy: () => import('./features/events/EventFormPage').then((m) => ({ Component: m.EventFormPage })) },
      { path: 'evenements/:id', lazy: () => import('./features/events/EventPage').then((m) => ({ Component: m.EventPage })) },
      { path: 'evenements/:id/modifier', lazy: () => import('./features/events/EventFormPage').then((m) => ({ Component: m.EventFormPage })) },
      { path: 'decisions', lazy: () => import('./features/decisions/DecisionsPage').then((m) => ({ Component: m.DecisionsPage })) },
      { path: 'decisions/nouvelle', lazy: () => import('./features/decisions/DecisionFormPage').then((m) => ({ Component: m.DecisionFormPage })) },
      { path: 'decisions/:id', lazy: () => import('./features/decisions/DecisionPage').then((m) => ({ Component: m.DecisionPage })) },
      { path: ':slug', lazy: () => import('./features/directory/ListPage').then((m) => ({ Component: m.ListPage })) },
      { path: ':slug/nouveau', lazy: () => import('./features/directory/FormPage').then((m) => ({ Component: m.FormPage })) },
      { path: ':slug/:id', lazy: () => import('./features/directory/DetailPage').then((m) => ({ Component: m.DetailPage })) },
      { path: ':slug/:id/modifier', lazy: () => import('./features/directory/FormPage').then((m) => ({ Component: m.FormPage })) },
      { path: '*', lazy: () => import('./components/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);
