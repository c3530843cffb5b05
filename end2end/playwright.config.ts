import { defineConfig, devices } from "@playwright/test";

// The browser is Debian's Chromium (installed by scripts/install-tools.sh): Playwright's own
// browser download cannot work on machines that reach only the package registries.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const baseURL = process.env.NOTIKUMI_TEST_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  // `cargo leptos end-to-end` starts the server just before the tests; wait until it answers.
  globalSetup: "./global-setup.ts",
});
