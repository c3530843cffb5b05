import { expect, test, type Browser, type Locator, type Page, type Route } from "../fixtures";

import { EDITORS } from "../accounts";
import { editorPage, hydrated, signIn } from "../pages";

// Editing journeys on demo articles the reader journeys do not read.
const INSPECTORS = "/news/darba-inspektori-macas-atpazit-darba-ekspluataciju";
const INSPECTORS_TITLE = "Darba inspektori mācās atpazīt darba ekspluatāciju";
const REPORT = "/news/publicets-zinojums-par-cilveku-tirdzniecibas-situaciju-latvija-2018-gada";

/** Anna and Jānis, each signed in with the article at `path` open in its editor. */
async function bothEditing(browser: Browser, path: string): Promise<{ anna: Page; janis: Page }> {
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
async function newArticle(browser: Browser, title: string): Promise<{ editor: Page; body: Locator }> {
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

/** Types `text` at the end of the lead in `editor` and saves the draft at once. */
async function addedToTheLeadAndSaved(editor: Page, text: string): Promise<void> {
  await editor.getByRole("textbox", { name: "Ievads" }).focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(text);
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
}

/** Opens the editor on the article shown in `editor`, types in its lead without saving, and
 * answers the site's question about leaving with "stay" once it comes: resolves to the lead
 * and the question's text, once it was asked. */
async function typedUnsavedAndStaying(editor: Page): Promise<{ lead: Locator; asked: Promise<string> }> {
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const lead = editor.getByRole("textbox", { name: "Ievads" });
  await lead.focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Vēl nesaglabāts.");
  const asked = editor.waitForEvent("dialog").then((dialog) => dialog.message());
  editor.once("dialog", (dialog) => dialog.dismiss());
  return { lead, asked };
}

test("an editor edits an article in place, the draft saves itself, and readers see it once published", async ({
  browser,
  page: reader,
}) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(INSPECTORS);
  await hydrated(editor);
  // The editor's code is its own file, fetched when editing starts.
  // From the editors' build, which pages rendered for an editor load.
  const editorChunk = editor.waitForRequest(/\/pkg\/\w+\/editors\/pkg\/split_article_editor_view_\w+\.wasm$/);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await editorChunk;

  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  await expect(title).toHaveValue(INSPECTORS_TITLE);
  await title.fill("Darba inspektori apgūst ekspluatācijas pazīmes");
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await body.click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Mācības turpināsies arī Latgalē.");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Until it is published, readers see the published version.
  await reader.goto(INSPECTORS);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(INSPECTORS_TITLE);

  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Darba inspektori apgūst ekspluatācijas pazīmes");
  await expect(reader.getByText("Mācības turpināsies arī Latgalē.")).toBeVisible();
  await expect(reader.getByRole("button", { name: "Rediģēt šo rakstu" })).toHaveCount(0);

  // The history keeps the first version; restoring it publishes it again.
  await editor.getByRole("button", { name: "Versiju vēsture" }).click();
  await editor.getByRole("button", { name: "Salīdzināt" }).click();
  await expect(editor.getByRole("deletion").filter({ hasText: "mācās" })).toBeVisible();
  await expect(editor.getByRole("insertion").filter({ hasText: "apgūst" })).toBeVisible();
  await expect(editor.getByRole("insertion").filter({ hasText: "Mācības turpināsies arī Latgalē." })).toBeVisible();
  // Asked first, as a deletion is; the page loaded again says what was done.
  let question = "";
  editor.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await editor.getByRole("button", { name: /^Atjaunot \d+\. versiju$/ }).first().click();
  await expect(editor.getByRole("status").filter({ hasText: /^Versija \d+ atjaunota kā versija \d+\.$/ })).toBeVisible();
  expect(question).toMatch(/^Atjaunot \d+\. versiju\? /);
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(INSPECTORS_TITLE);
});

test("two editors change the same article: the second sees both versions and keeps both", async ({ browser }) => {
  const { anna, janis } = await bothEditing(browser, REPORT);

  await anna.getByRole("textbox", { name: "Virsraksts" }).fill("Annas virsraksts ziņojumam");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Jāņa virsraksts ziņojumam");
  const conflict = janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Annas virsraksts ziņojumam")).toBeVisible();
  await expect(conflict.getByText("Jāņa virsraksts ziņojumam")).toBeVisible();
  await conflict.getByRole("group", { name: "Virsraksts" }).getByLabel("Paturēt abas").check();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Virsraksts" })).toHaveValue(
    "Jāņa virsraksts ziņojumam / Annas virsraksts ziņojumam",
  );
});

test("an editor who writes on after another editor published is asked at once, keeping the other's change by default", async ({
  browser,
  page: reader,
}) => {
  const campaign = "/news/skolas-sakas-informativa-kampana-mans-darbs-mana-izvele";
  const { anna, janis } = await bothEditing(browser, campaign);
  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads kampaņai.");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Anna, who opened it before, changes the title: her draft's save meets Jānis's version,
  // and she chooses there and then, not when she publishes.
  await anna.getByRole("textbox", { name: "Virsraksts" }).fill("Annas virsraksts kampaņai");
  const conflict = anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toHaveCount(0);
  const titleChoice = conflict.getByRole("group", { name: "Virsraksts" });
  await expect(titleChoice.getByLabel("Paturēt manu")).toBeChecked();
  await expect(conflict.getByRole("group", { name: "Ievads" }).getByLabel("Paturēt otru")).toBeChecked();
  // She takes the other title, then types on in hers: hers it is again, nothing typed lost.
  await titleChoice.getByLabel("Paturēt otru").check();
  await anna.getByRole("textbox", { name: "Virsraksts" }).press("End");
  await anna.keyboard.type(" 2020");
  await expect(titleChoice.getByLabel("Paturēt manu")).toBeChecked();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto", exact: true }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Annas virsraksts kampaņai 2020");
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue("Jāņa ievads kampaņai.");
  await reader.goto(campaign);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Annas virsraksts kampaņai 2020");
  await expect(reader.getByText("Jāņa ievads kampaņai.")).toBeVisible();
});

test("a shared draft older than the article opens with the choice between it and the article as it is", async ({
  browser,
}) => {
  const article = "/news/cilveku-tirdzniecibas-apkarosanas-dienas-pasakumos-piedalijas-vairak-neka-3000";
  const { anna, janis } = await bothEditing(browser, article);
  const lead = anna.getByRole("textbox", { name: "Ievads" });
  const firstLead = await lead.inputValue();
  await lead.fill("Annas jaunais ievads.");
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Jānis opens it anew and drafts a new title on Anna's version.
  await janis.reload();
  await hydrated(janis);
  await janis.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Jāņa virsraksts jauniešiem");
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Anna restores the first version, which keeps Jānis's draft as his: it is now older
  // than the article, and her editor, opened again, asks before going on with it.
  anna.once("dialog", (dialog) => void dialog.accept());
  await anna.getByRole("button", { name: "Versiju vēsture" }).click();
  await anna.getByRole("button", { name: /^Atjaunot \d+\. versiju$/ }).first().click();
  await expect(anna.getByRole("status").filter({ hasText: /^Versija \d+ atjaunota kā versija \d+\.$/ })).toBeVisible();
  await hydrated(anna);
  await anna.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const choice = anna.getByRole("region", { name: "Šis melnraksts sākts no vecākas versijas: kopš tā saglabāta jaunāka" });
  await expect(choice).toBeVisible();
  // Jānis changed the title, the restore the lead: each keeps its own change.
  await expect(choice.getByRole("group", { name: "Virsraksts" }).getByLabel("Paturēt manu")).toBeChecked();
  const leadChoice = choice.getByRole("group", { name: "Ievads" });
  await expect(leadChoice.getByLabel("Paturēt otru")).toBeChecked();
  await expect(leadChoice.getByText("Šo daļu mainīja tikai otrā versija")).toBeVisible();
  await choice.getByRole("button", { name: "Saglabāt izvēlēto", exact: true }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Jāņa virsraksts jauniešiem");
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue(firstLead);

  // Jānis, still on the version before the restore, meets it at his next save.
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Jāņa virsraksts jauniešiem (2)");
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toBeVisible();
});

test("saving the choice as offered keeps the other editor's change where only they changed a part", async ({
  browser,
}) => {
  const helpline = "/news/palidzibas-talruna-dati-aizvien-vairak-jautajumu-par-darba-ekspluataciju";
  const { anna, janis } = await bothEditing(browser, helpline);
  await anna.getByRole("textbox", { name: "Virsraksts" }).fill("Annas virsraksts tālrunim");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Jānis, who opened the article before Anna's draft, changes only the lead.
  await janis.getByRole("textbox", { name: "Ievads" }).focus();
  await janis.keyboard.press("Control+End");
  await janis.keyboard.type(" Jānis papildina ievadu.");
  await janis.keyboard.press("Control+s");
  const conflict = janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  const title = conflict.getByRole("group", { name: "Virsraksts" });
  await expect(title.getByLabel("Paturēt otru")).toBeChecked();
  await expect(title.getByText("Šo daļu mainīja tikai otrā versija")).toBeVisible();
  await expect(conflict.getByRole("group", { name: "Ievads" }).getByLabel("Paturēt manu")).toBeChecked();
  // A part Jānis starts changing while the choice is shown is his own again, and back when
  // he undoes it.
  const titleField = janis.getByRole("textbox", { name: "Virsraksts" });
  const original = await titleField.inputValue();
  await titleField.fill(`${original} (labots)`);
  await expect(title.getByLabel("Paturēt manu")).toBeChecked();
  await expect(title.getByText("Šo daļu mainīja tikai otrā versija")).toBeHidden();
  await titleField.fill(original);
  await expect(title.getByLabel("Paturēt otru")).toBeChecked();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Annas virsraksts tālrunim");
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Jānis papildina ievadu\.$/);
});

test("a link address the server would drop is refused where it is made, and what it drops leaves the editor once published", async ({
  browser,
  page: reader,
}) => {
  const calls = "/news/palidzibas-talruni-pern-sanemts-par-tresdalu-vairak-zvanu";
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(calls);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await body.click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Vairāk vietnē");
  for (let i = 0; i < "vietnē".length; i++) await editor.keyboard.press("Shift+ArrowLeft");

  const answers = ["javascript:alert(document.cookie)", "www.vp.gov.lv"];
  const alerts: string[] = [];
  editor.on("dialog", (dialog) => {
    if (dialog.type() === "alert") {
      alerts.push(dialog.message());
      void dialog.accept();
    } else {
      void dialog.accept(answers.shift());
    }
  });
  await editor.getByRole("button", { name: "Saite" }).click();
  await expect.poll(() => alerts).toEqual([expect.stringMatching(/^Saiti var veidot tikai uz tīmekļa adresi/)]);
  await expect(body.locator("a")).toHaveCount(0);
  await editor.getByRole("button", { name: "Saite" }).click();
  await expect(body.locator('a[href="https://www.vp.gov.lv"]')).toHaveText("vietnē");
  // Publishing it replaces nothing the server only adds to (the link's `rel`, the page's
  // markers): the body's nodes stay, and with them the caret and the browser's undo.
  await body.locator("a").evaluate((link) => Object.assign(link, { keptByEditor: true }));
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  expect(await body.locator("a").evaluate((link) => "keptByEditor" in link)).toBe(true);

  // Markup pasted from elsewhere that the server does not keep (a frame) is gone from the
  // editor once published, as it is from the page.
  await body.evaluate((element) => {
    element.insertAdjacentHTML("beforeend", '<iframe src="https://example.com/"></iframe>');
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await expect(body.locator("iframe")).toHaveCount(0);
  await expect(body.locator('a[href="https://www.vp.gov.lv"]')).toHaveText("vietnē");

  await reader.goto(calls);
  await expect(reader.getByRole("link", { name: "vietnē" })).toHaveAttribute("href", "https://www.vp.gov.lv");
  await expect(reader.locator("iframe")).toHaveCount(0);
});

const PLAN = "/news/valdiba-apstiprina-jauno-cilveku-tirdzniecibas-noversanas-planu";
const GUIDELINES = "/news/konsularas-amatpersonas-apgust-jaunas-vadlinijas-darbam-ar-cietusajiem";

test("typing on while the choice between two versions is shown is kept when the choice is saved", async ({
  browser,
}) => {
  const { anna, janis } = await bothEditing(browser, PLAN);
  await anna.getByRole("textbox", { name: "Ievads" }).fill("Annas ievads plānam.");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads plānam.");
  const conflict = janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  // While the two versions are shown, Jānis goes on with the contact line.
  await janis.getByRole("textbox", { name: "Kontaktinformācija" }).fill("Jānis Ozols, tālrunis 67000000");
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Kontaktinformācija" })).toHaveValue(
    "Jānis Ozols, tālrunis 67000000",
  );
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue("Jāņa ievads plānam.");
  // The choice's button is gone: the focus is back in the editor, where its keys work.
  await expect(janis.getByRole("textbox", { name: "Virsraksts" })).toBeFocused();
  await janis.keyboard.press("Escape");
  await expect(janis.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeVisible();
});

test("keyboard: the editor opens with the focus on its title, and Ctrl+S saves on a Cyrillic layout too", async ({
  browser,
}) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(GUIDELINES);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).focus();
  await editor.keyboard.press("Enter");
  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  await expect(title).toBeFocused();
  await editor.keyboard.press("End");
  await editor.keyboard.type(" (papildināts)");
  // Ctrl and the S key on a Russian layout: the key types "ы".
  await title.dispatchEvent("keydown", { key: "ы", code: "KeyS", ctrlKey: true, bubbles: true, cancelable: true });
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeVisible();
});

/** Anna's editor on the 2018 report, with `text` typed at the end of its lead; `prepare`
 * runs on the signed-in page before the report opens. */
async function typedAtTheEndOfTheReportsLead(
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
async function twoSavesHeld(browser: Browser, typed: string, more: string): Promise<{ editor: Page; held: Route[] }> {
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

test("keyboard: Ctrl+S saves at once and Esc leaves editing", async ({ browser }) => {
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Papildināts.");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeVisible();
});

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
  // Stopping now leaves at once, and the browser asks first: the typing is unsaved.
  const asked: string[] = [];
  editor.once("dialog", (dialog) => {
    asked.push(dialog.type());
    // Staying on the page.
    void dialog.dismiss();
  });
  await editor.getByRole("button", { name: "Beigt rediģēt" }).click();
  await expect.poll(() => asked).toEqual(["beforeunload"]);
  await expect(editor.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Nekad neatbildēts\.$/);
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

/** Anna editing `article`, typing at the end of its `field`, with the first call of the
 * server function `name` answered by the server and the answer lost on its way back (the
 * connection drops); later calls go through. `sent()` counts the calls. */
async function firstAnswerLost(
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

test("a publication whose answer was lost is published once when sent again, with nothing to choose", async ({
  browser,
  page: reader,
}) => {
  const article = "/news/viltus-darba-piedavajumi-interneta-ka-tos-atpazit";
  const { editor, sent } = await firstAnswerLost(browser, "publish_article", article, "Virsraksts");
  // Spaces the server trims: the text as sent is not the text as stored.
  await editor.keyboard.type(" un kur ziņot  ");
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Neizdevās saglabāt" })).toBeVisible();
  await reader.goto(article);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(/kā tos atpazīt un kur ziņot$/);

  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Kāds cits saglabāja šo rakstu" })).toHaveCount(0);
  expect(sent()).toBe(2);
  // Published once: the history has the first version and this one, no third.
  await editor.getByRole("button", { name: "Versiju vēsture" }).click();
  await expect(editor.getByRole("strong").filter({ hasText: "2. versija" })).toBeVisible();
  await expect(editor.getByLabel("Salīdzināt no").locator("option")).toHaveCount(2);
});

test("a draft save whose answer was lost, then more typing and Publicēt: saved and published with nothing to choose", async ({
  browser,
  page: reader,
}) => {
  const article = "/news/kadu-atbalstu-var-sanemt-cilveku-tirdzniecibas-upuri";
  const { editor } = await firstAnswerLost(browser, "save_draft", article, "Ievads");
  // A space the server trims: the draft as stored is not the text as typed.
  await editor.keyboard.type(" Melnraksts bez atbildes. ");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Neizdevās saglabāt" })).toBeVisible();

  // The browser still names no draft; the one stored is this editor's own, so the next save
  // goes over it.
  await editor.keyboard.type("Un vēl.");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Kāds cits saglabāja šo rakstu" })).toHaveCount(0);

  await editor.keyboard.type(" Beigas.");
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Kāds cits saglabāja šo rakstu" })).toHaveCount(0);
  await reader.goto(article);
  await expect(reader.getByText(/Melnraksts bez atbildes\. Un vēl\. Beigas\.$/)).toBeVisible();
});

test("a save whose answer came too late is not taken for someone else's", async ({ browser }) => {
  const { editor, held } = await twoSavesHeld(browser, " Atbilde nāk vēlu.", "");
  // The first save reaches the server after all; the second names the draft as it was
  // before the first, with this very text: the server answers it as saved, not as a conflict.
  const firstAnswer = editor.waitForResponse(/\/api\/editing\/save_draft/);
  await held[0].continue();
  await firstAnswer;
  await held[1].continue();
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Kāds cits saglabāja šo rakstu" })).toHaveCount(0);
  // Typing on saves on top of it.
  await editor.keyboard.type(" Un vēl.");
  const thirdAnswer = editor.waitForResponse(/\/api\/editing\/save_draft/);
  await editor.keyboard.press("Control+s");
  expect((await thirdAnswer).status()).toBe(200);
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await editor.reload();
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(editor.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Atbilde nāk vēlu\. Un vēl\.$/);
});

test("an older save that reaches the server after a newer one does not write over it", async ({ browser }) => {
  const { editor, held } = await twoSavesHeld(browser, " Vēlā atbilde.", " Jaunāks teksts.");
  // The newer save arrives first, then the older one: the older one is refused (the browser
  // pays it no heed), and the draft keeps the newer text.
  await held[1].continue();
  expect((await held[1].request().response())?.status()).toBe(200);
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await held[0].continue();
  expect((await held[0].request().response())?.status()).toBe(409);
  await expect(editor.getByRole("heading", { name: "Kāds cits saglabāja šo rakstu" })).toHaveCount(0);
  await editor.reload();
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(editor.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Vēlā atbilde\. Jaunāks teksts\.$/);
});

test("readers and signed-out browsers get no editing controls, and sign-out ends the session", async ({ browser, page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(request.url()));
  await page.goto(INSPECTORS);
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Rediģēt šo rakstu" })).toHaveCount(0);
  // An article has nothing interactive for a reader until the search box is used: no
  // WebAssembly at all, and never the editors' code.
  expect(fetched.filter((url) => /\/pkg\/.*\.wasm$/.test(url)), "readers fetch no WebAssembly here").toEqual([]);
  await page.getByRole("combobox", { name: "Meklēt vietnē" }).focus();
  await expect.poll(() => fetched.filter((url) => /\/pkg\/\w+\/notikumi\.wasm$/.test(url)).length).toBe(1);
  // The search field's own code is a split file too (shared parts in chunk_ files); the
  // editors' islands and editors are split files readers never fetch.
  await expect.poll(() => fetched.filter((url) => /\/pkg\/\w+\/split_search_suggestions_\w+\.wasm$/.test(url)).length).toBe(1);
  expect(fetched.filter((url) => /\/pkg\/\w+\/split_(?!search_suggestions_)/.test(url)), "readers never fetch editor code").toEqual([]);
  // Readers load their own build, which has no editors' islands at all.
  expect(fetched.filter((url) => url.includes("/editors/")), "readers never load the editors' build").toEqual([]);
  // Nor the editors' interface texts, which only pages rendered for an editor carry.
  await expect(page.locator("#editor-messages")).toHaveCount(0);

  const editor = await editorPage(browser, EDITORS.janis.email);
  const editorFetched: string[] = [];
  editor.on("request", (request) => editorFetched.push(request.url()));
  await editor.goto("/news");
  await hydrated(editor);
  await expect(editor.locator("#editor-messages")).toHaveAttribute("lang", "lv");
  // A page rendered for an editor loads the editors' build (every island), not the readers'.
  const modules = editorFetched.filter((url) => url.endsWith("/notikumi.wasm")).map((url) => new URL(url).pathname);
  expect(modules.map((module) => module.replace(/^\/pkg\/[0-9a-f]{16}\//, "/pkg/<build>/"))).toEqual(["/pkg/<build>/editors/pkg/notikumi.wasm"]);
  await editor.getByRole("button", { name: "+ Jauns raksts" }).click();
  // A new article opens in editing mode at once; readers cannot see it yet.
  await expect(editor.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Jauns raksts");
  await expect(editor.getByText("Raksts vēl nav publicēts.")).toBeVisible();
  const draftUrl = editor.url();
  expect((await page.goto(draftUrl))?.status()).toBe(404);

  await editor.getByRole("button", { name: "Iziet" }).click();
  await expect(editor.getByRole("button", { name: "Iziet" })).toHaveCount(0);
  await editor.goto("/news");
  await expect(editor.getByRole("button", { name: "+ Jauns raksts" })).toHaveCount(0);
});

test("a new article's address follows its title until published, and an address changed later leads on", async ({
  browser,
  page: reader,
}) => {
  const editor = await editorPage(browser, EDITORS.janis.email);
  await editor.goto("/news");
  await hydrated(editor);
  await editor.getByRole("button", { name: "+ Jauns raksts" }).press("Enter");
  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  await expect(title).toHaveValue("Jauns raksts");
  // The new article's page came by the site's navigation: the keyboard goes on in its title.
  await expect(title).toBeFocused();
  // Its title starts selected: what the editor types replaces it.
  await editor.keyboard.type("Konsultācijas jauniešiem Liepājā");
  await expect(title).toHaveValue("Konsultācijas jauniešiem Liepājā");
  // The empty body takes the caret into a paragraph, and Enter starts the next one.
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await body.click();
  await editor.keyboard.type("Pirmais teikums.");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("Otrais.");
  await expect(body.locator("p")).toHaveText(["Pirmais teikums.", "Otrais."]);
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(editor).toHaveURL(/\/news\/konsultacijas-jauniesiem-liepaja$/);
  const address = editor.getByLabel("Adrese: /news/");
  await expect(address).toHaveValue("konsultacijas-jauniesiem-liepaja");
  // The settings say what publishing did.
  await expect(editor.getByLabel("Statuss")).toHaveValue("published");

  // An address taken by another article is refused at the field.
  await address.fill(REPORT.replace("/news/", ""));
  await address.press("Enter");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  // Typed as words, it is folded the way a title is.
  await address.fill("Konsultācijas Liepājā");
  await address.press("Enter");
  await expect(editor.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  await expect(address).toHaveValue("konsultacijas-liepaja");
  await expect(address).toHaveAttribute("aria-invalid", "false");
  await expect(editor).toHaveURL(/\/news\/konsultacijas-liepaja$/);
  // The category and visibility save on their own.
  await editor.getByLabel("Kategorija").selectOption({ label: "Sadarbība" });
  await editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  // Publishing the text later leaves no word about either behind.
  await title.fill("Konsultācijas jauniešiem Liepājā un Ventspilī");
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(editor.getByText("Iestatījumi saglabāti.")).toHaveCount(0);
  await expect(editor.getByText("Adrese nomainīta.")).toHaveCount(0);
  await expect(editor).toHaveURL(/\/news\/konsultacijas-liepaja$/);
  // A reader with the first address is sent on, and sees the category.
  await reader.goto("/news/konsultacijas-jauniesiem-liepaja");
  await expect(reader).toHaveURL(/\/news\/konsultacijas-liepaja$/);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Konsultācijas jauniešiem Liepājā un Ventspilī");
  await expect(reader.getByRole("main").getByText("Sadarbība")).toBeVisible();
});

test("a list made of a line stands on its own for readers, and an emptied body keeps its paragraph", async ({
  browser,
  page: reader,
}) => {
  const { editor, body } = await newArticle(browser, "Palīdzības tālruņi");
  // An empty heading is a block too: deleting leaves it, and it becomes a paragraph again.
  await editor.getByRole("button", { name: "H2 Virsraksts" }).click();
  await expect(body.locator("h2")).toHaveCount(1);
  await editor.keyboard.press("Backspace");
  await expect(body.locator("h2")).toHaveCount(1);
  await editor.getByRole("button", { name: "Rindkopa", exact: true }).click();
  await expect(body.locator("h2")).toHaveCount(0);
  // Deleting in the empty body leaves its paragraph: typing goes into it, not beside it.
  for (let times = 0; times < 3; times++) await editor.keyboard.press("Backspace");
  await editor.keyboard.press("Delete");
  // A space typed there is something Backspace takes away.
  await editor.keyboard.type(" ");
  await editor.keyboard.press("Backspace");
  await editor.keyboard.type("Zvaniet, ja nepieciešama palīdzība:");
  await expect.poll(() => body.evaluate((element) => element.textContent)).toBe("Zvaniet, ja nepieciešama palīdzība:");
  // The browser makes a list of the line after a line break (Shift+Enter) only.
  await editor.keyboard.press("Shift+Enter");
  await editor.keyboard.type("Uzticības tālrunis");
  const list = editor.getByRole("button", { name: "Saraksts", exact: true });
  await list.click();
  await expect(body.locator("li")).toHaveText(["Uzticības tālrunis"]);
  // Undone, the line is back as it was: the browser's undo knows every change made.
  await editor.keyboard.press("Control+z");
  await expect(body.locator("li")).toHaveCount(0);
  await expect(body).toHaveText("Zvaniet, ja nepieciešama palīdzība:Uzticības tālrunis");
  await list.click();
  // The caret stays where it was, at the item's end.
  await editor.keyboard.type(" visu diennakti");
  await expect(body.locator("li")).toHaveText(["Uzticības tālrunis visu diennakti"]);

  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await reader.goto("/news/palidzibas-talruni");
  const text = reader.locator(".article__body");
  await expect(text.locator("li")).toHaveText(["Uzticības tālrunis visu diennakti"]);
  // No empty paragraph around the list, where a gap would show.
  await expect(text.locator("p")).toHaveText(["Zvaniet, ja nepieciešama palīdzība:"]);
});

test("what the browser's list and heading commands leave reaches readers as lists and paragraphs", async ({
  browser,
  page: reader,
}) => {
  const { editor, body } = await newArticle(browser, "Kur meklēt palīdzību");
  // Three lines of one paragraph (Shift+Enter); the middle one made a list.
  await editor.keyboard.type("Zvaniet:");
  await editor.keyboard.press("Shift+Enter");
  await editor.keyboard.type("Uzticības tālrunis");
  await editor.keyboard.press("Shift+Enter");
  await editor.keyboard.type("Vai rakstiet mums.");
  await editor.keyboard.press("ArrowUp");
  await editor.getByRole("button", { name: "Saraksts", exact: true }).click();
  await expect(body.locator("li")).toHaveText(["Uzticības tālrunis"]);
  // A heading made a list.
  await editor.keyboard.press("Control+End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("Dienesti");
  await editor.getByRole("button", { name: "H2 Virsraksts" }).click();
  await editor.getByRole("button", { name: "Saraksts", exact: true }).click();
  await expect(body.locator("li")).toHaveText(["Uzticības tālrunis", "Dienesti"]);

  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  // What readers get is what the editor now shows.
  await expect(body.locator("h2")).toHaveCount(0);
  await reader.goto("/news/kur-meklet-palidzibu");
  const text = reader.locator(".article__body");
  await expect(text.locator("li")).toHaveText(["Uzticības tālrunis", "Dienesti"]);
  // Every line in a paragraph or an item: none loose beside a list, no heading-sized list.
  await expect(text.locator("p")).toHaveText(["Zvaniet:", "Vai rakstiet mums."]);
  await expect(text.locator("h2")).toHaveCount(0);
  const loose = await text.evaluate((element) =>
    [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== "").length,
  );
  expect(loose).toBe(0);
});

test("an editor typing in an article another editor deleted is told the text is still there and where to restore it", async ({
  browser,
}) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  await anna.goto("/news");
  await hydrated(anna);
  await anna.getByRole("button", { name: "+ Jauns raksts" }).press("Enter");
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toBeFocused();
  await anna.keyboard.type("Pārcelts semināra datums");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(anna.url());
  await hydrated(janis);
  janis.once("dialog", (dialog) => void dialog.accept());
  await janis.getByRole("button", { name: "Dzēst" }).click();
  await janis.waitForURL(/\/editor\?trashed$/);

  await anna.getByRole("textbox", { name: "Ievads" }).fill("Seminārs notiks nākamnedēļ.");
  await anna.keyboard.press("Control+s");
  await expect(
    anna.getByRole("status").filter({
      hasText:
        "Neizdevās saglabāt: kāds šo ierakstu pārvietoja uz miskasti; teksts joprojām ir šeit: atjaunojiet ierakstu no miskastes redakcijas lapā, tad saglabājiet (Ctrl+S)",
    }),
  ).toBeVisible();
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue("Seminārs notiks nākamnedēļ.");
});

test("an address and category changed while another editor writes: no choice to make, the writer publishes", async ({
  browser,
  page: reader,
}) => {
  const amendments = "/news/kriminallikuma-grozijumi-stiprina-cilveku-tirdznieciba-cietuso-aizsardzibu";
  const { anna, janis } = await bothEditing(browser, amendments);
  await addedToTheLeadAndSaved(janis, " Jānis papildina.");

  // Anna changes what stands beside the text, not the text.
  const address = anna.getByLabel("Adrese: /news/");
  await address.fill("kriminallikuma-grozijumi");
  await address.press("Enter");
  await expect(anna.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  // Jānis's next draft save goes on from the moved article without asking.
  const saved = janis.waitForResponse(/\/api\/editing\/save_draft$/);
  await addedToTheLeadAndSaved(janis, " Jānis");
  expect((await saved).status()).toBe(409);
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(janis).toHaveURL(/\/news\/kriminallikuma-grozijumi$/);
  await anna.getByLabel("Kategorija").selectOption({ label: "Sadarbība" });
  await anna.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();

  // Jānis writes on after his draft was saved, and publishes before the next autosave.
  await janis.getByRole("textbox", { name: "Ievads" }).focus();
  await janis.keyboard.press("Control+End");
  await janis.keyboard.type(" Un vēl.");

  // Nobody touched Jānis's text: his publication goes through on the article as it is now,
  // and his editor follows it to its address and shows Anna's category.
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(janis).toHaveURL(/\/news\/kriminallikuma-grozijumi$/);
  await expect(janis.getByLabel("Kategorija").locator("option:checked")).toHaveText("Sadarbība");

  // Now Anna's editor is behind Jānis's text, which she left as it was: publishing takes his
  // lead in, with nothing to choose.
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Jānis papildina\. Jānis Un vēl\.$/);

  await reader.goto(amendments);
  await expect(reader).toHaveURL(/\/news\/kriminallikuma-grozijumi$/);
  await expect(reader.getByText("Jānis papildina. Jānis Un vēl.")).toBeVisible();
  await expect(reader.getByRole("main").getByText("Sadarbība", { exact: true })).toBeVisible();
});

test("an article hidden while another editor writes: publishing asks first instead of showing it again", async ({
  browser,
  page: reader,
}) => {
  const article = "/news/ziemelvalstu-un-baltijas-valstu-partneri-vienojas-par-ciesaku-sadarbibu";
  const { anna, janis } = await bothEditing(browser, article);
  await addedToTheLeadAndSaved(janis, " Papildināts.");

  await anna.getByLabel("Statuss").selectOption("draft");
  await anna.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  // Jānis writes on: his draft goes on from the hidden article without a choice to make,
  // and his settings now say it is hidden, so saving them keeps it so.
  await addedToTheLeadAndSaved(janis, " Vēl.");
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(janis.getByLabel("Statuss")).toHaveValue("draft");
  await janis.getByLabel("Kategorija").selectOption({ label: "Informatīvie pasākumi" });
  await janis.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  expect((await reader.goto(article))?.status()).toBe(404);

  // Jānis's publication would show readers what Anna just hid: he is asked first, and his
  // choice is saved as the draft, not published.
  await janis.getByRole("button", { name: "Publicēt" }).click();
  const conflict = janis.getByRole("region", {
    name: "Kamēr rediģējāt, kāds cits mainīja to, ko redz lasītāji: publicēšana to atsauktu",
  });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("button", { name: "Saglabāt izvēlēto", exact: true })).toBeVisible();
  const hidden = await reader.goto(article);
  expect(hidden?.status()).toBe(404);
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

test("an edit that changes nothing (an undo with nothing left to undo) saves no draft", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  const saves: string[] = [];
  editor.on("request", (request) => {
    if (request.url().includes("/api/editing/save_draft")) saves.push(request.url());
  });
  await editor.goto(INSPECTORS);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await expect(body).toBeVisible();
  // What the browser sends when Ctrl+Z finds nothing of the body's own to undo.
  await body.evaluate((element) =>
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "historyUndo" })),
  );
  await expect(editor.getByText("Nesaglabātas izmaiņas")).toHaveCount(0);
  // Longer than the pause after which a change saves itself.
  await editor.waitForTimeout(3000);
  expect(saves).toHaveLength(0);

  // A change that changes something is saved as before.
  await body.click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Papildinājums.");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  expect(saves).toHaveLength(1);
});

test("a reader's tab signed in from another tab loads the editors' build at its next link", async ({ browser }) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const fetched: string[] = [];
  tab.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await tab.goto("/calendar/2020/08");
  await hydrated(tab);
  expect(fetched.filter((path) => path.endsWith("/notikumi.wasm"))).toEqual([expect.stringMatching(/^\/pkg\/[0-9a-f]{16}\/notikumi\.wasm$/)]);
  await tab.evaluate(() => ((window as Window & { notikumiMarker?: number }).notikumiMarker = 7));

  // Signing in elsewhere in the same browser: the next page comes rendered for an editor, and
  // the readers' build in this tab has no editors' islands, so that page loads in full.
  await signIn(await context.newPage(), EDITORS.janis.email);
  await tab.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Jaunumi" }).click();
  await expect(tab).toHaveURL(/\/news$/);
  await hydrated(tab);
  expect(await tab.evaluate(() => (window as Window & { notikumiMarker?: number }).notikumiMarker), "a full page load").toBeUndefined();
  await expect(tab.locator("#editor-messages")).toHaveCount(1);
  expect(fetched.filter((path) => path.endsWith("/editors/pkg/notikumi.wasm"))).toHaveLength(1);
  await expect(tab.getByRole("button", { name: "+ Jauns raksts" })).toBeEnabled();
  await context.close();
});

test("an editor signed out while typing is told so, with the text kept and the way back", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/news/kadu-atbalstu-var-sanemt-cilveku-tirdzniecibas-upuri");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const lead = editor.getByRole("textbox", { name: "Ievads" });
  await lead.focus();
  // The session ends (it expired, or the editor signed out in another tab).
  await editor.context().clearCookies();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Teksts, kas netika saglabāts.");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "jūs vairs neesat pieteicies" })).toContainText(
    "piesakieties vēlreiz citā cilnē",
  );
  await expect(lead).toHaveValue(/Teksts, kas netika saglabāts\.$/);

  // The way back: sign in again in a new tab (here the editor would leave), then save.
  const [tab] = await Promise.all([
    editor.context().waitForEvent("page"),
    editor.getByRole("link", { name: "Pieteikties (jaunā cilnē)" }).click(),
  ]);
  await expect(tab).toHaveURL(/\/login$/);
  await signIn(tab, EDITORS.anna.email);
  await tab.close();
  await lead.focus();
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(lead).toHaveValue(/Teksts, kas netika saglabāts\.$/);
});
