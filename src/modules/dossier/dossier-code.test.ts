import { describe, expect, it } from 'vitest';
import { dossierCodePattern, formatDossierCode } from './dossier-code.ts';

describe('formatDossierCode', () => {
  it('follows Circular 01/2018 art. 19 by default', () => {
    const code = formatDossierCode({
      agencyIdentifier: '000.17.22.H56',
      receivedOn: '2021-05-31',
      sequence: 1,
    });
    expect(code).toBe('000.17.22.H56-210531-0001');
    expect(code).toMatch(dossierCodePattern);
  });

  it('takes another layout as a template', () => {
    expect(
      formatDossierCode(
        { agencyIdentifier: 'H27.30', receivedOn: '2026-11-25', sequence: 42 },
        'G{yyyymmdd}.{agency}.{seq:6}',
      ),
    ).toBe('G20261125.H27.30.000042');
  });

  it('refuses a sequence that overflows its width rather than printing a colliding code', () => {
    expect(() =>
      formatDossierCode({ agencyIdentifier: '000.17.22.H56', receivedOn: '2021-05-31', sequence: 10000 }),
    ).toThrow(/does not fit/);
  });
});
