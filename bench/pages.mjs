// What a reader's browser downloads and waits for, page by page, measured in Debian's Chromium.
//
//   node bench/pages.mjs --url http://127.0.0.1:3000 [--runs 3] [--lighthouse]
//
// Run through bench/pages.sh, which builds the release site and serves it with the demo content.
// 1. Bytes: every script and WebAssembly file each page makes the browser load (cache empty),
//    raw, gzip -9 and brotli -q 11, and what actually crossed the wire.
// 2. Time to interactive on a phone (360 × 740, CPU 4× slower, "Slow 4G"): our month page
//    against the same month in FullCalendar 6 (from npm, fed by our own /api/events), in the
//    same run. Ours is interactive when the grid has hydrated (it then answers the keyboard:
//    checked after each run); FullCalendar's when its events are on screen.
// 3. With --lighthouse: Lighthouse 12's mobile Performance score, LCP, CLS and TBT per page,
//    under the same throttling applied in the browser (the median of --runs runs).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const here = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const baseURL = option("url", "http://127.0.0.1:3000");
const runs = Number(option("runs", "3"));
const withLighthouse = args.includes("--lighthouse");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The same flags as the browser tests (end2end/chromium-flags.json).
const CHROMIUM_FLAGS = JSON.parse(readFileSync(path.join(here, "..", "end2end", "chromium-flags.json"), "utf8"));

const PAGES = [
  ["month", "/calendar/2020/08"],
  ["month (phone agenda)", "/calendar/2020/08", { width: 360, height: 740 }],
  ["front page", "/"],
  ["news list", "/news"],
  ["article", "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu"],
  ["event", "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos"],
  ["search", "/search?q=darbs"],
];

// Chrome DevTools' "Slow 4G" (Lighthouse's mobile throttling): 562.5 ms round trips,
// 1.44 Mbit/s down, 675 kbit/s up.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const PHONE = { width: 360, height: 740 };

const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
try {
  await bytesPerPage();
  await timeToInteractive();
  if (withLighthouse) lighthouse();
} finally {
  await browser.close();
}

async function bytesPerPage() {
  console.log("\n## Script and WebAssembly a first visit loads (bytes)\n");
  console.log("| page | files | raw | gzip | brotli | transferred |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, pagePath, viewport] of PAGES) {
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const loaded = [];
    page.on("response", (response) => {
      const type = response.request().resourceType();
      const url = response.url();
      if (type === "script" || url.endsWith(".wasm") || url.endsWith(".js")) loaded.push(response);
    });
    await page.goto(baseURL + pagePath, { waitUntil: "networkidle" });
    let raw = 0, gzip = 0, brotli = 0, wire = 0;
    for (const response of loaded) {
      const body = await response.body();
      raw += body.length;
      gzip += zlib.gzipSync(body, { level: 9 }).length;
      brotli += zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      wire += (await response.request().sizes()).responseBodySize;
    }
    console.log(`| ${name} \`${pagePath}\` | ${loaded.length} | ${fmt(raw)} | ${fmt(gzip)} | ${fmt(brotli)} | ${fmt(wire)} |`);
    await context.close();
  }
}

async function timeToInteractive() {
  const server = await fullCalendarPage();
  const fullCalendarURL = `http://127.0.0.1:${server.address().port}/`;
  const ours = [], theirs = [];
  for (let run = 0; run < runs; run += 1) {
    ours.push(await timed(baseURL + "/calendar/2020/08", ourMonthIsInteractive));
    theirs.push(await timed(fullCalendarURL, fullCalendarIsInteractive));
  }
  server.close();
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`\n## Time to interactive, 360 × 740, CPU 4× slower, Slow 4G (${runs} runs, ms)\n`);
  console.log("| page | runs | median |");
  console.log("| --- | --- | ---: |");
  console.log(`| Notikumi \`/calendar/2020/08\` | ${ours.map(Math.round).join(", ")} | ${Math.round(median(ours))} |`);
  console.log(`| FullCalendar 6 month view, same events | ${theirs.map(Math.round).join(", ")} | ${Math.round(median(theirs))} |`);
  console.log(`\nRatio (ours / FullCalendar, medians): ${(median(ours) / median(theirs)).toFixed(2)}`);
}

/** Milliseconds from navigation start until `ready` says the page is interactive. */
async function timed(url, ready) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  const at = await ready(page);
  await context.close();
  return at;
}

async function ourMonthIsInteractive(page) {
  // `data-hydrated` is set by the app once the WebAssembly has taken over the page.
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"), null, { timeout: 120_000, polling: 10 });
  const at = await page.evaluate(() => performance.now());
  // Check it really answers the keyboard: the tab stop moves one day on.
  const before = await page.evaluate(() => {
    const cell = document.querySelector('[role="gridcell"][tabindex="0"]');
    cell.focus();
    return cell.id;
  });
  await page.keyboard.press("ArrowRight");
  await page
    .waitForFunction((old) => document.activeElement?.id?.startsWith("day-") && document.activeElement.id !== old, before, { timeout: 10_000 })
    .catch(() => {
      throw new Error(`the grid did not answer the keyboard (focus stayed on ${before})`);
    });
  return at;
}

async function fullCalendarIsInteractive(page) {
  await page.waitForFunction(() => window.calendarReadyAt !== undefined, null, { timeout: 120_000, polling: 10 });
  const at = await page.evaluate(() => window.calendarReadyAt);
  const title = await page.locator(".fc-toolbar-title").textContent();
  await page.locator(".fc-next-button").click();
  await page.waitForFunction((old) => document.querySelector(".fc-toolbar-title")?.textContent !== old, title);
  return at;
}

/** Serves a page with FullCalendar 6's month view of August 2020, events from our API. */
async function fullCalendarPage() {
  const script = readFileSync(path.join(path.dirname(require.resolve("fullcalendar")), "index.global.min.js"));
  const html = `<!DOCTYPE html>
<html lang="lv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>FullCalendar</title><script src="/fullcalendar.js"></script></head>
<body><div id="calendar"></div><script>
document.addEventListener("DOMContentLoaded", () => {
  const calendar = new FullCalendar.Calendar(document.getElementById("calendar"), {
    initialView: "dayGridMonth",
    initialDate: "2020-08-01",
    firstDay: 1,
    events: ${JSON.stringify(baseURL + "/api/events")},
    eventsSet: (events) => {
      if (events.length > 0 && window.calendarReadyAt === undefined) {
        requestAnimationFrame(() => { window.calendarReadyAt = performance.now(); });
      }
    },
  });
  calendar.render();
});
</script></body></html>`;
  const server = http.createServer((request, response) => {
    if (request.url === "/fullcalendar.js") {
      response.writeHead(200, { "content-type": "text/javascript", "content-encoding": "gzip" });
      response.end(zlib.gzipSync(script, { level: 9 }));
    } else {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return server;
}

function lighthouse() {
  const bin = path.join(here, "node_modules", ".bin", "lighthouse");
  console.log(`\n## Lighthouse 12, mobile preset, applied throttling (Slow 4G, CPU 4×): the median of ${runs} runs\n`);
  console.log("| page | Performance (each run) | LCP | CLS | TBT | TTI |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, pagePath, viewport] of PAGES) {
    if (viewport) continue;
    const reports = [];
    for (let run = 0; run < runs; run += 1) {
      const output = execFileSync(
        bin,
        [
          baseURL + pagePath,
          "--only-categories=performance",
          // Applied throttling (Slow 4G and CPU 4× in the browser itself). Lighthouse's default,
          // simulating from an unthrottled load, misjudges loopback: there the wasm has arrived
          // before the first paint, so it counts the wasm as holding up the largest paint.
          "--throttling-method=devtools",
          "--output=json",
          "--quiet",
          `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
        ],
        { env: { ...process.env, CHROME_PATH: executablePath }, maxBuffer: 64 * 1024 * 1024 },
      );
      reports.push(JSON.parse(output.toString()));
    }
    const score = (report) => Math.round(report.categories.performance.score * 100);
    // Simulated runs vary; Lighthouse's own advice is to take the median run.
    reports.sort((a, b) => score(a) - score(b));
    const median = reports[Math.floor(reports.length / 2)];
    const audit = (id) => median.audits[id].displayValue;
    console.log(
      `| ${name} | **${score(median)}** (${reports.map(score).join(", ")}) | ${audit("largest-contentful-paint")} | ${audit("cumulative-layout-shift")} | ${audit("total-blocking-time")} | ${audit("interactive")} |`,
    );
  }
}

function fmt(bytes) {
  return bytes.toLocaleString("en-US");
}
