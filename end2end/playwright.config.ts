import { defineConfig, devices } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

// The browser is Debian's Chromium (installed by scripts/install-tools.sh): Playwright's own
// browser download cannot work on machines that reach only the package registries.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const baseURL = process.env.NOTIKUMI_TEST_URL ?? "http://127.0.0.1:3000";
// Headless as root, without reaching for the network this machine does not have; shared
// with bench/pages.mjs.
const chromiumFlags: string[] = JSON.parse(readFileSync(path.join(__dirname, "chromium-flags.json"), "utf8"));

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
          args: chromiumFlags,
        },
      },
    },
  ],
  // `cargo leptos end-to-end` starts the server just before the tests; wait until it answers.
  globalSetup: "./global-setup.ts",
});
