import { expect, test, type Page } from "../fixtures";

import { EDITORS } from "../accounts";
import { hydrated } from "../pages";

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

test("at 320 px, the narrowest phone, no page scrolls sideways in any language, its folds open or not", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const prefix of ["", "/en", "/ru"]) {
    for (const path of PAGES) {
      const url = path === "/" && prefix ? prefix : `${prefix}${path}`;
      await page.goto(url);
      await hydrated(page);
      await noSidewaysScroll(page, url);
      // The menu and the calendar's options open.
      await page.evaluate(() => document.querySelectorAll("details").forEach((fold) => (fold.open = true)));
      await noSidewaysScroll(page, `${url} with its folds open`);
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
  await expect(day(1), "the month's first day too: the agenda opens at its first day with events").toBeHidden();
  await expect(page.getByRole("columnheader").first()).toBeHidden();
  // Days follow one another down the page, not across it.
  const first = await day(4).boundingBox();
  const next = await day(6).boundingBox();
  expect(first && next && next.y > first.y && Math.abs(next.x - first.x) < 2).toBe(true);

  // The menu is a disclosure (<details>): its button is the <summary>, found by its text.
  const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
  const menu = page.getByText("Izvēlne", { exact: true });
  await expect(nav).toBeHidden();
  await expect(page.getByLabel("Meklēt vietnē"), "the search box is in the menu").toBeHidden();
  const box = await menu.boundingBox();
  expect(box && box.height >= 44 && box.width >= 44, "a 44×44 px touch target").toBe(true);
  await menu.click();
  await expect(nav).toBeVisible();
  await expect(page.getByLabel("Meklēt vietnē")).toBeVisible();
  // The button stays where it was, so the same tap closes the menu again.
  const opened = await menu.boundingBox();
  expect(opened && box && Math.abs(opened.x - box.x) < 1 && Math.abs(opened.y - box.y) < 1, "the button does not move").toBe(true);
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(nav).toBeHidden();
  await menu.click();
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
  await expect(page.getByLabel("Meklēt vietnē")).toBeVisible();
});

test("on a phone the agenda answers the keyboard: an arrow moves to the next day, shown while it has focus", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const day = (n: number) => page.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
  await day(4).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(day(3), "a day without events shows while it has focus").toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(day(1)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(day(4)).toBeFocused();
  await expect(day(3), "and hides again when focus has gone on").toBeHidden();
});

test("on a phone the menu and the calendar options open without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/calendar/2020/08");
  const nav = page.getByRole("navigation", { name: "Galvenā navigācija" });
  await expect(nav).toBeHidden();
  await page.getByText("Izvēlne", { exact: true }).click();
  await expect(nav).toBeVisible();
  const picker = page.getByLabel("Mēnesis un gads");
  await expect(picker).toBeHidden();
  await page.getByText("Skats un filtri", { exact: true }).click();
  await expect(picker).toBeVisible();
  await expect(page.getByRole("group", { name: "Kategorijas" })).toBeVisible();
  await context.close();
});

test("on a phone the first screen shows the month's title and its first day with events", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/calendar/2020/08", "/en/calendar/2020/08", "/ru/calendar/2020/08"]) {
    await page.goto(path);
    await hydrated(page);
    const title = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(title && title.y + title.height <= 740, `${path}: the title is on the first screen`).toBe(true);
    // The first event of the month (Tuesday 4 August) can be read without scrolling.
    const event = page.getByRole("grid").getByRole("link").first();
    await expect(event).toBeVisible();
    const box = await event.boundingBox();
    expect(box && box.y + box.height <= 740, `${path}: the first event ends at ${box && box.y + box.height}px`).toBe(true);
    // The options are one tap away, folded.
    await expect(page.getByLabel(/Mēnesis un gads|Month and year|Месяц и год/)).toBeHidden();
  }
});

test("in the phone's agenda a multi-day event shows on every day it covers, its title whole", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const title = "Informatīvā kampaņa Latvijas reģionu bibliotēkās";
  // The campaign runs from Thursday 6 to Tuesday 11 August, across a week's end.
  for (const n of [6, 7, 8, 9, 10, 11]) {
    const cell = page.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
    const link = cell.getByRole("link", { name: new RegExp(`^${title}`) });
    await expect(link, `${n} August lists the campaign`).toBeVisible();
    const cut = await link.evaluate((element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight + 1);
    expect(cut, `${n} August shows the whole title`).toBe(false);
  }
  // On a wide screen the campaign is one bar across its days again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("grid").getByRole("link", { name: new RegExp(`^${title}`) })).toHaveCount(2);
});

test("in the phone's agenda a news mark's title can be read whole", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/calendar/2020/08?news=1");
  await hydrated(page);
  const marks = page.locator(".month-news__link:visible");
  expect(await marks.count(), "the month has news").toBeGreaterThan(0);
  for (const mark of await marks.all()) {
    const cut = await mark.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(cut, `${await mark.textContent()} is whole`).toBe(false);
  }
});

test("on a phone the category filter keeps its names' words whole, in every language", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/news", "/en/news", "/ru/news", "/ru/calendar/2020/08"]) {
    await page.goto(path);
    await page.evaluate(() => document.querySelectorAll("details").forEach((fold) => (fold.open = true)));
    const names = page.locator(".calendar-filter__option .category-label");
    expect(await names.count(), `${path} has a category filter`).toBeGreaterThan(0);
    // A word is broken when its text takes more than one line box.
    const broken = await names.evaluateAll((elements) =>
      elements.flatMap((element) => {
        const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
        if (!text?.textContent) return [];
        const words: string[] = [];
        let at = 0;
        for (const word of text.textContent.split(" ")) {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          if (range.getClientRects().length > 1) words.push(word);
          at += word.length + 1;
        }
        return words;
      }),
    );
    expect(broken, `${path}: words broken across lines`).toEqual([]);
  }
});

test("nothing moves when a page hydrates, on a phone and on a desktop", async ({ browser }) => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Layout shifts are recorded from the first paint, before the WebAssembly takes over.
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    for (const path of ["/calendar/2020/08", ARTICLE, "/news", "/"]) {
      await page.goto(path);
      await hydrated(page);
      // Let the frame after hydration be painted and measured.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
      expect(shifts, `${path} at ${viewport.width}px: cumulative layout shift`).toBeLessThan(0.02);
    }
    await context.close();
  }
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
