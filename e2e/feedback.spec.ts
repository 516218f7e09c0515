import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoHorizontalScroll, expectNoSeriousA11yViolations } from './helpers.ts';

// Citizens' feedback end to end: sent without an account, assigned by the reform office, answered by the agency,
// published on the portal, rated by the sender with the code and check value.
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', {
    data: { identifier: email, password: demoPassword },
  });
  expect(response.ok()).toBeTruthy();
  return page;
}

test('a citizen sends feedback, the reform office assigns it, the agency answers, the portal publishes it, the sender rates it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString().slice(-6);
  const title = `Quầy chứng thực đóng cửa sớm hơn giờ niêm yết ${stamp}`;

  // 1. The citizen, on a phone, without an account.
  const citizenContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const citizen = await citizenContext.newPage();
  await citizen.goto('/phan-anh-kien-nghi');
  await citizen.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).first().click();
  await expect(citizen.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' })).toBeVisible();
  await citizen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await expect(citizen.getByText('Vui lòng nhập tiêu đề.')).toBeVisible();
  await citizen.getByLabel('Tiêu đề').fill(title);
  await citizen
    .getByLabel('Nội dung', { exact: true })
    .fill(
      'Chiều thứ Sáu tôi đến quầy chứng thực lúc 16 giờ 15 nhưng quầy đã đóng, trong khi bảng niêm yết ghi làm việc đến 17 giờ. Đề nghị làm việc đúng giờ đã niêm yết.',
    );
  await citizen.getByLabel('Họ và tên').fill('Võ Thị Cẩm');
  await citizen.getByLabel('Số điện thoại').fill('0987654321');
  await expectNoHorizontalScroll(citizen);
  await expectNoSeriousA11yViolations(citizen, 'feedback form');
  await citizen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await expect(citizen.getByText('Đã gửi phản ánh, kiến nghị. Cảm ơn bạn!')).toBeVisible();
  const code = ((await citizen.getByTestId('feedback-code').textContent()) ?? '').trim();
  const check = ((await citizen.getByTestId('feedback-check').textContent()) ?? '').trim();
  expect(code).toMatch(/^PAKN-\d{4}-\d{6}$/);
  expect(check).toMatch(/^[A-Z2-9]{6}$/);

  // 2. The reform office classifies it and assigns it to the ward's public service centre.
  const reform = await signedIn(browser, 'cchc.noivu@demo.motcua.vn');
  await reform.goto('/quan-tri');
  await reform.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
  await reform.getByRole('link', { name: title }).click();
  await expect(reform.getByRole('heading', { name: title })).toBeVisible();
  await reform.getByLabel('Cơ quan xử lý', { exact: true }).click();
  await reform.keyboard.type('Trung tâm Phục vụ hành chính công phường Vị Thanh');
  await reform.getByText('Trung tâm Phục vụ hành chính công phường Vị Thanh', { exact: true }).last().click();
  await reform.getByRole('button', { name: 'Chuyển xử lý' }).click();
  await expect(reform.getByText('Đang xử lý').first()).toBeVisible();
  await expect(reform.getByText('(15 ngày làm việc)')).toBeVisible();
  const url = new URL(reform.url()).pathname;

  // Another ward's desk cannot open it.
  const otherDesk = await signedIn(browser, 'motcua.vitan@demo.motcua.vn');
  await otherDesk.goto(url);
  await expect(otherDesk.getByText('Phản ánh này không thuộc phạm vi xử lý của cơ quan bạn.')).toBeVisible();

  // 3. The centre's officer answers it.
  const desk = await signedIn(browser, 'motcua.vithanh@demo.motcua.vn');
  await desk.goto('/quan-tri/phan-anh-kien-nghi');
  await desk.getByRole('link', { name: title }).click();
  const answer =
    'Trung tâm đã kiểm tra và nhắc nhở cán bộ quầy chứng thực làm việc đúng giờ niêm yết, đến 17 giờ các ngày làm việc.';
  await desk.getByLabel('Nội dung trả lời').fill(answer);
  await desk.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(desk.getByText('Đã trả lời').first()).toBeVisible();

  // 4. The answer is on the public page, without the sender's name or phone.
  await citizen.goto('/phan-anh-kien-nghi');
  await citizen.getByRole('link', { name: title }).click();
  await expect(citizen.getByRole('heading', { name: title })).toBeVisible();
  await expect(citizen.getByText(answer)).toBeVisible();
  await expect(citizen.getByText('Võ Thị Cẩm')).toHaveCount(0);
  await expect(citizen.getByText('0987654321')).toHaveCount(0);
  await expectNoSeriousA11yViolations(citizen, 'published feedback');

  // 5. The sender follows it with the code and check value and rates the answer.
  await citizen.goto('/phan-anh-kien-nghi/tra-cuu');
  await citizen.getByRole('textbox', { name: 'Mã phản ánh' }).fill(code);
  await citizen.getByRole('textbox', { name: 'Mã kiểm tra' }).fill(check);
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(citizen.getByTestId('feedback-answer')).toHaveText(answer);
  await citizen.getByText('Hài lòng', { exact: true }).click();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(citizen.getByText('Bạn đã đánh giá:')).toBeVisible();
  await expect(citizen.getByRole('button', { name: 'Cập nhật đánh giá' })).toBeVisible();

  // The officer sees the rating.
  await desk.reload();
  await expect(desk.getByRole('term').filter({ hasText: 'Người gửi đánh giá' })).toBeVisible();
  await expect(desk.getByRole('definition').filter({ hasText: 'Hài lòng' })).toBeVisible();
});
