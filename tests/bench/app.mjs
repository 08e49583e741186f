// The app (the built dist/, from `cargo xtask dist`) as a user meets it, in headless Chromium; prints one JSON line
// for `cargo xtask bench app`. Times are performance.now() in the page (ms since navigation start for loads):
// - load: each run in a fresh browser context (empty cache and storage): time until the home screen's 新建目录
//   button is present and enabled, and every URL requested by then (`requested`); `later`, what the page fetched
//   afterwards until the network was idle (the Excel/CSV package, fetched and warmed while the page is idle);
// - import: a file through the home screen's file input, from the input's change event until `.editor-head` is in
//   the page and a frame has been produced after it (requestAnimationFrame, then a setTimeout 0): `import` right
//   once the network is idle after load, `importIdle` after the page was open IDLE_MS more (a user finding the
//   file: the package's warm-up done);
// - keys: in the grid of the imported catalog, an edit committed with Enter: the editor's text set, then from before
//   the Enter keydown until the grid cell shows the new text and a frame has been produced after it.
// Usage: node tests/bench/app.mjs LOAD_RUNS IMPORT_RUNS KEYS FILE…   (imports and keystrokes on each FILE)
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [loadRuns, importRuns, keys, ...files] = process.argv.slice(2);
const WARMUP = 5;
const IDLE_MS = 3000;

// Before any page script: note when 新建目录 is first present and enabled, and when a file input changes.
function probe() {
  window.__bench = { tti: null, change: null, frames: 0 };
  // Frames the page has produced: a keystroke's change painted in the first frame after it counts 1.
  const tick = () => {
    window.__bench.frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const check = () => {
    if (window.__bench.tti !== null) return;
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "新建目录");
    if (button && !button.disabled) {
      window.__bench.tti = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener("change", (e) => {
    if (e.target && e.target.type === "file") window.__bench.change = performance.now();
  }, true);
}

const { server, base } = await serve(join(root, "dist"));
const browser = await launch();

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(probe);
  return { context, page, errors };
}

async function open(page) {
  const requested = [];
  page.on("requestfinished", (r) => requested.push(r.url().slice(base.length) || "/"));
  await page.goto(base, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench.tti !== null, null, { timeout: 60_000 });
  const atStart = [...new Set(requested)];
  await page.waitForLoadState("networkidle");
  const later = [...new Set(requested)].filter((u) => !atStart.includes(u));
  return { tti: await page.evaluate(() => window.__bench.tti), requested: atStart, later };
}

/** Import `file` through the home screen's input; ms from the change event to a frame after `.editor-head`. */
async function importFile(page, file) {
  await page.evaluate(() => {
    window.__bench.head = null;
    const observer = new MutationObserver(() => {
      if (document.querySelector(".editor-head")) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__bench.head = performance.now(); }, 0));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByLabel("打开文件").setInputFiles(file);
  await page.waitForFunction(() => window.__bench.head !== null, null, { timeout: 300_000, polling: 100 });
  return page.evaluate(() => window.__bench.head - window.__bench.change);
}

/** One committed edit: `paint`, ms from before the Enter keydown to a frame after the cell shows `marker`; `work`,
 *  ms until the cell shows it with style and layout done (the frame's wait for the display left out); `frames`,
 *  which frame after the keydown showed it (1: the very next one, so painted within one frame interval). */
function keystroke(marker) {
  const area = document.querySelector("textarea.cell-editor");
  if (!area) return Promise.resolve(null);
  area.value = marker;
  area.dispatchEvent(new Event("input", { bubbles: true }));
  const shows = (cell) => cell && !cell.querySelector("textarea") && cell.textContent.includes(marker);
  return new Promise((resolve) => {
    let t0 = 0;
    let f0 = 0;
    let done = false;
    const finish = (cell) => {
      if (done) return;
      done = true;
      observer.disconnect();
      cell.getBoundingClientRect(); // style and layout, as the paint needs them
      const work = performance.now() - t0;
      requestAnimationFrame(() => {
        const frames = window.__bench.frames - f0;
        setTimeout(() => resolve({ paint: performance.now() - t0, work, frames }), 0);
      });
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const cell = node?.closest?.("td.cell");
        if (shows(cell)) return finish(cell);
        for (const added of r.addedNodes) {
          if (added.nodeType !== 1) continue;
          const cells = added.matches("td.cell") ? [added] : added.querySelectorAll("td.cell");
          for (const c of cells) if (shows(c)) return finish(c);
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve({ paint: -1, work: -1, frames: -1 }); } }, 30_000);
    t0 = performance.now();
    f0 = window.__bench.frames;
    area.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
  });
}

/** Open the editor on the 公开主体 cell (or the first cell) of the `row`-th rendered grid row. */
async function startEditing(page, row) {
  const column = await page.evaluate(() => {
    const heads = [...document.querySelectorAll("table.grid thead th")];
    return heads.findIndex((th) => th.textContent.includes("公开主体"));
  });
  // Rows with cells (a virtualised grid adds spacer rows).
  const line = page.locator("table.grid tbody tr").filter({ has: page.locator("td.cell") }).nth(row - 1);
  const label = () => page.locator("textarea.cell-editor").getAttribute("aria-label", { timeout: 30_000 });
  if (column < 0) {
    await line.locator("td.cell").first().click();
    return label();
  }
  // `column` counts the row-number header cell; the row's td cells do not: the 公开主体 td is column - 1.
  // The label of the opened editor confirms it.
  for (const c of [column - 1, column, column - 2]) {
    await line.locator("td").nth(c).click();
    if ((await label())?.includes("公开主体")) break;
  }
  return label();
}

const result = { load: [], import: {}, importIdle: {}, idleMs: IDLE_MS, keys: {} };
try {
  for (let i = 0; i < Number(loadRuns); i++) {
    const { context, page, errors } = await fresh();
    const { tti, requested, later } = await open(page);
    result.load.push({ tti, requested, later, errors });
    await context.close();
  }
  for (const file of files) {
    const name = file.split("/").pop();
    result.import[name] = [];
    result.importIdle[name] = [];
    for (let i = 0; i < Number(importRuns); i++) {
      const { context, page } = await fresh();
      await open(page);
      console.error(`→ app import ${name} right after load (${i + 1}/${importRuns})`);
      result.import[name].push(await importFile(page, file));
      await context.close();
    }
    for (let i = 0; i < Number(importRuns); i++) {
      const { context, page } = await fresh();
      await open(page);
      await page.waitForTimeout(IDLE_MS);
      console.error(`→ app import ${name} after ${IDLE_MS} ms idle (${i + 1}/${importRuns})`);
      result.importIdle[name].push(await importFile(page, file));
      if (i + 1 < Number(importRuns)) {
        await context.close();
        continue;
      }
      // Keystrokes in the catalog just imported (the last import run's page).
      const rows = await page.locator("table.grid tbody tr").filter({ has: page.locator("td.cell") }).count();
      const times = [];
      const work = [];
      const frames = [];
      let row = 1;
      const editing = await startEditing(page, row);
      for (let k = 0; k < WARMUP + Number(keys); k++) {
        if (await page.locator("textarea.cell-editor").count() === 0) {
          row = row >= rows ? 1 : row + 1;
          await startEditing(page, row);
        }
        const t = await page.evaluate(keystroke, `基准测试编辑${k}号主体`);
        if (k >= WARMUP && t !== null) {
          times.push(t.paint);
          work.push(t.work);
          frames.push(t.frames);
        }
        await page.waitForTimeout(100); // a typist's pace between edits
      }
      result.keys[name] = { rows, times, work, frames, editing };
      await page.screenshot({ path: join(root, `target/bench/app-${name}.png`) });
      await context.close();
    }
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
