// @ts-check
/** What the benchmark measures inside Chromium. Each function opens its own page. */

/** @typedef {import('@playwright/test').Browser} Browser */

/**
 * (ii): the floor for any page that polls this API. With several gateways, `paths` names each
 * one's API on the server, all fetched and parsed in parallel: the floor for a page that shows
 * them all.
 * @param {Browser} browser
 * @param {string} app
 * @param {string[]} [paths]
 */
export async function measureRawFetch(browser, app, paths = ['/api/v1/metrics']) {
  const page = await browser.newPage();
  await page.goto(`${app}-/pushboard/healthy`);
  const ms = await page.evaluate(async (paths) => {
    const t0 = performance.now();
    const answers = await Promise.all(paths.map(async (p) => (await fetch(p)).json()));
    if (!answers.every((json) => Array.isArray(json.data))) throw new Error('no data');
    return performance.now() - t0;
  }, paths);
  await page.close();
  return ms;
}

/**
 * Time from navigation until the first group is on screen. (The tab then stays 1.5 s, as it did
 * when its heap was read here: that was read before the rest of the list had arrived whenever
 * the rest took longer, see measureLoadedHeap.) At 10,000 groups the page opens on the job
 * overview, so the first group is timed with every job open (`?jobs=open`); `{ path: '',
 * selector: '[data-job-row]' }` times the overview's first job row instead.
 * @param {Browser} browser
 * @param {string} app
 * @param {{ path?: string, selector?: string }} [what]
 */
export async function measureFirstGroups(browser, app, { path = '?jobs=open', selector = 'article' } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Noted in the page itself: the frame after the first group enters the DOM, when it is painted.
  // (Asking from outside would wait for the main thread to be free, which can be later.)
  await page.addInitScript((selector) => {
    const w = /** @type {any} */ (window);
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => (w.__firstGroup = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(`${app}${path}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => /** @type {any} */ (window).__firstGroup, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => /** @type {any} */ (window).__firstGroup);
  await page.waitForTimeout(1500);
  await context.close();
  return { ms };
}

/**
 * Opens the app and waits until the whole list is in: a large first load arrives in parts (the
 * page's first screenful, then the stream's), and until the last part is in, the status says
 * "Loading all N groups…".
 * @param {import('@playwright/test').Page} page
 * @param {string} app
 */
async function openWholeList(page, app) {
  await page.goto(app);
  await page.waitForSelector('[data-job-row], article', { timeout: 60_000 });
  await page.waitForFunction(() => !document.body.textContent?.includes('Loading all'), undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1500);
}

/**
 * The page's JS heap after a forced collection, once the whole list is in.
 * @param {Browser} browser
 * @param {string} app
 */
export async function measureLoadedHeap(browser, app) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openWholeList(page, app);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return usedSize;
}

/**
 * Main-thread long tasks per poll cycle while the data does not change. The page follows the
 * server's stream, so a cycle is one poll of the gateway by the server (counted by `polls`), after
 * which the page receives the poll's status; the window is the server's interval.
 * @param {Browser} browser
 * @param {string} app
 * @param {{ cycleMs: number, polls: () => number }} server
 */
export async function measurePolls(browser, app, { cycleMs, polls }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(app);
  await page.waitForSelector('[data-job-row], article', { timeout: 60_000 });
  await page.waitForTimeout(4000);
  const start = await page.evaluate(() => performance.now());
  const before = polls();
  await page.waitForTimeout(3 * cycleMs);
  const end = await page.evaluate(() => performance.now());
  /** @type {Array<[number, number]>} */
  const tasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks);
  await context.close();
  const cycles = polls() - before;
  // Long-task time in each window of one interval: a poll cycle's main-thread cost.
  const windows = new Map();
  for (const [t, d] of tasks) {
    if (t < start || t > end) continue;
    const w = Math.floor((t - start) / cycleMs);
    windows.set(w, (windows.get(w) ?? 0) + d);
  }
  return { cycles, worstCycleMs: Math.max(0, ...windows.values()) };
}

/**
 * Keystrokes in the filter box until the list shows the new result, worst case.
 * @param {Browser} browser
 * @param {string} app
 */
export async function measureFilter(browser, app) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Typing is timed on the whole list: until the last part is in, the "Loading all N groups…"
  // line is the status the steps below would watch.
  await openWholeList(page, app);
  const times = await page.evaluate(async () => {
    const input = /** @type {HTMLInputElement} */ (document.querySelector('input[type=search]'));
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const status = () => document.querySelector('[role=status]')?.textContent ?? '';
    const out = [];
    // Each step changes the number of matches, so the status line tells when the list has followed.
    for (const q of ['host-4', 'host-42', 'host-421', 'host-4217', 'host-421', 'host-42', 'host-4', '']) {
      const previous = status();
      const t0 = performance.now();
      setValue?.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () =>
          status() !== previous || performance.now() - t0 > 5000
            ? requestAnimationFrame(resolve)
            : requestAnimationFrame(check);
        check();
      });
      out.push(performance.now() - t0);
    }
    return out;
  });
  await context.close();
  return { keys: times.length, worstMs: Math.max(...times), times };
}

/**
 * Scrolling the compact list end to end with every job open, a screen at a time, one step a
 * frame: the long tasks (over 50 ms) on the main thread meanwhile.
 * @param {Browser} browser
 * @param {string} app
 */
export async function measureCompactScroll(browser, app) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openWholeList(page, `${app}?view=compact&jobs=open`);
  const result = await page.evaluate(async () => {
    /** @type {number[]} */
    const long = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    let steps = 0;
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
      window.scrollBy(0, window.innerHeight);
      steps++;
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    // One more frame for the last rows, and the observer's last entries.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    observer.disconnect();
    const rows = document.querySelectorAll('article').length;
    return { long, steps, ms: performance.now() - t0, height: document.documentElement.scrollHeight, rows };
  });
  await context.close();
  return { ...result, worstMs: Math.max(0, ...result.long) };
}
