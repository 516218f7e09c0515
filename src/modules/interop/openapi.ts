import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { webhookEvent } from './interop.types.ts';
import { clockSkewSeconds, headerNames } from './signing.ts';

// The interop contract: the part of the generated OpenAPI document under /api/interop/v1/, with its signing
// scheme and the webhook it sends. Committed as docs/interop/openapi-v1.json (a test keeps the file equal to
// what the server generates) and the source of packages/interop-client's types.

export const contractVersion = '1.0.0';

type Doc = {
  openapi: string;
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
};

export function interopContract(app: Pick<FastifyInstance, 'swagger'>) {
  const full = app.swagger() as unknown as Doc;
  // Every operation but the contract itself is signed.
  const signed = (path: string, item: unknown) =>
    path.endsWith('/openapi.json')
      ? item
      : Object.fromEntries(
          Object.entries(item as Record<string, object>).map(([method, op]) => [
            method,
            { ...op, security: [{ motcuaSignature: [] }] },
          ]),
        );
  const paths = Object.fromEntries(
    Object.entries(full.paths ?? {})
      .filter(([path]) => path.startsWith('/api/interop/v1/'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, item]) => [path, signed(path, item)]),
  );
  const signing =
    `Every call except this document is signed. Headers: ${headerNames.keyId} (key id), ${headerNames.timestamp} ` +
    `(Unix seconds, within ±${clockSkewSeconds / 60} minutes), ${headerNames.nonce} (16–100 characters, never ` +
    `reused), ${headerNames.contentSha256} (hex SHA-256 of the body, of the empty string for GET) and ` +
    `${headerNames.signature}: hex HMAC-SHA256, keyed with the hex SHA-256 of the API key, of ` +
    '"METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nCONTENT_SHA256".';
  return {
    openapi: full.openapi,
    info: {
      title: 'Motcua interop API',
      version: contractVersion,
      description:
        'Exchange with the National Public Service Portal and other systems: file dossiers, read their status, ' +
        `receive signed status webhooks. ${signing}`,
    },
    paths,
    components: {
      securitySchemes: {
        motcuaSignature: {
          type: 'apiKey',
          in: 'header',
          name: headerNames.signature,
          description: signing,
        },
      },
      schemas: {
        WebhookEvent: z.toJSONSchema(webhookEvent, { target: 'openapi-3.0' }),
      },
    },
    'x-webhooks': {
      dossierStatus: {
        post: {
          summary: 'A dossier event (status change), POSTed to each subscription',
          description:
            `Headers: ${headerNames.eventId} (stable id), x-motcua-sequence, ${headerNames.signature}: ` +
            '"t=<unix seconds>,v1=<hex HMAC-SHA256 with the subscription secret of "<t>.<body>">". Answer 2xx ' +
            'to acknowledge; anything else is retried with exponential backoff and jitter for 6 hours.',
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } },
          },
          responses: { '200': { description: 'Received' } },
        },
      },
    },
  };
}
