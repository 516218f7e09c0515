import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parse-quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['1 bản chính', 1, 0],
    ['0 bản chính', 0, 0],
    ['0 bản chính,1 bản sao', 0, 1],
    ['1 bản chính,1 bản sao', 1, 1],
    ['2 bản chính, 2 bản sao', 2, 2],
    ['01 bản sao', 0, 1],
    ['01 bản chính', 1, 0],
    ['\u00a01  bản   chính ', 1, 0],
    ['1 Bản chính', 1, 0],
  ])('reads %j', (raw, originals, copies) => {
    expect(parseQuantity(raw)).toEqual({ originals, copies });
  });

  it.each([
    // A form number or a year glued onto the count by the scraper: never guess which digits are the count.
    '031 bản chính',
    '20241 bản chính',
    '181 bản chính,1 bản sao',
    '1 bản chính,1 bản chính',
    '1 bộ',
    'bản chính',
    '',
    null,
    undefined,
  ])('rejects %j', (raw) => {
    expect(parseQuantity(raw)).toBeNull();
  });
});
