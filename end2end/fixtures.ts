// What every browser test gets beside Playwright's own fixtures: a watch on the site's
// Content-Security-Policy. Chromium reports each thing the policy refused (an inline script,
// a file from elsewhere, WebAssembly compiled without leave) as a console error; any such
// report fails the test, so the whole suite shows that the site hydrates and editing works
// under the policy.
import { test as base, expect } from "@playwright/test";

export { expect };
export type { Browser, Locator, Page, Route } from "@playwright/test";

export const test = base.extend<{ refusedByPolicy: string[] }>({
  refusedByPolicy: [
    async ({ context }, use) => {
      const refused: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && message.text().includes("Content Security Policy")) {
          refused.push(message.text());
        }
      });
      await use(refused);
      expect(refused, "the browser refused something under the site's Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});
