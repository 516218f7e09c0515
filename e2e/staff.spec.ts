import { expect, type Page, test } from '@playwright/test';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { login, pickOption } from './helpers.ts';

// Staff capacity: the reform office downloads the template, imports officials of phường Vị Tân with one bad row
// and sees it rejected, records an online-service software course for one of them, and the "trained on the
// online-service software" share of the agency goes from 0% to 50%.

test.use({ actionTimeout: 15_000 });

const AGENCY = 'UBND phường Vị Tân';

async function officialsFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách cán bộ');
  sheet.addRow([
    'Cơ quan, đơn vị *',
    'Họ và tên *',
    'Ngày sinh (dd/mm/yyyy) *',
    'Chức vụ',
    'Ngạch, loại *',
    'Trình độ chuyên môn *',
    'Chuyên ngành',
    'Lý luận chính trị',
    'Ngày bắt đầu công tác (dd/mm/yyyy) *',
    'Ngày thôi việc (dd/mm/yyyy)',
  ]);
  sheet.addRow([
    AGENCY,
    'Quách Thị Diễm My',
    '14/02/1993',
    'Chuyên viên',
    'Công chức',
    'Đại học',
    'Luật',
    '',
    '01/03/2018',
  ]);
  sheet.addRow([
    AGENCY,
    'Thạch Văn Sơn',
    '20/10/1987',
    'Phó Chủ tịch UBND',
    'Cán bộ',
    'Thạc sĩ',
    'Kinh tế',
    'Cao cấp',
    '15/06/2012',
  ]);
  sheet.addRow([
    AGENCY,
    'Kiều Văn Tài',
    '30/02/1990',
    'Chuyên viên',
    'Công chức',
    'Tiểu học',
    '',
    '',
    '01/01/2020',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function choose(page: Page, label: string, option: string) {
  await pickOption(page, page.getByLabel(label, { exact: true }), option, { typed: option });
}

async function trainedShare(page: Page): Promise<string> {
  const card = page.getByTestId('staff-indicator-trained_online');
  await expect(card).toBeVisible();
  return ((await card.locator('.ant-statistic-content').textContent()) ?? '').trim();
}

test('the reform office imports officials, records a course and the trained share follows', async ({
  page,
}) => {
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.goto('/quan-tri');
  await page.getByRole('link', { name: 'Cán bộ, đào tạo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cán bộ, đào tạo' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Tải tệp mẫu Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('mau-nhap-danh-sach-can-bo.xlsx');

  await page.locator('input[type=file]').setInputFiles({
    name: 'danh-sach-can-bo-vi-tan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await officialsFile(),
  });
  const report = page.getByRole('dialog', { name: 'Kết quả nhập danh sách cán bộ' });
  await expect(report).toContainText('Thêm mới: 2');
  await expect(report).toContainText('Bị từ chối: 1');
  const rejected = report.getByRole('table');
  await expect(rejected).toContainText('Kiều Văn Tài');
  await expect(rejected.getByRole('row', { name: /Kiều Văn Tài/ })).toContainText('4');
  await expect(rejected).toContainText('Ngày sinh không hợp lệ');
  await expect(rejected).toContainText('Trình độ chuyên môn «Tiểu học» không hợp lệ');
  await report.getByRole('button', { name: 'Đóng' }).last().click();

  await choose(page, 'Cơ quan, đơn vị', AGENCY);
  await expect(page.getByRole('cell', { name: 'Quách Thị Diễm My', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Thạch Văn Sơn', exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Chỉ tiêu kế hoạch' }).click();
  await choose(page, 'Cơ quan, đơn vị', AGENCY);
  await expect(page.getByText(`${AGENCY}, tính đến ngày`)).toBeVisible();
  expect(await trainedShare(page)).toBe('0%');
  await expect(page.getByTestId('staff-indicator-trained_online')).toContainText('Chưa đạt chỉ tiêu');

  await page.getByRole('tab', { name: 'Đào tạo, bồi dưỡng' }).click();
  await page.getByRole('button', { name: 'Thêm lớp đào tạo' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm lớp đào tạo, bồi dưỡng' });
  await form.getByLabel('Tên lớp, khóa học').fill('Tập huấn Cổng dịch vụ công cho xã, phường');
  await pickOption(page, form.getByLabel('Chủ đề'), 'Phần mềm dịch vụ công trực tuyến');
  await form.getByLabel('Đơn vị tổ chức').fill('Phòng Nội vụ thành phố Vị Thanh');
  const start = dayjs().subtract(10, 'day').format('DD/MM/YYYY');
  const end = dayjs().subtract(9, 'day').format('DD/MM/YYYY');
  await form.getByPlaceholder('Từ ngày').click();
  await form.getByPlaceholder('Từ ngày').fill(start);
  await form.getByPlaceholder('Từ ngày').press('Enter');
  await form.getByPlaceholder('Đến ngày').fill(end);
  await form.getByPlaceholder('Đến ngày').press('Enter');
  await form.getByRole('button', { name: 'Lưu' }).click();

  const drawer = page.getByRole('dialog', { name: 'Tập huấn Cổng dịch vụ công cho xã, phường' });
  await expect(drawer).toContainText('Phần mềm dịch vụ công trực tuyến / một cửa điện tử');
  await choose(page, 'Cơ quan của học viên', AGENCY);
  await choose(page, 'Chọn học viên', 'Quách Thị Diễm My');
  await drawer.getByRole('button', { name: 'Ghi nhận học viên' }).click();
  await expect(drawer.getByRole('cell', { name: 'Quách Thị Diễm My', exact: true })).toBeVisible();
  // The success message can sit over the drawer's close button, and it stays while the pointer hovers it (as a
  // click on the button does): wait for it to fade first.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  await page.getByRole('tab', { name: 'Chỉ tiêu kế hoạch' }).click();
  await choose(page, 'Cơ quan, đơn vị', AGENCY);
  await expect.poll(() => trainedShare(page)).toBe('50%');
  await page.getByRole('button', { name: 'Xem 1 cán bộ chưa đạt' }).first().click();
  const drill = page.getByRole('dialog', { name: /chưa đạt/ });
  await expect(drill.getByRole('cell', { name: 'Thạch Văn Sơn', exact: true })).toBeVisible();
});
