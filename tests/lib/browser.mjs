// Shared by the browser tests: a static server over a folder on loopback, and Debian's Chromium driven by
// playwright-core with the flags this machine needs (no background traffic to the closed network).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8", ".css": "text/css", ".json": "application/json" };

/** Serve `dir` on 127.0.0.1 (a free port); `/` is index.html. */
export async function serve(dir, extra = {}) {
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path === "/") path = "/index.html";
    if (extra[path] !== undefined) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(extra[path]);
      return;
    }
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Every URL `context` requests outside `base` (blob: and data: URLs are the page's own), collected as they happen. */
export function foreignRequests(context, base) {
  const foreign = [];
  context.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith("blob:") && !url.startsWith("data:")) foreign.push(url);
  });
  return foreign;
}

/** The built app (`dir`, i.e. dist/) served and opened in a fresh context at 1500×900 (or `viewport`) that accepts
 *  downloads: every request leaving the origin is collected in `foreign`, and an uncaught page error fails the test
 *  at once. */
export async function openApp(dir, { viewport = { width: 1500, height: 900 } } = {}) {
  const { server, base } = await serve(dir);
  const browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  const foreign = foreignRequests(context, base);
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`page error: ${e.message}`); });
  await page.goto(base);
  return { server, base, browser, context, page, foreign };
}

/** The catalog the app last opened, as IndexedDB holds it (what a reload would show). */
export const storedCatalog = (page) => page.evaluate(async () =>
  JSON.parse(new TextDecoder().decode(await zwgkStore.load(localStorage.getItem("zwgk.last-open")))));

/** Waits until the editor says every edit is saved. */
export const untilSaved = (page) => page.locator(".saved", { hasText: "已自动保存" }).waitFor();
