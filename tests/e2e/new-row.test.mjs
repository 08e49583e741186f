// A row added with 新增事项 at 1366×768 does not greet the clerk with three red errors (缺少必填要素 公开内容, 公开依据,
// 公开主体) before anything is typed: they appear once the selection leaves the row, if the fields are still empty.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, browser, page, foreign;

before(async () => {
  ({ server, browser, page, foreign } = await openApp(join(root, "dist"), { viewport: { width: 1366, height: 768 } }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

const row = (n) => page.locator(`table.grid tbody tr[aria-rowindex="${n + 1}"]`);
const required = () => page.locator(".issues .issue", { hasText: "缺少必填要素" });
const errors = async () => Number((await page.locator(".issues summary", { hasText: "错误" }).innerText()).match(/（(\d+)）/)[1]);

test("a new row is quiet while it is filled in, and says what is missing once left", async () => {
  await page.getByText("还没有目录").waitFor();
  await page.getByLabel("打开文件").setInputFiles(fixture("example-township.json"));
  await page.locator(".editor-head").waitFor();
  const rows = await page.locator("table.grid tbody tr.row").count();
  const before = await errors();
  await page.getByRole("button", { name: "新增事项" }).click();
  const added = row(rows + 1);
  await added.waitFor();
  assert.equal(await added.locator("td.has-error").count(), 0, "no red cell before anything is typed");
  assert.equal(await required().count(), 0, "and no 缺少必填要素 in the issues panel");
  assert.equal(await errors(), before);
  // Typing in the row keeps it quiet: 公开内容 filled, the selection moves on within the row.
  await page.locator('textarea.cell-editor[aria-label="第' + (rows + 1) + '行 公开事项（一级 / 二级）"]').waitFor();
  await page.keyboard.press("Tab");
  await page.locator('textarea.cell-editor[aria-label="第' + (rows + 1) + '行 公开内容（要素）"]').waitFor();
  await page.keyboard.type("●救助对象 ●救助标准");
  await page.keyboard.press("Tab");
  assert.equal(await added.locator("td.has-error").count(), 0);
  // Leaving the row: the two fields still empty (公开依据, 公开主体) are reported.
  await page.keyboard.press("Control+Home");
  await required().nth(1).waitFor();
  assert.equal(await required().count(), 2);
  assert.equal(await added.locator("td.has-error").count(), 2);
  assert.equal(await errors(), before + 2);
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
