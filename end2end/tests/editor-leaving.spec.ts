import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";
import { INSPECTORS, newArticle, typedUnsavedAndStaying, typedAtTheEndOfTheReportsLead } from "../editing";
import { editorPage, hydrated } from "../pages";

// Leaving an editor with typing unsaved, or with a save the server has not answered.

test("stopping editing right after typing saves the typing first, without asking", async ({ browser }) => {
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Uzrakstīts tieši pirms beigām.");
  // Before the autosave's pause is over: the save must go out and land before the page goes.
  const questions: string[] = [];
  editor.on("dialog", (dialog) => {
    questions.push(dialog.type());
    void dialog.dismiss();
  });
  await Promise.all([
    editor.waitForEvent("load"),
    editor.getByRole("button", { name: "Beigt rediģēt" }).click(),
  ]);
  expect(questions, "nothing was left unsaved to ask about").toEqual([]);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(editor.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Uzrakstīts tieši pirms beigām\.$/);
});

test("following a link with unsaved typing asks once: the site's question, not the browser's after it", async ({
  browser,
}) => {
  // The clock stands still: the draft is not saved by itself before the click.
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Atstāts.", (page) => page.clock.install());
  const asked: string[] = [];
  editor.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  const navigation = editor.getByRole("navigation", { name: "Galvenā navigācija" });
  await Promise.all([editor.waitForURL(/\/news$/), navigation.getByRole("link", { name: "Jaunumi" }).click()]);
  expect(asked).toEqual(["confirm"]);
});

test("a save the server never answers lets the editor go on after 20 seconds, and stopping then asks", async ({
  browser,
}) => {
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Nekad neatbildēts.", async (page) => {
    await page.clock.install();
    // The connection hangs: no draft save is ever answered.
    await page.route("**/api/editing/save_draft", () => {});
  });
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Saglabā…" })).toBeVisible();
  await editor.clock.fastForward("00:21");
  await expect(
    editor.getByRole("status").filter({ hasText: "Neizdevās saglabāt: serveris neatbildēja" }),
  ).toBeVisible();
  // Stopping now asks first, in the site's words: the typing is unsaved. Staying keeps the
  // editor open with it.
  const asked: string[] = [];
  editor.once("dialog", (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await editor.getByRole("button", { name: "Beigt rediģēt" }).click();
  await expect.poll(() => asked).toEqual([expect.stringMatching(/^confirm: .*nesaglabāt/)]);
  await expect(editor.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Nekad neatbildēts\.$/);
  await expect(editor.getByRole("button", { name: "Beigt rediģēt" })).toBeVisible();
});

test("a publication the server never answers asks to try again, without pointing at Ctrl+S", async ({ browser }) => {
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Publicēts bez atbildes.", async (page) => {
    await page.clock.install();
    await page.route("**/api/editing/publish_article", () => {});
  });
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Saglabā…" })).toBeVisible();
  await editor.clock.fastForward("00:21");
  // Ctrl+S would save a draft, not publish.
  await expect(editor.getByRole("status").filter({ hasText: "serveris neatbildēja" })).toHaveText(
    "Neizdevās saglabāt: serveris neatbildēja; teksts joprojām ir šeit, mēģiniet vēlreiz",
  );
});

test("following a link with unsaved typing asks first, and staying keeps the typing", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(INSPECTORS);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const lead = editor.getByRole("textbox", { name: "Ievads" });
  await lead.fill("Ievads, kas vēl nav saglabāts.");
  const asked = editor.waitForEvent("dialog");
  editor.once("dialog", (dialog) => dialog.dismiss());
  await editor.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Kalendārs" }).click();
  expect((await asked).message()).toContain("nesaglabātas izmaiņas");
  await expect(editor).toHaveURL(new RegExp(`${INSPECTORS}$`));
  await expect(lead).toHaveValue("Ievads, kas vēl nav saglabāts.");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Once the draft is saved, links are followed without a question.
  await editor.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Kalendārs" }).click();
  await expect(editor).toHaveURL(/\/calendar/);
});

test("going back with unsaved typing asks first: staying keeps the typing and the editor's address, and history stays as it was", async ({
  browser,
}) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/news");
  await hydrated(editor);
  // A link followed on the site: the page is swapped in, a history entry of the same page.
  const support = "Kādu atbalstu var saņemt cilvēku tirdzniecības upuri";
  const article = /\/news\/kadu-atbalstu-var-sanemt-cilveku-tirdzniecibas-upuri$/;
  await editor.getByRole("main").getByRole("link", { name: support }).click();
  await expect(editor).toHaveURL(article);
  const entries = await editor.evaluate(() => history.length);
  const { lead, asked } = await typedUnsavedAndStaying(editor);
  await editor.evaluate(() => history.back());
  // The site's question, as for a link.
  expect(await asked).toContain("nesaglabātas izmaiņas");
  await expect(lead).toHaveValue(/ Vēl nesaglabāts\.$/);
  // The address is the editor's page again, not the list the browser went back to.
  await expect(editor).toHaveURL(article);
  expect(await editor.evaluate(() => history.length)).toBe(entries);
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Saved, going back leaves without a question, to the entry before, and forward returns.
  await editor.evaluate(() => history.back());
  await expect(editor).toHaveURL(/\/news$/);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Jaunumi");
  expect(await editor.evaluate(() => history.length)).toBe(entries);
  await editor.evaluate(() => history.forward());
  await expect(editor).toHaveURL(article);
});

test("going forward with unsaved typing and staying keeps the entries ahead", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/news");
  await hydrated(editor);
  const article = /\/news\/kadu-atbalstu-var-sanemt-cilveku-tirdzniecibas-upuri$/;
  await editor.getByRole("main").getByRole("link", { name: "Kādu atbalstu var saņemt cilvēku tirdzniecības upuri" }).click();
  await expect(editor).toHaveURL(article);
  await hydrated(editor);
  const next = editor.getByRole("navigation", { name: "Citi raksti" }).getByRole("link").first();
  const nextAddress = new URL((await next.getAttribute("href")) ?? "", editor.url()).pathname;
  await next.click();
  await expect(editor).toHaveURL(new RegExp(`${nextAddress}$`));
  await editor.evaluate(() => history.back());
  await expect(editor).toHaveURL(article);
  await hydrated(editor);
  const entries = await editor.evaluate(() => history.length);

  const { lead, asked } = await typedUnsavedAndStaying(editor);
  await editor.evaluate(() => history.forward());
  expect(await asked).toContain("nesaglabātas izmaiņas");
  await expect(editor).toHaveURL(article);
  await expect(lead).toHaveValue(/ Vēl nesaglabāts\.$/);
  expect(await editor.evaluate(() => history.length)).toBe(entries);
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  // The page ahead is still ahead.
  await editor.evaluate(() => history.forward());
  await expect(editor).toHaveURL(new RegExp(`${nextAddress}$`));
});

test("a publication refused by a rule of publishing keeps the typing as the draft, and stopping then asks nothing", async ({
  browser,
}) => {
  // Published before the autosave's pause is over: only the publication carries the title.
  const { editor } = await newArticle(browser, "Tikai virsraksts bez teksta");
  const refused = editor.waitForResponse((answer) => answer.url().includes("/api/editing/publish_article"));
  const kept = editor.waitForResponse((answer) => answer.url().includes("/api/editing/save_draft"));
  await editor.getByRole("button", { name: "Publicēt" }).click();
  expect((await refused).status()).toBe(422);
  // The words go to the draft after the refusal (no autosave had taken them before it).
  expect((await kept).status()).toBe(200);
  const bar = editor.getByRole("status").filter({ hasText: "Pirms publicēšanas rakstam vajag ievadu vai tekstu." });
  await expect(bar).toContainText("Teksts saglabāts kā melnraksts.");
  const questions: string[] = [];
  editor.on("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await editor.getByRole("button", { name: "Beigt rediģēt" }).click();
  await expect(editor.getByRole("textbox", { name: "Virsraksts" })).toHaveCount(0);
  expect(questions, "nothing was left unsaved to ask about").toEqual([]);
  // The words are the draft's: the editor opens on them again.
  await editor.reload();
  await hydrated(editor);
  const edit = editor.getByRole("button", { name: /^Rediģēt/ });
  if (await edit.isVisible()) await edit.click();
  await expect(editor.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Tikai virsraksts bez teksta");
});

test("a publication refused by a rule drafts meet too sends no draft save that would be refused the same way", async ({
  browser,
}) => {
  const { editor, body } = await newArticle(browser, "Virsraksts");
  await body.pressSequentially("Teksts ir.");
  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  // A title over 300 characters: the autosave's draft save is refused for it first.
  const refusedDraft = editor.waitForResponse((answer) => answer.url().includes("/api/editing/save_draft") && answer.status() === 422);
  await title.fill("Ā".repeat(301));
  await refusedDraft;
  await expect(title).toHaveAttribute("aria-invalid", "true");
  const drafts: string[] = [];
  editor.on("request", (request) => {
    if (request.url().includes("/api/editing/save_draft")) drafts.push(request.url());
  });
  const refused = editor.waitForResponse((answer) => answer.url().includes("/api/editing/publish_article"));
  await editor.getByRole("button", { name: "Publicēt" }).click();
  expect((await refused).status()).toBe(422);
  await expect(editor.getByRole("status").filter({ hasText: "300" })).toBeVisible();
  // Time for a draft save the refusal would have sent at once.
  await editor.waitForTimeout(1000);
  expect(drafts, "the same words are not sent as a draft again").toEqual([]);
  await expect(editor.getByRole("status").filter({ hasText: "Teksts saglabāts kā melnraksts." })).toHaveCount(0);
});
