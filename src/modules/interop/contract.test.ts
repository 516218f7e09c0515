import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInteropClient } from '../../../packages/interop-client/src/index.ts';
import {
  clientTypesPath,
  clientTypesText,
  contractPath,
  contractText,
  generatedContract,
} from './contract-files.ts';
import { signRequest } from './signing.ts';

describe('the interop contract', () => {
  it('is committed as the server generates it, with the client types generated from it (npm run interop:client)', async () => {
    const contract = await generatedContract();
    expect(Object.keys(contract.paths)).toEqual([
      '/api/interop/v1/dossiers',
      '/api/interop/v1/dossiers/{code}',
      '/api/interop/v1/openapi.json',
    ]);
    expect(fs.readFileSync(contractPath, 'utf8')).toBe(contractText(contract));
    expect(fs.readFileSync(clientTypesPath, 'utf8')).toBe(await clientTypesText(contract));
  }, 240_000);

  it('signs in the client exactly as the server verifies', async () => {
    const apiKey = 'mck_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    let seen: Headers | undefined;
    const client = createInteropClient({
      baseUrl: 'http://motcua.example',
      apiKey,
      fetch: async (_url, init) => {
        seen = new Headers(init?.headers);
        return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
      },
      now: () => 1_800_000_000_000,
    });
    await client.dossierStatus('H92.01-261207-0001');
    const expected = signRequest({
      apiKey,
      method: 'GET',
      path: '/api/interop/v1/dossiers/H92.01-261207-0001',
      body: '',
      timestamp: 1_800_000_000,
      nonce: seen?.get('x-motcua-nonce') ?? '',
    });
    expect(seen?.get('x-motcua-signature')).toBe(expected['x-motcua-signature']);
  });
});
