/**
 * Dashboard benchmark. (1) Gzipped initial JS of the console and the whole status page, against a bundle of
 * React alone. (2) Time to first render in headless Chromium, against a blank page from a bare server: the
 * console overview with live tiles, and the social view with 10,000 mentions stored in the collector.
 * (3) SSE fan-out: time for one live snapshot to reach 200 signed-in browsers through the alerts service,
 * against a bare Node SSE server writing the same snapshot to 200 clients. Same machine, same run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSseParser } from '../alerts/src/console/sse-parser';
import { launchChromium, openPage, signIn } from '../dashboard/test/support/chromium';
import { type Stack, startStack } from '../dashboard/test/support/stack';
import type { BenchResult } from './bench-result';

const DASHBOARD = fileURLToPath(new URL('../dashboard/', import.meta.url));
const CLIENTS = 200;
const MENTIONS = 10_000;
const RENDER_RUNS = 5;
const FANOUT_UPDATES = 10;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;
const withRatio = (r: BenchResult): BenchResult =>
  r.baseline === undefined ? r : { ...r, ratio: r.value / r.baseline };

async function viteBuild(root: string, outDir: string, input?: Record<string, string>): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...(input === undefined ? { configFile: join(DASHBOARD, 'vite.config.ts') } : { configFile: false }),
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, ...(input !== undefined && { rolldownOptions: { input } }) },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The JS a page loads before it can render: its module script and the modules it preloads. */
function initialJsKb(outDir: string, html: string): number {
  const page = readFileSync(join(outDir, html), 'utf8');
  const files = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipKb(join(outDir, file)), 0);
}

function pageTotalKb(outDir: string, html: string): number {
  const page = readFileSync(join(outDir, html), 'utf8');
  const assets = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  return gzipKb(join(outDir, html)) + assets.reduce((sum, file) => sum + gzipKb(join(outDir, file)), 0);
}

/** React and ReactDOM rendering one paragraph: what any React console costs before its own code. */
async function reactAloneKb(): Promise<number> {
  const root = mkdtempSync(join(DASHBOARD, '.bench-react-'));
  try {
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><div id="r"></div><script type="module" src="/main.tsx"></script>',
    );
    writeFileSync(
      join(root, 'main.tsx'),
      "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('r') as HTMLElement).render(<p>hi</p>);\n",
    );
    await viteBuild(root, join(root, 'dist'), { main: join(root, 'index.html') });
    return initialJsKb(join(root, 'dist'), 'index.html');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function postMentions(stack: Stack, count: number): Promise<void> {
  const counties = ['Nairobi', 'Kisumu', 'Mombasa', 'Nakuru', 'Eldoret', 'Kiambu', 'Machakos', 'Nyeri'];
  const texts = [
    'Stima imepotea {c} tangu asubuhi, hii ni kawaida sasa',
    'Paid for tokens via M-Pesa in {c} and no token yet after an hour',
    'Nimelipa token {c} lakini sijapata token yoyote',
    'Power back in {c}, thanks',
  ];
  const now = Date.now();
  let stored = 0;
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      const county = counties[i % counties.length] ?? 'Nairobi';
      return {
        id: `bench-${i}`,
        source: 'facebook',
        text: `${(texts[i % texts.length] ?? '').replace('{c}', county)} #${i}`,
        author: `customer_${i % 2500}`,
        createdAt: now - ((i * 8_640) % 86_000_000) - 60_000,
        reach: (i * 7919) % 50_000,
      };
    });
    const response = await fetch(`${stack.collectorUrl}/v1/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.ingestToken}` },
      body: JSON.stringify(batch),
    });
    if (!response.ok)
      throw new Error(`mentions webhook answered ${response.status}: ${await response.text()}`);
    stored += ((await response.json()) as { accepted: number }).accepted;
  }
  if (stored !== count) throw new Error(`only ${stored} of ${count} mentions were stored`);
}

/** Milliseconds from navigation start until `ready` resolves on a fresh load of `url`. */
async function renderTimes(
  page: Awaited<ReturnType<typeof openPage>>['page'],
  url: string,
  ready: () => Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RENDER_RUNS; run++) {
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    await ready();
    times.push(await page.evaluate(() => performance.now()));
  }
  return median(times);
}

async function firstRender(stack: Stack): Promise<BenchResult[]> {
  const blankServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html lang="en"><title>blank</title><p id="blank">blank</p></html>');
  });
  const blankUrl = await listen(blankServer);
  const browser = await launchChromium();
  try {
    const { page } = await openPage(browser);
    const blank = await renderTimes(page, blankUrl, () => page.locator('#blank').waitFor());
    await signIn(page, stack.alertsUrl, 'viewer', stack.passwords.viewer);
    const overview = await renderTimes(page, `${stack.alertsUrl}/#/`, () =>
      page.getByRole('region', { name: 'System failure ratio (5 min)' }).waitFor(),
    );
    const social = await renderTimes(page, `${stack.alertsUrl}/#/social`, async () => {
      await page.getByRole('list', { name: 'Newest mentions' }).waitFor();
      await page.getByRole('button', { name: /^Nairobi: [1-9]/ }).waitFor();
    });
    return [
      {
        name: 'first_render_overview',
        value: overview,
        unit: 'ms',
        baseline: blank,
        goal: 'live tiles shown',
      },
      {
        name: 'first_render_social_10k_mentions',
        value: social,
        unit: 'ms',
        baseline: blank,
        goal: `feed and county map with ${MENTIONS} mentions stored`,
      },
    ].map(withRatio);
  } finally {
    await browser.close();
    await new Promise((resolve) => blankServer.close(resolve));
  }
}

/** Opens `count` SSE streams; resolves with a function giving each new event's arrival times per client. */
async function openStreams(url: string, count: number, headers: Record<string, string>) {
  const arrivals = new Map<string, number[]>();
  const controller = new AbortController();
  const streams = await Promise.all(
    Array.from({ length: count }, async () => {
      const response = await fetch(url, { headers, signal: controller.signal });
      if (!response.ok || response.body === null) throw new Error(`stream answered ${response.status}`);
      return response.body;
    }),
  );
  for (const body of streams) {
    const parse = createSseParser();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          for (const event of parse(decoder.decode(chunk, { stream: true }))) {
            const key = (JSON.parse(event.data) as { generatedAt: string }).generatedAt;
            arrivals.set(key, [...(arrivals.get(key) ?? []), performance.timeOrigin + performance.now()]);
          }
        }
      } catch {
        // Aborted at the end of the measurement.
      }
    })();
  }
  return { arrivals, close: () => controller.abort() };
}

/** For each update that reached every client: its send time to the last arrival. Median over the updates. */
async function fanOutMs(arrivals: Map<string, number[]>, sentAt: (key: string) => number, updates: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const complete = [...arrivals.entries()].filter(([, times]) => times.length === CLIENTS);
    if (complete.length >= updates + 1 || Date.now() > deadline) {
      // The first complete update may be the cached snapshot each client got on connecting: skip it.
      return median(complete.slice(1).map(([key, times]) => Math.max(...times) - sentAt(key)));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function sseFanOut(stack: Stack): Promise<BenchResult[]> {
  const session = await fetch(`${stack.alertsUrl}/auth/session`);
  const csrfCookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${stack.alertsUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    body: JSON.stringify({ username: 'viewer', password: stack.passwords.viewer }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const consoleStreams = await openStreams(`${stack.alertsUrl}/v1/live`, CLIENTS, { cookie });
  const viaConsole = await fanOutMs(consoleStreams.arrivals, (key) => Date.parse(key), FANOUT_UPDATES);
  consoleStreams.close();

  // Baseline: a bare Node SSE server writing the same snapshot to as many clients, once a second.
  const snapshot = JSON.parse(await (await fetch(`${stack.collectorUrl}/v1/live/snapshot`)).text()) as object;
  const clients = new Set<ServerResponse>();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': connected\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  const bareUrl = await listen(bare);
  const sent = new Map<string, number>();
  const bareStreams = await openStreams(bareUrl, CLIENTS, {});
  const ticker = setInterval(() => {
    const generatedAt = new Date().toISOString();
    const data = JSON.stringify({ ...snapshot, generatedAt });
    sent.set(generatedAt, performance.timeOrigin + performance.now());
    for (const res of clients) res.write(`event: snapshot\ndata: ${data}\n\n`);
  }, 1000);
  const baseline = await fanOutMs(
    bareStreams.arrivals,
    (key) => sent.get(key) ?? Date.parse(key),
    FANOUT_UPDATES,
  );
  clearInterval(ticker);
  bareStreams.close();
  bare.closeAllConnections();
  await new Promise((resolve) => bare.close(resolve));
  return [
    withRatio({
      name: `sse_fanout_${CLIENTS}_clients`,
      value: viaConsole,
      unit: 'ms',
      baseline,
      goal: 'collector snapshot to the last of 200 browsers well under 2 s',
    }),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'stimawatch-dashboard-bench-'));
  try {
    await viteBuild(DASHBOARD, outDir);
    const react = await reactAloneKb();
    const sizes: BenchResult[] = [
      withRatio({
        name: 'console_initial_js_gzip',
        value: initialJsKb(outDir, 'index.html'),
        unit: 'KiB',
        baseline: react,
        goal: '<= 250 KiB',
      }),
      {
        name: 'status_page_total_gzip',
        value: pageTotalKb(outDir, 'status.html'),
        unit: 'KiB',
        goal: '<= 50 KiB',
      },
    ];
    const stack = await startStack({ dashboardDir: outDir });
    try {
      await postMentions(stack, MENTIONS);
      return [...sizes, ...(await firstRender(stack)), ...(await sseFanOut(stack))];
    } finally {
      await stack.stop();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
