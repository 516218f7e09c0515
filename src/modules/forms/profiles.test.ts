import { describe, expect, it } from 'vitest';
import { formKinds } from './forms.types.ts';
import { FormNotInProfileError, formNumber, formTitle, paperSize, requireFormNumber } from './profiles.ts';

describe('form numbering per rule profile', () => {
  it('numbers the six Circular 01/2018 forms', () => {
    expect(formKinds.map((k) => formNumber('nd61-2018', k))).toEqual([
      '01',
      '02',
      '03',
      '04',
      null,
      '05',
      '06',
    ]);
  });

  it('numbers the seven Circular 03/2025 forms, the stop notice as 05', () => {
    expect(formKinds.map((k) => formNumber('nd118-2025', k))).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
    ]);
  });

  it('refuses a form the profile does not have', () => {
    expect(() => requireFormNumber('nd61-2018', 'stop-notice')).toThrow(FormNotInProfileError);
  });

  it('renames the apology under Decree 118/2025', () => {
    expect(formTitle('nd61-2018', 'apology')).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(formTitle('nd118-2025', 'apology')).toBe(
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    );
  });

  it('prints the book on A4 and the other forms on A5', () => {
    expect(paperSize('tracking-book')).toBe('A4');
    expect(paperSize('receipt')).toBe('A5');
    expect(paperSize('control-sheet')).toBe('A5');
  });
});
