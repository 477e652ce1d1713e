import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';

// Every other page is its own chunk (the home page's map too).
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      // The home page is in the main chunk: its figures are asked for without a second round trip.
      { index: true, Component: HomePage },
      { path: 'connexion', lazy: () => import('./pages/LoginPage').then((m) => ({ Component: m.LoginPage })) },
      { path: 'compte', lazy: () => import('./pages/AccountPage').then((m) => ({ Component: m.AccountPage })) },
      { path: 'comptes', lazy: () => import('./pages/AccountsPage').then((m) => ({ Component: m.AccountsPage })) },
      { path: 'comptes/:id', lazy: () => import('./pages/AccountsPage').then((m) => ({ Component: m.AccountRolesPage })) },
      { path: 'import', lazy: () => import('./pages/ImportPage').then((m) => ({ Component: m.ImportPage })) },
      { path: 'mentions-legales', lazy: () => import('./pages/LegalPages').then((m) => ({ Component: m.LegalNoticePage })) },
      { path: 'accessibilite', lazy: () => import('./pages/LegalPages').then((m) => ({ Component: m.AccessibilityPage })) },
      { path: 'donnees-personnelles', lazy: () => import('./pages/LegalPages').then((m) => ({ Component: m.PersonalDataPage })) },
      { path: 'plan-du-site', lazy: () => import('./pages/LegalPages').then((m) => ({ Component: m.SiteMapPage })) },
      { path: ':slug', lazy: () => import('./pages/ListPage').then((m) => ({ Component: m.ListPage })) },
      { path: ':slug/nouveau', lazy: () => import('./pages/FormPage').then((m) => ({ Component: m.FormPage })) },
      { path: ':slug/:id', lazy: () => import('./pages/DetailPage').then((m) => ({ Component: m.DetailPage })) },
      { path: ':slug/:id/modifier', lazy: () => import('./pages/FormPage').then((m) => ({ Component: m.FormPage })) },
      { path: '*', lazy: () => import('./pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);
