import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from './errors.ts';

/** A figure a module contributes at scrape time (e.g. the notification outbox's backlog). */
export interface GaugeSource {
  name: string;
  help: string;
  read(): Promise<{ labels?: Record<string, string>; value: number }[]>;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * Request counters and latency histograms per route in Prometheus' text format, kept in process memory: each
 * process of a scaled-out deployment is scraped on its own (the usual Prometheus model).
 */
export class HttpMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Series>();
  private readonly started = Date.now();
  readonly gauges: GaugeSource[] = [];

  observe(method: string, route: string, status: number, seconds: number) {
    const key = labels({ method, route, status: String(status) });
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const durationKey = labels({ method, route });
    let series = this.durations.get(durationKey);
    if (!series) {
      series = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.durations.set(durationKey, series);
    }
    series.count += 1;
    series.sum += seconds;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound && series) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
    });
  }

  async render(): Promise<string> {
    const out: string[] = [];
    out.push('# HELP http_requests_total HTTP requests answered, by route and status.');
    out.push('# TYPE http_requests_total counter');
    for (const [key, value] of this.requests) out.push(`http_requests_total{${key}} ${value}`);
    out.push('# HELP http_request_duration_seconds Time to answer an HTTP request.');
    out.push('# TYPE http_request_duration_seconds histogram');
    for (const [key, s] of this.durations) {
      BUCKETS.forEach((bound, i) => {
        out.push(`http_request_duration_seconds_bucket{${key},le="${bound}"} ${s.buckets[i]}`);
      });
      out.push(`http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      out.push(`http_request_duration_seconds_sum{${key}} ${s.sum.toFixed(6)}`);
      out.push(`http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    const memory = process.memoryUsage();
    gauge(out, 'process_resident_memory_bytes', 'Resident memory of this process.', memory.rss);
    gauge(out, 'nodejs_heap_used_bytes', 'V8 heap in use.', memory.heapUsed);
    gauge(
      out,
      'process_uptime_seconds',
      'Seconds since this process started serving.',
      (Date.now() - this.started) / 1000,
    );
    for (const source of this.gauges) {
      out.push(`# HELP ${source.name} ${source.help}`);
      out.push(`# TYPE ${source.name} gauge`);
      for (const { labels: l, value } of await source.read()) {
        out.push(`${source.name}${l && Object.keys(l).length ? `{${labels(l)}}` : ''} ${value}`);
      }
    }
    return `${out.join('\n')}\n`;
  }
}

function gauge(out: string[], name: string, help: string, value: number) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
}

function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`)
    .join(',');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Records every answer and serves GET /api/metrics: with METRICS_TOKEN set, to a bearer of that token; otherwise
 * only to the machine itself (a scraper beside the process), never to the public.
 */
export function registerMetrics(app: FastifyInstance, metrics: HttpMetrics, token: string | undefined) {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    // The route's pattern, not the URL: ids and codes must not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/api/metrics', { schema: { hide: true } }, async (request, reply) => {
    const allowed = token
      ? request.headers.authorization === `Bearer ${token}`
      : // Through a reverse proxy on this machine the socket is loopback too: forwarded requests need the token.
        LOOPBACK.has(request.socket.remoteAddress ?? '') && !request.headers['x-forwarded-for'];
    if (!allowed) throw forbidden('Chỉ hệ thống giám sát được đọc số liệu vận hành.');
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.render());
  });
}
