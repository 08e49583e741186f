// The supervisor's review in headless Chromium against the built dist/: FILES dropped on the review screen at once,
// timed from the input's change event until the status says every file is checked, with the page's longest frame
// gap over that time (how long the page could not respond: requestAnimationFrame gaps), RUNS times.
// Prints one JSON line. Usage: node tests/bench/review.mjs RUNS FILE…
// (e.g. 100 generated catalogs: cargo xtask gen --entries 300 --count 100 --level 乡级 --formats xlsx --out DIR)
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [runs, ...files] = process.argv.slice(2);

const { server, base } = await serve(join(root, "dist"));
const browser = await launch();
const results = [];
try {
  for (let run = 0; run < Number(runs); run++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(base);
    await page.getByRole("button", { name: "审核多个目录" }).click();
    await page.evaluate(() => {
      window.__bench = { change: null, gap: 0 };
      document.addEventListener("change", () => { window.__bench.change ??= performance.now(); }, true);
      let last = performance.now();
      const frame = (t) => {
        if (window.__bench.change !== null) window.__bench.gap = Math.max(window.__bench.gap, t - last);
        last = t;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.getByLabel("选择要审核的文件").setInputFiles(files);
    await page.getByText(`已校验${files.length}个文件`).waitFor({ timeout: 300_000 });
    results.push(await page.evaluate(() => ({ ms: performance.now() - window.__bench.change, gap: window.__bench.gap })));
    await page.context().close();
  }
} finally {
  await browser.close();
  server.close();
}
const sorted = (k) => results.map((r) => r[k]).sort((a, b) => a - b);
const median = (xs) => xs[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ files: files.length, runs: results.length, ms: sorted("ms"), gap: sorted("gap"),
  median_ms: median(sorted("ms")), median_gap_ms: median(sorted("gap")) }));
