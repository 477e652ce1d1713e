import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { readConfig } from './config';
import { testDatabase } from './test/test-db';

describe('configuration', () => {
  it('reads the defaults of a local instance', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, database: { kind: 'pglite' }, env: 'development', publicUrl: 'http://localhost:3000', oidc: undefined });
    expect(c.site.contactEmail).toBe('contact@essaim.test');
  });

  it('takes the operator, ProConnect and database settings', () => {
    const c = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_URL: 'https://essaim.example.gouv.fr/',
      OIDC_ISSUER: 'https://auth.example/api/v2',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
      SITE_PUBLISHER: 'Direction du réseau',
      SITE_CONTACT_EMAIL: 'contact@essaim.example.gouv.fr',
    });
    expect(c).toMatchObject({ port: 8080, database: { kind: 'postgres', url: 'postgres://u@h/db' }, publicUrl: 'https://essaim.example.gouv.fr' });
    expect(c.oidc).toMatchObject({ issuer: 'https://auth.example/api/v2', scopes: 'openid email given_name usual_name siret', name: 'ProConnect' });
    expect(c.site).toMatchObject({ publisher: 'Direction du réseau', contactEmail: 'contact@essaim.example.gouv.fr' });
  });

  it('says clearly what is wrong', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ OIDC_ISSUER: 'https://auth.example' })).toThrow(/renseignez les trois ou aucun/);
    expect(() => readConfig({ SITE_CONTACT_EMAIL: 'pas-une-adresse' })).toThrow(/SITE_CONTACT_EMAIL/);
  });

  it('serves who runs the instance to the legal pages', async () => {
    const database = await testDatabase();
    const app = await buildApp({ db: database.db, site: readConfig({ SITE_PUBLISHER: 'Direction du réseau', SITE_HOST: 'Hébergeur public, Paris' }).site });
    try {
      expect((await app.inject('/api/site')).json()).toEqual({ publisher: 'Direction du réseau', publicationDirector: 'non renseigné', host: 'Hébergeur public, Paris', contactEmail: 'contact@essaim.test' });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
