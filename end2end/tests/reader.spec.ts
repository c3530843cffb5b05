import { expect, test, type Page } from "../fixtures";
import { statSync } from "node:fs";
import path from "node:path";
import { hydrated } from "../pages";

// The demo content (app/demo/content.toml) is what these journeys read.
const AUGUST_TIMED = "Vebinārs par viltus darba piedāvājumiem sociālajos tīklos";
const AUGUST_MULTI_DAY = "Informatīvā kampaņa Latvijas reģionu bibliotēkās";
const LAUNCH_ARTICLE = "Lietuva un Latvija sniegs atbalstu Moldovai cīņā pret cilvēku tirdzniecību";
const AUGUST_HEADING = "Notikumu kalendārs — Augusts, 2020";

/** Resolves once the WebAssembly has hydrated the page (the app marks <html>). */
test("a script injected into a page does not run, while the month still hydrates", async ({ page, refusedByPolicy }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const ran = await page.evaluate(async () => {
    const injected = document.createElement("script");
    injected.textContent = "window.injectedRan = true;";
    document.body.append(injected);
    const handler = document.createElement("img");
    handler.setAttribute("src", "data:image/gif;base64,R0lGODlhAQABAAAAACw=");
    handler.setAttribute("onload", "window.injectedRan = true;");
    document.body.append(handler);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => refusedByPolicy.length).toBeGreaterThanOrEqual(2);
  // Refused on purpose: the watch every test keeps is for refusals nobody meant.
  refusedByPolicy.length = 0;
  // The grid's keyboard (the island) still works.
  await page.getByRole("gridcell", { name: /^sestdiena, 2020\. gada 1\. augusts/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toHaveAccessibleName(/^svētdiena, 2020\. gada 2\. augusts/);
});

test("August 2020 shows its events, and the next month opens without a page load", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUGUST_HEADING);
  // The month is a WAI-ARIA grid named by the page heading.
  const calendar = page.getByRole("grid", { name: AUGUST_HEADING });
  await expect(calendar.getByRole("link", { name: new RegExp(AUGUST_TIMED) })).toBeVisible();
  await expect(calendar.getByText("10:00–12:00").first()).toBeVisible();
  // The multi-day event (Thursday 6 to Tuesday 11 August, across a week boundary) is one bar
  // in each of the two week rows it touches.
  await expect(calendar.getByRole("link", { name: new RegExp(AUGUST_MULTI_DAY) })).toHaveCount(2);

  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { notikumiMarker: number }).notikumiMarker = 42));
  await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
  await expect(page).toHaveURL(/\/calendar\/2020\/09$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Notikumu kalendārs — Septembris, 2020",
  );
  // A full page load would have dropped the marker.
  expect(await page.evaluate(() => (window as unknown as { notikumiMarker?: number }).notikumiMarker)).toBe(42);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUGUST_HEADING);
});

test("an event opens from the month grid with its Latvian date and time", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  await page.getByRole("grid", { name: AUGUST_HEADING }).getByRole("link", { name: new RegExp(AUGUST_TIMED) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUGUST_TIMED);
  await expect(page.getByText("otrdiena, 2020. gada 4. augusts, 10:00–12:00")).toBeVisible();
  await expect(page).toHaveTitle(`${AUGUST_TIMED} — Notikumi`);
});

test("pages swap in place: the title and language follow, and Back returns to where the reader was", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto("/news");
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { notikumiMarker: number }).notikumiMarker = 42));
  const last = page.locator(".news-list .news-item").last().getByRole("link").first();
  await last.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  const title = (await last.textContent())?.trim() ?? "";
  await last.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page).toHaveTitle(`${title} — Notikumi`);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  // The list comes back slowly, as on a loaded server: the article page's own scrolling
  // meanwhile (the browser's restoring of it, clamped to its length) must not become
  // the list's position.
  await page.route(/\/news$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jaunumi");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);

  await page.getByRole("navigation", { name: "Valoda" }).getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/en\/news$/);
  expect(await page.evaluate(() => (window as unknown as { notikumiMarker?: number }).notikumiMarker)).toBe(42);
});

test("the 26.03.2018 article opens from the news list", async ({ page }) => {
  await page.goto("/news");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jaunumi");
  const launch = page.getByRole("link", { name: LAUNCH_ARTICLE });
  // Wait for each page to arrive before looking again; the link is on one of them.
  for (let n = 2; !(await launch.isVisible()); n++) {
    await page.getByRole("link", { name: "Vecāki →" }).click();
    await expect(page.getByText(new RegExp(`^${n}\\. lapa no`))).toBeVisible();
  }
  await launch.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LAUNCH_ARTICLE);
  await expect(page.locator(".article__meta time")).toHaveText("26.03.2018");
  await expect(page.locator(".article__body ul li")).toHaveCount(3);
  await expect(page.getByText(/tālrunis 670\d{5}/)).toBeVisible();
});

test("pages through the news and opens March 2018 from the archive", async ({ page }) => {
  await page.goto("/news");
  await hydrated(page);
  await expect(page.getByText("1. lapa no 2")).toBeVisible();
  await page.getByRole("link", { name: "Vecāki →" }).click();
  await expect(page).toHaveURL(/\/news\?page=2$/);
  await expect(page.getByText("2. lapa no 2")).toBeVisible();

  const archive = page.getByRole("navigation", { name: "Arhīvs" });
  const year2018 = archive.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^2018 \(\d+\)$/ }) });
  await year2018.getByRole("link", { name: /^Marts \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/news\/2018\/03$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jaunumu arhīvs — Marts, 2018");
  await page.getByRole("link", { name: LAUNCH_ARTICLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LAUNCH_ARTICLE);
  await expect(page.getByRole("navigation", { name: "Navigācijas ceļš" })).toContainText("Marts, 2018");
});

test("an article offers its files and its event, and the calendar can mark news days", async ({ page }) => {
  await page.goto("/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu");
  await hydrated(page);
  const files = page.getByRole("region", { name: "Pielikumi" });
  await expect(files.getByRole("listitem")).toHaveText([
    "Projekta apraksts (PDF, 930 B)",
    "Sanāksmes darba kārtība (DOCX, 1,1 kB)",
  ]);
  const pdf = await page.request.get(
    (await files.getByRole("link", { name: "Projekta apraksts" }).getAttribute("href")) ?? "",
  );
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).length).toBe(930);

  await page.getByRole("link", { name: "Starptautiskā projekta uzsākšanas sanāksme Kišiņevā" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Starptautiskā projekta uzsākšanas sanāksme Kišiņevā");
  await expect(
    page.getByRole("region", { name: "Ziņas par notikumu" }).getByRole("link", { name: LAUNCH_ARTICLE }),
  ).toBeVisible();

  await page.goto("/calendar/2018/03");
  await hydrated(page);
  await expect(page.getByRole("link", { name: new RegExp(LAUNCH_ARTICLE) })).toHaveCount(0);
  await page.getByRole("link", { name: "Rādīt ziņu dienas" }).click();
  await expect(page).toHaveURL(/\/calendar\/2018\/03\?news=1$/);
  const day = page.getByRole("gridcell", { name: /2018\. gada 26\. marts, 0 notikumi, 1 ziņa/ });
  await expect(day.getByRole("link", { name: `Ziņa ${LAUNCH_ARTICLE}` })).toBeVisible();
  await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
  await expect(page).toHaveURL(/\/calendar\/2018\/04\?news=1$/);
  await expect(page.getByRole("link", { name: "Nerādīt ziņu dienas" })).toHaveAttribute("href", "/calendar/2018/04");
});

test("an article prints without the site's navigation, forms and neighbours", async ({ page }) => {
  await page.goto("/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LAUNCH_ARTICLE);
  await expect(page.getByText(/tālrunis 670\d{5}/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Galvenā navigācija" })).toBeHidden();
  await expect(page.getByRole("combobox", { name: "Meklēt vietnē" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Citi raksti" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "Galvenā navigācija" })).toBeVisible();

  // On paper a dark theme's colours go, and lists print without their filters and forms.
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return [style.getPropertyValue("--color-surface").trim(), style.colorScheme];
  });
  expect(colours).toEqual(["#f4f6f8", "light"]);
  for (const path of ["/news", "/search?q=darbs"]) {
    await page.goto(path);
    await expect(page.getByRole("group", { name: "Kategorijas" })).toBeHidden();
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  }
});

test("impossible dates and unknown paths get a 404 page in the site's layout", async ({ page }) => {
  for (const path of ["/calendar/2020/13", "/calendar/abc/01", "/nav-tadas-lapas", "/events/nav-tada"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lapa nav atrasta");
    await expect(page.getByRole("navigation", { name: "Galvenā navigācija" })).toBeVisible();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every link still works as a plain page load", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Kalendārs" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Notikumu kalendārs — /);
    await page.getByRole("link", { name: /Nākamais mēnesis/ }).click();
    await expect(page).toHaveURL(/\/calendar\/\d{4}\/\d{2}$/);
    await page.goto("/calendar/2020/08");
    await page.getByRole("grid", { name: AUGUST_HEADING }).getByRole("link", { name: new RegExp(AUGUST_TIMED) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUGUST_TIMED);
  });

  test("the keyboard reaches every event in the month grid, the grid's own keys being the script's", async ({ page }) => {
    await page.goto("/calendar/2020/08");
    const grid = page.getByRole("grid", { name: AUGUST_HEADING });
    const hrefs = new Set(await grid.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href"))));
    expect(hrefs.size).toBeGreaterThan(5);
    // Tab from the top of the page until the keyboard has been through the grid and out.
    const reached = new Set<string | null>();
    let entered = false;
    for (let presses = 0; presses < 150; presses += 1) {
      await page.keyboard.press("Tab");
      const inGrid = await page.evaluate(() => document.activeElement?.closest('[role="grid"]') !== null);
      if (inGrid) {
        entered = true;
        reached.add(await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null));
      } else if (entered) {
        break;
      }
    }
    reached.delete(null);
    expect([...reached].sort()).toEqual([...hrefs].sort());
  });
});

test.describe("search", () => {
  test("finds Moldova and cilvēku tirdzniecība without diacritics and opens a result", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    const box = page.getByRole("search").getByRole("combobox", { name: "Meklēt vietnē" });
    await box.fill("moldova");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=moldova$/);
    const results = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 2 }) });
    await expect(page.getByRole("link", { name: LAUNCH_ARTICLE })).toBeVisible();
    await expect(page.locator("mark").first()).toHaveText(/^Moldov/);

    await page.goto("/search?q=cilveku");
    await expect(page.getByRole("status")).toHaveText(/Atrasti rezultāti: \d+/);
    await expect(page.locator("mark").first()).toHaveText(/^[Cc]ilvēk/);
    const first = results.getByRole("link").first();
    const title = await first.textContent();
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title ?? "");
  });

  test("the header box suggests titles while typing", async ({ page }) => {
    await page.goto("/news");
    await hydrated(page);
    const box = page.getByRole("combobox", { name: "Meklēt vietnē" });
    await box.pressSequentially("moldov");
    await expect(page.locator("#site-search-suggestions option").first()).toHaveAttribute(
      "value",
      /Moldov/,
    );
  });

  test("works as a plain form without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("combobox", { name: "Meklēt vietnē" }).fill("bibliotek");
    await page.getByRole("search").getByRole("button", { name: "Meklēt" }).click();
    await expect(page.getByRole("link", { name: "Informatīvā kampaņa Latvijas reģionu bibliotēkās" })).toBeVisible();
    await context.close();
  });
});

test("the app's WebAssembly, script and styles arrive brotli-compressed once, at build time, and are kept for good", async ({ request }) => {
  const page = await (await request.get("/calendar/2020/08")).text();
  // The page names this build's files: the stylesheet, the script and the WebAssembly.
  const named = [...page.matchAll(/(?:href|src)="(\/pkg\/[0-9a-f]{16}\/notikumi\.(?:css|js|wasm))"/g)].map((found) => found[1]);
  expect(new Set(named.map((file) => file.split(".").pop())), page.slice(0, 2000)).toEqual(new Set(["css", "js", "wasm"]));
  for (const file of new Set(named)) {
    const plain = await request.get(file, { headers: { "accept-encoding": "identity" } });
    expect(plain.status(), file).toBe(200);
    const raw = (await plain.body()).length;
    const compressed = await request.get(file, { headers: { "accept-encoding": "br" } });
    expect(compressed.headers()["content-encoding"], file).toBe("br");
    // A new build is at new addresses, so browsers need not ask again.
    expect(compressed.headers()["cache-control"], file).toBe("public, max-age=31536000, immutable");
    // Made by `cargo leptos --precompress` at brotli's highest quality, so the size is known
    // up front and is the file's next to it; compressing per request streams without a
    // length, at a lower quality.
    const length = Number(compressed.headers()["content-length"]);
    const onDisk = file.replace(/^\/pkg\/[0-9a-f]{16}\//, "/pkg/");
    const precompressed = statSync(path.join(__dirname, "../../target/site", `${onDisk}.br`)).size;
    expect(length, `${file}: Content-Length of the precompressed file`).toBe(precompressed);
    expect(length, `${file}: ${length} of ${raw} bytes`).toBeLessThan(raw);
    // The same file at its plain address (for pages from before an upgrade) is checked each time.
    const unversioned = await request.get(onDisk);
    expect(unversioned.status(), onDisk).toBe(200);
    expect(unversioned.headers()["cache-control"], onDisk).toBe("no-cache");
  }
});
