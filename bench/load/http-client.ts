// The load generator's HTTP client: one call = one timed request, recorded under its kind.

export interface KindStats {
  latencies: number[];
  errors: number;
  /** A few error texts per kind, to tell what failed. */
  samples: string[];
}

export class Recorder {
  readonly kinds = new Map<string, KindStats>();
  inFlight = 0;
  maxInFlight = 0;

  stats(kind: string): KindStats {
    let s = this.kinds.get(kind);
    if (!s) {
      s = { latencies: [], errors: 0, samples: [] };
      this.kinds.set(kind, s);
    }
    return s;
  }

  ok(kind: string, ms: number) {
    this.stats(kind).latencies.push(ms);
  }

  error(kind: string, ms: number, text: string) {
    const s = this.stats(kind);
    s.latencies.push(ms);
    s.errors++;
    if (s.samples.length < 3) s.samples.push(text.slice(0, 300));
  }
}

export interface CallOptions {
  method?: string;
  cookie?: string | undefined;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Statuses that are a correct answer for this request (a look-up of an unknown code answers 404). */
  expect?: number[];
}

export class LoadError extends Error {}

/** An HTTP client bound to the address under load; each request is timed and recorded by `kind`. */
export class Client {
  constructor(
    readonly base: string,
    readonly recorder: Recorder,
  ) {}

  async call<T = unknown>(kind: string, path: string, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    const expected = options.expect ?? [200, 201];
    this.recorder.inFlight++;
    this.recorder.maxInFlight = Math.max(this.recorder.maxInFlight, this.recorder.inFlight);
    const started = performance.now();
    try {
      const response = await fetch(`${this.base}${path}`, {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      if (!expected.includes(response.status)) {
        this.recorder.error(kind, ms, `${response.status} ${path} ${text}`);
        throw new LoadError(`${kind}: ${response.status}`);
      }
      this.recorder.ok(kind, ms);
      const type = response.headers.get('content-type') ?? '';
      return (type.includes('json') ? JSON.parse(text) : text) as T;
    } catch (error) {
      if (!(error instanceof LoadError))
        this.recorder.error(kind, performance.now() - started, `${path} ${(error as Error).message}`);
      throw error;
    } finally {
      this.recorder.inFlight--;
    }
  }
}

/** Logs in and answers the session cookie. */
export async function login(base: string, identifier: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  if (!r.ok) throw new Error(`login ${identifier}: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
