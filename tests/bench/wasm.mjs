// The wasm package (dist/catalog-wasm/web, from `cargo xtask wasm`) in headless Chromium on the bench's generated
// files: times (ms, performance.now() in the page) of validateFile, importFile and validate on the same bytes the
// native measurements read. Prints one JSON line for `cargo xtask bench wasm`.
// Usage: node tests/bench/wasm.mjs RUNS FN:PATH… (FN: validateFile | importFile | validate; PATH relative to the repo)
// BENCH_WASM_MODULE (repo-relative) names another build of the package's web entry to measure instead.
import { fileURLToPath } from "node:url";
import { launch, serve } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [runs, ...cases] = process.argv.slice(2);
const module = process.env.BENCH_WASM_MODULE ?? "dist/catalog-wasm/web/catalog_wasm.js";
const { server, base } = await serve(root, { "/bench.html": "<!doctype html><meta charset=utf-8><title>bench</title>" });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${base}/bench.html`);
  await page.evaluate(async ([base, module]) => {
    window.wasm = await import(`${base}/${module}`);
    await window.wasm.default();
  }, [base, module]);
  const results = [];
  for (const c of cases) {
    const at = c.indexOf(":");
    const [fn, path] = [c.slice(0, at), c.slice(at + 1)];
    console.error(`→ wasm ${fn} ${path}`);
    const result = await page.evaluate(async ([base, fn, path, runs]) => {
      const name = path.split("/").pop();
      const bytes = new Uint8Array(await (await fetch(`${base}/${path}`)).arrayBuffer());
      const text = fn === "validate" ? new TextDecoder().decode(bytes) : null;
      const times = [];
      const parse = [];
      let info = null;
      for (let i = 0; i < runs; i++) {
        if (fn === "validate") {
          const t0 = performance.now();
          const catalog = JSON.parse(text);
          const t1 = performance.now();
          const report = window.wasm.validate(catalog, name);
          const t2 = performance.now();
          parse.push(t1 - t0);
          times.push(t2 - t1);
          info = report.files[0].stats;
        } else if (fn === "validateFile") {
          const t0 = performance.now();
          const report = window.wasm.validateFile(bytes, name);
          times.push(performance.now() - t0);
          info = report.files[0].error ?? report.files[0].stats;
        } else {
          const t0 = performance.now();
          const imported = window.wasm.importFile(bytes, name);
          times.push(performance.now() - t0);
          info = { entries: imported.catalog.entries.length };
        }
        await new Promise((r) => setTimeout(r, 0));
      }
      return { fn, path, runs: times, parse, info };
    }, [base, fn, path, Number(runs)]);
    results.push(result);
  }
  console.log(JSON.stringify({ browser: browser.version(), results }));
} finally {
  await browser.close();
  server.close();
}
