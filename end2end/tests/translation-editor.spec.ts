import { expect, test, type Page } from "../fixtures";

import { EDITORS } from "../accounts";
import { newArticle, publishedThenOpenByBoth } from "../editing";
import { editorPage, hydrated } from "../pages";

// Translating in place: on an English or Russian page the edit button translates the item.
const PLAN = "/news/valdiba-apstiprina-jauno-cilveku-tirdzniecibas-noversanas-planu";
const REPORT = "/news/publicets-zinojums-par-cilveku-tirdzniecibas-situaciju-latvija-2018-gada";

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
  const lead = editor.getByRole("textbox", { name: "Lead" });
  await expect(title).toHaveValue(/^Pirms došanās strādāt/);
  // The Latvian text to translate is marked Latvian until it is changed.
  await expect(title).toHaveAttribute("lang", "lv");
  await expect(lead).toHaveAttribute("lang", "lv");
  await expect(editor.locator("#edit-body")).toHaveAttribute("lang", "lv");
  await title.fill("");
  await expect(title).toHaveAttribute("lang", "en");
  await expect(lead).toHaveAttribute("lang", "lv");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByText("The title must not be empty.").first()).toBeVisible();
  await title.fill("Check the offer before you go to work abroad");
  await lead.fill("Five questions to ask before accepting a job in another country.");
  // Typing in the body and taking it back leaves it the Latvian text it started as.
  const body = editor.locator("#edit-body");
  await body.click();
  await editor.keyboard.type("x");
  await expect(body).toHaveAttribute("lang", "en");
  await editor.keyboard.press("Backspace");
  await expect(body).toHaveAttribute("lang", "lv");
  await editor.getByRole("button", { name: "Save translation" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();

  await reader.goto(`/en${ABROAD}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Check the offer before you go to work abroad");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  // The body, left as the Latvian text (through the browser's editor and back), stays marked
  // Latvian for readers too.
  await expect(reader.locator(".article__lead")).toHaveAttribute("lang", "en");
  await expect(reader.locator(".article__body")).toHaveAttribute("lang", "lv");
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

test("leaving a translation with unsaved typing asks once: the site's question, not the browser's after it", async ({
  browser,
}) => {
  const editor = await editorPage(browser, EDITORS.janis.email);
  await editor.goto(`/en${REPORT}`);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Translate into English" }).click();
  const title = editor.getByRole("textbox", { name: "Title" });
  await expect(title).toBeFocused();
  await title.fill("A report left unsaved");
  const asked: string[] = [];
  editor.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("button", { name: "Translate into English" })).toBeVisible();
  expect(asked).toEqual(["confirm"]);
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
  await anna.getByRole("textbox", { name: "Вводный абзац" }).fill("Вводный абзац Анны.");
  await anna.getByRole("button", { name: "Сохранить перевод" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Перевод сохранён" })).toBeVisible();

  // Jānis started from the same (untranslated) text: his save does not overwrite Anna's.
  await janis.getByRole("textbox", { name: "Заголовок" }).fill("Доклад Яниса");
  await janis.getByRole("textbox", { name: "Контактная информация" }).fill("Телефон Яниса");
  await janis.getByRole("button", { name: "Сохранить перевод" }).click();
  const conflict = janis.getByRole("region", { name: /Кто-то другой сохранил этот перевод/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Доклад Анны")).toBeVisible();
  // Each side's words are marked in their own language: Jānis left the lead the Latvian text,
  // Anna translated it.
  const lead = conflict.getByRole("group", { name: "Вводный абзац" });
  await expect(lead.locator(".conflict__side").first().locator(".conflict__text")).toHaveAttribute("lang", "lv");
  await expect(lead.getByText("Вводный абзац Анны.")).toHaveAttribute("lang", "ru");
  await expect(conflict.getByText("Доклад Анны")).toHaveAttribute("lang", "ru");
  // Anna left the contact line as the Latvian text (stored empty, to follow it): her side
  // shows that text, marked Latvian.
  const contact = conflict.getByRole("group", { name: "Контактная информация" }).locator(".conflict__text");
  await expect(contact.first()).toHaveText("Телефон Яниса");
  await expect(contact.first()).toHaveAttribute("lang", "ru");
  await expect(contact.last()).toHaveText(/tālrunis \d+$/);
  await expect(contact.last()).toHaveAttribute("lang", "lv");
  // Keeping both is offered where both sides are Russian, never where one side is still the
  // Latvian text: the translation would hold Latvian words as Russian.
  await expect(lead.getByLabel("Оставить обе")).toHaveCount(0);
  await expect(conflict.getByRole("group", { name: "Контактная информация" }).getByLabel("Оставить обе")).toHaveCount(0);
  await expect(lead.getByLabel("Оставить мою")).toBeVisible();
  const both = conflict.getByRole("group", { name: "Заголовок" }).getByLabel("Оставить обе");
  await both.check();
  // Ctrl+S before the choice is saved sends nothing: Jānis is told to choose first and taken
  // to the choice, which keeps what he chose.
  await janis.getByRole("textbox", { name: "Заголовок" }).focus();
  await janis.keyboard.press("Control+s");
  await expect(
    janis.getByRole("status").filter({ hasText: "Не удалось сохранить: сначала выберите над полями, что оставить" }),
  ).toBeVisible();
  await expect(conflict.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(both).toBeChecked();
  await conflict.getByRole("button", { name: "Сохранить выбранное" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Перевод сохранён" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Заголовок" })).toHaveValue("Доклад Яниса / Доклад Анны");
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/ru${REPORT}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Доклад Яниса / Доклад Анны");
});

test("a part the other translator left follows the Latvian text changed meanwhile, and their side says it is Latvian", async ({ browser }) => {
  const { editor: anna, body } = await newArticle(browser, "Ievads, kas mainās");
  await body.pressSequentially("Teksts.");
  await anna.getByRole("textbox", { name: "Ievads" }).fill("Vecais ievads.");
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  const article = new URL(anna.url()).pathname;
  // Jānis starts translating from the old Latvian lead.
  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(`/en${article}`);
  await hydrated(janis);
  await janis.getByRole("button", { name: "Translate into English" }).click();
  await expect(janis.getByRole("textbox", { name: "Lead" })).toHaveValue("Vecais ievads.");
  // Anna changes the Latvian lead, then translates only the title, leaving the lead.
  await anna.getByRole("textbox", { name: "Ievads" }).fill("Jaunais ievads.");
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await anna.goto(`/en${article}`);
  await hydrated(anna);
  await anna.getByRole("button", { name: "Translate into English" }).click();
  await anna.getByRole("textbox", { name: "Title" }).fill("Anna's title");
  await anna.getByRole("button", { name: "Save translation" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();

  await janis.getByRole("textbox", { name: "Title" }).fill("Jānis's title");
  await janis.getByRole("button", { name: "Save translation" }).click();
  const conflict = janis.getByRole("region", { name: /Someone else saved this translation/ });
  await expect(conflict).toBeVisible();
  // Both leads are Latvian: Jānis's as he started, Anna's as today's Latvian text she left.
  const lead = conflict.getByRole("group", { name: "Lead" }).locator(".conflict__text");
  await expect(lead).toHaveText(["Vecais ievads.", "Jaunais ievads."]);
  await expect(lead.first()).toHaveAttribute("lang", "lv");
  await expect(lead.last()).toHaveAttribute("lang", "lv");
  // Both are Latvian text: keeping both would store Latvian words as the English translation.
  await expect(conflict.getByRole("group", { name: "Lead" }).getByLabel("Keep both")).toHaveCount(0);
  await expect(conflict.getByRole("group", { name: "Title" }).getByLabel("Keep both")).toBeVisible();
  // Only Anna's side changed the lead: hers is kept, and stays left, following the Latvian.
  await conflict.getByRole("button", { name: "Save what was chosen" }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Lead" })).toHaveValue("Jaunais ievads.");
  await expect(janis.getByRole("textbox", { name: "Lead" })).toHaveAttribute("lang", "lv");
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/en${article}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Jānis's title");
  await expect(reader.locator(".article__lead")).toHaveText("Jaunais ievads.");
  await expect(reader.locator(".article__lead")).toHaveAttribute("lang", "lv");
});

test("a translation whose Latvian text changed since it was saved says which parts, shows what changed, and a save settles it", async ({
  browser,
}) => {
  const { anna, janis, article } = await publishedThenOpenByBoth(browser, "Semināra programma", "Pirmā diena.");
  const note = (page: Page) => page.getByRole("note").filter({ hasText: "The Latvian text has changed" });
  const translate = async (page: Page) => {
    await page.goto(`/en${article}`);
    await hydrated(page);
    await page.getByRole("button", { name: "Translate into English" }).click();
  };
  const saved = async (page: Page) => {
    await page.getByRole("button", { name: "Save translation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();
  };
  await translate(anna);
  await anna.getByRole("textbox", { name: "Title" }).fill("Seminar programme");
  await saved(anna);
  // Jānis retitles the Latvian article and adds to its body, which the translation left.
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Semināra programma un norises vieta");
  await janis.getByRole("textbox", { name: "Teksts" }).pressSequentially(" Otrā diena.");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  await translate(anna);
  // Only the translated title is behind: the body left follows the Latvian text.
  await expect(note(anna)).toContainText("has changed since this translation was saved: Title.");
  await note(anna).getByRole("button", { name: "Show the changes to the Latvian text" }).click();
  const changes = note(anna).getByRole("group", { name: "Changes to the Latvian text since the translation" });
  await expect(changes.locator("ins").first()).toContainText("un norises vieta");
  await anna.getByRole("textbox", { name: "Title" }).fill("Seminar programme and venue");
  await saved(anna);
  await expect(note(anna)).toHaveCount(0);
  await translate(anna);
  await expect(anna.getByRole("textbox", { name: "Title" })).toHaveValue("Seminar programme and venue");
  await expect(note(anna)).toHaveCount(0);

  // The Latvian title changes again. Anna opens the translation and saves it at once: the
  // answer to the question asked on opening (behind) arrives only after the save's (not
  // behind), and does not bring the note back.
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Semināra programma, vieta un laiks");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  const question = "**/api/editing/translation_source_changed*";
  let release = () => {};
  const saveAnswered = new Promise<void>((resolve) => (release = resolve));
  let firstHeld = false;
  await anna.route(question, async (route) => {
    if (firstHeld) return route.continue();
    firstHeld = true;
    const behind = await route.fetch();
    await saveAnswered;
    await route.fulfill({ response: behind });
  });
  await translate(anna);
  await anna.getByRole("textbox", { name: "Title" }).fill("Seminar programme, venue and time");
  const afterSave = anna.waitForResponse((answer) => answer.url().includes("translation_source_changed"));
  await saved(anna);
  await afterSave;
  const late = anna.waitForResponse((answer) => answer.url().includes("translation_source_changed"));
  release();
  await late;
  // Time for the late answer to be shown, were it taken.
  await anna.waitForTimeout(500);
  await expect(note(anna)).toHaveCount(0);
  await anna.unroute(question);
});
