import { describe, expect, it } from 'vitest';
import { frenchDefects, titleDefect } from './french-defects';

describe('French defects of generated text', () => {
  it('finds the defects a reader notices', () => {
    expect(frenchDefects('Centrale villageoise de de Lyon')).toEqual(['mot répété « de de »']);
    expect(frenchDefects('au sein du collectif Collectif French Impact')).toEqual(['mot répété « collectif Collectif »']);
    expect(frenchDefects('les acteurs de le Havre et à les environs')).toEqual(['contraction oubliée « de le »', 'contraction oubliée « à les »']);
    expect(frenchDefects('Energie Partagée Investissement')).toEqual(['majuscule sans accent « Energie »']);
    expect(frenchDefects("Production d'électricité")).toEqual(['apostrophe droite']);
    expect(frenchDefects('Les Jardins solidaire de Lyon')).toEqual(['accord « Les Jardins solidaire »']);
    expect(frenchDefects('Le Chantier citoyenne')).toEqual(['accord « Le Chantier citoyenne »']);
    expect(frenchDefects('L’Atelier partagée')).toEqual(['accord « L’Atelier partagée »']);
    expect(frenchDefects('Les Jardins partagées')).toEqual(['accord « Les Jardins partagées »']);
  });

  it('leaves correct French alone', () => {
    for (const ok of [
      'Les Jardins partagés de Chambéry',
      'La Fabrique citoyenne du Havre',
      'L’Atelier inclusif d’Aubervilliers',
      'Le Relais du lien des Mureaux',
      'Énergie Partagée Investissement',
      'Ecofi Contrat Solidaire',
      'MatériO.TEC 73, 2 2',
      'Chantier d’insertion La Ruche solidaire de La Rochelle n° 12',
    ])
      expect(frenchDefects(ok), ok).toEqual([]);
  });

  it('checks that job titles agree with the person', () => {
    expect(titleDefect('Thomas', 'Coordinatrice du collectif')).toBeDefined();
    expect(titleDefect('Merryl', 'Directeur général')).toBeDefined();
    expect(titleDefect('Merryl', 'Coordinatrice du collectif')).toBeUndefined();
    expect(titleDefect('Yann', 'Chef de service')).toBeUndefined();
    expect(titleDefect('Léa', 'Responsable des partenariats')).toBeUndefined();
  });
});
