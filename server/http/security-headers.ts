import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeadersOptions {
  /**
   * Production behind HTTPS: Strict-Transport-Security (a browser then refuses
   * plain HTTP for a year) and upgrade-insecure-requests. Never on a developer's
   * http://localhost, which a browser would then refuse.
   */
  hsts: boolean;
  /** The built page shell, whose inline scripts (if any) are allowed by their hash. */
  shell?: string | undefined;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of the inline scripts of a page (`<script>…</script>` without `src`). */
export function inlineScriptHashes(html: string) {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1] ?? ''));
}

/**
 * react-dsfr writes the page's colour scheme into a `<style>` element it
 * creates (`:root { color-scheme: light; }`, or dark): allowed by the hash of
 * each of its two possible texts rather than by opening inline styles.
 */
const DSFR_COLOR_SCHEME_STYLES = ['light', 'dark'].map((s) => sha256(`:root { color-scheme: ${s}; }`));

/**
 * Security headers on every answer (pages, API, documentation): a
 * Content-Security-Policy that runs only this server's own scripts (no inline
 * script but the shell's own, by hash), no framing (clickjacking), no MIME
 * sniffing, no referrer sent to other sites, a browsing context of our own
 * (Cross-Origin-Opener-Policy), and HSTS in production.
 */
export async function installSecurityHeaders(app: FastifyInstance, opts: SecurityHeadersOptions) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(opts.shell ?? '')],
        scriptSrcAttr: ["'none'"],
        // No 'unsafe-inline' for styles either: React's style props go through
        // the CSSOM, which CSP does not restrict, and the DSFR sets no style
        // attribute; react-dsfr's one <style> element is allowed by its hashes.
        styleSrc: ["'self'", ...DSFR_COLOR_SCHEME_STYLES],
        // The favicon and the DSFR's icons are data: URIs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Pages are never framed, even by this site (frame-ancestors 'none' for browsers that read CSP).
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
