// No data loss and no injection, in headless Chromium against the built dist/: a crashed tab reopens with every
// saved edit; the same catalog in two tabs warns both and never overwrites one with the other; a file from a newer
// version of the tool is refused with nothing changed; script payloads typed into cells stay text in the app and
// in the exported web page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { foreignRequests, launch, serve } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
let server, base, browser, context, dir;
let foreign;

before(async () => {
  ({ server, base } = await serve(join(root, "dist")));
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1500, height: 900 } });
  foreign = foreignRequests(context, base);
  dir = await mkdtemp(join(tmpdir(), "zwgk-safety-"));
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open() {
  const page = await context.newPage();
  page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(base);
  return page;
}
const cell = (page, row, col) => page.locator(`table.grid tbody tr[aria-rowindex="${row + 1}"] td:nth-child(${col + 1})`);
const settled = (page) => page.locator(".saved", { hasText: "已自动保存" }).waitFor();
/** Type `text` into a cell and commit it with Enter. */
async function set(page, row, col, text) {
  await cell(page, row, col).click();
  await page.locator("textarea.cell-editor").fill(text);
  await page.keyboard.press("Enter");
  await cell(page, row, col).getByText(text).waitFor();
}
const stored = (page) => page.evaluate(async () => {
  const id = localStorage.getItem("zwgk.last-open");
  return JSON.parse(new TextDecoder().decode(await zwgkStore.load(id)));
});

let tab;

test("a crashed tab reopens the catalog with every saved edit", async () => {
  tab = await open();
  await tab.getByLabel("打开文件").setInputFiles(join(root, "tests/fixtures/example-township.json"));
  await tab.locator("h1", { hasText: "示例镇政务公开事项标准目录" }).waitFor();
  await set(tab, 1, 5, "示例镇党政综合办公室");
  await settled(tab);
  // Mid-edit when the renderer dies: text typed but not committed.
  await cell(tab, 2, 5).click();
  await tab.keyboard.type("未提交的文字");
  const cdp = await context.newCDPSession(tab);
  const crashed = new Promise((resolve) => tab.once("crash", resolve));
  cdp.send("Page.crash").catch(() => {}); // never answers: the renderer is gone
  await crashed;
  await tab.close().catch(() => {});
  tab = await open();
  await tab.locator("h1", { hasText: "示例镇政务公开事项标准目录" }).waitFor();
  await cell(tab, 1, 5).getByText("示例镇党政综合办公室").waitFor();
});

test("the same catalog in two tabs: both warn, and neither overwrites the other", async () => {
  const other = await open();
  await other.locator("h1", { hasText: "示例镇政务公开事项标准目录" }).waitFor();
  for (const p of [tab, other]) await p.getByText("此目录也在另一个标签页中打开").waitFor();
  await set(other, 1, 4, "另一标签页：信息形成之日起10个工作日内");
  await settled(other);
  // This tab opened the catalog before the other saved: its edit must not overwrite the other's.
  await set(tab, 2, 4, "本标签页：信息形成之日起15个工作日内");
  await tab.getByText("此目录已在另一个标签页中保存了修改").waitFor();
  const saved = await stored(other);
  assert.ok(JSON.stringify(saved).includes("另一标签页：信息形成之日起10个工作日内"), "the other tab's edit is stored");
  assert.ok(!JSON.stringify(saved).includes("本标签页"), "and not overwritten");
  // This tab's edit is kept too: saved as a copy.
  await tab.getByRole("button", { name: "将本页内容另存为副本" }).click();
  await tab.locator("h1", { hasText: "（副本）" }).waitFor();
  await settled(tab);
  assert.ok(JSON.stringify(await stored(tab)).includes("本标签页：信息形成之日起15个工作日内"));
  await tab.getByRole("button", { name: "返回列表" }).click();
  await tab.locator("table.list tbody tr", { hasText: "（副本）" }).waitFor();
  assert.equal(await tab.locator("table.list tbody tr").count(), 2, "the original and the copy");
  await other.close();
});

test("a catalog file from a newer version of the tool is refused, nothing changes", async () => {
  const json = JSON.parse(await readFile(join(root, "tests/fixtures/example-township.json"), "utf8"));
  const path = join(dir, "新版目录.json");
  await writeFile(path, JSON.stringify({ ...json, version: 2, meta: { ...json.meta, title: "新版格式目录" } }));
  const before = await tab.locator("table.list tbody tr").allInnerTexts();
  await tab.getByLabel("打开文件").setInputFiles(path);
  const alert = tab.getByRole("alert");
  await alert.getByText("新版格式").waitFor();
  assert.match(await alert.innerText(), /文件未做任何改动/);
  assert.deepEqual(await tab.locator("table.list tbody tr").allInnerTexts(), before, "the saved catalogs are unchanged");
  assert.ok(await tab.getByRole("heading", { name: "新版格式目录" }).count() === 0);
});

const payloads = [
  "<script>window.__xss = 1</script>",
  "<img src=x onerror=\"window.__xss = 1\">",
  "<svg onload=\"window.__xss = 1\"></svg>",
  "\"><img src=x onerror=window.__xss=1>",
  "javascript:window.__xss = 1",
  "<a href=\"javascript:window.__xss=1\">点击</a>",
];

test("script payloads typed into cells stay text in the app and in the exported web page", async () => {
  await tab.locator("table.list tbody tr", { hasText: "（副本）" }).getByRole("button").first().click();
  await tab.locator("h1", { hasText: "（副本）" }).waitFor();
  // Paste them as a block from Excel: item, content, basis … of several rows.
  await cell(tab, 1, 1).click();
  await tab.evaluate((rows) => {
    const data = new DataTransfer();
    // As Excel copies cells: a cell with a quote, tab or line break is quoted, its quotes doubled.
    const quote = (c) => (/["\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    data.setData("text/plain", rows.map((r) => r.map(quote).join("\t")).join("\r\n"));
    document.querySelector("textarea.cell-editor").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, payloads.map((p, i) => [p, payloads[(i + 1) % payloads.length], payloads[(i + 2) % payloads.length]]));
  await cell(tab, 3, 2).getByText(payloads[3]).waitFor();
  await tab.waitForTimeout(300);
  assert.equal(await tab.evaluate(() => window.__xss), undefined, "no payload ran");
  assert.equal(await tab.locator("main img, main svg, main script, table.grid a").count(), 0, "no element came from a cell");
  await settled(tab);
  const download = tab.waitForEvent("download");
  await tab.getByRole("button", { name: "导出网页" }).click();
  const html = await readFile(await (await download).path(), "utf8");
  for (const p of payloads.slice(0, 3)) assert.ok(!html.includes(p), `exported raw: ${p}`);
  assert.ok(html.includes("&lt;script&gt;window.__xss = 1&lt;/script&gt;"), "shown as text");
  const view = await context.newPage();
  await view.setContent(html);
  await view.waitForTimeout(200);
  assert.equal(await view.evaluate(() => window.__xss), undefined, "the exported page runs none of them");
  assert.equal(await view.locator("img, svg, script, a[href^='javascript']").count(), 0);
  await view.close();
});

test("a web page carrying a personal mobile number is refused until it is masked", async () => {
  // The selected cell's editor opens over the rows below: move to the next cell by keyboard, as staff do.
  await tab.locator("textarea.cell-editor").press("ArrowRight");
  await tab.locator("textarea.cell-editor").fill("联系人：张三，手机13812345678");
  await tab.keyboard.press("Enter");
  await cell(tab, 1, 2).getByText("13812345678").waitFor();
  await tab.getByRole("button", { name: "导出网页" }).click();
  await tab.getByText("导出失败").waitFor();
  const download = tab.waitForEvent("download");
  await tab.getByRole("button", { name: "遮盖个人信息后导出网页" }).click();
  const html = await readFile(await (await download).path(), "utf8");
  assert.ok(html.includes("138****5678"), "masked: first 3 and last 4 digits kept");
  assert.ok(!html.includes("13812345678"));
});

test("a catalog that repeats ids shows every row in order as it scrolls, and an edit lands where it was made", async () => {
  const json = JSON.parse(await readFile(join(root, "tests/fixtures/example-township.json"), "utf8"));
  const first = json.entries[0];
  // 80 rows of one domain whose ids repeat every third row (published catalogs number rows per sheet, so ids clash).
  const rows = Array.from({ length: 80 }, (_, k) => ({ ...first, id: `编号${k % 3}`, subject: `主体${k + 1}` }));
  const path = join(dir, "重复编号.json");
  await writeFile(path, JSON.stringify({ ...json, meta: { ...json.meta, title: "重复编号目录" }, entries: rows }));
  const back = tab.getByRole("button", { name: "返回列表" });
  if (await back.count()) await back.click();
  await tab.getByLabel("打开文件").setInputFiles(path);
  await tab.locator("h1", { hasText: "重复编号目录" }).waitFor();
  // Each rendered row: its number (aria-rowindex counts the header) and its 公开主体 text.
  const shown = () => tab.locator("table.grid tbody tr.row").evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.getAttribute("aria-rowindex")) - 1, tr.children[5].textContent]));
  const inOrder = async () => {
    const list = await shown();
    assert.ok(list.length > 10, "rows are rendered");
    for (let k = 0; k < list.length; k++) {
      if (k > 0) assert.equal(list[k][0], list[k - 1][0] + 1, "consecutive rows");
      if (list[k][1] !== "") assert.equal(list[k][1], `主体${list[k][0]}`, `row ${list[k][0]}`);
    }
  };
  await inOrder();
  for (const top of [62, 62 * 7, 62 * 30, 62 * 12, 62 * 55]) {
    await tab.locator(".grid-wrap").evaluate((el, y) => { el.scrollTop = y; }, top);
    await tab.waitForTimeout(150);
    await inOrder();
  }
  await tab.locator(".grid-wrap").evaluate((el) => { el.scrollTop = 0; });
  await tab.locator('table.grid tbody tr.row[aria-rowindex="4"] td.cell').nth(4).click();
  await tab.locator("textarea.cell-editor").fill("改过的主体");
  await tab.keyboard.press("Enter");
  await tab.locator('textarea.cell-editor[aria-label="第4行 公开主体"]').waitFor();
  const after = new Map(await shown());
  assert.equal(after.get(3), "改过的主体");
  assert.equal(after.get(2), "主体2");
  assert.equal(after.get(5), "主体5");
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
