import { expect, test, type Page } from "../fixtures";

import { EDITORS } from "../accounts";
import { bothEditing, addedToTheLeadAndSaved, publishedThenHiddenByAnna, publishedThenOpenByBoth, newArticle, trashedBy } from "../editing";
import { editorPage, hydrated } from "../pages";

// Another editor's change beside the text (an article's address, its settings, whether
// readers see it) meeting this editor's writing: what is asked, and what goes again unasked.

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
  await expect(anna.getByRole("status").filter({ hasText: "kuras jūs kopš tā laika nemainījāt (Ievads)" })).toHaveText(
    "Cits redaktors pa to laiku saglabāja izmaiņas daļās, kuras jūs kopš tā laika nemainījāt (Ievads): tās tagad ir jūsu tekstā.",
  );
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

  // Jānis's publication would show readers what Anna just hid, and nothing else changed: he
  // is asked, with no texts to choose between, and his words are kept in the draft.
  await janis.getByRole("button", { name: "Publicēt" }).click();
  const question = janis.getByRole("region", { name: "Kamēr rediģējāt, kāds cits to paslēpa no lasītājiem" });
  await expect(question).toBeVisible();
  await expect(question.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(janis.getByRole("radio")).toHaveCount(0);
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja|publicēšana to atsauktu/ })).toHaveCount(0);
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  expect((await reader.goto(article))?.status()).toBe(404);
  // Publishing from the bar again takes him back to the question.
  await janis.getByRole("textbox", { name: "Ievads" }).focus();
  await janis.getByRole("button", { name: "Publicēt", exact: true }).click();
  await expect(question.getByRole("heading", { level: 2 })).toBeFocused();
  expect((await reader.goto(article))?.status()).toBe(404);
  await question.getByRole("button", { name: "Nepublicēt" }).click();
  await expect(question).toBeHidden();
  expect((await reader.goto(article))?.status()).toBe(404);

  // All Jānis typed is in the draft: stopping leaves without asking, and the hidden
  // article's page then offers its editor instead of opening it again.
  const questions: string[] = [];
  janis.on("dialog", (dialog) => {
    questions.push(dialog.type());
    void dialog.dismiss();
  });
  await Promise.all([janis.waitForEvent("load"), janis.getByRole("button", { name: "Beigt rediģēt" }).click()]);
  expect(questions, "nothing was left unsaved to ask about").toEqual([]);
  await hydrated(janis);
  // Readers saw it before Anna hid it: it is said hidden, not new.
  await expect(janis.getByText("Šis raksts ir paslēpts no lasītājiem.")).toBeVisible();
  await expect(janis.getByText("Šis raksts vēl nav publicēts.")).toHaveCount(0);
  await expect(janis.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeFocused();
  // The closed page still names the article: its heading, and the browser's tab.
  const title = "Ziemeļvalstu un Baltijas valstu partneri vienojas par ciešāku sadarbību";
  await expect(janis.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(janis).toHaveTitle(new RegExp(`^${title}`));
  await janis.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Papildināts\. Vēl\.$/);
});

test("publishing anyway what another editor hid meanwhile shows it again, with this editor's words", async ({
  browser,
  page: reader,
}) => {
  const { janis, article } = await publishedThenHiddenByAnna(
    browser,
    "Paziņojums par tikšanos ar partneriem",
    "Tikšanās notiks otrdien.",
  );
  expect(article).toMatch(/^\/news\/pazinojums-par-tiksanos-ar-partneriem(-\d+)?$/);

  // Jānis writes and publishes at once, without a draft saved in between.
  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads tikšanās paziņojumam.");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  const question = janis.getByRole("region", { name: "Kamēr rediģējāt, kāds cits to paslēpa no lasītājiem" });
  await expect(question).toBeVisible();
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  expect((await reader.goto(article))?.status()).toBe(404);

  await question.getByRole("button", { name: "Tomēr publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(question).toBeHidden();
  expect((await reader.goto(article))?.status()).toBe(200);
  await expect(reader.getByText("Jāņa ievads tikšanās paziņojumam.")).toBeVisible();
  await expect(reader.getByText("Tikšanās notiks otrdien.")).toBeVisible();
});

test("publishing while choosing between texts does not show again an article another editor hid", async ({
  browser,
  page: reader,
}) => {
  const { anna, janis, article } = await publishedThenHiddenByAnna(
    browser,
    "Paziņojums par semināru skolotājiem",
    "Seminārs notiks piektdien.",
  );

  // Having hidden it, Anna drafts a new lead; Jānis drafts his own.
  await addedToTheLeadAndSaved(anna, "Annas ievads.");
  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads.");
  const choice = janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(choice).toBeVisible();

  // Asking to publish now would show readers what Anna hid: the choice is saved as the
  // draft, and then he is asked about that.
  await janis.getByRole("button", { name: "Publicēt", exact: true }).click();
  await expect(choice.getByRole("button", { name: "Saglabāt izvēlēto", exact: true })).toBeVisible();
  await expect(choice.getByRole("button", { name: "Saglabāt izvēlēto un publicēt" })).toHaveCount(0);
  const chosenSaved = janis.waitForResponse(/\/api\/editing\/save_draft$/);
  await choice.getByRole("button", { name: "Saglabāt izvēlēto", exact: true }).click();
  expect((await chosenSaved).status()).toBe(200);
  expect((await reader.goto(article))?.status()).toBe(404);
  const question = janis.getByRole("region", { name: "Kamēr rediģējāt, kāds cits to paslēpa no lasītājiem" });
  await expect(question.getByRole("heading", { level: 2 })).toBeFocused();
  await question.getByRole("button", { name: "Tomēr publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  expect((await reader.goto(article))?.status()).toBe(200);
  await expect(reader.getByText("Jāņa ievads.")).toBeVisible();
});

test("settings saved while another editor saved the article go on from it as it is, and say when both changed the same", async ({
  browser,
  page: reader,
}) => {
  const { anna, janis, article } = await publishedThenOpenByBoth(
    browser,
    "Iestatījumi divos redaktoros",
    "Raksts, kura iestatījumus maina divi redaktori.",
  );
  // Its address followed its title, and the links to it in the other languages with it.
  expect(article).toMatch(/^\/news\/iestatijumi-divos-redaktoros(-\d+)?$/);
  const languages = anna.getByRole("navigation", { name: "Valoda" });
  await expect(languages.getByRole("link", { name: "English" })).toHaveAttribute("href", `/en${article}`);
  await expect(languages.getByRole("link", { name: "Latviešu" })).toHaveAttribute("href", article);
  const saveSettings = (editor: Page) => editor.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  const settingsSaved = (editor: Page) => editor.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." });

  // Jānis publishes a new title; Anna, who typed nothing, then chooses a category: saved, on
  // the article as Jānis left it, whose title her editor now shows.
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Iestatījumi divos redaktoros: Jāņa virsraksts");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await anna.getByLabel("Kategorija").selectOption({ label: "Sadarbība" });
  const answers: number[] = [];
  anna.on("response", (response) => {
    if (response.url().endsWith("/update_article_settings")) answers.push(response.status());
  });
  await saveSettings(anna);
  await expect(settingsSaved(anna)).toBeVisible();
  expect(answers, "refused once, then saved on the article as it is").toEqual([409, 200]);
  await expect(anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Iestatījumi divos redaktoros: Jāņa virsraksts");
  await reader.goto(article);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Iestatījumi divos redaktoros: Jāņa virsraksts");
  await expect(reader.getByRole("main").getByText("Sadarbība", { exact: true })).toBeVisible();

  // Jānis hides it; Anna, not knowing, changes the category: saved, and the article stays
  // hidden, as her settings and her bar now say.
  await janis.getByLabel("Statuss").selectOption("draft");
  await saveSettings(janis);
  await expect(settingsSaved(janis)).toBeVisible();
  await anna.getByLabel("Kategorija").selectOption({ label: "Projekti" });
  await saveSettings(anna);
  await expect(settingsSaved(anna)).toBeVisible();
  await expect(anna.getByLabel("Statuss")).toHaveValue("draft");
  await expect(anna.getByText("Šis raksts ir paslēpts no lasītājiem.")).toBeVisible();
  expect((await reader.goto(article))?.status()).toBe(404);

  // Jānis, behind Anna's choice of category, chooses another: he is told, and sees hers.
  await janis.getByLabel("Kategorija").selectOption({ label: "Konferences" });
  await saveSettings(janis);
  await expect(janis.getByRole("status").filter({ hasText: "Cits redaktors pa to laiku mainīja to pašu" })).toBeVisible();
  await expect(janis.getByLabel("Kategorija").locator("option:checked")).toHaveText("Projekti");
  // Choosing again saves his.
  await janis.getByLabel("Kategorija").selectOption({ label: "Konferences" });
  await saveSettings(janis);
  await expect(settingsSaved(janis)).toBeVisible();
  // Anna, behind his choice now, shows the article to readers again: his category stays.
  await anna.getByLabel("Statuss").selectOption("published");
  await saveSettings(anna);
  await expect(settingsSaved(anna)).toBeVisible();
  await expect(anna.getByLabel("Kategorija").locator("option:checked")).toHaveText("Konferences");
  await expect(anna.getByText("Lasītāji redz publicēto versiju.")).toBeVisible();
  await reader.goto(article);
  await expect(reader.getByRole("main").getByText("Konferences", { exact: true })).toBeVisible();
  await trashedBy(anna);
});

test("an address changed after another editor changed the same text: the choice between the texts comes first, then the address", async ({
  browser,
  page: reader,
}) => {
  const { anna, janis } = await publishedThenOpenByBoth(
    browser,
    "Adrese pēc konflikta",
    "Raksts, kura adresi maina pēc konflikta.",
  );
  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads.");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Anna writes a lead too, and at once gives the article a new address: both changed the
  // lead, so the address waits for her choice between the two.
  await anna.getByRole("textbox", { name: "Ievads" }).fill("Annas ievads.");
  const address = anna.getByLabel("Adrese: /news/");
  await address.fill("adrese-pec-konflikta-jauna");
  await address.press("Enter");
  await expect(
    anna.getByRole("status").filter({ hasText: "Cits redaktors pa to laiku mainīja tekstu: vispirms izvēlieties, ko paturēt" }),
  ).toBeVisible();
  const conflict = anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Jāņa ievads.")).toBeVisible();
  expect((await reader.goto("/news/adrese-pec-konflikta-jauna"))?.status()).toBe(404);
  await conflict.getByRole("group", { name: "Ievads" }).getByLabel("Paturēt otru").check();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  // Then the address is saved, and readers find Jānis's lead under it.
  await address.press("Enter");
  await expect(anna.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  await expect(anna).toHaveURL(/\/news\/adrese-pec-konflikta-jauna$/);
  await reader.goto("/news/adrese-pec-konflikta-jauna");
  await expect(reader.getByText("Jāņa ievads.")).toBeVisible();
  await trashedBy(anna);
});

test("settings saved after another editor published the draft both had open: the bar no longer tells of that draft", async ({
  browser,
}) => {
  const { editor: anna, body } = await newArticle(browser, "Melnraksts divos redaktoros");
  await body.pressSequentially("Teksts, ko Anna publicēs.");
  await anna.keyboard.press("Control+s");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(new URL(anna.url()).pathname);
  await hydrated(janis);
  await expect(janis.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Melnraksts divos redaktoros");
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Jānis's settings go on from the published article, and the draft he opened is gone.
  await janis.getByLabel("Kategorija").selectOption({ label: "Projekti" });
  await janis.getByRole("button", { name: "Saglabāt iestatījumus" }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Iestatījumi saglabāti." })).toBeVisible();
  await expect(janis).toHaveURL(/\/news\/melnraksts-divos-redaktoros(-\d+)?$/);
  await expect(janis.getByRole("status").filter({ hasText: "Nav izmaiņu" })).toBeVisible();
  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toHaveCount(0);
  await trashedBy(janis);
});
