// Waits until the server under test is ready (its database answers), for up to a minute.
export default async function globalSetup(): Promise<void> {
  const url = `${process.env.NOTIKUMI_TEST_URL ?? "http://127.0.0.1:3000"}/readyz`;
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
