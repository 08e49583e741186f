// The import preview (issue 14) at 1366×768: a township's CSV with its own header words (事项, 具体事项, 说明 …)
// does not import; the clerk opens 检查列对应, chooses the field of each column, confirms, and the catalog opens
// with the right item, content and levels. Opened again, the same layout offers the mapping chosen before.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, storedCatalog } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
let server, browser, page, foreign;

before(async () => {
  ({ server, browser, page, foreign } = await openApp(join(root, "dist"), { viewport: { width: 1366, height: 768 } }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

// As crates/catalog-cli/tests/cli.rs `own_words_csv`: a title row, then a header the importer does not know.
const csv = "某县某镇社会救助领域基层政务公开标准目录\n序号,事项,具体事项,说明,法律依据,时间要求,责任单位,发布途径,范围,形式,层级\n" +
  "1,最低生活保障,审批信息,低保对象名单,《社会救助暂行办法》,信息形成之日起20个工作日内,某镇人民政府,政府网站,全社会,主动,乡级\n";
const file = { name: "自拟表头.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };
const field = (letter, header) => page.getByLabel(`${letter}列“${header}”对应的字段`);

// The catalog the editor stored, once it has.
async function stored() {
  for (let i = 0; i < 50; i++) {
    const catalog = await storedCatalog(page).catch(() => null);
    if (catalog?.entries?.length) return catalog;
    await page.waitForTimeout(100);
  }
  throw new Error("the imported catalog was never stored");
}

function assertRightEntry(catalog) {
  assert.equal(catalog.entries.length, 1);
  const e = catalog.entries[0];
  assert.deepEqual(e.item, ["最低生活保障", "审批信息"]);
  assert.equal(e.content, "低保对象名单");
  assert.equal(e.basis, "《社会救助暂行办法》");
  assert.equal(e.time_limit, "信息形成之日起20个工作日内");
  assert.equal(e.subject, "某镇人民政府");
  assert.deepEqual(e.channels, ["政府网站"]);
  assert.equal(e.audience, "全社会");
  assert.equal(e.mode, "主动");
  assert.deepEqual(e.levels, ["乡级"]);
}

test("a file the importer cannot read is imported with the columns the clerk chooses", async () => {
  await page.getByText("还没有目录").waitFor();
  await page.getByLabel("打开文件").setInputFiles(file);
  await page.getByRole("alert").filter({ hasText: "无法打开该文件" }).waitFor();
  await page.getByRole("button", { name: "检查列对应" }).click();

  const preview = page.getByRole("region", { name: /检查列对应/ });
  await preview.waitFor();
  // The header row the clerk's file has, and its first row.
  await preview.locator("tr.file-header th", { hasText: "具体事项" }).waitFor();
  await preview.locator("tbody td", { hasText: "低保对象名单" }).waitFor();
  // The importer's own reading: 法律依据 is 公开依据, 层级 is 公开层级, 说明 is kept aside.
  assert.equal(await field("E", "法律依据").inputValue(), "basis");
  assert.equal(await field("K", "层级").inputValue(), "levels");
  assert.equal(await field("D", "说明").inputValue(), "extra");
  await field("D", "说明").getByRole("option", { name: "不属于目录（保留在其他列）" }).count().then((n) => assert.equal(n, 1));

  for (const [letter, header, value] of [
    ["B", "事项", "item1"], ["C", "具体事项", "item2"], ["D", "说明", "content"], ["F", "时间要求", "time_limit"],
    ["G", "责任单位", "subject"], ["H", "发布途径", "channels"], ["I", "范围", "audience"], ["J", "形式", "mode"],
  ]) {
    await field(letter, header).selectOption(value);
  }
  // Fits the clerk's screen: the confirm button is on it without scrolling sideways.
  const confirm = page.getByRole("button", { name: "按此对应导入" });
  const box = await confirm.boundingBox();
  assert.ok(box && box.x + box.width <= 1366, "the confirm button is on screen");
  await confirm.click();

  await page.locator(".editor-head").waitFor();
  assertRightEntry(await stored());
});

test("a file of the same layout is offered the columns chosen before", async () => {
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByLabel("打开文件").setInputFiles(file);
  const offer = page.getByRole("region", { name: "列对应" });
  await offer.getByText("上次").first().waitFor();
  // Checking them shows the remembered choices.
  await offer.getByRole("button", { name: "检查列对应" }).click();
  assert.equal(await field("D", "说明").inputValue(), "content");
  assert.equal(await field("B", "事项").inputValue(), "item1");
  await page.getByRole("button", { name: "取消" }).click();
  await page.getByRole("button", { name: "按上次的列对应导入" }).click();
  await page.locator(".editor-head").waitFor();
  const catalog = await stored();
  assertRightEntry(catalog);
});

test("the preview speaks English on request", async () => {
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByRole("button", { name: /English/ }).click();
  await page.getByLabel("Open file").setInputFiles(file);
  await page.getByRole("button", { name: "Check columns" }).click();
  await page.getByLabel("Field of column D “说明”").waitFor();
  await page.getByRole("button", { name: "Import with these columns" }).waitFor();
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
