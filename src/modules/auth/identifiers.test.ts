import { describe, expect, it } from 'vitest';
import { citizenIdProblem, normalizeEmail, normalizePhone } from './identifiers.ts';

const today = new Date('2026-11-25T00:00:00Z');

describe('citizenIdProblem', () => {
  it('accepts well-formed IDs: Hậu Giang and Cần Thơ births, 1900s and 2000s, men and women', () => {
    for (const id of ['093190001234', '092085123456', '001203000001', '079326999999']) {
      expect(citizenIdProblem(id, today), id).toBeNull();
    }
  });

  it('refuses wrong length, letters, unknown province codes and future birth years', () => {
    expect(citizenIdProblem('09319000123', today)).toMatch(/12 chữ số/);
    expect(citizenIdProblem('09319000123A', today)).toMatch(/12 chữ số/);
    expect(citizenIdProblem('003190001234', today)).toMatch(/mã tỉnh/); // 003 is not a province code
    expect(citizenIdProblem('097190001234', today)).toMatch(/mã tỉnh/);
    expect(citizenIdProblem('093227001234', today)).toMatch(/Năm sinh/); // born 2027
    expect(citizenIdProblem('093400001234', today)).toMatch(/Năm sinh/); // 2100s
  });
});

describe('normalizePhone', () => {
  it('accepts Vietnamese mobile numbers in common spellings', () => {
    expect(normalizePhone('0912345678')).toBe('0912345678');
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84-386.123.456')).toBe('0386123456');
  });

  it('refuses landlines, short numbers and other prefixes', () => {
    for (const phone of ['02933876543', '091234567', '0112345678', 'abc', ''])
      expect(normalizePhone(phone)).toBeNull();
  });
});

it('lower-cases and trims emails', () => {
  expect(normalizeEmail('  Thu.Le@Example.VN ')).toBe('thu.le@example.vn');
});
