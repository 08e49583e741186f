// The app as township staff use it, in headless Chromium against the built dist/ (cargo xtask dist):
// the wizard, editing cells (Chinese through IME composition), undo/redo, paste from Excel, a fix from the
// issues panel, reload and recover, a full storage quota without loss, import of an XLSX and a GBK CSV,
// export and re-import, and not one request leaving the page's origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { openApp, storedCatalog, untilSaved } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, base, browser, page;
let foreign;

before(async () => {
  ({ server, base, browser, page, foreign } = await openApp(join(root, "dist")));
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The text of the grid cell at (row, column), 1-based as the user counts. */
// Rows carry aria-rowindex (the header is row 1): only the rows in view are rendered.
const cell = (row, col) => page.locator(`table.grid tbody tr[aria-rowindex="${row + 1}"] td:nth-child(${col + 1})`);
/** The saved catalog open in the editor, read from IndexedDB through the app's store. */
const savedCatalog = () => storedCatalog(page);
const savedEntries = async () => (await savedCatalog()).entries;
const settled = () => untilSaved(page);
const editor = () => page.locator("textarea.cell-editor");

test("a new township catalog through the wizard", async () => {
  await page.getByText("还没有目录").waitFor();
  await page.getByRole("button", { name: "新建目录" }).click();
  await page.locator("#government").fill("测试县城关镇人民政府");
  await page.getByLabel("乡镇").check();
  await page.getByRole("button", { name: "下一步：选择领域" }).click();
  await page.getByRole("button", { name: "按乡镇（街道）常用领域" }).click();
  // Leave 税收管理 out: it must be declared not applicable.
  const tax = page.getByLabel(/税收管理/);
  if (await tax.isChecked()) await tax.uncheck();
  await page.getByRole("button", { name: "下一步：选择事项" }).click();
  // Untick one guideline item: it goes to 删减事项说明 with its reason.
  await page.locator("details summary", { hasText: "财政预决算" }).click();
  await page.getByLabel("财政预决算 / 部门决算").uncheck();
  await page.getByLabel("删减理由 财政预决算 / 部门决算").fill("本镇部门决算并入县级汇总公开");
  await page.getByLabel("删减理由 财政预决算 / 部门决算").press("Tab");
  await page.getByRole("button", { name: "下一步：未涉及领域说明" }).click();
  await page.getByLabel("税收管理").fill("本镇无税收管理职能，由县税务局负责");
  await page.locator("#create").click();
  await page.locator("h1", { hasText: "测试县城关镇政务公开事项标准目录" }).waitFor();
  assert.ok(await page.locator("table.grid tbody tr.row").count() > 0, "the first domain's items are in the grid");
  await page.screenshot({ path: join(root, "target/e2e-editor.png") });
});

test("typing Chinese through an IME: composition keys do not commit, the text lands in the cell", async () => {
  await cell(1, 5).click(); // 公开主体
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "zhen", selectionStart: 4, selectionEnd: 4 });
  // Enter while composing belongs to the IME (key code 229): it must not commit the cell.
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229 });
  await cdp.send("Input.insertText", { text: "城关镇人民政府" });
  assert.equal(await editor().inputValue(), "城关镇人民政府", "the first composed keystrokes were not lost");
  await page.keyboard.press("Enter");
  await assert.doesNotReject(cell(1, 5).getByText("城关镇人民政府").waitFor());
});

test("undo and redo with the keyboard", async () => {
  await cell(1, 5).click();
  await page.keyboard.press("Control+z");
  await cell(1, 5).click();
  assert.notEqual(await editor().inputValue(), "城关镇人民政府");
  await page.keyboard.press("Control+y");
  await cell(1, 5).click();
  assert.equal(await editor().inputValue(), "城关镇人民政府");
});

test("Enter, Tab and the arrows move the selection as in Excel, committing what was typed", async () => {
  const at = (label) => page.locator(`textarea.cell-editor[aria-label="${label}"]`).waitFor();
  await cell(2, 5).click();
  await at("第2行 公开主体");
  const before = await editor().inputValue();
  // The text is selected on arrival, as in Excel: typing replaces it.
  await page.keyboard.type("城关镇社会事务办");
  await page.keyboard.press("Enter");
  await at("第3行 公开主体");
  await cell(2, 5).getByText("城关镇社会事务办", { exact: true }).waitFor();
  await page.keyboard.press("Tab");
  await at("第3行 公开渠道和载体");
  await page.keyboard.press("Shift+Tab");
  await at("第3行 公开主体");
  await page.keyboard.press("ArrowUp");
  await at("第2行 公开主体");
  await page.keyboard.type(before);
  await page.keyboard.press("Enter");
  await at("第3行 公开主体");
  await cell(2, 5).getByText(before, { exact: true }).waitFor();
});

test("a block pasted from Excel fills the cells from the selected one", async () => {
  await cell(2, 4).click(); // 公开时限 of the second row
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "信息形成或变更之日起20个工作日内\t城关镇政府\r\n\"制定或获取信息之日起\n10个工作日内\"\t城关镇民政办\r\n");
    document.querySelector("textarea.cell-editor").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await cell(3, 5).getByText("城关镇民政办").waitFor();
  assert.equal((await cell(3, 4).innerText()).replace(/\s+/g, ""), "制定或获取信息之日起10个工作日内");
  await cell(2, 5).getByText("城关镇政府").waitFor();
});

test("a mode written the old way is fixed from the issues panel", async () => {
  await cell(1, 8).click(); // 公开方式
  await editor().fill("主动公开");
  await page.keyboard.press("Enter");
  const issue = page.locator(".issue", { hasText: "公开方式“主动公开”应写作“主动”" });
  await issue.first().waitFor();
  await issue.first().getByRole("button", { name: "定位" }).click();
  await issue.first().getByRole("button", { name: "修复" }).click();
  await page.locator(".issue", { hasText: "主动公开" }).first().waitFor({ state: "detached" });
  assert.equal(await editor().inputValue(), "主动");
});

test("channels tick from the 13-box checklist; the time limit shows what it is understood as", async () => {
  await cell(1, 6).click(); // 公开渠道和载体
  const box = page.getByRole("checkbox", { name: /广播电视/ });
  const before = await box.getAttribute("aria-checked");
  await box.click();
  await cell(1, 6).click();
  assert.equal((await editor().inputValue()).includes("广播电视"), before !== "true");
  await cell(1, 4).click(); // 公开时限
  await editor().fill("20个工作日");
  await page.getByRole("status").filter({ hasText: "识别为" }).getByText("缺少起算点").waitFor();
  await editor().fill("信息形成或变更之日起20个工作日内");
  await page.getByText("识别为：自“信息形成或变更”起20个工作日内").waitFor();
  await page.keyboard.press("Enter");
});

test("a reload reopens the catalog with every committed edit", async () => {
  await settled();
  await page.reload();
  await page.locator("h1", { hasText: "测试县城关镇" }).waitFor();
  await cell(1, 5).getByText("城关镇人民政府").waitFor();
  await cell(3, 5).getByText("城关镇民政办").waitFor();
});

test("bulk edit of ticked rows and reordering are one undo step each", async () => {
  await cell(3, 3).click(); // away from the first column, so its cells show plain text
  const first = await cell(1, 1).innerText();
  assert.ok(first.length > 0);
  await page.getByLabel("选择第1行").check();
  await page.getByLabel("选择第2行").check();
  await page.getByLabel("批量修改的列").selectOption({ label: "公开主体" });
  await page.getByLabel("批量修改的内容").fill("城关镇党政综合办公室");
  await page.getByRole("button", { name: "应用到所选行" }).click();
  await cell(1, 5).getByText("城关镇党政综合办公室").waitFor();
  await cell(2, 5).getByText("城关镇党政综合办公室").waitFor();
  await page.getByRole("button", { name: "撤销" }).click();
  assert.equal(await page.locator("table.grid").getByText("城关镇党政综合办公室").count(), 0, "one undo reverts the whole bulk edit");
  await page.getByRole("button", { name: "重做" }).click();
  await cell(2, 5).getByText("城关镇党政综合办公室").waitFor();
  await page.getByRole("button", { name: "取消选择" }).click();
  await cell(1, 2).click();
  await page.getByRole("button", { name: "下移" }).click();
  assert.equal(await cell(2, 1).innerText(), first, "the first row moved down");
  await page.getByRole("button", { name: "撤销" }).click();
  assert.equal(await cell(1, 1).innerText(), first);
  assert.ok(await page.getByRole("button", { name: "打印" }).isEnabled());
});

test("a full storage quota warns and offers a backup; the edit stays on screen", async () => {
  // The browser refuses writes as a full disk does: IndexedDB's put throws QuotaExceededError. (Chromium's
  // Storage.overrideQuotaForOrigin is not enforced for IndexedDB once the database has been written to.)
  await settled();
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.fullDisk = true;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.fullDisk) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await cell(4, 5).click();
  await editor().fill("配额已满时输入的内容");
  await page.keyboard.press("Enter");
  await page.getByText("浏览器存储空间不足").waitFor();
  await page.screenshot({ path: join(root, "target/e2e-quota.png") });
  await cell(4, 5).getByText("配额已满时输入的内容").waitFor();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载备份" }).click();
  const saved = await readFile(await (await download).path(), "utf8");
  assert.ok(saved.includes("配额已满时输入的内容"), "the backup holds the unsaved edit");
  // Space comes back: a retry stores the edit kept in the page.
  await page.evaluate(() => { window.fullDisk = false; });
  await page.getByRole("button", { name: "重试保存" }).click();
  await settled();
  assert.ok((await savedEntries()).some((e) => e.subject.startsWith("配额已满时输入的内容")), "the edit reached storage");
  await cell(4, 5).click();
  await editor().fill("空间恢复后");
  await page.keyboard.press("Enter");
  await settled();
});

test("a guideline item is deleted with its reason and restored from the guideline panel", async () => {
  await page.locator("nav.domains button", { hasText: "财政预决算" }).click();
  const panel = page.locator("details.guide");
  await panel.getByText("已删减1项").waitFor();
  await settled();
  assert.deepEqual((await savedCatalog()).removed,
    [{ domain: "财政预决算", item: ["财政预决算", "部门决算"], reason: "本镇部门决算并入县级汇总公开" }]);
  // Delete the 部门预算 row: a guideline item, so the reason is asked for first.
  const rows = page.locator("table.grid tbody tr.row");
  const before = await rows.count();
  await page.locator("table.grid tbody tr.row", { hasText: "部门预算" }).locator("td").nth(2).click();
  await page.getByRole("button", { name: "删除当前行" }).click();
  const dialog = page.getByRole("dialog", { name: "删减标准指引事项" });
  assert.ok(await dialog.getByRole("button", { name: "删除并记录理由" }).isDisabled(), "no reason, no removal");
  await page.keyboard.type("本镇无部门预算");
  await page.screenshot({ path: join(root, "target/e2e-remove-dialog.png") });
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await rows.count(), before - 1);
  await panel.getByText("已删减2项").waitFor();
  await page.screenshot({ path: join(root, "target/e2e-guide.png") });
  assert.equal(await panel.getByLabel("删减理由 财政预决算 / 部门预算").inputValue(), "本镇无部门预算");
  // Undo brings the row back and drops the reason in one step.
  await page.getByRole("button", { name: "撤销" }).click();
  await panel.getByText("已删减1项").waitFor();
  assert.equal(await rows.count(), before);
  // Restore the item removed in the wizard: it comes back with the guideline's wording. (The panel opens by
  // itself only while items are missing.)
  if (!(await panel.evaluate((d) => d.open))) await panel.locator("summary").click();
  await panel.getByRole("button", { name: "恢复 财政预决算 / 部门决算" }).click();
  await panel.getByText("已删减0项").waitFor();
  await page.locator("table.grid tbody tr.row", { hasText: "部门决算" }).waitFor();
  // Listed items offer no removal from the panel; remove it again by deleting its row, so the export below
  // carries one removed item.
  assert.equal(await panel.getByRole("button", { name: "删减 财政预决算 / 部门决算" }).count(), 0);
  await page.locator("table.grid tbody tr.row", { hasText: "部门决算" }).locator("td").nth(2).click();
  await page.getByRole("button", { name: "删除当前行" }).click();
  await page.getByLabel("删减理由", { exact: true }).fill("本镇部门决算并入县级汇总公开");
  await page.getByRole("button", { name: "删除并记录理由" }).click();
  await panel.getByText("已删减1项").waitFor();
  await settled();
  const saved = await savedCatalog();
  assert.equal(saved.removed.length, 1);
  assert.ok(!saved.entries.some((e) => e.item.join("/") === "财政预决算/部门决算"));
});

test("export to Excel and re-import it with nothing lost", async () => {
  await settled();
  const { entries, removed, not_applicable } = await savedCatalog();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出 Excel" }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  const dir = await mkdtemp(join(tmpdir(), "zwgk-"));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByLabel("打开文件").setInputFiles(path);
  await page.locator("h1", { hasText: "测试县城关镇" }).waitFor();
  await settled();
  const back = await savedCatalog();
  const strip = (list) => list.map(({ source, ...e }) => e);
  const byDomain = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(byDomain(strip(back.entries)), byDomain(strip(entries)));
  assert.deepEqual(back.removed, removed, "删减事项说明 survives the round trip");
  assert.deepEqual(back.not_applicable, not_applicable, "未涉及领域说明 survives the round trip");
});

test("import an XLSX and a GBK CSV published by real governments", async () => {
  for (const [file, entries, subject] of [["import/a-national-template.xlsx", 4, "县级政府民政部门"], ["import/f-gbk-title-domain.csv", 3, "县级农业农村部门"]]) {
    await page.getByRole("button", { name: "返回列表" }).click();
    await page.getByLabel("打开文件").setInputFiles(fixture(file));
    await page.locator(".editor-head").waitFor();
    assert.equal(await page.locator("table.grid tbody tr.row").count(), entries, file);
    await assert.doesNotReject(page.locator("table.grid").getByText(subject).first().waitFor(), file);
  }
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.locator("table.list tbody tr").nth(3).waitFor();
});

test("a file dropped on the home screen is imported, with the importer's notes shown", async () => {
  const bytes = [...await readFile(fixture("import/d-headings-ditto.xlsx"))];
  await page.evaluate(async (bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "d-headings-ditto.xlsx"));
    const home = document.querySelector("section.home");
    home.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    home.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.locator("h1", { hasText: "赛罕区基层政务公开标准目录" }).waitFor();
  const notes = page.locator("details.import-notes");
  await notes.locator("summary").click();
  await notes.getByText("Sheet1 第6行：“同上”已按上一行的值").first().waitFor();
  await page.screenshot({ path: join(root, "target/e2e-import.png") });
  await page.getByRole("button", { name: "返回列表" }).click();
});

test("公开依据 shows the citations it holds and normalises a document number in one click", async () => {
  await page.getByRole("button", { name: /测试县城关镇政务公开事项标准目录$/ }).first().click();
  await page.locator("h1", { hasText: "测试县城关镇" }).waitFor();
  // The open cell covers the rows below it, as Excel's editing box does: move down with the keyboard.
  await cell(1, 3).click(); // 公开依据
  await page.keyboard.press("Enter");
  await editor().fill("《中华人民共和国政府信息公开条例》（国务院令第711号）、国办发[2019]54号");
  const cites = page.getByRole("group", { name: "识别出的依据" });
  await cites.getByText("《中华人民共和国政府信息公开条例》").waitFor();
  await cites.getByRole("button", { name: "规范文号写法" }).click();
  await cell(2, 3).getByText("国办发〔2019〕54号").waitFor();
  assert.match(await editor().inputValue(), /国办发〔2019〕54号/);
  await page.screenshot({ path: join(root, "target/e2e-basis.png") });
});

test("the version history restores an earlier save, and undo takes the restore back", async () => {
  await settled();
  await page.getByRole("button", { name: "历史版本" }).click();
  const dialog = page.getByRole("dialog", { name: "历史版本" });
  const restore = dialog.getByRole("button", { name: "恢复此版本" });
  await restore.first().waitFor();
  assert.ok(await restore.count() >= 2, "the import and this session's first save each left a version");
  await restore.last().click(); // the oldest: the catalog as it was imported
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.locator("table.grid").getByText("国办发〔2019〕54号").count(), 0, "the 依据 edit is not in the oldest version");
  await page.getByRole("button", { name: "撤销" }).click();
  await cell(2, 3).getByText("国办发〔2019〕54号").waitFor();
  await settled();
});

test("the interface switches to English and back", async () => {
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Undo" }).waitFor();
  await page.getByRole("complementary", { name: "Findings" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("button", { name: "撤销" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
});

test("a catalog is duplicated from the home list", async () => {
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByRole("button", { name: "复制 测试县城关镇政务公开事项标准目录" }).first().click();
  await page.getByRole("button", { name: "测试县城关镇政务公开事项标准目录（副本）", exact: true }).first().waitFor();
});

test("catalogs saved by the first version (localStorage) move into IndexedDB", async () => {
  const old = JSON.parse(await readFile(fixture("example-township.json"), "utf8"));
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(base);
  await fresh.getByText("还没有目录").waitFor();
  await fresh.evaluate((doc) => {
    localStorage.setItem("zwgk.index", JSON.stringify([{ id: "c1", title: doc.meta.title, government: doc.meta.government, updated: 1, entries: doc.entries.length, errors: 0 }]));
    localStorage.setItem("zwgk.doc.c1", JSON.stringify(doc));
  }, old);
  await fresh.reload();
  await fresh.getByText("已将旧版保存的1份目录迁移到新的存储中").waitFor();
  await fresh.getByRole("button", { name: old.meta.title, exact: true }).click();
  await fresh.locator("h1", { hasText: old.meta.title }).waitFor();
  assert.deepEqual(await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("zwgk.doc") || k === "zwgk.index")), []);
  await context.close();
});

test("a catalog the previous release stored as an array of bytes still opens, and is saved again as a Blob", async () => {
  const old = await readFile(fixture("example-township.json"), "utf8");
  const doc = JSON.parse(old);
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(base);
  await fresh.getByText("还没有目录").waitFor();
  // The records as the release before this one wrote them: the catalog's UTF-8 JSON as a Uint8Array.
  await fresh.evaluate(async ({ text, title, government, entries }) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open("zwgk");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(["summaries", "docs"], "readwrite");
    tx.objectStore("summaries").put({ id: "old1", title, government, updated: 1, entries, errors: 0, rev: 1 });
    tx.objectStore("docs").put({ id: "old1", bytes: new TextEncoder().encode(text) });
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }, { text: old, title: doc.meta.title, government: doc.meta.government, entries: doc.entries.length });
  await fresh.reload();
  await fresh.getByRole("button", { name: doc.meta.title, exact: true }).click();
  await fresh.locator("h1", { hasText: doc.meta.title }).waitFor();
  await fresh.locator("table.grid tbody tr.row td.cell").first().click();
  await fresh.locator("textarea.cell-editor").fill("旧版数据中修改的事项");
  await fresh.keyboard.press("Enter");
  const savedText = () => fresh.evaluate(async () => new TextDecoder().decode(await zwgkStore.load("old1")));
  for (let i = 0; i < 300 && !(await savedText()).includes("旧版数据中修改的事项"); i++) await fresh.waitForTimeout(100);
  const stored = await fresh.evaluate(async () => {
    const text = new TextDecoder().decode(await zwgkStore.load("old1"));
    const kind = await new Promise((resolve) => {
      const req = indexedDB.open("zwgk");
      req.onsuccess = () => {
        const get = req.result.transaction("docs").objectStore("docs").get("old1");
        get.onsuccess = () => resolve(get.result.bytes instanceof Blob ? "Blob" : typeof get.result.bytes);
      };
    });
    return { kind, edited: JSON.parse(text).entries.some((e) => e.item.join("/").includes("旧版数据中修改的事项")) };
  });
  assert.deepEqual(stored, { kind: "Blob", edited: true });
  await context.close();
});

test("no request ever left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
