// 目录信息 after the wizard, as a township clerk meets it at 1366×768: an imported file with no title row and no
// level keeps errors that only the catalog information clears. Each finding's 填写 opens the panel on its field;
// choosing the level updates the navigator's guideline counts; Chinese typed through an IME lands whole; every
// change is one undo step, saved, and still there after a reload. Then the same panel in English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, storedCatalog, untilSaved } from "../lib/browser.mjs";

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

const savedCatalog = () => storedCatalog(page);
const settled = () => untilSaved(page);
const issue = (text) => page.locator(".issues .issue", { hasText: text });
const navCount = (domain) => page.locator(".nav-item", { hasText: domain }).locator(".count").innerText();
const panel = () => page.getByRole("dialog", { name: "目录信息" });
const focused = () => page.evaluate(() => ({ id: document.activeElement.id, name: document.activeElement.name }));

test("an imported file without title or level: 填写 on the level error opens 目录信息 on the level", async () => {
  await page.getByText("还没有目录").waitFor();
  await page.getByLabel("打开文件").setInputFiles(fixture("import/g-utf16-tab.csv"));
  await page.locator(".editor-head").waitFor();
  await page.locator("h1", { hasText: "（未命名目录）" }).waitFor();
  assert.match(await navCount("养老服务"), /\/0$/, "with no level no guideline item applies");
  await issue("缺少目录层级").getByRole("button", { name: "填写目录信息：层级" }).click();
  await panel().waitFor();
  assert.equal((await focused()).name, "meta-level", "the level has the focus");
  await page.getByLabel("乡级（乡镇、街道）").check();
  await issue("缺少目录层级").waitFor({ state: "detached" });
  assert.match(await navCount("养老服务"), /\/[1-9]\d*$/, "the navigator counts the township's guideline items");
  await page.keyboard.press("Escape");
  await panel().waitFor({ state: "detached" });
});

test("the missing title and government: typed in the panel (the government through an IME), then 完成", async () => {
  await issue("缺少目录标题").getByRole("button", { name: "填写目录信息：目录标题" }).click();
  await panel().waitFor();
  assert.equal((await focused()).id, "meta-title");
  await page.keyboard.type("测试县城关镇政务公开事项标准目录");
  await page.keyboard.press("Tab");
  assert.equal((await focused()).id, "meta-government");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "chengguan", selectionStart: 9, selectionEnd: 9 });
  // Enter while composing belongs to the IME: it neither submits the form nor commits the field.
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229 });
  await cdp.send("Input.insertText", { text: "测试县城关镇人民政府" });
  await panel().waitFor();
  assert.equal(await page.locator("#meta-government").inputValue(), "测试县城关镇人民政府");
  await page.getByLabel("地区").fill("某省某市测试县");
  await page.getByLabel("版本").fill("2026版");
  await page.getByLabel("编制日期").fill("2026-12-04");
  await page.getByRole("button", { name: "完成" }).click();
  await panel().waitFor({ state: "detached" });
  await page.locator("h1", { hasText: "测试县城关镇政务公开事项标准目录" }).waitFor();
  await page.locator(".editor-head", { hasText: "测试县城关镇人民政府 · 乡级" }).waitFor();
  await issue("缺少目录标题").waitFor({ state: "detached" });
  assert.equal(await issue("缺少编制单位").count(), 0);
});

test("each change is one undo step, and is saved", async () => {
  await settled();
  assert.equal((await savedCatalog()).meta.compiled_on, "2026-12-04");
  await page.getByRole("button", { name: "撤销" }).click();
  await settled();
  assert.equal((await savedCatalog()).meta.compiled_on, undefined, "undo took the date back");
  assert.equal((await savedCatalog()).meta.revision, "2026版", "and only the date");
  await page.getByRole("button", { name: "重做" }).click();
  await settled();
  assert.equal((await savedCatalog()).meta.compiled_on, "2026-12-04");
});

test("with the government known and no title, the usual title is offered", async () => {
  await page.getByRole("button", { name: "目录信息", exact: true }).click();
  await panel().waitFor();
  await page.locator("#meta-title").fill("");
  await page.locator("#meta-title").press("Tab");
  await page.getByRole("button", { name: "填入：测试县城关镇政务公开事项标准目录" }).click();
  assert.equal(await page.locator("#meta-title").inputValue(), "测试县城关镇政务公开事项标准目录");
  assert.equal(await page.getByRole("button", { name: /^填入：/ }).count(), 0);
  await page.keyboard.press("Escape");
  await page.locator("h1", { hasText: "测试县城关镇政务公开事项标准目录" }).waitFor();
});

test("a reload keeps the catalog information; the top bar's 目录信息 shows it", async () => {
  await page.reload();
  await page.locator("h1", { hasText: "测试县城关镇政务公开事项标准目录" }).waitFor();
  assert.deepEqual((await savedCatalog()).meta, {
    title: "测试县城关镇政务公开事项标准目录", government: "测试县城关镇人民政府", level: "乡级",
    region: "某省某市测试县", compiled_on: "2026-12-04", revision: "2026版",
  });
  await page.getByRole("button", { name: "目录信息", exact: true }).click();
  await panel().waitFor();
  assert.equal((await focused()).id, "meta-title");
  assert.equal(await page.getByLabel("编制单位").inputValue(), "测试县城关镇人民政府");
  assert.ok(await page.getByLabel("乡级（乡镇、街道）").isChecked());
  // Tab stays in the dialog: from its last control back to its first.
  await page.getByRole("button", { name: "完成" }).focus();
  await page.keyboard.press("Tab");
  assert.equal((await focused()).id, "meta-title");
  // The level changed to county: the navigator follows, and undo puts the township back.
  const township = await navCount("养老服务");
  await page.getByLabel("县级（县、市、区政府及其部门）").check();
  await page.keyboard.press("Escape");
  await page.locator(".editor-head", { hasText: "测试县城关镇人民政府 · 县级" }).waitFor();
  assert.notEqual(await navCount("养老服务"), township, "the county's guideline items are counted");
  await page.getByRole("button", { name: "撤销" }).click();
  await page.locator(".editor-head", { hasText: "· 乡级" }).waitFor();
  assert.equal(await navCount("养老服务"), township);
});

test("in English", async () => {
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Catalog info" }).click();
  await page.getByRole("dialog", { name: "Catalog information" }).waitFor();
  for (const label of ["Title", "Compiled by", "Region", "Revision", "Compiled on"]) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
  }
  assert.ok(await page.getByLabel("乡级 (township or street office)").isChecked());
  assert.equal(await page.getByRole("button", { name: "Done" }).count(), 1);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("button", { name: "目录信息", exact: true }).waitFor();
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
