import { expect, test, type Page } from "../fixtures";
import { hydrated } from "../pages";

// The interface in Latvian, English and Russian: the switcher keeps the page, the page says
// which language it is in, and links stay in the reader's language.

test("the language switcher opens the same month in English and Russian, and links stay in that language", async ({ page }) => {
  await page.goto("/calendar/2020/08");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  const languages = page.getByRole("navigation", { name: "Valoda" });
  await expect(languages.getByRole("link", { name: "Latviešu" })).toHaveAttribute("aria-current", "true");

  const feed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(feed).toHaveAttribute("href", "/feed.xml");

  await languages.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/calendar\/2020\/08$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The feed the page offers follows the language, without a page load.
  await expect(feed).toHaveCount(1);
  await expect(feed).toHaveAttribute("href", "/en/feed.xml");
  await expect(feed).toHaveAttribute("title", "Notikumi — news");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Event calendar — August 2020");
  const tuesday = page.getByRole("gridcell", { name: /^Tuesday, 4 August 2020, 1 event/ });
  await expect(tuesday).toBeVisible();
  // The webinar has an English version, so English readers see its English title.
  await expect(tuesday.getByRole("link", { name: /Webinar on fake job offers in social networks/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Mon", exact: true }).locator("abbr")).toHaveAttribute("title", "Monday");
  await page.getByRole("link", { name: /Next month: September 2020/ }).click();
  await expect(page).toHaveURL(/\/en\/calendar\/2020\/09$/);

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/calendar\/2020\/09$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Календарь событий — Сентябрь 2020");
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Новости" }).click();
  await expect(page).toHaveURL(/\/ru\/news$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новости");

  // A page loaded directly in English is English before and after hydration.
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Preventing human trafficking");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Preventing human trafficking");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
});
