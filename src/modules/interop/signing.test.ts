import { describe, expect, it } from 'vitest';
import { allowedAddress, cidrProblem, inCidr } from './cidr.ts';
import {
  canonicalRequest,
  keyIdOf,
  newApiKey,
  signRequest,
  verifyWebhook,
  webhookSignature,
} from './signing.ts';

describe('request signing', () => {
  it('issues keys whose id is readable and whose hash alone is kept', () => {
    const key = newApiKey();
    expect(keyIdOf(key.apiKey)).toBe(key.keyId);
    expect(key.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.apiKey).not.toContain(key.keyHash);
    expect(keyIdOf('mck_zz_short')).toBeNull();
  });

  it('signs method, path, timestamp, nonce and body hash; any change gives another signature', () => {
    const apiKey = newApiKey().apiKey;
    const base = {
      apiKey,
      method: 'POST',
      path: '/api/interop/v1/dossiers',
      body: '{"a":1}',
      timestamp: 1_800_000_000,
      nonce: 'n'.repeat(16),
    };
    const signature = signRequest(base)['x-motcua-signature'];
    for (const change of [
      { method: 'PUT' },
      { path: '/api/interop/v1/dossiers?x=1' },
      { body: '{"a":2}' },
      { timestamp: 1_800_000_001 },
      { nonce: 'm'.repeat(16) },
    ]) {
      expect(signRequest({ ...base, ...change })['x-motcua-signature']).not.toBe(signature);
    }
    expect(canonicalRequest({ method: 'get', path: '/p', timestamp: '1', nonce: 'n', bodySha256: 'h' })).toBe(
      'GET\n/p\n1\nn\nh',
    );
  });

  it('verifies webhook signatures within five minutes only', () => {
    const header = webhookSignature('whs_secret', 1_800_000_000, '{"x":1}');
    expect(verifyWebhook('whs_secret', header, '{"x":1}', 1_800_000_100)).toEqual({ ok: true });
    expect(verifyWebhook('whs_secret', header, '{"x":2}', 1_800_000_100).ok).toBe(false);
    expect(verifyWebhook('whs_other', header, '{"x":1}', 1_800_000_100).ok).toBe(false);
    expect(verifyWebhook('whs_secret', header, '{"x":1}', 1_800_000_400)).toEqual({
      ok: false,
      reason: 'stale timestamp',
    });
    expect(verifyWebhook('whs_secret', undefined, '{"x":1}', 1_800_000_000).ok).toBe(false);
  });
});

describe('IP allow-lists', () => {
  it('matches IPv4, IPv6 and IPv4-mapped addresses against CIDR blocks', () => {
    expect(inCidr('203.0.113.5', '203.0.113.0/24')).toBe(true);
    expect(inCidr('203.0.114.5', '203.0.113.0/24')).toBe(false);
    expect(inCidr('::ffff:203.0.113.5', '203.0.113.0/24')).toBe(true);
    expect(inCidr('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(inCidr('10.0.0.2', '10.0.0.1')).toBe(false);
    expect(inCidr('2001:db8::1', '2001:db8::/32')).toBe(true);
    expect(inCidr('2001:db9::1', '2001:db8::/32')).toBe(false);
    expect(inCidr('::1', '::1/128')).toBe(true);
    expect(inCidr('10.1.2.3', '0.0.0.0/0')).toBe(true);
    expect(inCidr('2001:db8::1', '10.0.0.0/8')).toBe(false);
    expect(allowedAddress('127.0.0.1', [])).toBe(false);
  });

  it('explains a malformed block in Vietnamese', () => {
    expect(cidrProblem('203.0.113.0/24')).toBeNull();
    expect(cidrProblem('2001:db8::/129')).toMatch(/tiền tố/);
    expect(cidrProblem('300.1.1.1/8')).toMatch(/không phải địa chỉ IP/);
    expect(cidrProblem('abc')).toMatch(/không phải/);
  });
});
