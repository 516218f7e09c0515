import { expect as baseExpect, type Page, test } from '@playwright/test';
import { expectNoHorizontalScroll, login, pickOption } from './helpers.ts';

// Paperless meetings on a tablet: the ward's head of office creates a meeting, invites two officers and
// distributes a document; an invited officer opens it and confirms; the organiser sees it read, records
// attendance, a conclusion and a task assigned from it.

// A loaded 2-core machine takes seconds to start the back office after a full page load.
const expect = baseExpect.configure({ timeout: 30_000 });

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, actionTimeout: 15_000 });
test.setTimeout(240_000);

const TITLE = `Họp giao ban CCHC tuần ${Date.now() % 100000}`;

async function choose(page: Page, label: string, option: string) {
  await pickOption(page, page.getByLabel(label), option, { typed: option });
}

const inTwoDays = () => {
  const d = new Date(Date.now() + 2 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
};

test('a ward holds a paperless meeting on a tablet', async ({ browser }) => {
  const organiser = await browser.newPage({ viewport: { width: 768, height: 1024 } });
  await login(organiser, 'truongphong.vithanh@demo.motcua.vn');
  await organiser.goto('/quan-tri/hop');
  await expect(organiser.getByRole('heading', { name: 'Họp không giấy' })).toBeVisible();
  await organiser.getByRole('link', { name: 'Tạo cuộc họp' }).click();
  await organiser.getByLabel('Tên cuộc họp').fill(TITLE);
  await organiser.getByLabel('Bắt đầu').fill(inTwoDays());
  await organiser.getByLabel('Địa điểm').fill('Phòng họp UBND phường Vị Thanh');
  await organiser
    .getByLabel('Đường dẫn phòng họp trực tuyến (https://…)')
    .fill('https://hop.example.vn/giao-ban');
  await organiser.getByLabel('Nội dung 1', { exact: true }).fill('Kết quả giải quyết hồ sơ trong tuần');
  await organiser.getByRole('button', { name: 'Thêm nội dung' }).click();
  await organiser.getByLabel('Nội dung 2', { exact: true }).fill('Kế hoạch số hóa hồ sơ');
  await choose(organiser, 'Thành phần mời', 'Trần Thị Mai');
  await choose(organiser, 'Thành phần mời', 'Đặng Quốc Khánh');
  await expectNoHorizontalScroll(organiser);
  await organiser.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(organiser.getByRole('heading', { name: TITLE })).toBeVisible();
  const meetingUrl = organiser.url();

  await organiser.getByLabel('Tên tài liệu').fill('Báo cáo kết quả tuần');
  await organiser
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'bao-cao-tuan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% báo cáo tuần\ntrailer<<>>\n%%EOF\n'),
    });
  await expect(organiser.getByRole('link', { name: 'bao-cao-tuan.pdf' })).toBeVisible();
  await expect(organiser.getByText('Trần Thị Mai: chưa đọc')).toBeVisible();
  await expectNoHorizontalScroll(organiser);

  // The invited desk officer opens the meeting and the document, and confirms attending.
  const participantContext = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
  });
  const participant = await participantContext.newPage();
  await login(participant, 'motcua.vithanh@demo.motcua.vn');
  await participant.goto('/quan-tri/hop');
  await participant.getByRole('link', { name: TITLE }).click();
  await expect(participant.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(participant.getByText('Chưa đọc')).toBeVisible();
  const href = await participant.getByRole('link', { name: 'bao-cao-tuan.pdf' }).getAttribute('href');
  const opened = await participantContext.request.get(href ?? '');
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('application/pdf');
  await participant.getByRole('button', { name: 'Xác nhận tham dự' }).click();
  await expect(participant.getByText(/Bạn đã xác nhận tham dự/)).toBeVisible();
  await expect(participant.getByText(/Đã đọc/)).toBeVisible();
  await expect(participant.getByRole('button', { name: 'Lưu kết luận' })).toHaveCount(0);
  await expectNoHorizontalScroll(participant);

  // The organiser sees it read, records attendance, a conclusion and a task.
  await organiser.goto(meetingUrl);
  await expect(organiser.getByText(/Trần Thị Mai: đã đọc/)).toBeVisible();
  await expect(organiser.getByText('Đặng Quốc Khánh: chưa đọc')).toBeVisible();
  await expect(organiser.getByText('Đã xác nhận tham dự')).toBeVisible();

  await pickOption(organiser, organiser.getByLabel('Điểm danh Trần Thị Mai'), /^Có mặt$/, {
    shown: 'Có mặt',
  });
  await pickOption(organiser, organiser.getByLabel('Điểm danh Đặng Quốc Khánh'), 'Vắng có lý do');
  await organiser.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await expect(organiser.getByText('Đã lưu điểm danh.')).toBeVisible();

  await organiser.getByLabel('Kết luận nội dung 2').fill('Số hóa toàn bộ hồ sơ tồn trước ngày 31/3.');
  await organiser.getByRole('button', { name: 'Lưu kết luận' }).nth(1).click();
  await expect(organiser.getByText('Đã lưu kết luận.')).toBeVisible();

  await pickOption(organiser, organiser.getByLabel('Theo kết luận của nội dung'), 'Kế hoạch số hóa hồ sơ');
  await organiser.getByLabel('Nội dung nhiệm vụ').fill('Số hóa hồ sơ tồn của năm trước');
  await choose(organiser, 'Cơ quan thực hiện', 'Trung tâm Phục vụ hành chính công phường Vị Thanh');
  await organiser.getByLabel('Hạn hoàn thành').fill('2027-03-31');
  await organiser.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await expect(organiser.getByRole('cell', { name: 'Số hóa hồ sơ tồn của năm trước' })).toBeVisible();
  await expect(organiser.getByRole('cell', { name: '31/03/2027' })).toBeVisible();
  await expectNoHorizontalScroll(organiser);

  // The conclusion and the task are on the participant's page too.
  await participant.reload();
  await expect(participant.getByText('Kết luận: Số hóa toàn bộ hồ sơ tồn trước ngày 31/3.')).toBeVisible();
  await expect(participant.getByRole('cell', { name: 'Số hóa hồ sơ tồn của năm trước' })).toBeVisible();
  await participantContext.close();
});
