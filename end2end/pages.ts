// What many journeys do the same way: wait until a page's islands have hydrated, and sign in
// as an editor through the login form.
import { expect, type Browser, type Page } from "./fixtures";

/** Waits until the page's islands have hydrated (`island_loader.js` marks `<html>`). */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

/** Signs in through the login form, as an editor would. */
export async function signIn(page: Page, email: string): Promise<void> {
  const password = process.env.NOTIKUMI_E2E_PASSWORD;
  if (!password) throw new Error("NOTIKUMI_E2E_PASSWORD is not set: global setup creates the accounts");
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("E-pasta adrese").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieteikties" }).click();
  await expect(page.getByRole("button", { name: "Iziet" })).toBeVisible();
}

/** A browser of its own, signed in as the editor `email`. */
export async function editorPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}
