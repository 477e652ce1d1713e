import { type CallArgs, type ResponseOf, type RouteDef, urlOf } from '../../../shared/routes/contract';

/** One error as the API sends it: a stable code, a French message, and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
    /** The server's reference of the request (`error.requestId`), for a person to quote. */
    readonly requestId?: string,
  ) {
    super(message);
  }
  /** Messages per field path (`siret`, `perimeter.0`…), for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.path.split('.')[0] || '_';
      out[key] = out[key] ? `${out[key]} ; ${d.message}` : d.message;
    }
    return out;
  }
}

// The session's CSRF token, sent with every write (GET /api/auth/me gives it).
let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: ApiError['details']; requestId?: string } } | null;
  if (body?.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? [], body.error.requestId);
  // A proxy's own error page: the header still names the request when it reached the server.
  return new ApiError(
    res.status,
    'http_error',
    `Le serveur a répondu ${res.status}. Réessayez dans un instant.`,
    [],
    res.headers.get('x-request-id') ?? undefined,
  );
}

/** One HTTP exchange with the API: JSON in and out, errors as ApiError. */
async function request<T>(method: string, url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      signal: signal ?? null,
      body: body === undefined ? null : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Le serveur ne répond pas\u202F: vérifiez votre connexion puis réessayez.');
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Call one route of the contract (shared/routes/): its parameters, query and
 * body are typed from the route's schemas, and so is the answer.
 */
export function call<D extends RouteDef>(def: D, args: CallArgs<D>, init: { signal?: AbortSignal } = {}): Promise<ResponseOf<D>> {
  return request<ResponseOf<D>>(def.method, urlOf(def, args), args.body, init.signal);
}

/**
 * Upload a file to a multipart route of the contract, with progress (fetch
 * cannot report upload progress); parameters, query and answer typed as `call`.
 */
export function upload<D extends RouteDef & { bodyKind: 'multipart' }>(
  def: D,
  args: CallArgs<D>,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<ResponseOf<D>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(def.method, urlOf(def, args));
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Le serveur ne répond pas\u202F: vérifiez votre connexion puis réessayez.'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as ResponseOf<D>);
      else errorOf(res).then(reject, reject);
    };
    xhr.send(form);
  });
}
