import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";
import { REPORT, PLAN, bothEditing, addedToTheLeadAndSaved, twoSavesHeld, firstAnswerLost } from "../editing";
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
