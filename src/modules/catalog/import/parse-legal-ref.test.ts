import { describe, expect, it } from 'vitest';
import { parseLegalRef } from './parse-legal-ref.ts';

describe('parseLegalRef', () => {
  it.each([
    ['123/2015/NĐ-CP', '123/2015/NĐ-CP'],
    ['104/2022/NĐ-CPNgh', '104/2022/NĐ-CP'],
    ['85/2019/TT-BTCNgh', '85/2019/TT-BTC'],
    ['106/2021/TT-BTCH', '106/2021/TT-BTC'],
    ['04/2020/TT-BTPTh', '04/2020/TT-BTP'],
    ['7/2025/NQ-CPLu', '7/2025/NQ-CP'],
    ['60/2014/QH1360', '60/2014/QH13'],
    ['190/2025/NQ-QH15', '190/2025/NQ-QH15'],
    ['24/2021/QĐ-TTgS', '24/2021/QĐ-TTg'],
    ['07/2021/TT-BLĐTBXHquy', '07/2021/TT-BLĐTBXH'],
    ['05/2022/TTLT-BTP-BCA-BYT05', '05/2022/TTLT-BTP-BCA-BYT'],
    [' 01/2022/TT-BTP\u00a0', '01/2022/TT-BTP'],
  ])('%s → %s', (raw, expected) => {
    expect(parseLegalRef(raw)).toBe(expected);
  });

  it('leaves numbers it cannot repair safely as they are', () => {
    // Truncated joint issuer, unknown issuer, glued number: shortening any of them would change the reference.
    expect(parseLegalRef('09/1998/NQLT-CP-UBT')).toBe('09/1998/NQLT-CP-UBT');
    expect(parseLegalRef('118/2025/NĐ-CQuy')).toBe('118/2025/NĐ-CQuy');
    expect(parseLegalRef('12/2020/TT-BXYZ')).toBe('12/2020/TT-BXYZ');
  });

  it('returns null for blank text', () => {
    expect(parseLegalRef(' \u00a0 ')).toBeNull();
  });
});
