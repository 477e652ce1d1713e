/** Build the web application when its sources are newer than the last build; true when it built. */
export function buildWebIfNeeded(opts?: { quiet?: boolean }): Promise<boolean>;
