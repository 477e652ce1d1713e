/** Only a path of this site: never an open redirect to another host. */
export function safeReturnTo(v: string | undefined) {
  return v && /^\/(?![/\\])[^\s]*$/.test(v) && v.length <= 500 ? v : '/';
}
