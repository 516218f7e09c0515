import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const demoPassword = 'Motcua@2026';

export async function login(page: Page, email: string, password = demoPassword) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/dang-nhap/);
}

/** Nothing on the page is wider than the viewport (no sideways scrolling on phones). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, listing each rule
 * with the elements it found (moderate and minor findings are printed, not failed).
 */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()) {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const describe = (violation: (typeof results.violations)[number]) =>
    `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
      .slice(0, 5)
      .map((node) => node.target.join(' '))
      .join(' | ')}`;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) console.log(`axe (${label}), not blocking:\n  ${minor.map(describe).join('\n  ')}`);
  expect(blocking.map(describe), `serious or critical accessibility violations on ${label}`).toEqual([]);
}

/** The first Tab on a page reaches a visible "skip to content" link that moves focus to the main content. */
export async function expectSkipLink(page: Page) {
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
}

/** The focused element, or the input box around it, shows an outline. */
export async function expectVisibleFocus(page: Page) {
  const indicator = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing focused';
    const boxes = [element, element.closest('.ant-input-affix-wrapper')].filter((box) => box !== null);
    const outlined = boxes.some((box) => {
      const style = getComputedStyle(box);
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    });
    return outlined ? 'visible' : `no focus outline on ${element.outerHTML.slice(0, 80)}`;
  });
  expect(indicator).toBe('visible');
}

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
}

/** The emails the app sent so far, as the e2e server's SMTP catcher saved them (scripts/e2e-server.mjs). */
export function capturedMails(): CapturedMail[] {
  const port = process.env.E2E_PORT ?? '3999';
  const dir = path.resolve(import.meta.dirname, `../.tmp/e2e-mail-${port}`);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CapturedMail);
}

/**
 * Picks an option of an antd Select found by its label, typing `typed` first to filter it (see `pickOption`).
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: string | RegExp,
  { typed, exact = true }: { typed?: string; exact?: boolean } = {},
) {
  await pickOption(page, page.getByLabel(label, { exact }), option, { typed });
}

/**
 * Picks an option of the antd Select whose input is `field`, typing `typed` first to filter it, and checks the
 * select then shows it (`shown`, by default the option itself). The option is taken from the list this click
 * opens: a previous select's list can still be fading out (two lists "visible" at once on a loaded machine), so
 * it waits until none is open first. On a loaded machine a click can land while the list re-renders (options
 * arriving from the server) and pick nothing; the whole pick is then retried rather than failing a later step.
 */
export async function pickOption(
  page: Page,
  field: Locator,
  option: string | RegExp,
  { typed, shown }: { typed?: string; shown?: string | RegExp } = {},
) {
  const openLists = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const root = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const wanted = shown ?? option;
  const isShown = async () => {
    const text = ((await root.textContent()) ?? '').trim();
    return typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text);
  };
  let tried = false;
  await expect(async () => {
    // A retry after a pick that did take (only checked too early) must not click it again: in a multiple
    // select that would take it off.
    if (tried && (await openLists.count()) === 0 && (await isShown())) return;
    tried = true;
    // A failed attempt can leave this select's list open; Escape closes the list only, not a surrounding dialog.
    if ((await field.getAttribute('aria-expanded')) === 'true') await field.press('Escape');
    await expect(openLists).toHaveCount(0, { timeout: 5_000 });
    await field.click();
    if (typed !== undefined) await field.fill(typed);
    await openLists
      .last()
      .locator('.ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 5_000 });
    // A multiple select keeps its list open after a pick.
    const multiple = await root.evaluate((e) => e.classList.contains('ant-select-multiple'));
    if (multiple) await field.press('Escape');
    await expect(openLists).toHaveCount(0, { timeout: 5_000 });
    await expect(root).toContainText(wanted, { timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
}
