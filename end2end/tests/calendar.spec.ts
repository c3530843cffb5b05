import path from "node:path";

import { expect, test, type Locator, type Page } from "../fixtures";

import { LOAD_TEST } from "../global-setup";
import { hydrated } from "../pages";

// The demo content (app/demo/content.toml) is what these journeys read; the load-test month
// (May 2031) is added by global-setup.ts through `notikumi generate-events`.
const AUGUST_HEADING = "Notikumu kalendārs — Augusts, 2020";
const AUGUST_TIMED = "Vebinārs par viltus darba piedāvājumiem sociālajos tīklos";
const AUGUST_MULTI_DAY = "Informatīvā kampaņa Latvijas reģionu bibliotēkās";
const AUGUST_TRAINING = "Mācību diena Valsts darba inspekcijas inspektoriem";
const SUPPORT_GROUP = "Atbalsta grupas tikšanās cietušajiem un viņu tuviniekiem";
const LOAD_TEST_TITLE = "Slodzes tests";

type Marked = Window & { notikumiMarker?: number };

/** Resolves once the WebAssembly has hydrated the page (the app marks <html>). */
/** Leaves a mark on `window` that only a full page load would wipe. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => ((window as Marked).notikumiMarker = 42));
}

async function expectWindowStillMarked(page: Page, when: string): Promise<void> {
  expect(await page.evaluate(() => (window as Marked).notikumiMarker), `no full page load ${when}`).toBe(42);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A day cell's accessible name: "otrdiena, 2020. gada 4. augusts" and its event count. */
function dayLabel(day: string): RegExp {
  return new RegExp(`^${escapeRegExp(day)}, \\d+ notikum(s|i)(\\s|$)`);
}

function heading(page: Page): Locator {
  return page.getByRole("heading", { level: 1 });
}

/** Checks that keyboard focus is on the day cell named `day` and that it is the grid's tab stop. */
async function expectFocusOnDay(page: Page, day: string): Promise<void> {
  const focused = page.locator(":focus");
  const where = `keyboard focus should be on the day cell "${day}"`;
  await expect(focused, where).toHaveAttribute("role", "gridcell");
  await expect(focused, where).toHaveAccessibleName(dayLabel(day));
  await expect(focused, `${where}, the grid's tab stop`).toHaveAttribute("tabindex", "0");
  // Roving tabindex: the focused cell is the grid's only tab stop.
  await expect(page.getByRole("grid").locator('[tabindex="0"]')).toHaveCount(1);
}

/** The Latvian plural the day cells use. */
function eventCount(count: number): string {
  return count % 10 === 1 && count % 100 !== 11 ? `${count} notikums` : `${count} notikumi`;
}

test("keyboard only: Tab reaches the month grid, arrows, Home/End and PageUp/PageDown move, Enter opens the day", async ({
  page,
}) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const august = page.getByRole("grid", { name: AUGUST_HEADING });
  await expect(august.getByRole("gridcell")).toHaveCount(42);
  await expect(august.getByRole("columnheader")).toHaveCount(7);

  let tabs = 0;
  let inGrid = false;
  while (!inGrid && tabs < 40) {
    await page.keyboard.press("Tab");
    tabs += 1;
    inGrid = await page.evaluate(() => document.activeElement?.getAttribute("role") === "gridcell");
  }
  expect(inGrid, `a day cell should take focus within 40 presses of Tab (pressed ${tabs})`).toBe(true);
  // A month without today starts at its first day with events.
  await expectFocusOnDay(page, "otrdiena, 2020. gada 4. augusts");

  // The grid is a single tab stop: the links inside its cells are skipped.
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null),
    "one Tab leaves the grid",
  ).toBe(true);
  await page.keyboard.press("Shift+Tab");
  await expectFocusOnDay(page, "otrdiena, 2020. gada 4. augusts");
  for (let back = 0; back < 3; back += 1) await page.keyboard.press("ArrowLeft");
  await expectFocusOnDay(page, "sestdiena, 2020. gada 1. augusts");

  await page.keyboard.press("ArrowRight");
  await expectFocusOnDay(page, "svētdiena, 2020. gada 2. augusts");
  await page.keyboard.press("ArrowDown");
  await expectFocusOnDay(page, "svētdiena, 2020. gada 9. augusts");
  await page.keyboard.press("Home");
  await expectFocusOnDay(page, "pirmdiena, 2020. gada 3. augusts");
  await page.keyboard.press("End");
  await expectFocusOnDay(page, "svētdiena, 2020. gada 9. augusts");
  await page.keyboard.press("ArrowUp");
  await expectFocusOnDay(page, "svētdiena, 2020. gada 2. augusts");

  // Out of the month: the next month opens and focus lands on the same day of the month.
  await page.keyboard.press("PageDown");
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Septembris, 2020");
  await expect(page.getByRole("grid", { name: "Notikumu kalendārs — Septembris, 2020" })).toBeVisible();
  await expectFocusOnDay(page, "trešdiena, 2020. gada 2. septembris");

  await page.keyboard.press("Shift+PageUp");
  await expect(page).toHaveURL(/\/calendar\/2019\/09$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Septembris, 2019");
  await expectFocusOnDay(page, "pirmdiena, 2019. gada 2. septembris");

  await page.keyboard.press("Shift+PageDown");
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expectFocusOnDay(page, "trešdiena, 2020. gada 2. septembris");

  await page.keyboard.press("PageUp");
  await expect(page).toHaveURL(/\/calendar\/2020\/08$/);
  await expect(heading(page)).toHaveText(AUGUST_HEADING);
  await expectFocusOnDay(page, "svētdiena, 2020. gada 2. augusts");

  // Across the end of a week row, to the day of the webinar.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expectFocusOnDay(page, "otrdiena, 2020. gada 4. augusts");
  await expect(page.locator(":focus")).toHaveAccessibleName(/^otrdiena, 2020\. gada 4\. augusts, 1 notikums\s/);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/calendar\/2020\/08\/04$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — otrdiena, 2020. gada 4. augusts");
  const webinar = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: AUGUST_TIMED }) });
  await expect(webinar).toContainText("10:00–12:00");

  // Back in the month, the keyboard goes on from the day it opened.
  await page.goBack();
  await expect(page).toHaveURL(/\/calendar\/2020\/08$/);
  await expectFocusOnDay(page, "otrdiena, 2020. gada 4. augusts");
  await page.keyboard.press("ArrowRight");
  await expectFocusOnDay(page, "trešdiena, 2020. gada 5. augusts");
});

test("keys pressed while the next month is on its way go on from where they were sent", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  // September's page is held back, as on a slow connection.
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  await page.route(/\/calendar\/2020\/09/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("gridcell", { name: dayLabel("pirmdiena, 2020. gada 31. augusts") }).focus();
  // An arrow held down at the month's edge: three days on, not one.
  for (let press = 0; press < 3; press++) await page.keyboard.press("ArrowRight");
  letGo();
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expectFocusOnDay(page, "ceturtdiena, 2020. gada 3. septembris");

  // Two pages on before the first has come: the second month's page is the one shown.
  let letGoAgain!: () => void;
  const heldAgain = new Promise<void>((resolve) => (letGoAgain = resolve));
  await page.route(/\/calendar\/2020\/10/, async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(page).toHaveURL(/\/calendar\/2020\/11$/);
  await expectFocusOnDay(page, "otrdiena, 2020. gada 3. novembris");
  // The page held back comes too late to be shown.
  const late = page.waitForResponse(/\/calendar\/2020\/10/);
  letGoAgain();
  await late;
  await expect(page).toHaveURL(/\/calendar\/2020\/11$/);
  await expectFocusOnDay(page, "otrdiena, 2020. gada 3. novembris");
});

test("the category filter goes into the URL and survives a reload and the month links", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const grid = page.getByRole("grid", { name: AUGUST_HEADING });
  await expect(grid.getByRole("link", { name: new RegExp(AUGUST_TIMED) })).toBeVisible();

  const filter = page.getByRole("group", { name: "Kategorijas" });
  const training = filter.getByRole("checkbox", { name: "Apmācības" });
  await expect(training).not.toBeChecked();
  await training.check();
  await filter.getByRole("button", { name: "Filtrēt" }).click();
  // Exactly the filter, nothing else (no stray empty parameter from the submit button).
  await expect(page).toHaveURL(/\/calendar\/2020\/08\?category=apmacibas$/);

  const expectOnlyTraining = async () => {
    await expect(heading(page)).toHaveText(AUGUST_HEADING);
    await expect(grid.getByRole("link", { name: new RegExp(AUGUST_TRAINING) })).toBeVisible();
    await expect(grid.getByRole("link", { name: new RegExp(AUGUST_TIMED) })).toHaveCount(0);
    await expect(grid.getByRole("link", { name: new RegExp(AUGUST_MULTI_DAY) })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Kategorijas" }).getByRole("checkbox", { name: "Apmācības" })).toBeChecked();
    await expect(page.getByRole("group", { name: "Kategorijas" }).getByRole("checkbox", { name: "Informatīvie pasākumi" })).not.toBeChecked();
    await expect(page.getByRole("link", { name: "Rādīt visas" })).toHaveAttribute("href", "/calendar/2020/08");
    await expect(page.getByRole("link", { name: /Nākamais mēnesis/ })).toHaveAttribute(
      "href",
      "/calendar/2020/09?category=apmacibas",
    );
    await expect(page.getByRole("link", { name: /Iepriekšējais mēnesis/ })).toHaveAttribute(
      "href",
      "/calendar/2020/07?category=apmacibas",
    );
  };
  await expectOnlyTraining();

  await page.reload();
  expect(new URL(page.url()).searchParams.getAll("category")).toEqual(["apmacibas"]);
  await expectOnlyTraining();

  await hydrated(page);
  await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
  await expect(page).toHaveURL(/\/calendar\/2020\/09\?category=apmacibas$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Septembris, 2020");
  await expect(page.getByRole("group", { name: "Kategorijas" }).getByRole("checkbox", { name: "Apmācības" })).toBeChecked();
});

test("Back walks through three client-side navigations without a page load", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  await markWindow(page);

  await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Septembris, 2020");

  await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
  await expect(page).toHaveURL(/\/calendar\/2020\/10$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Oktobris, 2020");

  await page.getByRole("navigation", { name: "Skats" }).getByRole("link", { name: "Nedēļa" }).click();
  await expect(page).toHaveURL(/\/calendar\/2020\/w40$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — 40. nedēļa, 2020 (28.09.2020 – 04.10.2020)");
  await expect(page.getByRole("navigation", { name: "Skats" }).getByRole("link", { name: "Nedēļa" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("heading", { level: 2, name: "ceturtdiena, 2020. gada 1. oktobris" })).toBeVisible();
  await expectWindowStillMarked(page, "while moving forward");

  await page.goBack();
  await expect(page).toHaveURL(/\/calendar\/2020\/10$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Oktobris, 2020");
  await page.goBack();
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Septembris, 2020");
  await page.goBack();
  await expect(page).toHaveURL(/\/calendar\/2020\/08$/);
  await expect(heading(page)).toHaveText(AUGUST_HEADING);
  await expect(
    page.getByRole("grid", { name: AUGUST_HEADING }).getByRole("link", { name: new RegExp(AUGUST_TIMED) }),
  ).toBeVisible();
  await expectWindowStillMarked(page, "while going back");
});

test("the list view shows upcoming and recurring events, and pages through the archive", async ({ page }) => {
  await page.goto("/calendar/list");
  await expect(heading(page)).toHaveText("Gaidāmie notikumi");
  await expect(page.getByRole("heading", { level: 2, name: "Regulāri notikumi" })).toBeVisible();
  await expect(page.getByRole("link", { name: SUPPORT_GROUP })).toBeVisible();
  // The list is one of the calendar's views: the switcher leads back to the month.
  await expect(
    page.getByRole("navigation", { name: "Skats", exact: true }).getByRole("link", { name: "Mēnesis" }),
  ).toHaveAttribute("href", "/calendar");

  await hydrated(page);
  await page.getByRole("link", { name: "Pagājušie notikumi" }).click();
  await expect(page).toHaveURL(/\/calendar\/list\?past=1$/);
  await expect(heading(page)).toHaveText("Notikumu arhīvs");
  const pager = page.getByRole("navigation", { name: "Lapas" });
  await expect(pager).toContainText(/1\. lapa no \d+/);
  const pages = Number(/1\. lapa no (\d+)/.exec((await pager.textContent()) ?? "")?.[1]);
  expect(pages, "the archive of the demo content spans more than one page").toBeGreaterThan(1);
  await expect(pager.getByRole("link", { name: "← Iepriekšējā lapa" })).toHaveCount(0);

  // Most recent first, twenty a page: page on until the August 2020 webinar shows.
  const webinar = page.getByRole("link", { name: AUGUST_TIMED });
  let current = 1;
  while (!(await webinar.isVisible())) {
    expect(current, `"${AUGUST_TIMED}" should be in the archive`).toBeLessThan(pages);
    await pager.getByRole("link", { name: "Nākamā lapa →" }).click();
    current += 1;
    await expect(page).toHaveURL(new RegExp(`/calendar/list\\?past=1&page=${current}$`));
    await expect(pager).toContainText(`${current}. lapa no ${pages}`);
  }
  expect(current, "the webinar is not on the archive's first page").toBeGreaterThan(1);
  await expect(pager.getByRole("link", { name: "← Iepriekšējā lapa" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: webinar })).toContainText(
    "otrdiena, 2020. gada 4. augusts, 10:00–12:00",
  );
});

test("a month with 1,000 events shows three lines a day, '+N vēl' and stays usable", async ({ page }) => {
  // global-setup.ts spreads the events evenly: event i falls on day ⌊i · days / count⌋.
  const days = 31;
  const perDay = Array.from({ length: days }, () => 0);
  for (let i = 0; i < LOAD_TEST.count; i += 1) perDay[Math.floor((i * days) / LOAD_TEST.count)] += 1;
  // The monthly support group (last Thursday) meets on 29 May 2031 as well.
  const expected = perDay.map((count, index) => (index + 1 === 29 ? count + 1 : count));
  expect(expected[0]).toBe(33);

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));

  await page.goto("/calendar/2031/05");
  await expect(heading(page)).toHaveText("Notikumu kalendārs — Maijs, 2031");
  const grid = page.getByRole("grid", { name: "Notikumu kalendārs — Maijs, 2031" });
  await expect(grid.getByRole("gridcell", { name: /^ceturtdiena, 2031\. gada 1\. maijs, 33 notikumi\s/ })).toBeVisible();

  for (let day = 1; day <= days; day += 1) {
    const total = expected[day - 1];
    // The cell's name starts with the date and the count ("piektdiena, 2031. gada 2. maijs,
    // 32 notikumi"), then what the cell shows.
    const cell = grid.getByRole("gridcell", {
      name: new RegExp(`^[a-zēšī]+, 2031\\. gada ${day}\\. maijs, ${eventCount(total)}(\\s|$)`),
    });
    await expect(cell, `${day} May 2031 has ${total} events`).toHaveCount(1);
    // Three lines of events at most; the rest are counted behind a link to the day.
    const shown = cell.getByRole("link", { name: /vēl$/ });
    await expect(shown).toHaveText(`+${total - 3} vēl`);
    await expect(shown).toBeVisible();
    await expect(shown).toHaveAttribute("href", `/calendar/2031/05/${String(day).padStart(2, "0")}`);
    await expect(cell.getByRole("link", { name: /^(?!\+\d+ vēl$)/ })).toHaveCount(3);
  }

  await hydrated(page);
  const first = grid.getByRole("gridcell", { name: /^ceturtdiena, 2031\. gada 1\. maijs, 33 notikumi\s/ });
  await first.focus();
  await expectFocusOnDay(page, "ceturtdiena, 2031. gada 1. maijs");
  await page.keyboard.press("ArrowRight");
  await expectFocusOnDay(page, "piektdiena, 2031. gada 2. maijs");

  await first.getByRole("link", { name: "+30 vēl" }).click();
  await expect(page).toHaveURL(/\/calendar\/2031\/05\/01$/);
  await expect(heading(page)).toHaveText("Notikumu kalendārs — ceturtdiena, 2031. gada 1. maijs");
  const list = page.getByRole("list").filter({ has: page.getByRole("link", { name: new RegExp(LOAD_TEST_TITLE) }) });
  await expect(list.getByRole("listitem")).toHaveCount(33);
  await expect(list.getByRole("link", { name: `${LOAD_TEST_TITLE} 1`, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: `${LOAD_TEST_TITLE} 33`, exact: true })).toBeVisible();
  expect(errors, "no uncaught errors in the page").toEqual([]);
});

// FullCalendar stands for another site using the events API: its page is not under this
// site's Content-Security-Policy (which the page borrows only for its origin), so the
// policy is left out here.
test.describe("another site", () => {
  test.use({ bypassCSP: true });

  test("FullCalendar from npm shows the API's events, recurring ones included", async ({ page }) => {
    // Uncaught errors, and any failed request FullCalendar makes. (Console "Failed to load
    // resource" lines are left out: Chromium asks for /favicon.ico on the plain-text /healthz.)
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        errors.push(message.text());
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
    });

    // Same origin as the API, so "/api/events" resolves against the site.
    await page.goto("/healthz");
    await page.setContent('<!DOCTYPE html><html lang="lv"><body><div id="calendar"></div></body></html>');
    // FullCalendar 7 works on Temporal; its peer dependency polyfills it where the browser lacks it.
    await page.addScriptTag({ path: path.join(path.dirname(require.resolve("temporal-polyfill")), "global.js") });
    await page.addScriptTag({ path: path.join(path.dirname(require.resolve("fullcalendar/package.json")), "all", "global.js") });

    const isApiRequest = (url: string) => new URL(url).pathname === "/api/events";
    const augustRequest = page.waitForRequest((request) => isApiRequest(request.url()));
    await page.evaluate(() => {
      const global = window as unknown as {
        FullCalendar: { Calendar: new (el: HTMLElement, options: object) => { render(): void } };
        calendar: unknown;
      };
      const calendar = new global.FullCalendar.Calendar(document.getElementById("calendar")!, {
        initialView: "dayGridMonth",
        initialDate: "2020-08-01",
        timeZone: "Europe/Riga",
        events: "/api/events",
      });
      global.calendar = calendar;
      calendar.render();
    });

    const expectApiRequest = async (request: Awaited<typeof augustRequest>, start: RegExp, end: RegExp) => {
      const params = new URL(request.url()).searchParams;
      expect(params.get("start"), request.url()).toMatch(start);
      expect(params.get("end"), request.url()).toMatch(end);
      expect(params.get("timeZone"), request.url()).toBe("Europe/Riga");
      const response = await request.response();
      expect(response?.status(), request.url()).toBe(200);
      expect(response?.headers()["access-control-allow-origin"]).toBe("*");
    };

    // The month view of August 2020 reaches back to late July and on into September.
    await expectApiRequest(await augustRequest, /^2020-07-/, /^2020-09-/);
    const calendarElement = page.locator("#calendar");
    await expect(calendarElement).toContainText(AUGUST_TIMED);
    await expect(calendarElement).toContainText(AUGUST_MULTI_DAY);

    const februaryRequest = page.waitForRequest((request) => isApiRequest(request.url()));
    await page.evaluate(() => (window as unknown as { calendar: { gotoDate(date: string): void } }).calendar.gotoDate("2021-02-01"));
    await expectApiRequest(await februaryRequest, /^2021-0[12]-/, /^2021-03-/);
    await expect(calendarElement).toContainText(SUPPORT_GROUP);
    const occurrences = await page.evaluate(
      (title) =>
        (window as unknown as { calendar: { getEvents(): { title: string; startStr: string }[] } }).calendar
          .getEvents()
          .filter((event) => event.title === title)
          .map((event) => event.startStr),
      SUPPORT_GROUP,
    );
    // The last Thursday of February 2021, 17:00 in Riga.
    expect(occurrences.some((start) => start.startsWith("2021-02-25T17:00"))).toBe(true);
    expect(errors, "no errors in the page").toEqual([]);
  });
});

test("an event's calendar file downloads with the Riga start time", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  await page.getByRole("grid", { name: AUGUST_HEADING }).getByRole("link", { name: new RegExp(AUGUST_TIMED) }).click();
  await expect(heading(page)).toHaveText(AUGUST_TIMED);
  await expect(page.getByRole("heading", { level: 2, name: "Pievienot savam kalendāram" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Abonēt (webcal)" })).toHaveAttribute("href", /^webcal:\/\//);
  await expect(page.getByRole("link", { name: "Google kalendārs" })).toBeVisible();

  const download = page.getByRole("link", { name: "Lejupielādēt (.ics)" });
  const href = await download.getAttribute("href");
  expect(href).toMatch(/^\/events\/[a-z0-9-]+\.ics$/);
  expect(href).toBe(`${new URL(page.url()).pathname}.ics`);

  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar\b/);
  const body = await response.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("BEGIN:VEVENT");
  expect(body).toContain("DTSTART;TZID=Europe/Riga:20200804T100000");
  expect(body).toContain("DTEND;TZID=Europe/Riga:20200804T120000");
});
