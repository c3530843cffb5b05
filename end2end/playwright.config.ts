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

/** The binary the tests run, which the global setup also calls. */
function serverBinary(): string {
  const binary = process.env.NOTIKUMI_BIN;
  if (!binary || !process.env.DATABASE_URL) {
    throw new Error("the browser tests need NOTIKUMI_BIN and DATABASE_URL: run them with `make e2e`");
  }
  return binary;
}

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
  // The release binary (`make e2e` builds it and sets NOTIKUMI_BIN and DATABASE_URL), run
  // from the checkout so it finds the built site in target/site. A server already on the
  // address (`make run`, on another database) is an error, never used by mistake.
  webServer: {
    command: `"${serverBinary()}" serve`,
    cwd: path.join(__dirname, ".."),
    url: `${baseURL}/readyz`,
    env: { LEPTOS_SITE_ADDR: new URL(baseURL).host, RUST_LOG: process.env.RUST_LOG ?? "warn" },
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
  // Load-test events and the editors' accounts, once the server answers.
  globalSetup: "./global-setup.ts",
});
