import { expect, test, type Page } from "../fixtures";

import { EDITORS } from "../accounts";
import { REPORT, PLAN, bothEditing, addedToTheLeadAndSaved, twoSavesHeld, firstAnswerLost, publishedThenHiddenByAnna, publishedThenOpenByBoth, newArticle, trashedBy } from "../editing";
import { editorPage, hydrated } from "../pages";

// Two editors, or one editor's saves, meeting: conflicts, lost answers and late saves.

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
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Jāņa virsraksts kampaņai");
  await janis.getByRole("textbox", { name: "Ievads" }).fill("Jāņa ievads kampaņai.");
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Anna, who opened it before, changes the title too: her draft's save meets Jānis's
  // version, and she chooses there and then, not when she publishes.
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

test("another editor's publication of a part this editor left as it was is taken in beside this editor's own change", async ({
  browser,
  page: reader,
}) => {
  const rights = "/news/cilveku-tirdzniecibas-apkarosanas-diena-uzsvertas-cietuso-tiesibas-uz-palidzibu";
  const { anna, janis } = await bothEditing(browser, rights);
  const title = `${await janis.getByRole("textbox", { name: "Virsraksts" }).inputValue()} un aizsardzību`;
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill(title);
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Anna changed only the lead: her save takes Jānis's title in, says so, and asks nothing.
  await addedToTheLeadAndSaved(anna, " Annas papildinājums.");
  await expect(anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue(title);
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Annas papildinājums\.$/);
  await expect(anna.getByRole("status").filter({ hasText: "kuras jūs kopš tā laika nemainījāt (Virsraksts)" })).toBeVisible();
  await anna.getByRole("button", { name: "Publicēt" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await reader.goto(rights);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByText(/Annas papildinājums\.$/)).toBeVisible();
});

test("another editor who went on from this editor's draft and published it with a change of theirs: writing on takes it in", async ({
  browser,
}) => {
  const euDay = "/news/eiropas-savienibas-cilveku-tirdzniecibas-apkarosanas-diena-visa-latvija-notika";
  const anna = await editorPage(browser, EDITORS.anna.email);
  await anna.goto(euDay);
  await hydrated(anna);
  await anna.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await addedToTheLeadAndSaved(anna, " Annas melnraksts.");

  // Jānis opens it now, from Anna's draft, changes the title and publishes both.
  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(euDay);
  await hydrated(janis);
  await janis.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Annas melnraksts\.$/);
  const title = `${await janis.getByRole("textbox", { name: "Virsraksts" }).inputValue()} 2020`;
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill(title);
  await janis.getByRole("button", { name: "Publicēt" }).click();
  await expect(janis.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();

  // Anna writes on in her lead: Jānis's title comes in, her lead stays hers, nothing to choose.
  await addedToTheLeadAndSaved(anna, " Un vēl.");
  await expect(anna.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue(title);
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue(/Annas melnraksts\. Un vēl\.$/);
  await expect(anna.getByRole("status").filter({ hasText: "kuras jūs kopš tā laika nemainījāt (Virsraksts)" })).toBeVisible();
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

  // Until she chooses, saving and publishing tell her to choose first and take her to the
  // choice, sending nothing; the address beside the text is hers to change meanwhile.
  let publications = 0;
  await anna.route("**/api/editing/publish_article", (route) => {
    publications += 1;
    return route.continue();
  });
  // Her draft is stored, so leaving would lose nothing: the bar says so, not "not saved".
  const chooseFirst = anna
    .getByRole("status")
    .filter({ hasText: "Melnraksts ir saglabāts; vispirms virs laukiem izvēlieties, ko paturēt" });
  const choiceHeading = choice.getByRole("heading", { level: 2 });
  await anna.getByRole("textbox", { name: "Virsraksts" }).focus();
  await anna.keyboard.press("Control+s");
  await expect(chooseFirst).toBeVisible();
  await expect(choiceHeading).toBeFocused();
  // She keeps the draft's lead (hers, as she published it before the restore): asking to publish meanwhile
  // makes the choice's button publish too, and keeps what she chose.
  await leadChoice.getByLabel("Paturēt manu").check();
  for (const button of ["Saglabāt melnrakstu", "Publicēt"]) {
    await anna.getByRole("button", { name: button, exact: true }).click();
    await expect(choiceHeading).toBeFocused();
    await expect(chooseFirst).toBeVisible();
  }
  await expect(choice).toBeVisible();
  const saveAndPublish = choice.getByRole("button", { name: "Saglabāt izvēlēto un publicēt" });
  await expect(saveAndPublish).toBeVisible();
  await expect(leadChoice.getByLabel("Paturēt manu")).toBeChecked();
  await anna.getByLabel("Adrese: /news/").fill("diena-pret-cilveku-tirdzniecibu-3000");
  await anna.getByRole("button", { name: "Mainīt adresi" }).click();
  await expect(anna.getByRole("status").filter({ hasText: "Adrese nomainīta." })).toBeVisible();
  await expect(anna).toHaveURL(/\/news\/diena-pret-cilveku-tirdzniecibu-3000$/);

  expect(publications, "nothing was published before the choice").toBe(0);

  // The choice is published on the article as it is after her address change, at once.
  const chosenPublished = anna.waitForResponse(/\/api\/editing\/publish_article$/);
  await saveAndPublish.click();
  expect((await chosenPublished).status()).toBe(200);
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts/ })).toBeVisible();
  await expect(anna).toHaveURL(/\/news\/diena-pret-cilveku-tirdzniecibu-3000$/);
  await expect(anna.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Jāņa virsraksts jauniešiem");
  await expect(anna.getByRole("textbox", { name: "Ievads" })).toHaveValue("Annas jaunais ievads.");
  expect(publications, "published once, with the choice").toBe(1);

  // Jānis, still on the version before the restore, meets Anna's publication at his next
  // save. It published his own draft as she chose it, so his new title stays his, with
  // nothing to choose, and his draft goes on from the article as it is now.
  const savedOnTop = janis.waitForResponse(
    (response) => /\/api\/editing\/save_draft$/.test(response.url()) && response.status() === 200,
  );
  await janis.getByRole("textbox", { name: "Virsraksts" }).fill("Jāņa virsraksts jauniešiem (2)");
  await savedOnTop;
  await expect(janis.getByRole("region", { name: /Kāds cits saglabāja šo rakstu/ })).toHaveCount(0);
  await expect(janis.getByRole("textbox", { name: "Virsraksts" })).toHaveValue("Jāņa virsraksts jauniešiem (2)");
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue("Annas jaunais ievads.");
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
  // Esc while the choice waits asks the site's question, as a link would; staying keeps
  // the choice and the typing.
  const asked = janis.waitForEvent("dialog").then(async (dialog) => {
    const question = `${dialog.type()}: ${dialog.message()}`;
    await dialog.dismiss();
    return question;
  });
  await janis.keyboard.press("Escape");
  expect(await asked).toBe("confirm: Ir nesaglabātas izmaiņas. Tiešām pamest lapu?");
  await expect(conflict).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Kontaktinformācija" }), "staying keeps the caret where it was").toBeFocused();
  await conflict.getByRole("button", { name: "Saglabāt izvēlēto" }).click();

  await expect(janis.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
  await expect(janis.getByRole("textbox", { name: "Kontaktinformācija" })).toHaveValue(
    "Jānis Ozols, tālrunis 67000000",
  );
  await expect(janis.getByRole("textbox", { name: "Ievads" })).toHaveValue("Jāņa ievads plānam.");
  // The choice's button is gone: the focus is back in the field Jānis was last in, where
  // the editor's keys work.
  await expect(janis.getByRole("textbox", { name: "Kontaktinformācija" })).toBeFocused();
  await janis.keyboard.press("Escape");
  await expect(janis.getByRole("button", { name: "Rediģēt šo rakstu" })).toBeVisible();
});

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
