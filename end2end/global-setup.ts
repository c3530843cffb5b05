import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { EDITORS } from "./accounts";

const baseURL = process.env.NOTIKUMI_TEST_URL ?? "http://127.0.0.1:3000";

/** The load-test month: calendar.spec.ts expects exactly this many generated events in it. */
export const LOAD_TEST = { count: 1000, from: "2031-05-01", to: "2031-05-31" } as const;

// Waits until the server under test is ready (its database answers), for up to a minute.
async function waitUntilReady(): Promise<void> {
  const url = `${baseURL}/readyz`;
  const deadline = Date.now() + 60_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not become ready within 60 s (${last})`);
}

/** Whether the load-test events are already there (a second run against the same database). */
async function loadTestEventsPresent(): Promise<boolean> {
  const url = `${baseURL}/api/events?start=${LOAD_TEST.from}&end=${LOAD_TEST.to}`;
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} answered HTTP ${response.status}: ${await response.text()}`);
  }
  const events = (await response.json()) as { title: string }[];
  return events.some((event) => event.title.startsWith("Slodzes tests "));
}

// Adds the month of 1,000 events that the load test reads, through the server's own command
// on the same database (the Makefile's `e2e` target exports both variables).
function generateLoadTestEvents(): void {
  const binary = process.env.NOTIKUMI_BIN;
  const databaseUrl = process.env.DATABASE_URL;
  const missing = [
    binary ? undefined : "NOTIKUMI_BIN (path of the release `notikumi` binary)",
    databaseUrl ? undefined : "DATABASE_URL (the sqlite: URL of the server's database)",
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0) {
    throw new Error(
      `global setup needs ${missing.join(" and ")}; run the browser tests with \`make e2e\`, ` +
        "which sets both",
    );
  }
  try {
    execFileSync(
      binary!,
      [
        "generate-events",
        "--count",
        String(LOAD_TEST.count),
        "--from",
        LOAD_TEST.from,
        "--to",
        LOAD_TEST.to,
      ],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
    );
  } catch (error) {
    const failure = error as { message: string; stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `${binary} generate-events failed: ${failure.message}\n` +
        `stdout: ${failure.stdout?.toString() ?? ""}\nstderr: ${failure.stderr?.toString() ?? ""}`,
    );
  }
}

/** The release binary and the database it serves, which the Makefile's `e2e` target sets. */
function serverCommand(): { binary: string; databaseUrl: string } {
  const binary = process.env.NOTIKUMI_BIN;
  const databaseUrl = process.env.DATABASE_URL;
  if (!binary || !databaseUrl) {
    throw new Error("global setup needs NOTIKUMI_BIN and DATABASE_URL; run the browser tests with `make e2e`");
  }
  return { binary, databaseUrl };
}

// Editor accounts for the editing journeys, made with `notikumi user add` (the password goes
// in on standard input, as an operator would pipe it). A fresh random password each run; the
// tests read it from the environment, which Playwright passes on to its workers.
function createEditorAccounts(): void {
  const { binary } = serverCommand();
  const password = randomBytes(18).toString("base64url");
  process.env.NOTIKUMI_E2E_PASSWORD = password;
  for (const editor of Object.values(EDITORS)) {
    // An earlier run against the same database may have made the account: set its password.
    for (const command of [["user", "add", editor.email, "--role", editor.role], ["user", "passwd", editor.email]]) {
      try {
        execFileSync(binary, command, {
          env: process.env,
          input: `${password}\n`,
          stdio: ["pipe", "pipe", "pipe"],
          timeout: 60_000,
        });
        break;
      } catch (error) {
        const failure = error as { stderr?: Buffer };
        if (!failure.stderr?.toString().includes("already exists")) throw error;
      }
    }
  }
}

export default async function globalSetup(): Promise<void> {
  await waitUntilReady();
  if (!(await loadTestEventsPresent())) {
    generateLoadTestEvents();
  }
  createEditorAccounts();
}
