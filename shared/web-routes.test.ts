import { describe, expect, it } from 'vitest';
import { isWebPage } from './web-routes';

describe('web pages known to the server', () => {
  it('knows the pages and nothing else', () => {
    const id = '0b8f8d0e-5a4e-4f57-9d0b-3f1c2a9e7b10';
    for (const p of [
      '/',
      '/projets',
      '/projets/',
      `/projets/${id}`,
      `/structures/${id}/modifier`,
      '/fonds/nouveau',
      '/plan-du-site',
      '/import',
      '/comptes',
      `/comptes/${id}`,
      '/evenements',
      '/evenements/nouveau',
      `/evenements/${id}`,
      `/evenements/${id}/modifier`,
      `/evenements/${id}/conference`,
      '/financement/pistes',
    ])
      expect(isWebPage(p), p).toBe(true);
    for (const p of [
      '/projet',
      '/projets/42',
      `/projets/${id}/supprimer`,
      '/api/projects',
      '/admin',
      '/projets/nouveau/modifier',
      '/evenements/42',
      `/evenements/${id}/inscriptions`,
      '/evenements/42/conference',
      '/financement',
    ])
      expect(isWebPage(p), p).toBe(false);
  });
});
