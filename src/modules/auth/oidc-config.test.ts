import { describe, expect, it } from 'vitest';
import { loadOidcConfig } from '../../platform/config.ts';
import { idNumberFromClaims } from './identity-links.ts';
import { OidcSignInError, safeReturnPath } from './oidc-flow.ts';

describe('OIDC settings from the environment', () => {
  it('is off without an issuer and fills the defaults otherwise', () => {
    expect(loadOidcConfig({ OIDC_CLIENT_ID: 'x' })).toBeUndefined();
    expect(
      loadOidcConfig({
        OIDC_ISSUER_URL: 'https://sso.dichvucong.gov.vn',
        OIDC_CLIENT_ID: 'motcua',
        PUBLIC_BASE_URL: 'https://motcua.haugiang.gov.vn/',
      }),
    ).toEqual({
      issuerUrl: 'https://sso.dichvucong.gov.vn',
      clientId: 'motcua',
      clientSecret: undefined,
      clientAuthMethod: 'client_secret_basic',
      redirectUri: 'https://motcua.haugiang.gov.vn/api/auth/oidc/callback',
      scopes: 'openid profile cccd',
      idNumberClaim: 'cccd',
      buttonLabel: 'Đăng nhập bằng VNeID',
      requireForOfficers: false,
    });
  });

  it('takes every setting and always asks for the openid scope', () => {
    const config = loadOidcConfig({
      OIDC_ISSUER_URL: 'http://localhost:4455',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
      OIDC_CLIENT_AUTH_METHOD: 'client_secret_post',
      OIDC_REDIRECT_URI: 'http://localhost:3000/api/auth/oidc/callback',
      OIDC_SCOPES: 'profile, so_dinh_danh',
      OIDC_ID_CLAIM: 'so_dinh_danh',
      OIDC_BUTTON_LABEL: 'Đăng nhập bằng tài khoản định danh tỉnh',
      OIDC_REQUIRE_FOR_OFFICERS: 'true',
    });
    expect(config).toMatchObject({
      clientSecret: 's',
      clientAuthMethod: 'client_secret_post',
      scopes: 'openid profile so_dinh_danh',
      idNumberClaim: 'so_dinh_danh',
      buttonLabel: 'Đăng nhập bằng tài khoản định danh tỉnh',
      requireForOfficers: true,
    });
  });

  it('stops with a Vietnamese message on a bad configuration', () => {
    expect(() => loadOidcConfig({ OIDC_ISSUER_URL: 'https://idp.example.vn' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadOidcConfig({ OIDC_ISSUER_URL: 'http://idp.example.vn', OIDC_CLIENT_ID: 'c' })).toThrow(
      /https/,
    );
    expect(() => loadOidcConfig({ OIDC_ISSUER_URL: 'không phải url', OIDC_CLIENT_ID: 'c' })).toThrow(
      /không hợp lệ/,
    );
    expect(() =>
      loadOidcConfig({
        OIDC_ISSUER_URL: 'https://idp.example.vn',
        OIDC_CLIENT_ID: 'c',
        OIDC_REQUIRE_FOR_OFFICERS: 'co',
      }),
    ).toThrow(/OIDC_REQUIRE_FOR_OFFICERS/);
    expect(() =>
      loadOidcConfig({
        OIDC_ISSUER_URL: 'https://idp.example.vn',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt',
      }),
    ).toThrow(/OIDC_CLIENT_AUTH_METHOD/);
  });
});

describe('return path after signing in', () => {
  it('keeps paths on this site and drops everything that could leave it', () => {
    expect(safeReturnPath('/ho-so?ma=1')).toBe('/ho-so?ma=1');
    for (const bad of ['//evil.vn', '/\\evil.vn', 'https://evil.vn', 'evil', '/a\\b', '/a\nb', '', null]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
    expect(safeReturnPath(`/${'a'.repeat(600)}`)).toBeNull();
  });
});

describe('personal ID number from the claims', () => {
  const code = (claims: Record<string, unknown>) => {
    try {
      idNumberFromClaims(claims, 'cccd');
      return 'ok';
    } catch (error) {
      return (error as OidcSignInError).code;
    }
  };
  it('accepts a well-formed CCCD, and names what is wrong otherwise', () => {
    expect(idNumberFromClaims({ cccd: ' 093190004321 ' }, 'cccd')).toBe('093190004321');
    // A number loses the leading zero (every province code starts with 0): refused, not padded.
    expect(code({ cccd: 93190004321 })).toBe('bad_id');
    expect(code({})).toBe('no_id');
    expect(code({ cccd: '' })).toBe('no_id');
    expect(code({ cccd: '12345' })).toBe('bad_id');
    expect(code({ cccd: '999190001234' })).toBe('bad_id');
    expect(code({ cccd: ['093190004321'] })).toBe('bad_id');
    expect(new OidcSignInError('denied').message).toMatch(/từ chối/);
  });
});
