import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";
import { INSPECTORS, INSPECTORS_TITLE, REPORT, GUIDELINES, newArticle, typedAtTheEndOfTheReportsLead } from "../editing";
import { editorPage, hydrated, signIn } from "../pages";

// Editing an article in place: the editor, its keyboard, its addresses and what readers get.

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
  // Compared the other way round, from the newest to the oldest, the changes go back.
  const versions = await editor.getByLabel("Salīdzināt no").locator("option").allTextContents();
  await editor.getByLabel("Salīdzināt no").selectOption({ label: versions[0] });
  await editor.getByLabel("līdz", { exact: true }).selectOption({ label: versions[versions.length - 1] });
  await editor.getByRole("button", { name: "Salīdzināt" }).click();
  await expect(editor.getByRole("deletion").filter({ hasText: "apgūst" })).toBeVisible();
  await expect(editor.getByRole("insertion").filter({ hasText: "mācās" })).toBeVisible();
  // Asked first, as a deletion is, once: typing not saved yet would go with the page loaded
  // again, and the question says so (the browser does not ask a second time). The page
  // loaded again says what was done.
  await editor.getByRole("textbox", { name: "Ievads" }).press("End");
  await editor.keyboard.type(" Nesaglabāts teikums.");
  const questions: string[] = [];
  editor.on("dialog", (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.accept();
  });
  await editor.getByRole("button", { name: /^Atjaunot \d+\. versiju$/ }).first().click();
  await expect(editor.getByRole("status").filter({ hasText: /^Versija \d+ atjaunota kā versija \d+\.$/ })).toBeVisible();
  // The editor closed with the page loaded again: the keyboard goes on from its button.
  await expect(editor.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeFocused();
  expect(questions).toHaveLength(1);
  expect(questions[0]).toMatch(/^confirm: Atjaunot \d+\. versiju\? .* Jūsu nesaglabātās izmaiņas tiks zaudētas\.$/);
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(INSPECTORS_TITLE);
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

test("keyboard: Ctrl+S saves at once and Esc leaves editing", async ({ browser }) => {
  const editor = await typedAtTheEndOfTheReportsLead(browser, " Papildināts.");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeVisible();
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
  await expect(editor.getByText("Šis raksts vēl nav publicēts.")).toBeVisible();
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
  // Worded as the event editor words it (one choice for every kind).
  await expect(editor.getByLabel("Statuss").locator("option")).toHaveText(["Nepublicēts (lasītāji neredz)", "Publicēts"]);

  // Rendered again as the published article it is now, with its address in the head.
  await editor.reload();
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(editor.locator("head link[rel=canonical]")).toHaveAttribute("href", /\/news\/konsultacijas-jauniesiem-liepaja$/);

  // An address taken by another article is refused at the field.
  await address.fill(REPORT.replace("/news/", ""));
  await address.press("Enter");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(editor.locator("#edit-slug-error")).not.toBeEmpty();
  // Typed as words, it is folded the way a title is.
  await address.fill("Konsultācijas Liepājā");
  // The refusal was about the address typed before: it goes with it.
  await expect(address).toHaveAttribute("aria-invalid", "false");
  await expect(editor.locator("#edit-slug-error")).toBeEmpty();
  await address.press("Enter");
  await expect(editor.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  await expect(address).toHaveValue("konsultacijas-liepaja");
  await expect(address).toHaveAttribute("aria-invalid", "false");
  await expect(editor).toHaveURL(/\/news\/konsultacijas-liepaja$/);
  // The head names the new address too (a bookmark or a share made from here).
  for (const [selector, attribute] of [
    ["link[rel=canonical]", "href"],
    ["link[rel=alternate][hreflang=lv]", "href"],
    ["meta[property='og:url']", "content"],
  ]) {
    await expect(editor.locator(`head ${selector}`)).toHaveAttribute(attribute, /\/news\/konsultacijas-liepaja$/);
  }
  const linkedData = (await editor.locator("script[type='application/ld+json']").allTextContents()).map((text) => JSON.parse(text));
  expect(linkedData.map((data) => [data.url, data.mainEntityOfPage])).toEqual([
    [expect.stringMatching(/\/news\/konsultacijas-liepaja$/), expect.stringMatching(/\/news\/konsultacijas-liepaja$/)],
  ]);
  // The category and visibility save on their own.
  await editor.getByLabel("Kategorija").selectOption({ label: "Sadarbība" });
  await editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  // Hidden from readers, it is said hidden, not new.
  await editor.getByLabel("Statuss").selectOption("draft");
  await editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(editor.getByText("Šis raksts ir paslēpts no lasītājiem.")).toBeVisible();
  await expect(editor.getByText("Šis raksts vēl nav publicēts.")).toHaveCount(0);
  // Publishing the text later leaves no word about either behind.
  await title.fill("Konsultācijas jauniešiem Liepājā un Ventspilī");
  await editor.getByRole("button", { name: "Publicēt" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(editor.getByText("Iestatījumi saglabāti.")).toHaveCount(0);
  await expect(editor.getByText("Adrese nomainīta.")).toHaveCount(0);
  await expect(editor).toHaveURL(/\/news\/konsultacijas-liepaja$/);
  // The history counts texts: the address and settings saves between them leave no gap.
  await editor.getByRole("button", { name: "Versiju vēsture" }).click();
  const numbers = editor.locator(".history__list strong");
  await expect(numbers.first()).toHaveText("3. versija");
  await expect(numbers).toHaveText(["3. versija", "2. versija", "1. versija"]);
  await expect(editor.getByLabel("Salīdzināt no").locator("option")).toHaveText(["3. versija", "2. versija", "1. versija"]);
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

test("Ctrl+Z in the body undoes only the body, never the title typed before it", async ({ browser }) => {
  const { editor, body } = await newArticle(browser, "Atcelšanas pārbaude");
  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  await body.pressSequentially("Teikums.");
  await expect(body).toHaveText("Teikums.");
  // More than the body has of its own to undo: the browser's one history for the page would
  // go on into the title.
  for (let undo = 0; undo < 12; undo += 1) await editor.keyboard.press("Control+z");
  await expect(body).not.toHaveText("Teikums.");
  await expect(title).toHaveValue("Atcelšanas pārbaude");
  await expect(body).toBeFocused();
  // In the title itself, Ctrl+Z still undoes its typing.
  await title.focus();
  await editor.keyboard.press("End");
  await editor.keyboard.type("X");
  await expect(title).toHaveValue("Atcelšanas pārbaudeX");
  await editor.keyboard.press("Control+z");
  await expect(title).toHaveValue("Atcelšanas pārbaude");
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

test("a new article is not shown from its settings, and the refused choice goes back so the others save", async ({
  browser,
  page: reader,
}) => {
  const { editor, body } = await newArticle(browser, "Iestatījumu pārbaude");
  await body.pressSequentially("Teksts melnrakstā.");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  // Its words are only in the draft: showing it from the settings would show readers nothing.
  await editor.getByLabel("Statuss").selectOption("published");
  await editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(editor.getByText("Rakstam vēl nav publicēta teksta: publicējiet to ar pogu „Publicēt”.")).toBeVisible();
  await expect(editor.getByLabel("Statuss")).toHaveValue("draft");
  // The other settings save as ever.
  await editor.getByLabel("Kategorija").selectOption({ label: "Sadarbība" });
  await editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(editor.getByText("Iestatījumi saglabāti.")).toBeVisible();
  expect((await reader.goto(editor.url()))?.status()).toBe(404);
});
