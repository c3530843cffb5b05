import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";
import { editorPage, hydrated } from "../pages";

// Images in an article's body: uploaded, described for those who cannot see them, shown to
// readers.
const GUIDELINES = "/news/konsularas-amatpersonas-apgust-jaunas-vadlinijas-darbam-ar-cietusajiem";

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
  const body = editor.getByRole("textbox", { name: "Teksts" });
  // The caret in the middle of the first paragraph.
  const first = body.locator("p").first();
  const firstText = await first.textContent();
  await first.click();
  editor.once("dialog", (dialog) => dialog.accept("Informatīvais plakāts par drošu darbu ārzemēs"));
  await editor.getByLabel("Izvēlēties attēlu").setInputFiles({ name: "plakats.png", mimeType: "image/png", buffer: PIXEL });
  const picture = body.getByRole("img", { name: "Informatīvais plakāts par drošu darbu ārzemēs" });
  await expect(picture).toHaveAttribute("src", /^\/media\/[0-9a-f]{32}\.png$/);
  // A figure of its own after that paragraph, which stays whole: the image is not left in the
  // text, nor its caption in an empty figure, nor an empty line added below it.
  const placed = await picture.evaluate((img) => {
    const figure = img.parentElement!;
    return {
      figureInBody: figure.tagName === "FIGURE" && figure.parentElement!.id === "edit-body",
      caption: figure.querySelector("figcaption")?.textContent,
      before: figure.previousElementSibling?.textContent,
      after: figure.nextElementSibling?.outerHTML,
    };
  });
  expect(placed.figureInBody).toBe(true);
  expect(placed.caption).toBe("Informatīvais plakāts par drošu darbu ārzemēs");
  expect(placed.before).toBe(firstText);
  expect(placed.after).not.toBe("<p><br></p>");
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
  // The image is named by its place in the text, not by its file's hash.
  expect(asked[0]).toMatch(/^1\. attēla \(no 1\) apraksts/);
  // The caption, empty as the description was, now shows it.
  await expect(body.locator("figcaption")).toHaveText("Vadlīniju vāks");
  await expect(editor.getByRole("alert").filter({ hasText: "Attēlam nav apraksta" })).toHaveCount(0);
  // The hidden file picker behind the image button is no stop of its own.
  await editor.getByRole("button", { name: "Alt Attēlu apraksti (alt teksts)" }).focus();
  await editor.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await editor.keyboard.press("Control+s");
  await expect(editor.getByRole("status").filter({ hasText: "Melnraksts saglabāts" })).toBeVisible();
});

test("an image goes where it was asked for, though the editor wrote elsewhere while it uploaded", async ({ browser }) => {
  const editor = await editorPage(browser, EDITORS.anna.email);
  await editor.goto(GUIDELINES);
  await hydrated(editor);
  await editor.getByRole("button", { name: "Rediģēt šo rakstu" }).click();
  const body = editor.getByRole("textbox", { name: "Teksts" });
  const paragraphs = body.locator(":scope > p");
  // Neither the first paragraph (where focus alone puts the caret) nor the last (where it
  // goes when the place is lost).
  await expect(paragraphs.nth(2)).toBeAttached();
  const second = paragraphs.nth(1);
  const [secondText, nextText] = await second.evaluate((p) => [p.textContent, p.nextElementSibling?.textContent]);
  await second.click();
  // The upload waits until the editor has moved on to the title.
  let arrive: () => void = () => {};
  const moved = new Promise<void>((resolve) => (arrive = resolve));
  await editor.route("**/api/media", async (route) => {
    await moved;
    await route.continue();
  });
  editor.once("dialog", (dialog) => dialog.accept("Shēma"));
  await editor.getByLabel("Izvēlēties attēlu").setInputFiles({ name: "shema.png", mimeType: "image/png", buffer: PIXEL });
  await expect(editor.getByRole("status").filter({ hasText: "shema.png" })).toBeVisible();
  const title = editor.getByRole("textbox", { name: "Virsraksts" });
  await title.click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" (papildināts");
  arrive();
  const picture = body.getByRole("img", { name: "Shēma" });
  await expect(picture).toHaveAttribute("src", /^\/media\/[0-9a-f]{32}\.png$/);
  const around = await picture.evaluate((img) => {
    const figure = img.parentElement!;
    return [figure.previousElementSibling?.textContent, figure.nextElementSibling?.textContent];
  });
  expect(around).toEqual([secondText, nextText]);
  // The editor goes on writing in the title.
  await editor.keyboard.type(")");
  await expect(title).toHaveValue(/ \(papildināts\)$/);
});
