import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgBody } from '../test/fixtures';
import { testApp } from '../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Reply = Awaited<ReturnType<typeof t.app.inject>>;
/** A 400 in the error shape naming the field, never a 500. */
function refused(r: Reply, path: string) {
  expect(r.statusCode, r.body).toBe(400);
  expect(r.json().error.details).toContainEqual({ path, message: expect.stringMatching(/caractère invisible/) });
}

describe('control characters (NUL and the like) are refused with a 400 naming the field', () => {
  it('in a visitor’s search text', async () => {
    refused(await t.anonymous.inject({ url: '/api/territories?q=%00' }), 'q');
    refused(await t.anonymous.inject({ url: '/api/organisations?q=a%00b' }), 'q');
    refused(await t.anonymous.inject({ url: '/api/projects?q=%1B' }), 'q');
  });

  it('in sign-in: password, magic link and API token', async () => {
    refused(await t.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000@b.fr', password: 'x' } }), 'email');
    refused(await t.anonymous.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'a\u0000@b.fr' } }), 'email');
    refused(await t.app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script\u0000' } }), 'name');
  });

  it('in a record’s fields: no control character in a one-line field, line breaks and tabs only in multi-line text', async () => {
    refused(await t.app.inject({ method: 'POST', url: '/api/organisations', payload: orgBody({ name: 'Régie\u0000' }) }), 'name');
    refused(await t.app.inject({ method: 'POST', url: '/api/organisations', payload: orgBody({ name: 'Régie\nde quartier' }) }), 'name');
    refused(await t.app.inject({ method: 'POST', url: '/api/organisations', payload: orgBody({ description: 'Une cloche\u0007' }) }), 'description');
    refused(
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { firstName: 'Jeanne', lastName: 'Martin', titles: ['Présidente\u0000'] } }),
      'titles.0',
    );
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: orgBody({ description: 'Deux lignes :\n\t– la première ;\r\n\t– la seconde.' }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().description).toBe('Deux lignes :\n\t– la première ;\r\n\t– la seconde.');
  });

  it('a path segment too long or badly encoded answers in the error shape', async () => {
    for (const [method, url] of [
      ['PATCH', `/api/organisations/${'x'.repeat(500)}`],
      ['GET', '/api/organisations/%E0%A4%A'],
    ] as const) {
      const r = await t.anonymous.inject({ method, url, payload: method === 'PATCH' ? {} : undefined });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/adresse/) });
    }
  });
});

describe('a 400 from the route schemas speaks plain French, field by field', () => {
  it('body, query and path: the field named, what to do, the choices in words', async () => {
    const body = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { name: null, kind: 'ess_structure_x', siret: '123', extra: 1 } });
    expect(body.statusCode).toBe(400);
    expect(body.json().error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Requête invalide/) });
    expect(body.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Le nom est obligatoire.' },
        { path: 'siret', message: 'Le SIRET doit comporter 14 chiffres.' },
        { path: 'kind', message: expect.stringMatching(/^Choisissez un type parmi\u202f: Structure de l.ESS, Structure d.insertion/) },
        { path: '', message: 'Champ inconnu\u202f: extra. Retirez-le.' },
      ]),
    );
    const query = await t.anonymous.inject({ url: '/api/projects?stage=ideas&pageSize=500' });
    expect(query.json().error.details).toEqual([
      { path: 'pageSize', message: 'La taille de page doit valoir au plus 200.' },
      { path: 'stage', message: 'Choisissez une étape parmi\u202f: Idée, Lancement, Développement, Changement d’échelle.' },
    ]);
    const params = await t.anonymous.inject({ url: '/api/projects/12' });
    expect(params.json().error.details).toEqual([{ path: 'id', message: 'Indiquez l’identifiant (UUID) de la fiche demandée.' }]);
  });
});
