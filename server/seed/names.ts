/** Words the demo generators combine into plausible French names. */
export const firstNames = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Julie', 'Emma', 'Clara', 'Anaïs', 'Pauline', 'Marion', 'Lucie', 'Élise',
  'Nadia', 'Fatou', 'Aïcha', 'Sophie', 'Claire', 'Hélène', 'Isabelle', 'Nathalie', 'Sandrine', 'Amélie', 'Mathilde', 'Margaux',
  'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Hugo', 'Lucas', 'Mehdi', 'Karim', 'Youssef', 'Pierre', 'Jean', 'François',
  'Olivier', 'Stéphane', 'Sébastien', 'Guillaume', 'Romain', 'Benoît', 'Mathieu', 'Yann', 'Grégoire', 'Théo', 'Samuel', 'Moussa',
];
export const lastNames = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre',
  'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert',
  'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Roussel',
  'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson',
  'Benali', 'Diallo', 'Traoré', 'Nguyen', 'Haddad', 'Le Gall', 'Kerjean', 'Ollivier', 'Bouvier', 'Chauvin', 'Rey', 'Barbier',
];
export const titles = [
  'Directrice générale', 'Directeur général', 'Chargée de mission ESS', 'Chargé de développement', 'Coordinatrice', 'Coordinateur',
  'Présidente', 'Président', 'Responsable des partenariats', 'Chargée de projets', 'Responsable financement', 'Délégué territorial',
];
export const nameWords = [
  'Les Jardins', 'La Fabrique', "L'Atelier", 'La Ressourcerie', 'Le Chantier', 'La Ruche', 'Le Relais', 'La Passerelle', 'Les Ateliers',
  'La Recyclerie', 'Le Tremplin', "L'Envol", 'La Boussole', 'Le Pont', 'La Coop', 'Les Compagnons', 'La Main Verte', 'Le Fil',
];
export const nameSuffixes = [
  'solidaire', 'du partage', 'de la transition', 'citoyenne', 'des possibles', 'du lien', 'en commun', 'de demain', 'inclusive', 'partagée',
];

/** Project archetypes: title pattern, summary and themes; `{lieu}` is a commune name. */
export const projectArchetypes: ReadonlyArray<{ title: string; summary: string; themes: string[]; instruments: string[] }> = [
  { title: 'Recyclerie {lieu}', summary: 'Collecte, valorisation et revente à petit prix des objets du quotidien, avec des postes en insertion.', themes: ['economie-circulaire', 'revalorisation-dechets', 'emploi-insertion'], instruments: ['grant', 'loan'] },
  { title: 'Tiers-lieu {lieu}', summary: "Un lieu partagé qui réunit espace de travail, atelier de fabrication, café associatif et services de proximité.", themes: ['tiers-lieux', 'relocalisation'], instruments: ['grant', 'quasi_equity'] },
  { title: 'Centrale villageoise de {lieu}', summary: "Production d'électricité photovoltaïque citoyenne sur les toitures publiques et privées du territoire.", themes: ['energies-renouvelables'], instruments: ['equity', 'loan'] },
  { title: 'Plateforme de réemploi BTP {lieu}', summary: 'Récupération, reconditionnement et revente des matériaux de déconstruction pour réduire les déchets du bâtiment.', themes: ['reemploi-materiaux', 'economie-circulaire', 'emploi-insertion'], instruments: ['loan', 'quasi_equity'] },
  { title: 'Épicerie solidaire {lieu}', summary: 'Une alimentation de qualité accessible à tous, en circuit court avec les producteurs du territoire.', themes: ['alimentation-durable', 'relocalisation'], instruments: ['grant'] },
  { title: 'Garage solidaire {lieu}', summary: "Réparation et location de véhicules à coût réduit pour les personnes en parcours d'insertion.", themes: ['mobilite', 'emploi-insertion'], instruments: ['loan', 'grant'] },
  { title: 'Habitat inclusif {lieu}', summary: 'Des logements partagés et accompagnés pour les personnes âgées ou en situation de handicap.', themes: ['logement', 'autonomie', 'bien-vieillir'], instruments: ['loan', 'equity'] },
  { title: 'École de production {lieu}', summary: 'Former des jeunes décrocheurs à un métier par la production réelle de commandes clients.', themes: ['decrochage-scolaire', 'emploi-insertion'], instruments: ['grant', 'quasi_equity'] },
  { title: 'Légumerie {lieu}', summary: "Transformation de légumes locaux pour la restauration collective, avec des salariés en insertion.", themes: ['alimentation-durable', 'relocalisation', 'emploi-insertion'], instruments: ['loan', 'equity'] },
  { title: 'Conciergerie numérique {lieu}', summary: "Accompagnement aux démarches en ligne et prêt de matériel reconditionné pour lutter contre l'illectronisme.", themes: ['inclusion-numerique'], instruments: ['grant'] },
  { title: 'Atelier vélo {lieu}', summary: "Atelier participatif d'autoréparation, vélo-école et location de vélos à assistance électrique.", themes: ['mobilite', 'economie-circulaire'], instruments: ['grant', 'loan'] },
  { title: 'Maison du bien vieillir {lieu}', summary: 'Prévention de la perte d’autonomie, aide aux aidants et activités intergénérationnelles.', themes: ['bien-vieillir', 'autonomie', 'sante'], instruments: ['grant', 'quasi_equity'] },
  { title: 'Ressourcerie textile {lieu}', summary: 'Tri, réparation et surcyclage des textiles usagés en partenariat avec les acteurs de la collecte.', themes: ['revalorisation-dechets', 'economie-circulaire'], instruments: ['loan'] },
  { title: 'Foncière solidaire {lieu}', summary: "Acquisition et rénovation de locaux vacants mis à disposition d'activités à impact à loyer modéré.", themes: ['logement', 'relocalisation', 'tiers-lieux'], instruments: ['equity', 'quasi_equity'] },
  { title: 'Ferme urbaine {lieu}', summary: "Maraîchage biologique en ville, pédagogie auprès des écoles et emplois d'insertion.", themes: ['alimentation-durable', 'emploi-insertion'], instruments: ['grant', 'loan'] },
  { title: 'Manufacture de proximité {lieu}', summary: 'Relocaliser la fabrication textile et mobilier avec des savoir-faire artisanaux et des emplois non délocalisables.', themes: ['relocalisation', 'emploi-insertion'], instruments: ['equity', 'loan'] },
  { title: 'Cantine solidaire {lieu}', summary: 'Repas à prix libre cuisinés à partir d’invendus et de produits locaux, lieu de lien social.', themes: ['alimentation-durable', 'revalorisation-dechets'], instruments: ['grant'] },
  { title: 'Coopérative d’énergie citoyenne {lieu}', summary: 'Les habitants investissent ensemble dans des installations solaires et de chaleur renouvelable.', themes: ['energies-renouvelables'], instruments: ['equity'] },
];
