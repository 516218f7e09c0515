// Pure checks of the personal identifiers a citizen gives at sign-up.

/** Province codes of birth registration (Circular 07/2016/TT-BCA, annex 1): the 63 provinces before 2025. */
const birthProvinceCodes = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(
    ' ',
  ),
);

/**
 * Checks a 12-digit citizen ID (CCCD) by its structure: birth-province code, century/sex digit, birth year.
 * There is no check digit, so a well-formed number can still be someone else's; returns a Vietnamese reason or null.
 */
export function citizenIdProblem(value: string, today = new Date()): string | null {
  if (!/^\d{12}$/.test(value)) return 'Số CCCD phải gồm đúng 12 chữ số.';
  if (!birthProvinceCodes.has(value.slice(0, 3)))
    return 'Ba chữ số đầu của số CCCD không phải mã tỉnh hợp lệ.';
  const centuryDigit = Number(value[3]);
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(value.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) return 'Năm sinh trong số CCCD không hợp lệ.';
  return null;
}

/** Normalises a Vietnamese mobile number (+84 / 84 / 0 prefixes, spaces, dots) to 0xxxxxxxxx, or null. */
export function normalizePhone(value: string): string | null {
  const digits = value.replace(/[\s.\-()]/g, '');
  const national = digits.replace(/^(\+84|84)(?=[35789]\d{8}$)/, '0');
  return /^0[35789]\d{8}$/.test(national) ? national : null;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
