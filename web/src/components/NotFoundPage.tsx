import { Link } from 'react-router';
import { useTitle } from '../lib/use-title';

export function NotFoundPage() {
  useTitle('Page non trouvée');
  return (
    <div className="fr-my-7w">
      <h1 tabIndex={-1}>Page non trouvée</h1>
      <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p className="fr-text--lead fr-mb-3w">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</p>
      <p className="fr-mb-5w">
        Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible&#8239;: elle a pu être
        supprimée ou déplacée.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to="/">
            Page d’accueil
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to="/plan-du-site">
            Plan du site
          </Link>
        </li>
      </ul>
    </div>
  );
}
