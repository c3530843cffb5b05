import { expect, test, type Browser, type Page, type Route } from "../fixtures";

import { EDITORS } from "../accounts";

// Editing journeys on demo articles the reader journeys do not read.
const INSPECTORS = "/news/darba-inspektori-macas-atpazit-darba-ekspluataciju";
const INSPECTORS_TITLE = "Darba inspektori mācās atpazīt darba ekspluatāciju";
const REPORT = "/news/publicets-zinojums-par-cilveku-tirdzniecibas-situaciju-latvija-2018-gada";

async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

/** Signs in through the login form, as an editor would. */
async function signIn(page: Page, email: string): Promise<void> {
  const password = process.env.NOTIKUMI_E2E_PASSWORD;
  if (!password) throw new Error("NOTIKUMI_E2E_PASSWORD is not set: global setup creates the accounts");
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("E-pasta adrese").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieteikties" }).click();
  await expect(page.getByRole("button", { name: "Iziet" })).toBeVisible();
}

async function editorPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

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

/** Types `text` at the end of the lead in `editor` and saves the draft at once. */
async function addedToTheLeadAndSaved(editor: Page, text: string): Promise<void> {
  await editor.getByRole("textbox", { name: "Ievads" }).focus();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(text);
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
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
  await title.fill("Konsultācijas jauniešiem Liepājā");
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

  // Now Anna's editor is behind Jānis's text: publishing, she is asked, takes his lead, and
  // publishes.
  await anna.getByRole("button", { name: "Publicēt" }).click();
  const conflict = anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("group", { name: "Ievads" }).getByLabel("Paturēt otru").check();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  await reader.goto(amendments);
  await expect(reader).toHaveURL(/\/news\/kriminallikuma-grozijumi$/);
  await expect(reader.getByText("Jānis papildina. Un vēl.")).toBeVisible();
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

  // Jānis's publication would show readers what Anna just hid: he is asked first.
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toBeVisible();
  const hidden = await reader.goto(article);
  expect(hidden?.status()).toBe(404);
});

test("an editor adds an event by clicking a day, publishes it, then moves it by dragging and by keyboard", async ({
  browser,
  page: reader,
}) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/calendar/2020/08");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Pievienot notikumu: 2020. gada 12. augusts" }).click();
  const title = editor.getByRole("textbox", { name: "Nosaukums" });
  await expect(title).toHaveValue("Jauns notikums");
  await expect(title).toBeFocused();
  await title.fill("Darbnīca skolotājiem Rēzeknē");
  await editor.getByLabel("Statuss").selectOption("published");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts \d\d:\d\d:\d\d$/ })).toBeVisible();
  // Published for the first time, it moved from the new event's address to its title's.
  await expect(editor).toHaveURL(/\/events\/darbnica-skolotajiem-rezekne$/);
  // An editor may choose a shorter one; the longer one leads on.
  const address = editor.getByLabel("Adrese: /events/");
  await expect(address).toHaveValue("darbnica-skolotajiem-rezekne");
  await address.fill("darbnica-rezekne");
  await editor.getByRole("button", { name: "Mainīt adresi" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  await expect(editor).toHaveURL(/\/events\/darbnica-rezekne$/);
  await reader.goto("/events/darbnica-skolotajiem-rezekne");
  await expect(reader).toHaveURL(/\/events\/darbnica-rezekne$/);

  await editor.goto("/calendar/2020/08");
  await hydrated(editor);
  const day = (n: number) => editor.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
  const workshop = /Darbnīca skolotājiem Rēzeknē/;
  // M picks each of a day's events in turn; Esc lets go.
  const moving = (title: string) => editor.getByRole("status").filter({ hasText: `Pārceļ „${title}”` });
  await day(12).focus();
  await editor.keyboard.press("m");
  await expect(moving("Informatīvā stenda diena Rīgas Centrālajā stacijā")).toBeVisible();
  await editor.keyboard.press("m");
  await expect(moving("Darbnīca skolotājiem Rēzeknē")).toBeVisible();
  await editor.keyboard.press("m");
  await expect(moving("Informatīvā stenda diena Rīgas Centrālajā stacijā")).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("status").filter({ hasText: "Pārcelšana atcelta." })).toBeVisible();
  await day(12).getByRole("link", { name: workshop }).dragTo(day(14));
  await expect(editor.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 14. augusts" })).toBeVisible();
  await expect(day(14).getByRole("link", { name: workshop })).toBeVisible();
  await expect(day(12).getByRole("link", { name: workshop })).toHaveCount(0);

  // The same from the keyboard: M on the event's day, an arrow to the next day, Enter.
  await day(14).focus();
  await editor.keyboard.press("m");
  await expect(editor.getByRole("status").filter({ hasText: "Pārceļ „Darbnīca skolotājiem Rēzeknē”" })).toBeVisible();
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 15. augusts" })).toBeVisible();

  await reader.goto("/calendar/2020/08/15");
  await expect(reader.getByRole("link", { name: workshop })).toBeVisible();
  await expect(reader.getByRole("button", { name: /Pievienot notikumu/ })).toHaveCount(0);
});

test("a deleted event comes back from the trash unpublished, and the desk leads to it", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/calendar/2020/09");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Pievienot notikumu: 2020. gada 15. septembris" }).click();
  const title = editor.getByRole("textbox", { name: "Nosaukums" });
  await expect(title).toHaveValue("Jauns notikums");
  await title.fill("Izmēģinājuma tikšanās Valmierā");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /\d\d:\d\d:\d\d$/ })).toBeVisible();
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "Dzēst" }).click();
  // The desk says where it went, and offers it back.
  await editor.waitForURL(/\/editor\?trashed$/);
  await expect(editor.getByRole("status").filter({ hasText: "Pārvietots uz miskasti" })).toBeVisible();
  await hydrated(editor);
  const unpublished = editor.getByRole("link", { name: "Izmēģinājuma tikšanās Valmierā" });
  await expect(unpublished).toHaveCount(0);
  await editor.getByRole("button", { name: "Atjaunot „Izmēģinājuma tikšanās Valmierā”" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Atjaunots kā melnraksts." })).toBeVisible();
  // Listed among the unpublished items at once, with focus on it (its button is gone).
  await expect(unpublished).toBeFocused();
  await expect(editor.getByRole("button", { name: /Izmēģinājuma tikšanās Valmierā/ })).toHaveCount(0);
  await unpublished.click();
  await expect(editor).toHaveURL(/\/events\/izmeginajuma-tiksanas-valmiera$/);
  // Unpublished, it opens in its editor.
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Rediģē: Izmēģinājuma tikšanās Valmierā");
});

// A 1×1 PNG, so the test needs no fixture file.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("an editor uploads an image into the body, describes it, and readers see it", async ({ browser, page: reader }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/news/pirms-dosanas-stradat-uz-arzemem-parbaudi-piedavajumu");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await editor.getByRole("textbox", { name: "Teksts" }).click();
  editor.once("dialog", (dialog) => dialog.accept("Informatīvais plakāts par drošu darbu ārzemēs"));
  await editor.getByLabel("Izvēlēties attēlu").setInputFiles({ name: "plakats.png", mimeType: "image/png", buffer: PIXEL });
  const picture = editor.getByRole("textbox", { name: "Teksts" }).getByRole("img", {
    name: "Informatīvais plakāts par drošu darbu ārzemēs",
  });
  await expect(picture).toHaveAttribute("src", /^\/media\/[0-9a-f]{32}\.png$/);
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // A lying file (text named .png) is refused with a clear message.
  await editor
    .getByLabel("Izvēlēties attēlu")
    .setInputFiles({ name: "nav-attels.png", mimeType: "image/png", buffer: Buffer.from("<script>alert(1)</script>") });
  await expect(editor.getByRole("alert").filter({ hasText: "nav JPEG, PNG, WebP vai GIF" })).toBeVisible();

  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await reader.goto("/news/pirms-dosanas-stradat-uz-arzemem-parbaudi-piedavajumu");
  const published = reader.getByRole("img", { name: "Informatīvais plakāts par drošu darbu ārzemēs" });
  await expect(published).toBeVisible();
  await expect(published).toHaveAttribute("loading", "lazy");
  // It really loaded (a broken image has no natural width).
  await expect.poll(() => published.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test("an image inserted without a description gets one later from the toolbar", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(GUIDELINES);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await editor.getByRole("textbox", { name: "Teksts" }).click();
  editor.once("dialog", (dialog) => dialog.dismiss());
  await editor.getByLabel("Izvēlēties attēlu").setInputFiles({ name: "vadlinijas.png", mimeType: "image/png", buffer: PIXEL });
  const body = editor.getByRole("textbox", { name: "Teksts" });
  await expect(body.locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f]{32}\.png$/);
  await expect(editor.getByRole("alert").filter({ hasText: "Attēlam nav apraksta" })).toBeVisible();

  const asked: string[] = [];
  editor.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept("Vadlīniju vāks");
  });
  await editor.getByRole("button", { name: "Alt Attēlu apraksti (alt teksts)" }).click();
  await expect(body.getByRole("img", { name: "Vadlīniju vāks" })).toBeVisible();
  expect(asked[0]).toMatch(/^Attēla [0-9a-f]{32}\.png apraksts/);
  await expect(editor.getByRole("alert").filter({ hasText: "Attēlam nav apraksta" })).toHaveCount(0);
  // The hidden file picker behind the image button is no stop of its own.
  await editor.getByRole("button", { name: "Alt Attēlu apraksti (alt teksts)" }).focus();
  await editor.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
});

test("an event's changes save themselves as a draft, readers see them once saved, and an earlier version can be restored", async ({
  browser,
  page: reader,
}) => {
  const editor = await editorPage(browser, EDITORS.janis.email);
  await editor.goto("/calendar/2020/08");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Pievienot notikumu: 2020. gada 20. augusts" }).click();
  await editor.getByRole("textbox", { name: "Nosaukums" }).fill("Apmācības sociālajiem darbiniekiem");
  await editor.getByLabel("Statuss").selectOption("published");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  const eventUrl = editor.url();

  // A refused end says so in its own fields, as a text field does.
  const endDate = editor.getByRole("group", { name: "Beigas" }).getByLabel("Datums");
  const goodEnd = await endDate.inputValue();
  await endDate.fill("2019-01-01");
  await expect(endDate).toHaveAttribute("aria-invalid", "true");
  await expect(endDate).toHaveAccessibleDescription("Beigas nevar būt pirms sākuma.");
  await endDate.fill(goodEnd);
  await expect(endDate).toHaveAttribute("aria-invalid", "false");

  await editor.getByRole("textbox", { name: "Vieta" }).fill("Jelgavas novada dome");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  // Said once the save has ended: not busy any more.
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toHaveAttribute("aria-busy", "false");
  await reader.goto(eventUrl);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Apmācības sociālajiem darbiniekiem");
  await expect(reader.getByText("Jelgavas novada dome")).toHaveCount(0);

  // The draft is shared and outlives the page: reopening the editor finds it.
  await editor.reload();
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt notikumu" }).click();
  await expect(editor.getByRole("textbox", { name: "Vieta" })).toHaveValue("Jelgavas novada dome");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  await reader.reload();
  await expect(reader.getByText("Jelgavas novada dome").first()).toBeVisible();

  await editor.getByRole("button", { name: "Versiju vēsture" }).click();
  await editor.getByRole("button", { name: "Salīdzināt" }).click();
  await expect(editor.getByRole("insertion").filter({ hasText: "Jelgavas novada dome" })).toBeVisible();
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: /^Atjaunot \d+\. versiju$/ }).first().click();
  await expect(editor.getByRole("status").filter({ hasText: /atjaunota kā versija \d+\.$/ })).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Apmācības sociālajiem darbiniekiem");
  await expect(reader.getByText("Jelgavas novada dome")).toHaveCount(0);
});

test("two editors change the same event: the second chooses part by part", async ({ browser }) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  const janis = await editorPage(browser, EDITORS.janis.email);
  await anna.goto("/calendar/2020/08");
  await hydrated(anna);
  await anna.getByRole("button", { name: "Pievienot notikumu: 2020. gada 25. augusts" }).click();
  await anna.getByRole("textbox", { name: "Nosaukums" }).fill("Seminārs jauniešiem");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await janis.goto(anna.url());
  await hydrated(janis);
  await expect(janis.getByRole("textbox", { name: "Nosaukums" })).toHaveValue("Seminārs jauniešiem");

  await anna.getByRole("textbox", { name: "Vieta" }).fill("Ogre");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await janis.getByRole("textbox", { name: "Vieta" }).fill("Sigulda");
  const conflict = janis.getByRole("region", { name: /Kāds cits saglabāja šo notikumu/ });
  await expect(conflict).toBeVisible();
  const place = conflict.getByRole("group", { name: "Vieta" });
  await expect(place.getByText("Ogre")).toBeVisible();
  await expect(place.getByText("Sigulda")).toBeVisible();
  await place.getByLabel("Paturēt otru").check();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Vieta" })).toHaveValue("Ogre");
});

test("an event's address changed while another editor writes: the writer saves without a choice", async ({
  browser,
}) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  const janis = await editorPage(browser, EDITORS.janis.email);
  await anna.goto("/calendar/2020/08");
  await hydrated(anna);
  await anna.getByRole("button", { name: "Pievienot notikumu: 2020. gada 26. augusts" }).click();
  await anna.getByRole("textbox", { name: "Nosaukums" }).fill("Darbnīca pedagogiem Valmierā");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await janis.goto(anna.url());
  await hydrated(janis);
  await janis.getByRole("textbox", { name: "Vieta" }).fill("Valmiera");
  await janis.keyboard.press("Control+s");
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  const address = anna.getByLabel("Adrese: /events/");
  await address.fill("darbnica-valmiera");
  await anna.getByRole("button", { name: "Mainīt adresi" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();

  // Only the address changed: Jānis's save goes through, and his editor moves with it.
  await janis.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Saglabāts kā melnraksts \d\d:\d\d:\d\d$/ })).toBeVisible();
  await expect(janis).toHaveURL(/\/events\/darbnica-valmiera$/);
  await expect(janis.getByLabel("Adrese: /events/")).toHaveValue("darbnica-valmiera");
  await janis.reload();
  await hydrated(janis);
  await expect(janis.getByRole("textbox", { name: "Vieta" })).toHaveValue("Valmiera");
  await expect(janis.getByRole("textbox", { name: "Nosaukums" })).toHaveValue("Darbnīca pedagogiem Valmierā");
});

test("an all-day event saved, then moved by another editor, saves again without a choice", async ({ browser }) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  const janis = await editorPage(browser, EDITORS.janis.email);
  await anna.goto("/calendar/2020/08");
  await hydrated(anna);
  await anna.getByRole("button", { name: "Pievienot notikumu: 2020. gada 25. augusts" }).click();
  await anna.getByRole("textbox", { name: "Nosaukums" }).fill("Informatīvā diena Jelgavā ");
  // A new event starts at 10:00; all day, the store keeps its times as midnight.
  await anna.getByRole("checkbox", { name: "Visu dienu" }).check();
  await anna.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Saglabāts kā melnraksts \d\d:\d\d:\d\d$/ })).toBeVisible();

  await janis.goto(anna.url());
  await hydrated(janis);
  // Another address than the one that followed Anna's title.
  await janis.getByLabel("Adrese: /events/").fill("jelgava-informativa-diena");
  await janis.getByRole("button", { name: "Mainīt adresi" }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();

  // Anna's editor knows her text as it was stored, so only the address changed since.
  await anna.getByRole("textbox", { name: "Vieta" }).fill("Jelgava");
  await expect(anna.getByRole("status").filter({ hasText: "Nesaglabātas izmaiņas…" })).toBeVisible();
  await anna.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Saglabāts kā melnraksts \d\d:\d\d:\d\d$/ })).toBeVisible();
  await expect(anna.getByRole("heading", { name: "Kāds cits saglabāja šo notikumu, kamēr jūs to rediģējāt" })).toHaveCount(0);
  await expect(anna).toHaveURL(/\/events\/jelgava-informativa-diena$/);
  await expect(anna.getByLabel("Adrese: /events/")).toHaveValue("jelgava-informativa-diena");
  await janis.reload();
  await hydrated(janis);
  await expect(janis.getByRole("textbox", { name: "Vieta" })).toHaveValue("Jelgava");
  await expect(janis.getByRole("checkbox", { name: "Visu dienu" })).toBeChecked();
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

test("on a phone an editor moves an event by touch: ⇄ on the event, then a tap on the day", async ({ browser }) => {
  const desk = await editorPage(browser, EDITORS.anna.email);
  await desk.goto("/calendar/2020/08");
  await hydrated(desk);
  await desk.getByRole("button", { name: "Pievienot notikumu: 2020. gada 27. augusts" }).click();
  await desk.getByRole("textbox", { name: "Nosaukums" }).fill("Tikšanās ar pašvaldību");
  await desk.getByLabel("Statuss").selectOption("published");
  await desk.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Publicēts" })).toBeVisible();
  const cookies = await desk.context().cookies();

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await phone.addCookies(cookies);
  const page = await phone.newPage();
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  const day = (n: number) => page.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
  // An editor's agenda lists every day of the month (a reader's only days with events), each
  // with its "+" inside its own row.
  const empty = day(29);
  await expect(empty).toBeVisible();
  const add = empty.getByRole("button", { name: "Pievienot notikumu: 2020. gada 29. augusts" });
  const [row, plus] = [await empty.boundingBox(), await add.boundingBox()];
  if (!row || !plus) throw new Error("the day and its + are laid out");
  expect(plus.y).toBeGreaterThanOrEqual(row.y);
  expect(plus.y + plus.height).toBeLessThanOrEqual(row.y + row.height + 0.5);
  await day(27).getByRole("button", { name: "Pārcelt „Tikšanās ar pašvaldību” uz citu dienu" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "pieskarieties dienai" })).toBeVisible();
  await day(29).tap();
  await expect(page.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 29. augusts" })).toBeVisible();
  await expect(day(29).getByRole("link", { name: /Tikšanās ar pašvaldību/ })).toBeVisible();
  await expect(day(27).getByRole("link", { name: /Tikšanās ar pašvaldību/ })).toHaveCount(0);
});

test("on the English page an editor translates an article, and only English readers see the translation", async ({
  browser,
  page: reader,
}) => {
  const ABROAD = "/news/pirms-dosanas-stradat-uz-arzemem-parbaudi-piedavajumu";
  const editor = await editorPage(browser, EDITORS.janis.email);
  await editor.goto(`/en${ABROAD}`);
  await hydrated(editor);
  // On the English page the editor speaks English too, server messages included.
  await editor.getByRole("button", { name: "Translate into English" }).click();
  const title = editor.getByRole("textbox", { name: "Title" });
  await expect(title).toHaveValue(/^Pirms došanās strādāt/);
  await title.fill("");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByText("The title must not be empty.").first()).toBeVisible();
  await title.fill("Check the offer before you go to work abroad");
  await editor.getByRole("textbox", { name: "Lead" }).fill("Five questions to ask before accepting a job in another country.");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();

  await reader.goto(`/en${ABROAD}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Check the offer before you go to work abroad");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  await reader.goto(ABROAD);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(/^Pirms došanās strādāt/);
});

test("a translation saved while its translator types on leaves the typing unsaved, and a save whose answer was lost needs no choice", async ({
  browser,
}) => {
  const editor = await editorPage(browser, EDITORS.janis.email);
  let saves = 0;
  // The first save's answer is slow; the second's never reaches the browser (the translation
  // is saved, the translator does not hear of it); later ones go straight through.
  await editor.route("**/api/editing/save_translation", async (route) => {
    saves += 1;
    if (saves > 2) return route.continue();
    const response = await route.fetch();
    if (saves === 2) return route.abort();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  });
  await editor.goto(`/en${PLAN}`);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Translate into English" }).click();
  const title = editor.getByRole("textbox", { name: "Title" });
  await expect(title).toBeFocused();
  await title.fill("Government approves");
  const answered = editor.waitForResponse("**/api/editing/save_translation");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await title.fill("Government approves the new plan");
  await answered;
  // Once the answer is in (a moment for the page to take it), the typing is still unsaved:
  // leaving asks, and staying keeps it.
  await editor.waitForTimeout(300);
  await expect(editor.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
  let asked = "";
  editor.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await editor.keyboard.press("Escape");
  await expect.poll(() => asked).not.toBe("");
  await expect(title).toHaveValue("Government approves the new plan");

  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Could not save" })).toBeVisible();
  await title.fill("Government approves the new plan against human trafficking");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();
  await expect(editor.getByRole("region", { name: /Someone else saved this translation/ })).toHaveCount(0);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/en${PLAN}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
    "Government approves the new plan against human trafficking",
  );
});

test("two editors translate the same article: the second sees both translations and keeps both titles", async ({ browser }) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  const janis = await editorPage(browser, EDITORS.janis.email);
  for (const page of [anna, janis]) {
    await page.goto(`/ru${REPORT}`);
    await hydrated(page);
    await page.getByRole("button", { name: "Перевести на русский" }).click();
    await expect(page.getByRole("textbox", { name: "Заголовок" })).toBeVisible();
  }

  await anna.getByRole("textbox", { name: "Заголовок" }).fill("Доклад Анны");
  await anna.getByRole("button", { name: "Сохранить перевод" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Перевод сохранён" })).toBeVisible();

  // Jānis started from the same (untranslated) text: his save does not overwrite Anna's.
  await janis.getByRole("textbox", { name: "Заголовок" }).fill("Доклад Яниса");
  await janis.getByRole("button", { name: "Сохранить перевод" }).click();
  const conflict = janis.getByRole("region", { name: /Кто-то другой сохранил этот перевод/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Доклад Анны")).toBeVisible();
  await conflict.getByRole("group", { name: "Заголовок" }).getByLabel("Оставить обе").check();
  await conflict.getByRole("button", { name: "Сохранить выбранное" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Перевод сохранён" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Заголовок" })).toHaveValue("Доклад Яниса / Доклад Анны");
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/ru${REPORT}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Доклад Яниса / Доклад Анны");
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
