import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

// The documents register end to end: an officer imports the agency's own register from CSV with one bad row,
// reads which row was refused and why, and the electronic exchange share of that month follows the import.
const HEADER =
  'Loại (Đến/Đi),Số,Ký hiệu,Ngày văn bản,Trích yếu,Cơ quan gửi/nhận,Cơ quan nhà nước (Có/Không),Điện tử (Có/Không),Ký số (Có/Không),Hạn xử lý,Người xử lý,Trạng thái';
const CSV = [
  HEADER,
  'Đến,31,CV-UBND,06/03/2023,V/v triển khai kế hoạch CCHC năm 2023,UBND thành phố Vị Thanh,Có,Có,Có,16/03/2023,Lê Văn Hùng,Đã xử lý',
  'Đến,32,GM-UBND,31/02/2023,Giấy mời họp giao ban,Phòng Nội vụ thành phố Vị Thanh,Có,Có,Có,,,',
  'Đi,33,BC-UBND,20/03/2023,Báo cáo công tác CCHC quý I,Phòng Nội vụ thành phố Vị Thanh,Có,Không,Không,,,Đã xử lý',
].join('\n');

test('an officer imports a CSV register with one bad row, sees why it was refused, and the e-exchange share follows', async ({
  page,
}) => {
  await login(page, 'chuyenvien.vithanh@demo.motcua.vn');
  await page.getByRole('link', { name: 'Văn bản, ISO' }).click();
  await expect(page.getByRole('heading', { name: 'Văn bản, ISO' })).toBeVisible();

  // March 2023 has no documents yet.
  await page.getByRole('tab', { name: 'Tỷ lệ trao đổi điện tử' }).click();
  await page.getByLabel('Từ tháng').fill('2023-03');
  await page.getByLabel('Đến tháng').fill('2023-03');
  await expect(page.getByTestId('e-exchange-overall')).toContainText('0/0 văn bản điện tử');

  await page.getByRole('tab', { name: 'Sổ văn bản đến, đi' }).click();
  await page.getByRole('button', { name: 'Nhập từ tệp CSV/Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập sổ văn bản từ tệp' });
  await dialog.getByLabel('Nhập các dòng hợp lệ, bỏ qua các dòng lỗi').check();
  await dialog.getByLabel('Tệp sổ văn bản').setInputFiles({
    name: 'so-van-ban-thang-3.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await expect(dialog.getByRole('status')).toContainText('Đã nhập 2/3 văn bản.');
  await expect(dialog.getByRole('status')).toContainText('Dòng 3: Ngày văn bản không tồn tại.');
  await dialog.getByRole('button', { name: 'Đóng' }).first().click();

  await page.getByLabel('Tháng').fill('2023-03');
  await expect(page.getByRole('cell', { name: '31/CV-UBND', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '33/BC-UBND', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'documents register');

  await page.getByRole('tab', { name: 'Tỷ lệ trao đổi điện tử' }).click();
  await page.getByLabel('Từ tháng').fill('2023-03');
  await page.getByLabel('Đến tháng').fill('2023-03');
  await expect(page.getByTestId('e-exchange-overall')).toContainText('1/2 văn bản điện tử');
  await expect(page.getByText('50%').first()).toBeVisible();
});
