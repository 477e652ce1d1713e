/** A problem with an engine's input, naming each offending item by its path. */
export class EngineInputError extends Error {
  readonly code = 'invalid_engine_input';
  constructor(readonly issues: Array<{ path: string; message: string }>) {
    super(
      `Entrée invalide : ${issues
        .slice(0, 5)
        .map((i) => `${i.path} : ${i.message}`)
        .join(' ; ')}${issues.length > 5 ? ` (et ${issues.length - 5} autres)` : ''}`,
    );
    this.name = 'EngineInputError';
  }
}
