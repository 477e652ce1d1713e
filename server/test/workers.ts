/** The database of test worker `n` (1-based, as VITEST_POOL_ID): the test database's name with `_w<n>`. */
export function workerDatabaseUrl(url: string, n: number) {
  const u = new URL(url);
  u.pathname = `${u.pathname}_w${n}`;
  return u.toString();
}
