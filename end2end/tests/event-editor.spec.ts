import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";
import { trashedBy } from "../editing";
import { editorPage, hydrated } from "../pages";

// Editing events: adding one on a day, moving it by dragging, by keyboard and by touch, drafts,
// history, conflicts between two editors, and the trash.

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
  // The bar says what readers see of it: nothing yet.
  await expect(editor.getByText("Šis notikums vēl nav publicēts.")).toBeVisible();
  // Its title starts selected: what the editor types replaces it.
  await editor.keyboard.type("Darbnīca skolotājiem Rēzeknē");
  await expect(title).toHaveValue("Darbnīca skolotājiem Rēzeknē");
  // Worded as the article editor words it (one choice for every kind).
  await expect(editor.getByLabel("Statuss").locator("option")).toHaveText(["Nepublicēts (lasītāji neredz)", "Publicēts"]);
  await editor.getByLabel("Statuss").selectOption("published");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publicēts \d\d:\d\d:\d\d$/ })).toBeVisible();
  await expect(editor.getByText("Lasītāji redz publicēto versiju.")).toBeVisible();
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
  await expect(editor.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 14. augustu" })).toBeVisible();
  await expect(day(14).getByRole("link", { name: workshop })).toBeVisible();
  await expect(day(12).getByRole("link", { name: workshop })).toHaveCount(0);

  // The same from the keyboard: M on the event's day, an arrow to the next day, Enter.
  await day(14).focus();
  await editor.keyboard.press("m");
  await expect(editor.getByRole("status").filter({ hasText: "Pārceļ „Darbnīca skolotājiem Rēzeknē”" })).toBeVisible();
  await editor.keyboard.press("ArrowRight");
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 15. augustu" })).toBeVisible();

  await reader.goto("/calendar/2020/08/15");
  await expect(reader.getByRole("link", { name: workshop })).toBeVisible();
  await expect(reader.getByRole("button", { name: /Pievienot notikumu/ })).toHaveCount(0);

  // Into another month: PageDown takes the event being moved along to September.
  await day(15).focus();
  await editor.keyboard.press("m");
  await expect(moving("Darbnīca skolotājiem Rēzeknē")).toBeVisible();
  await editor.keyboard.press("PageDown");
  await expect(editor).toHaveURL(/\/calendar\/2020\/09$/);
  await expect(moving("Darbnīca skolotājiem Rēzeknē")).toBeVisible();
  await expect(editor.getByRole("gridcell", { name: /^\S+, 2020\. gada 15\. septembris/ })).toBeFocused();
  await editor.keyboard.press("ArrowDown");
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 22. septembri" })).toBeVisible();
  await reader.goto("/calendar/2020/09/22");
  await expect(reader.getByRole("link", { name: workshop })).toBeVisible();
});

test("M on a day with only a repeating event's occurrence says how such an event is moved", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.janis.email);
  await editor.goto("/calendar/2021/01");
  await hydrated(editor);
  const day = editor.getByRole("gridcell", { name: /^\S+, 2021\. gada 28\. janvāris/ });
  await expect(day.getByRole("link", { name: /Atbalsta grupas tikšanās/ })).toBeVisible();
  await day.focus();
  await editor.keyboard.press("m");
  await expect(editor.getByRole("status").filter({ hasText: "Atkārtotu notikumu nepārceļ pa vienai reizei" })).toBeVisible();
  // A day with no event at all says so.
  const empty = editor.getByRole("gridcell", { name: /^\S+, 2021\. gada 27\. janvāris/ });
  await empty.focus();
  await editor.keyboard.press("m");
  await expect(editor.getByRole("status").filter({ hasText: "Šajā dienā nav notikuma, ko pārcelt." })).toBeVisible();
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
  // Its page says where it is, instead of opening an editor that could not save.
  await editor.goto("/events/izmeginajuma-tiksanas-valmiera");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Ieraksts ir miskastē");
  await expect(editor.getByRole("textbox", { name: "Nosaukums" })).toHaveCount(0);
  await editor.goto("/editor");
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

test("an event another editor trashed and restored while its editor wrote: that it is hidden is taken in, with nothing to choose", async ({
  browser,
}) => {
  const anna = await editorPage(browser, EDITORS.anna.email);
  await anna.goto("/calendar/2020/09");
  await hydrated(anna);
  await anna.getByRole("button", { name: "Pievienot notikumu: 2020. gada 22. septembris" }).click();
  const title = anna.getByRole("textbox", { name: "Nosaukums" });
  await title.fill("Apmācības sociālajiem darbiniekiem Cēsīs");
  await anna.getByLabel("Statuss").selectOption("published");
  await anna.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(anna.getByRole("status").filter({ hasText: /^Publicēts \d\d:\d\d:\d\d$/ })).toBeVisible();
  // Opened again later: a change saves itself as the shared draft.
  await anna.reload();
  await hydrated(anna);
  await anna.getByRole("button", { name: "Rediģēt notikumu" }).click();
  await title.press("End");
  await anna.keyboard.type(" 2020");
  await expect(anna.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();

  const janis = await editorPage(browser, EDITORS.janis.email);
  await janis.goto(new URL(anna.url()).pathname);
  await hydrated(janis);
  await janis.getByRole("button", { name: "Rediģēt notikumu" }).click();
  await trashedBy(janis);
  await janis.goto("/editor");
  await hydrated(janis);
  await janis.getByRole("button", { name: /^Atjaunot „Apmācības sociālajiem darbiniekiem Cēsīs/ }).click();
  await expect(janis.getByRole("status").filter({ hasText: "Atjaunots kā melnraksts." })).toBeVisible();

  // Anna types on. The trash hid her draft with the event; nobody changed her text, so there
  // is nothing to choose: the hiding is taken in beside her place, and the bar says it.
  await anna.getByRole("textbox", { name: "Vieta" }).fill("Cēsis");
  await expect(anna.getByText(/\(Statuss\): tās tagad ir jūsu tekstā/)).toBeVisible();
  await expect(anna.getByRole("heading", { name: "Kāds cits saglabāja šo notikumu, kamēr jūs to rediģējāt" })).toHaveCount(0);
  await expect(anna.getByLabel("Statuss")).toHaveValue("draft");
  await expect(anna.getByText("Šis notikums ir paslēpts no lasītājiem.")).toBeVisible();
  await expect(anna.getByRole("status").filter({ hasText: /^Melnraksts saglabāts/ })).toBeVisible();
  await anna.reload();
  await hydrated(anna);
  await expect(anna.getByRole("textbox", { name: "Vieta" })).toHaveValue("Cēsis");
  await expect(title).toHaveValue("Apmācības sociālajiem darbiniekiem Cēsīs 2020");
  await expect(anna.getByLabel("Statuss")).toHaveValue("draft");
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
  // Before the start on its own day: the time is what is refused, not the date.
  const endTime = editor.getByRole("group", { name: "Beigas" }).getByLabel("Laiks");
  const goodTime = await endTime.inputValue();
  await endTime.fill("09:00");
  await expect(endTime).toHaveAttribute("aria-invalid", "true");
  await expect(endTime).toHaveAccessibleDescription("Beigas nevar būt pirms sākuma.");
  await expect(endDate).toHaveAttribute("aria-invalid", "false");
  await endTime.fill(goodTime);
  await expect(endTime).toHaveAttribute("aria-invalid", "false");

  // While a save is on its way the editing bar's state is busy, so a screen reader waits;
  // the draft save is held until that is seen.
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  await editor.route("**/api/editing/save_event_draft", async (route) => {
    await held;
    await route.continue();
  });
  const saveState = editor.locator(".editor-bar__state");
  const sent = editor.waitForRequest("**/api/editing/save_event_draft");
  await editor.getByRole("textbox", { name: "Vieta" }).fill("Jelgavas novada dome");
  // Busy while the save is on its way (not only while typing has not been saved yet).
  await sent;
  await expect(saveState).toHaveAttribute("aria-busy", "true");
  await expect(saveState).not.toContainText("Melnraksts saglabāts");
  letGo();
  // Said once the save has ended: not busy any more.
  await expect(saveState).toContainText("Melnraksts saglabāts", { timeout: 10_000 });
  await expect(saveState).toHaveAttribute("aria-busy", "false");
  await editor.unroute("**/api/editing/save_event_draft");
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
  // A multi-day event has its ⇄ too, after its bar on its first day; picking another event
  // then takes its place.
  const campaign = "Informatīvā kampaņa Latvijas reģionu bibliotēkās";
  await day(6).getByRole("button", { name: `Pārcelt „${campaign}” uz citu dienu` }).tap();
  await expect(page.getByRole("status").filter({ hasText: "pieskarieties dienai" })).toContainText(campaign);
  await day(27).getByRole("button", { name: "Pārcelt „Tikšanās ar pašvaldību” uz citu dienu" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "pieskarieties dienai" })).toContainText("Tikšanās ar pašvaldību");
  await day(29).tap();
  await expect(page.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 29. augustu" })).toBeVisible();
  await expect(day(29).getByRole("link", { name: /Tikšanās ar pašvaldību/ })).toBeVisible();
  await expect(day(27).getByRole("link", { name: /Tikšanās ar pašvaldību/ })).toHaveCount(0);
});

test("on a tablet an editor moves a multi-day event by touch: its ⇄ stands at the start of its bar", async ({ browser }) => {
  const desk = await editorPage(browser, EDITORS.anna.email);
  const cookies = await desk.context().cookies();
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  await tablet.addCookies(cookies);
  const page = await tablet.newPage();
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches), "a touch screen's pointer").toBe(true);
  const day = (n: number) => page.getByRole("gridcell", { name: new RegExp(`^\\S+, 2020\\. gada ${n}\\. augusts`) });
  const campaign = "Informatīvā kampaņa Latvijas reģionu bibliotēkās";
  const move = (n: number) => day(n).getByRole("button", { name: `Pārcelt „${campaign}” uz citu dienu` });
  // In the grid (not the phone's agenda): a square as tall as the bar, on its line, before it.
  const [button, bar] = [await move(6).boundingBox(), await day(6).getByRole("link", { name: new RegExp(campaign) }).boundingBox()];
  if (!button || !bar) throw new Error("the bar and its ⇄ are laid out");
  expect(Math.abs(button.y - bar.y)).toBeLessThanOrEqual(2);
  expect(Math.min(button.width, button.height)).toBeGreaterThanOrEqual(24);
  expect(button.x + button.width).toBeLessThanOrEqual(bar.x + 0.5);
  expect(bar.width).toBeGreaterThan(2 * button.width);

  // A tablet's keyboard goes on from the picked event's day: Esc lets go of it.
  await move(6).tap();
  await expect(page.getByRole("status").filter({ hasText: "pieskarieties dienai" })).toContainText(campaign);
  await expect(day(6)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status").filter({ hasText: "Pārcelšana atcelta." })).toBeVisible();
  await move(6).tap();
  await day(13).tap();
  await expect(page.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 13. augustu" })).toBeVisible();
  // And back, as the other tests know the month.
  await move(13).tap();
  await day(6).tap();
  await expect(page.getByRole("status").filter({ hasText: "pārcelts uz 2020. gada 6. augustu" })).toBeVisible();
  await expect(move(6)).toBeVisible();
});

test("an unpublished event restored to an earlier version says so on its page loaded again, and stays unpublished", async ({
  browser,
  page: reader,
}) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto("/calendar/2020/10");
  await hydrated(editor);
  await editor.getByRole("button", { name: "Pievienot notikumu: 2020. gada 14. oktobris" }).click();
  await editor.getByRole("textbox", { name: "Nosaukums" }).fill("Darba grupas sanāksme");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /\d\d:\d\d:\d\d$/ })).toBeVisible();
  await editor.getByRole("textbox", { name: "Vieta" }).fill("Liepāja");
  await editor.getByRole("button", { name: "Saglabāt notikumu" }).click();
  await expect(editor.getByRole("status").filter({ hasText: /\d\d:\d\d:\d\d$/ })).toBeVisible();
  const eventUrl = editor.url();

  await editor.getByRole("button", { name: "Versiju vēsture" }).click();
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "Atjaunot 2. versiju" }).click();
  // The page loads again in its editor, saying what was restored.
  await expect(editor.getByRole("status").filter({ hasText: "Versija 2 atjaunota kā versija 4." })).toBeVisible();
  expect(editor.url()).toBe(eventUrl);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Rediģē: Darba grupas sanāksme");
  await expect(editor.getByRole("textbox", { name: "Vieta" })).toHaveValue("");
  // Readers still cannot see it.
  const answer = await reader.goto(eventUrl);
  expect(answer?.status()).toBe(404);
});
