// 导出全部备份 restores, at 1366×768: three catalogs are backed up, the browser's storage is cleared, and opening
// the backup file from the home screen brings every catalog back, stored exactly as it was (the stored JSON is
// compared). Opened again over catalogs that changed since, the backup offers a choice per clash: keep both,
// replace (the replaced one stays in its history), or skip. A backup of the earlier app (a JSON array) opens too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { openApp, untilSaved } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, base, browser, context, page, foreign, backupPath;

before(async () => {
  ({ server, base, browser, context, page, foreign } =
    await openApp(join(root, "dist"), { viewport: { width: 1366, height: 768 } }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every stored catalog's JSON, by id, and the home list's summaries, read from IndexedDB. */
const stored = () => page.evaluate(async () => {
  const out = {};
  for (const s of await zwgkStore.list()) out[s.id] = JSON.parse(new TextDecoder().decode(await zwgkStore.load(s.id)));
  return out;
});
const byTitle = (all) => Object.fromEntries(Object.values(all).map((c) => [c.meta.title, c]));
const settled = () => untilSaved(page);
const dialog = () => page.getByRole("dialog", { name: "从备份恢复目录" });
const listRows = () => page.locator("table.list tbody tr");
const openFile = (path) => page.getByLabel("打开文件").setInputFiles(path);

/** Open a catalog from the home list, change its title in 目录信息, and go back. */
async function retitle(title, to) {
  await page.getByRole("button", { name: title, exact: true }).click();
  await page.getByRole("button", { name: "目录信息", exact: true }).click();
  await page.locator("#meta-title").fill(to);
  await page.getByRole("button", { name: "完成" }).click();
  await page.locator("h1", { hasText: to }).waitFor();
  await settled();
  await page.getByRole("button", { name: "返回列表" }).click();
  await listRows().first().waitFor();
}

test("three catalogs are backed up", async () => {
  await page.getByText("还没有目录").waitFor();
  for (const file of ["example-township.json", "import/g-utf16-tab.csv", "import/c-words-single-header.xlsx"]) {
    await openFile(fixture(file));
    await page.locator(".editor-head").waitFor();
    await settled();
    await page.getByRole("button", { name: "返回列表" }).click();
  }
  await listRows().nth(2).waitFor();
  // The imports without a title row get one, so the three can be told apart.
  const untitled = page.getByRole("button", { name: "（未命名目录）", exact: true });
  for (const title of ["第一份导入目录", "第二份导入目录"]) {
    await page.getByRole("button", { name: "（未命名目录）", exact: true }).first().click();
    await page.getByRole("button", { name: "目录信息", exact: true }).click();
    await page.locator("#meta-title").fill(title);
    await page.getByRole("button", { name: "完成" }).click();
    await settled();
    await page.getByRole("button", { name: "返回列表" }).click();
    await listRows().first().waitFor();
  }
  assert.equal(await untitled.count(), 0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出全部备份" }).click();
  backupPath = join(await mkdtemp(join(tmpdir(), "zwgk-backup-")), "政务公开目录备份.json");
  await (await download).saveAs(backupPath);
  const file = JSON.parse(await readFile(backupPath, "utf8"));
  assert.equal(file.format, "zwgk-backup");
  assert.equal(file.catalogs.length, 3);
});

test("storage cleared, the backup restores every catalog exactly as stored", async () => {
  const before = await stored();
  assert.equal(Object.keys(before).length, 3);
  await page.goto("about:blank");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", { origin: base, storageTypes: "all" });
  await page.goto(base);
  await page.getByText("还没有目录").waitFor();
  await openFile(backupPath);
  await dialog().waitFor();
  await dialog().getByText("备份文件“政务公开目录备份.json”中有3份目录，其中0份本浏览器中已有。").waitFor();
  assert.equal(await dialog().getByText("无（新目录）").count(), 3);
  await dialog().getByRole("button", { name: "恢复（3份）" }).click();
  await page.getByText("已从备份恢复3份目录。").waitFor();
  await listRows().nth(2).waitFor();
  assert.deepEqual(await stored(), before, "every catalog restored under its id, its stored JSON equal");
  // The restored catalogs open and edit as before.
  await page.getByRole("button", { name: "示例镇政务公开事项标准目录（演示用）", exact: true }).click();
  await page.locator("table.grid tbody tr.row").first().waitFor();
  await page.getByRole("button", { name: "返回列表" }).click();
});

test("over changed catalogs: one kept as a copy beside the backup's, one replaced, the unchanged skipped", async () => {
  const original = byTitle(await stored());
  await retitle("示例镇政务公开事项标准目录（演示用）", "示例镇目录（本机修改）");
  await retitle("第一份导入目录", "第一份导入目录（本机修改）");
  await openFile(backupPath);
  await dialog().waitFor();
  await dialog().getByText("其中3份本浏览器中已有").waitFor();
  assert.equal(await dialog().getByText("已有，内容相同").count(), 1, "the unchanged catalog is recognised");
  assert.equal(await dialog().getByText(/已有，内容不同/).count(), 2);
  // The defaults lose nothing: keep both where the content differs, skip where it is the same.
  assert.equal(await dialog().getByLabel("处理方式：第二份导入目录").inputValue(), "skip");
  assert.equal(await dialog().getByLabel("处理方式：示例镇政务公开事项标准目录（演示用）").inputValue(), "both");
  await dialog().getByLabel("处理方式：第一份导入目录").selectOption({ label: "用备份替换（原目录留在历史版本中）" });
  await dialog().getByRole("button", { name: "恢复（2份）" }).click();
  await page.getByText("已从备份恢复2份目录（另存为副本1份，替换1份，跳过1份）。").waitFor();
  await listRows().nth(3).waitFor();
  const now = await stored();
  const titles = Object.values(now).map((c) => c.meta.title).sort();
  assert.deepEqual(titles, ["示例镇政务公开事项标准目录（演示用）（备份）", "示例镇目录（本机修改）", "第一份导入目录", "第二份导入目录"].sort());
  const replaced = Object.entries(now).find(([, c]) => c.meta.title === "第一份导入目录");
  assert.deepEqual(replaced[1], original["第一份导入目录"], "the replaced catalog is the backup's");
  const copy = byTitle(now)["示例镇政务公开事项标准目录（演示用）（备份）"];
  assert.deepEqual(copy.entries, original["示例镇政务公开事项标准目录（演示用）"].entries);
  // What was replaced is still in that catalog's history.
  const kept = await page.evaluate(async (id) => {
    const titles = [];
    for (const v of await zwgkStore.history(id)) titles.push(JSON.parse(new TextDecoder().decode(await zwgkStore.version(v.key))).meta.title);
    return titles;
  }, replaced[0]);
  assert.ok(kept.includes("第一份导入目录（本机修改）"), `history: ${kept}`);
});

test("a backup of the earlier app (a JSON array of catalogs) opens too, matched by title and government", async () => {
  const path = join(await mkdtemp(join(tmpdir(), "zwgk-backup-")), "旧版备份.json");
  await writeFile(path, JSON.stringify([byTitle(await stored())["第二份导入目录"]]));
  await openFile(path);
  await dialog().waitFor();
  await dialog().getByText("备份文件“旧版备份.json”中有1份目录，其中1份本浏览器中已有。").waitFor();
  await dialog().getByText("已有，内容相同").waitFor();
  await dialog().getByRole("button", { name: "取消" }).click();
  await dialog().waitFor({ state: "detached" });
});

test("in English", async () => {
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Open file").setInputFiles(backupPath);
  await page.getByRole("dialog", { name: "Restore from a backup" }).waitFor();
  await page.getByText("The backup “政务公开目录备份.json” holds 3 catalogs; 3 of them are already in this browser.").waitFor();
  await page.getByRole("combobox", { name: /Every catalog already here/ }).waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "中文" }).click();
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
