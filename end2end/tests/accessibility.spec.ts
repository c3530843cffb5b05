import { expect, test, type Page } from "../fixtures";
import { readFileSync } from "node:fs";
import path from "node:path";

import { EDITORS } from "../accounts";
import { hydrated, signIn } from "../pages";

// axe-core checks every public page, and the editors' pages, against WCAG 2.1 A and AA.
// Any violation fails the test with axe's own description of it. The newest axe-core's browser
// build is injected into the page: its Playwright wrapper (`@axe-core/playwright` 4.14) needs
// Node.js 22, and the 4.13 wrapper that runs on Node.js 20 misses `label-content-name-mismatch`.

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const PUBLIC_PAGES = [
  "/",
  "/calendar",
  "/calendar/2020/08",
  "/calendar/2020/08?news=1",
  "/calendar/2020/w32",
  "/calendar/2020/08/04",
  "/calendar/list",
  "/news",
  "/news/2018/03",
  "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu",
  "/search?q=darbs",
  "/search?q=zzzz",
  "/login",
  "/nav-tadas-lapas",
];

const AXE_SOURCE = readFileSync(
  path.join(path.dirname(require.resolve("axe-core/package.json")), "axe.min.js"),
  "utf8",
);

/** The part of axe-core's browser API the tests use. */
type Axe = {
  run(
    context: Document,
    options: { runOnly: { type: "tag"; values: string[] } },
  ): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
};

/** The violations on the page as it stands, one line each, so a failure reads as a list. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the site's policy refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG_21_AA,
  );
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
}

// Every page in all three languages: Latvian without a prefix, then English and Russian.
const IN_EVERY_LANGUAGE = PUBLIC_PAGES.flatMap((path) => [
  path,
  `/en${path === "/" ? "" : path}`,
  `/ru${path === "/" ? "" : path}`,
]);

for (const path of IN_EVERY_LANGUAGE) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    expect(await violations(page)).toEqual([]);
  });
}

test("axe finds nothing on an event page, in dark mode, or with the phone menu open", async ({ page }) => {
  await page.goto("/calendar/2020/08/04");
  await hydrated(page);
  await page.locator("main").getByRole("link", { name: /Vebinārs/ }).first().click();
  await expect(page).toHaveURL(/\/events\//);
  await hydrated(page);
  expect(await violations(page)).toEqual([]);

  await page.emulateMedia({ colorScheme: "dark" });
  for (const path of ["/", "/calendar/2020/08", "/news"]) {
    await page.goto(path);
    await hydrated(page);
    expect(await violations(page), `${path} in dark mode`).toEqual([]);
  }

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  await page.getByText("Izvēlne", { exact: true }).click();
  expect(await violations(page), "the phone agenda with the menu open").toEqual([]);
});

test("axe finds nothing in editing mode: the article and event editors, the desk and the audit log", async ({ page }) => {
  await signIn(page, EDITORS.anna.email);

  await page.goto("/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu");
  await hydrated(page);
  await page.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(page.getByRole("textbox", { name: "Virsraksts" })).toBeVisible();
  await page.getByRole("button", { name: "Versiju vēsture" }).click();
  await expect(page.getByRole("button", { name: "Salīdzināt" })).toBeVisible();
  expect(await violations(page), "article editor").toEqual([]);

  await page.goto("/ru/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu");
  await hydrated(page);
  await page.getByRole("button", { name: "Перевести на русский" }).click();
  await expect(page.getByRole("button", { name: "Сохранить перевод" })).toBeVisible();
  expect(await violations(page), "translation editor").toEqual([]);

  await page.goto("/calendar/2020/08/04");
  await hydrated(page);
  await page.locator("main").getByRole("link", { name: /Vebinārs/ }).first().click();
  await hydrated(page);
  await page.getByRole("button", { name: "Rediģēt notikumu" }).click();
  await expect(page.getByRole("textbox", { name: "Nosaukums" })).toBeVisible();
  expect(await violations(page), "event editor").toEqual([]);

  // Editing mode in every language: the editors' own controls are translated too.
  const editing = ["/calendar/2020/08", "/news", "/editor", "/editor/audit"];
  for (const path of editing.flatMap((path) => [path, `/en${path}`, `/ru${path}`])) {
    await page.goto(path);
    await hydrated(page);
    expect(await violations(page), path).toEqual([]);
  }

  // On a phone the activity log fits the screen's width in every language.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/editor/audit", "/en/editor/audit", "/ru/editor/audit"]) {
    await page.goto(path);
    await hydrated(page);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, path).toBe(0);
  }
});
