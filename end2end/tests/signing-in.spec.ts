import { expect, test } from "../fixtures";

import { EDITORS } from "../accounts";

// The sign-in form, as an editor uses it with and without script.

for (const javaScriptEnabled of [true, false]) {
  test(`a mistyped password keeps the address typed, says why, and the right one goes back to the page (script ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const password = process.env.NOTIKUMI_E2E_PASSWORD;
    if (!password) throw new Error("NOTIKUMI_E2E_PASSWORD is not set: global setup creates the accounts");
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/en/news");
    await page.getByRole("link", { name: "For editors" }).click();
    await expect(page).toHaveURL(/\/en\/login\?next=%2Fen%2Fnews$/);
    const signInAddress = page.url();

    await page.getByLabel("E-mail address").fill(EDITORS.janis.email);
    await page.getByLabel("Password").fill("nepareiza-parole");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong e-mail address or password.");
    // Only the password is typed again; the address bar is as it was, so a reload or a
    // second mistake carries no old refusal along.
    await expect(page.getByLabel("E-mail address")).toHaveValue(EDITORS.janis.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Password")).toBeFocused();
    expect(page.url()).toBe(signInAddress);

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/news$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await context.close();
  });
}
