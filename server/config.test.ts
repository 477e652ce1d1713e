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

  it('refuses a production start that lacks a setting production needs, naming each one', () => {
    const refusal = () => {
      try {
        readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://essaim.example.gouv.fr', PORT: 'abc' }, { server: true });
      } catch (e) {
        return (e as Error).message;
      }
      return 'démarré';
    };
    const message = refusal();
    expect(message).toMatch(/^Configuration incomplète pour la production/);
    // Every problem at once: a malformed value, an http address, each missing setting.
    expect(message).toMatch(/PORT: /);
    expect(message).toContain('PUBLIC_URL: doit commencer par https:// en production (reçu « http://essaim.example.gouv.fr »)');
    for (const name of ['SITE_PUBLISHER', 'SITE_PUBLICATION_DIRECTOR', 'SITE_HOST', 'SITE_CONTACT_EMAIL', 'SMTP_URL', 'MAIL_FROM']) {
      expect(message).toMatch(new RegExp(`\\n  ${name}: manquant en production — \\S`));
    }
    expect(() => readConfig({ NODE_ENV: 'production' }, { server: true })).toThrow(/PUBLIC_URL: manquant en production/);
  });

  it('starts in production with every setting, and no demonstration default', () => {
    const settings = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://essaim.example.gouv.fr',
      SITE_PUBLISHER: 'Direction du réseau',
      SITE_PUBLICATION_DIRECTOR: 'Camille Martin',
      SITE_HOST: 'Hébergeur public, Paris',
      SITE_CONTACT_EMAIL: 'contact@essaim.example.gouv.fr',
      SMTP_URL: 'smtps://relais.example.gouv.fr',
      MAIL_FROM: 'Essaim <ne-pas-repondre@essaim.example.gouv.fr>',
    };
    const c = readConfig(settings, { server: true });
    expect(c).toMatchObject({
      env: 'production',
      publicUrl: 'https://essaim.example.gouv.fr',
      mail: { smtpUrl: 'smtps://relais.example.gouv.fr', from: settings.MAIL_FROM },
    });
    expect(c.site).toEqual({
      publisher: 'Direction du réseau',
      publicationDirector: 'Camille Martin',
      host: 'Hébergeur public, Paris',
      contactEmail: 'contact@essaim.example.gouv.fr',
    });
    // The command line serves no one: it runs in production without the site's settings.
    expect(readConfig({ NODE_ENV: 'production' }).env).toBe('production');
  });

  it('serves who runs the instance to the legal pages', async () => {
    const database = await testDatabase();
    const app = await buildApp({ db: database.db, site: readConfig({ SITE_PUBLISHER: 'Direction du réseau', SITE_HOST: 'Hébergeur public, Paris' }).site });
    try {
      expect((await app.inject('/api/site')).json()).toEqual({
        publisher: 'Direction du réseau',
        publicationDirector: 'non renseigné',
        host: 'Hébergeur public, Paris',
        contactEmail: 'contact@essaim.test',
      });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
