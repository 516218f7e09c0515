import { cleanText } from './clean-text.ts';

// Issuing bodies of the document numbers in the catalog (cơ quan ban hành), for cutting off the start of
// the next word that the source's regex glued on: "104/2022/NĐ-CPNgh" (… Nghị định), "60/2014/QH1360".
const ISSUERS = [
  'CP',
  'TTg',
  'VPCP',
  'UBND',
  'HĐND',
  'UBTVQH1[1-5]',
  'QH1[1-5]',
  'BCA',
  'BCT',
  'BGDĐT',
  'BGTVT',
  'BKHCN',
  'BKHĐT',
  'BLĐTBXH',
  'BNG',
  'BNNMT',
  'BNNPTNT',
  'BNV',
  'BQP',
  'BTC',
  'BTNMT',
  'BTP',
  'BTTTT',
  'BVHTTDL',
  'BXD',
  'BYT',
  'NHNN',
  'TANDTC',
  'VKSNDTC',
];
// Longest first, so BTTTT wins over BTP-like prefixes and UBTVQH15 over QH15.
const ISSUER = `(?:${[...ISSUERS].sort((a, b) => b.length - a.length).join('|')})`;
// A tail starting with "-" is a truncated joint issuer ("NQLT-CP-UBT"): left alone rather than shortened.
const REF = new RegExp(`^(\\d+[a-z]?/\\d{4}/(?:[A-ZĐ]+-)?${ISSUER}(?:-${ISSUER})*)(?!-)`, 'u');

/**
 * A document number of the legal basis with any glued-on tail removed; numbers whose issuer is not known
 * are returned cleaned but otherwise as they are (never guessed).
 */
export function parseLegalRef(raw: string): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const match = REF.exec(text);
  return match?.[1] ?? text;
}
