import { execFileSync } from "node:child_process";

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

export default async function globalSetup(): Promise<void> {
  await waitUntilReady();
  if (!(await loadTestEventsPresent())) {
    generateLoadTestEvents();
  }
}
