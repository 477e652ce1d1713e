import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translateDbError } from '../db/db-errors';
import { typo } from '../../shared/text';
import { type ErrorDetail, httpStatusOf } from '../errors';

// Every message leaves the server in French typography, whoever wrote it; the
// request id lets a person quote the answer and the operator find its log lines.
function body(req: FastifyRequest, code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message: typo(message), details: details.map((d) => ({ path: d.path, message: typo(d.message) })), requestId: req.id } };
}

const where: Record<string, string> = { body: '', querystring: '', params: '', headers: 'en-tête.' };

/**
 * The one place that turns errors into HTTP answers, in the one error shape.
 * Client mistakes are 4xx with their cause; a 500 never shows its cause.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
        return { path: `${where[err.validationContext ?? ''] ?? ''}${path}`, message: v.message ?? 'Valeur invalide' };
      });
      return reply.code(400).send(body(req, 'invalid_input', 'Requête invalide : voyez le détail de chaque champ.', details));
    }
    const app = translateDbError(err);
    if (app) return reply.code(httpStatusOf[app.kind]).send(body(req, app.code, app.message, app.details));

    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(body(req, 'malformed_json', 'Le corps de la requête n’est pas un JSON valide.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body(req, 'unsupported_media_type', 'Type de contenu non pris en charge (application/json attendu).'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.code(413).send(body(req, 'payload_too_large', 'Le corps de la requête est trop volumineux.'));
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.code(415).send(body(req, 'unsupported_media_type', 'Envoyez le fichier en multipart/form-data.'));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(body(req, 'too_many_requests', 'Trop de tentatives : réessayez dans une minute.'));
    if (status >= 400 && status < 500) {
      // Fastify's and its plugins' own messages are English and technical: a person reads French.
      req.log.info({ code: err.code, message: err.message }, 'client error');
      return reply.code(status).send(body(req, 'bad_request', 'La requête est incorrecte : vérifiez l’adresse, les en-têtes et le contenu envoyés.'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body(req, 'internal_error', 'Erreur interne du serveur. Elle a été journalisée.'));
  });
}

/**
 * Errors the router raises before any route runs (a path segment longer than
 * Fastify's limit, a malformed percent-encoding): the same error shape, not
 * Fastify's own. Passed as the `frameworkErrors` option of the app.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return reply
    .code(400)
    .send(
      body(
        req,
        tooLong ? 'path_too_long' : 'bad_url',
        tooLong ? 'Un élément de l’adresse est trop long : vérifiez l’identifiant demandé.' : 'L’adresse demandée est mal formée : vérifiez-la.',
      ),
    );
}

export type WebPage = (path: string) => { status: number; html: string } | undefined;

/**
 * Unknown routes: the web application's page shell for browser paths (GET),
 * the error shape for everything else.
 */
export function installNotFound(app: FastifyInstance, webPage?: WebPage) {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] as string;
    const page = (req.method === 'GET' || req.method === 'HEAD') && webPage ? webPage(path) : undefined;
    if (page) return reply.code(page.status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page.html);
    return reply.code(404).send(body(req, 'route_not_found', `Aucune route ${req.method} ${path}.`));
  });
}
