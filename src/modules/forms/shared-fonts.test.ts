import { describe, expect, it } from 'vitest';
import { receiptFixture, supplementFixture } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';
import { receiptPdf } from './receipt.ts';
import { supplementRequestPdf } from './supplement-request.ts';

// Regression: the fonts are parsed once per process; a letter first met inside an accented one in an earlier
// PDF used to come out wrong in the text layer of later PDFs ("HOÀN" as "H6ÀN").
describe('fonts shared by the PDFs of one process', () => {
  it('keep the text layer of a later PDF exact', async () => {
    await receiptPdf(receiptFixture('nd118-2025'));
    const second = await readPdf(await supplementRequestPdf(supplementFixture('nd118-2025')));
    expect(second.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  });
});
