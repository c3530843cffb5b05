import { expect, type Browser, type Locator, type Page, type Route } from "./fixtures";

import { EDITORS } from "./accounts";
import { editorPage, hydrated } from "./pages";

// The editing journeys' shared steps, on demo articles the reader journeys do not read.
export const INSPECTORS = "/news/darba-inspektori-macas-atpazit-darba-ekspluataciju";
export const INSPECTORS_TITLE = "Darba inspektori mācās atpazīt darba ekspluatāciju";
export const REPORT = "/news/publicets-zinojums-par-cilveku-tirdzniecibas-situaciju-latvija-2018-gada";

export const PLAN = "/news/valdiba-apstiprina-jauno-cilveku-tirdzniecibas-noversanas-planu";
export const GUIDELINES = "/news/konsularas-amatpersonas-apgust-jaunas-vadlinijas-darbam-ar-cietusajiem";

/** Anna and Jānis, each signed in with the article at `path` open in its editor. */
export async function bothEditing(browser: Browser, path: string): Promise<{ anna: Page; janis: Page }> {
  const anna = await editorPage(browser, EDITORS.anna.email);
  const janis = await editorPage(browser, EDITORS.janis.email);
  for (const page of [anna, janis]) {
    await page.goto(path);
    await hydrated(page);
    await page.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
    await expect(page.getByRole("textbox", { name: "Ievads" })).toBeVisible();
  }
  return { anna, janis };
}

/** Anna's new article titled `title`, with the caret in its empty body. */
export async function newArticle(browser: Browser, title: string): Promise<{ editor: Page; body: Locator }> {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/news");
  await hydrated(editor);
  await editor.getByRole("button", { name: "+ Jauns raksts" }).press("Enter");
  await expect(editor.getByRole("textbox", { name: "Virsraksts" })).toBeFocused();
  await editor.keyboard.type(title);
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await body.click();
  return { editor, body };
}

/** Anna's new article titled `title` with `text` as its body, published, then open in both
 * her editor and Jānis's. Resolves to its address too. */
export async function publishedThenOpenByBoth(
  browser: Browser,
  title: string,
  text: string,
): Promise<{ anna: Page; janis: Page; article: string }> {
  const { editor: anna, body } = await newArticle(browser, title);
  await body.pressSequentially(text);
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  const article = new URL(anna.url()).pathname;
  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(article);
  await hydrated(janis);
  await janis.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toBeVisible();
  return { anna, janis, article };
}

/** As [`publishedThenOpenByBoth`]; Anna then hides it from readers. */
export async function publishedThenHiddenByAnna(
  browser: Browser,
  title: string,
  text: string,
): Promise<{ anna: Page; janis: Page; article: string }> {
  const { anna, janis, article } = await publishedThenOpenByBoth(browser, title, text);
  await anna.getByLabel("Statuss").selectOption("draft");
  await anna.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  return { anna, janis, article };
}

/** Types `text` at the end of the lead in `editor` and saves the draft at once. */
export async function addedToTheLeadAndSaved(editor: Page, text: string): Promise<void> {
  await editor.getByRole("textbox", { name: "Ievads" }).focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(text);
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
}

/** Opens the editor on the article shown in `editor`, types in its lead without saving, and
 * answers the site's question about leaving with "stay" once it comes: resolves to the lead
 * and the question's text, once it was asked. */
export async function typedUnsavedAndStaying(editor: Page): Promise<{ lead: Locator; asked: Promise<string> }> {
  const lead = editor.getByRole("textbox", { name: "Ievads" });
  // After a link followed on the site the page is swapped in and its islands wake after it:
  // a click before the edit button's island is awake does nothing, so it is clicked again.
  await expect(async () => {
    if (!(await lead.isVisible())) await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click({ timeout: 2_000 });
    await expect(lead).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await lead.focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Vēl nesaglabāts.");
  const asked = editor.waitForEvent("dialog").then((dialog) => dialog.message());
  editor.once("dialog", (dialog) => dialog.dismiss());
  return { lead, asked };
}

/** Anna's editor on the 2018 report, with `text` typed at the end of its lead; `prepare`
 * runs on the signed-in page before the report opens. */
export async function typedAtTheEndOfTheReportsLead(
  browser: Browser,
  text: string,
  prepare: (editor: Page) => Promise<void> = async () => {},
): Promise<Page> {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await prepare(editor);
  await editor.goto(REPORT);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await editor.getByRole("textbox", { name: "Ievads" }).focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(text);
  return editor;
}

/** Two draft saves of the report's lead held on their way to the server: `typed` is saved
 * first, that save times out in the browser, then `more` is typed and saved. Each waits in
 * `held` until let go; later saves go straight on. */
export async function twoSavesHeld(browser: Browser, typed: string, more: string): Promise<{ editor: Page; held: Route[] }> {
  const held: Route[] = [];
  const editor = await typedAtTheEndOfTheReportsLead(browser, typed, async (page) => {
    await page.clock.install();
    await page.route("**/api/editing/save_draft", (route) =>
      held.length < 2 ? void held.push(route) : void route.continue(),
    );
  });
  await editor.keyboard.press("Control+s");
  await expect.poll(() => held.length).toBe(1);
  await editor.clock.fastForward("00:21");
  await expect(editor.getByRole("status").filter({ hasText: "serveris neatbildēja" })).toBeVisible();
  await editor.keyboard.type(more);
  await editor.keyboard.press("Control+s");
  await expect.poll(() => held.length).toBe(2);
  return { editor, held };
}

/** Anna editing `article`, typing at the end of its `field`, with the first call of the
 * server function `name` answered by the server and the answer lost on its way back (the
 * connection drops); later calls go through. `sent()` counts the calls. */
export async function firstAnswerLost(
  browser: Browser,
  name: string,
  article: string,
  field: string,
): Promise<{ editor: Page; sent: () => number }> {
  const editor = await editorPage(browser, EDITORS.anna.email);
  let sent = 0;
  await editor.route(`**/api/editing/${name}`, async (route) => {
    sent += 1;
    if (sent > 1) return route.continue();
    expect((await route.fetch()).status()).toBe(200);
    await route.abort("connectionreset");
  });
  await editor.goto(article);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await editor.getByRole("textbox", { name: field }).focus();
  await editor.keyboard.press("Control+End");
  return { editor, sent: () => sent };
}

/** Moves the item open in `editor`'s editor to the trash (so that the news list others count
 * is as before the test). */
export async function trashedBy(editor: Page): Promise<void> {
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "Dzēst" }).click();
  await editor.waitForURL(/\/editor\?trashed$/);
}
