const BASE = 'http://essaim.invalid';

/**
 * Only a path of this site: never an open redirect to another host. The
 * answer is percent-encoded ASCII, so it always fits a Location header
 * (a raw `€` or `日` there made Node refuse the header: a 500). Anything
 * doubtful — control characters, another host once parsed, over 500
 * characters once encoded — is home, `/`.
 */
export function safeReturnTo(v: string | undefined) {
  // Tabs and newlines are dropped by URL parsers (`/\t/evil` becomes `//evil`): refused before parsing.
  if (!v || !/^\/(?![/\\])\P{Cc}*$/u.test(v)) return '/';
  let url: URL;
  try {
    url = new URL(v, BASE);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === BASE && path.startsWith('/') && !path.startsWith('//') && path.length <= 500 ? path : '/';
}
