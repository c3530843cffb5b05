import { expect, test, type Page } from "@playwright/test";

import { EDITORS } from "../accounts";

// Every page at a phone, a tablet and a desktop width: nothing scrolls sideways, the month
// becomes an agenda on the phone, and the menu button folds the navigation. Screenshots of
// the calendar, an article and the editor at each width are kept with the test results.

const WIDTHS = [
  { name: "phone", width: 360, height: 740 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1280, height: 800 },
];

const ARTICLE = "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
const PAGES = ["/", "/calendar/2020/08", "/calendar/2020/w32", "/calendar/2020/08/04", "/calendar/list", "/news", ARTICLE, "/search?q=darbs", "/login"];

async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

for (const size of WIDTHS) {
  test(`${size.name} (${size.width}×${size.height}): no page scrolls sideways`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    for (const path of PAGES) {
      await page.goto(path);
      await hydrated(page);
      await noSidewaysScroll(page, path);
    }
    await page.goto("/calendar/2020/08");
    await hydrated(page);
    await page.screenshot({ path: testInfo.outputPath(`calendar-${size.width}.png`), fullPage: true });
    await page.goto(ARTICLE);
    await hydrated(page);
    await page.screenshot({ path: testInfo.outputPath(`article-${size.width}.png`), fullPage: true });
  });
}

test("at 320 px, the narrowest phone, no page scrolls sideways in any language", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const prefix of ["", "/en", "/ru"]) {
    for (const path of PAGES) {
      const url = path === "/" && prefix ? prefix : `${prefix}${path}`;
      await page.goto(url);
      await hydrated(page);
      await noSidewaysScroll(page, url);
    }
  }
});

test("on a phone the month is an agenda of the days with events, and the menu button opens the navigation", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const day = (n: number) => page.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
  await expect(day(4)).toBeVisible();
  await expect(day(3), "a day without events is left out").toBeHidden();
  await expect(page.getByRole("columnheader").first()).toBeHidden();
  // Days follow one another down the page, not across it.
  const first = await day(4).boundingBox();
  const next = await day(6).boundingBox();
  expect(first && next && next.y > first.y && Math.abs(next.x - first.x) < 2).toBe(true);

  const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
  const menu = page.getByRole("button", { name: "Izvēlne" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const box = await menu.boundingBox();
  expect(box && box.height >= 44 && box.width >= 44, "a 44×44 px touch target").toBe(true);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await nav.getByRole("link", { name: "Jaunumi" }).click();
  await expect(page).toHaveURL(/\/news$/);
  await expect(nav, "following a link closes the menu").toBeHidden();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});

test("the editor at each width: screenshots, and no sideways scroll", async ({ page }, testInfo) => {
  const password = process.env.NOTIKUMI_E2E_PASSWORD;
  if (!password) throw new Error("NOTIKUMI_E2E_PASSWORD is not set: global setup creates the accounts");
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("E-pasta adrese").fill(EDITORS.janis.email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieteikties" }).click();
  await expect(page.getByRole("button", { name: "Iziet" })).toBeVisible();
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.goto(ARTICLE);
    await hydrated(page);
    await page.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
    await expect(page.getByRole("textbox", { name: "Virsraksts" })).toBeVisible();
    await noSidewaysScroll(page, `the article editor at ${size.width}px`);
    await page.screenshot({ path: testInfo.outputPath(`editor-${size.width}.png`), fullPage: true });
  }
});
