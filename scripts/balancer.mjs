// A small round-robin HTTP load balancer for trying several Motcua processes on one machine (`npm run load --
// --processes 2`) when nginx is not installed. Production uses nginx (deploy/nginx/motcua.conf); this one does
// what matters for the test: spreads requests over the backends, skips a backend whose /api/ready fails, and
// passes X-Forwarded-For / X-Forwarded-Proto / X-Request-Id like the real proxy.
//   node scripts/balancer.mjs <port> http://127.0.0.1:8001 http://127.0.0.1:8002
import http from 'node:http';

const [portArg, ...backendArgs] = process.argv.slice(2);
if (!portArg || backendArgs.length === 0) {
  process.stderr.write('usage: node scripts/balancer.mjs <port> <backend url> [<backend url>…]\n');
  process.exit(2);
}
const backends = backendArgs.map((url) => ({ url: new URL(url), up: true, served: 0 }));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

function pick() {
  for (let i = 0; i < backends.length; i++) {
    const backend = backends[next++ % backends.length];
    if (backend.up) return backend;
  }
  return backends[next++ % backends.length];
}

function log(fields) {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), component: 'balancer', ...fields })}\n`);
}

const server = http.createServer((req, res) => {
  const backend = pick();
  backend.served++;
  const forwardedFor = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? '';
  const headers = {
    ...req.headers,
    'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${client}` : client,
    'x-forwarded-proto': 'http',
    'x-forwarded-host': req.headers.host ?? '',
  };
  const upstream = http.request(
    {
      host: backend.url.hostname,
      port: backend.url.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    backend.up = false;
    log({ level: 'warn', backend: backend.url.href, reqId: req.headers['x-request-id'], err: error.message });
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ message: 'Máy chủ ứng dụng tạm thời không trả lời.' }));
  });
  req.pipe(upstream);
});

// Readiness: a backend is taken out while /api/ready fails and put back when it answers again.
const probe = setInterval(() => {
  for (const backend of backends) {
    const check = http.get(new URL('/api/ready', backend.url), { timeout: 2000 }, (answer) => {
      answer.resume();
      const up = answer.statusCode === 200;
      if (up !== backend.up) log({ level: 'info', backend: backend.url.href, up });
      backend.up = up;
    });
    check.on('error', () => {
      if (backend.up) log({ level: 'warn', backend: backend.url.href, up: false });
      backend.up = false;
    });
    check.on('timeout', () => check.destroy(new Error('timeout')));
  }
}, 2000);
probe.unref();

server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), '127.0.0.1', () =>
  log({ level: 'info', msg: 'listening', port: Number(portArg) }),
);

function stop() {
  log({
    level: 'info',
    msg: 'stopping',
    served: Object.fromEntries(backends.map((b) => [b.url.href, b.served])),
  });
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
