// Comparing two versions (动态调整) in headless Chromium against the built dist/ (cargo xtask dist): two files
// (the example catalog and an edited copy written at test time), the counts, a field change with its old and new
// value, the meta and 未涉及领域说明 changes, swapping sides from the keyboard, an unreadable file named in the
// error, the change list downloaded as Excel and HTML and read back; then a saved catalog against its history.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { launch, serve } from "../lib/browser.mjs";
import { unzip } from "../lib/zip.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, base, browser, page, dir;
const pageErrors = [];

before(async () => {
  ({ server, base } = await serve(join(root, "dist")));
  browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  dir = await mkdtemp(join(tmpdir(), "zwgk-compare-"));
  await page.goto(base);
});

after(async () => {
  await browser?.close();
  server?.close();
});

afterEach(() => assert.deepEqual(pageErrors, [], "no errors on the page"));


const side = (name) => page.getByRole("group", { name });
const OLD = "旧版本（调整前）";
const NEW = "新版本（调整后）";
const count = async (kind) => Number(await page.locator(`.cmp-count.${kind} strong`).innerText());
const counts = async () => ({ added: await count("added"), removed: await count("removed"), changed: await count("changed"), unchanged: await count("unchanged") });

/** Wait for the comparison; a side's error fails at once with its message. */
async function result() {
  await page.locator(".cmp-result, .cmp-side [role=alert]").first().waitFor();
  const alerts = await page.locator(".cmp-side [role=alert]").allInnerTexts();
  assert.deepEqual(alerts, [], "both sides were read");
}

async function download(buttonName) {
  const waiting = page.waitForEvent("download");
  await page.getByRole("button", { name: buttonName }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("two files: counts, field changes, swap, an unreadable file, and the change list as Excel and HTML", async () => {
  const original = JSON.parse(await readFile(fixture("example-township.json"), "utf8"));
  const edited = structuredClone(original);
  const at = (id) => edited.entries.findIndex((e) => e.id === id);
  edited.meta.revision = "2025版";
  edited.entries[at("15-001")].subject = "示例镇社会事务办公室";
  edited.entries[at("15-002")].channels = ["政府网站", "便民服务站"];
  edited.entries.splice(at("15-005"), 1);
  edited.entries.push(
    { ...original.entries[0], id: "local-101", item: ["临时救助", "救助资金发放情况"], content: "救助对象、救助金额" },
    { ...original.entries[0], id: "local-102", item: ["综合业务", "社会救助热线"], content: "热线电话、受理时间" },
  );
  edited.not_applicable[0].reason = "重大建设项目由县发展改革局统一公开";
  edited.removed = [{ domain: "社会救助", item: ["最低生活保障", "审核信息"], reason: "审核信息由县民政局统一公开" }];
  const newPath = join(dir, "示例镇目录-2025.json");
  await writeFile(newPath, JSON.stringify(edited, null, 2));
  const broken = join(dir, "损坏的目录.xlsx");
  await writeFile(broken, "this is not a spreadsheet");

  await page.getByRole("button", { name: "比较两个版本" }).click();
  await page.getByRole("heading", { name: "比较两个版本（动态调整）" }).waitFor();
  await page.getByText("两侧都选好后，这里显示比较结果。").waitFor();

  // An unreadable file: the error names it, and the other side is untouched.
  await side(OLD).getByLabel(`${OLD}：选择文件`).setInputFiles(broken);
  const alert = side(OLD).getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /无法读取文件“损坏的目录\.xlsx”/);

  await side(OLD).getByLabel(`${OLD}：选择文件`).setInputFiles(fixture("example-township.json"));
  await alert.waitFor({ state: "detached" });
  await side(NEW).getByLabel(`${NEW}：选择文件`).setInputFiles(newPath);
  await result();
  assert.deepEqual(await counts(), { added: 2, removed: 1, changed: 2, unchanged: 51 });

  // 15-001: 公开主体 changed, the old value struck out and the new one marked.
  const row = page.locator("tr.cmp-row.changed", { has: page.locator(".cmp-id", { hasText: "15-001" }) });
  const subject = row.locator("table.cmp-fields tbody tr", { has: page.locator("th", { hasText: "公开主体" }) });
  assert.equal(await subject.locator("td.cmp-old del").innerText(), original.entries[0].subject);
  assert.equal(await subject.locator("td.cmp-new ins").innerText(), "示例镇社会事务办公室");
  // 15-002: channels are a set: only the members that differ are marked.
  const channels = page.locator("tr.cmp-row.changed", { has: page.locator(".cmp-id", { hasText: "15-002" }) })
    .locator("table.cmp-fields tbody tr", { has: page.locator("th", { hasText: "公开渠道和载体" }) });
  assert.deepEqual(await channels.locator("td.cmp-new ins").allInnerTexts(), ["便民服务站"]);
  assert.ok((await channels.locator("td.cmp-old del").allInnerTexts()).includes("政府服务中心"), "the channel dropped is struck out");
  // Added and removed entries under their domain; the meta and the 未涉及领域说明 changes.
  const social = page.locator("section.cmp-domain", { has: page.getByRole("heading", { name: /^社会救助/ }) });
  assert.equal(await social.locator("tr.cmp-row.added").count(), 2);
  assert.equal(await social.locator("tr.cmp-row.removed .cmp-id").innerText(), "15-005");
  // A short edit inside a text: only the characters that differ are marked.
  const revision = page.locator("table.cmp-fields tbody tr", { has: page.locator("th", { hasText: "版次" }) });
  assert.equal(await revision.locator("td.cmp-old").innerText(), "2024版");
  assert.equal(await revision.locator("td.cmp-new").innerText(), "2025版");
  assert.deepEqual([await revision.locator("del").allInnerTexts(), await revision.locator("ins").allInnerTexts()], [["4"], ["5"]]);
  const na = page.getByRole("table", { name: "未涉及领域说明的调整" }).locator("tbody tr");
  assert.equal(await na.count(), 1);
  assert.equal(await na.locator("th").innerText(), "重大建设项目");
  assert.match(await na.innerText(), /理由修改/);
  assert.equal(await na.locator("td.cmp-new").innerText(), "重大建设项目由县发展改革局统一公开");
  assert.deepEqual(await na.locator("td.cmp-new ins").allInnerTexts(), ["统一"]);
  assert.ok((await na.locator("td.cmp-old del").allInnerTexts()).includes("本镇不承担"));
  const removedItems = page.getByRole("table", { name: "删减事项说明的调整" }).locator("tbody tr");
  assert.equal(await removedItems.count(), 1);
  assert.match(await removedItems.innerText(), /最低生活保障 \/ 审核信息\s+新增/);
  await page.screenshot({ path: join(root, "target/compare.png"), fullPage: true });

  // The change list as Excel: a workbook with the overview and detail sheets, the new subject in it.
  const xlsx = await download("导出调整说明（Excel）");
  assert.equal(xlsx.name, "调整说明-示例县示例镇人民政府.xlsx");
  const parts = unzip(xlsx.bytes);
  const workbook = parts.get("xl/workbook.xml")?.toString("utf8") ?? "";
  assert.deepEqual([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]), ["调整概况", "调整明细"]);
  const cells = [...parts.entries()].filter(([n]) => n === "xl/sharedStrings.xml" || n.startsWith("xl/worksheets/")).map(([, b]) => b.toString("utf8")).join("");
  assert.ok(cells.includes("示例镇社会事务办公室"), "the detail sheet holds the changed value");
  assert.ok(cells.includes("救助资金发放情况"), "and the added item");
  // The change list as HTML: the counts line and the changes.
  const html = await download("导出调整说明（HTML，可打印）");
  assert.equal(html.name, "调整说明-示例县示例镇人民政府.html");
  const text = html.bytes.toString("utf8");
  assert.ok(text.includes("新增2项、删除1项、修改2项、未变51项"), "the counts line");
  assert.ok(text.includes("<ins>示例镇社会事务办公室</ins>"));
  assert.ok(text.includes("重大建设项目由县发展改革局统一公开"));

  // Swap from the keyboard: added and removed trade places.
  await page.getByRole("button", { name: "交换新旧" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".cmp-count.added strong")?.textContent === "1");
  assert.deepEqual(await counts(), { added: 1, removed: 2, changed: 2, unchanged: 51 });
  assert.match(await side(OLD).locator(".cmp-loaded").innerText(), /示例镇目录-2025\.json/);

  // English: the same screen, the field names in English.
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "Compare two versions (annual revision)" }).waitFor();
  assert.ok(await page.locator("table.cmp-fields th", { hasText: "Responsible body" }).count() > 0);
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("heading", { name: "比较两个版本（动态调整）" }).waitFor();
});

test("a saved catalog against its history version, and against itself", async () => {
  await page.goto(base);
  await page.getByLabel("打开文件").setInputFiles(fixture("example-township.json"));
  const cell = page.locator('table.grid tbody tr[aria-rowindex="2"] td:nth-child(6)'); // 公开主体 of row 1
  await cell.waitFor();
  await cell.click();
  await page.locator("textarea.cell-editor").fill("示例镇民政办");
  await page.keyboard.press("Enter");
  await page.locator(".saved", { hasText: "已自动保存" }).waitFor();
  await page.getByRole("button", { name: "政务公开事项标准目录 · 编制与校验" }).click();
  await page.getByRole("button", { name: "比较两个版本" }).click();

  // Picking the catalog on the old side fills the new side with its current state.
  await side(OLD).getByLabel("本浏览器中保存的目录").check();
  const catalogs = side(OLD).getByLabel("目录", { exact: true });
  const title = "示例镇政务公开事项标准目录（演示用）";
  const option = catalogs.locator("option", { hasText: title });
  await catalogs.selectOption(await option.getAttribute("value"));
  await result();
  assert.equal(await side(NEW).getByLabel("版本", { exact: true }).inputValue(), "current");
  assert.deepEqual(await counts(), { added: 0, removed: 0, changed: 1, unchanged: 53 });
  const change = page.locator("table.cmp-fields tbody tr", { has: page.locator("th", { hasText: "公开主体" }) });
  assert.equal(await change.locator("td.cmp-new").innerText(), "示例镇民政办");
  assert.ok(await change.locator("td.cmp-new ins").count() > 0, "the new 公开主体 marked");
  assert.match(await page.locator("#cmp-result-title").innerText(), /保存的版本） → .*（当前内容）/);
  await page.screenshot({ path: join(root, "target/compare-saved.png") });

  // The current state on both sides: the empty state, nothing to explain.
  const versions = side(OLD).getByLabel("版本", { exact: true });
  await versions.selectOption("current");
  await page.getByRole("heading", { name: "两个版本内容相同" }).waitFor();
  assert.deepEqual(await counts(), { added: 0, removed: 0, changed: 0, unchanged: 54 });
  assert.equal(await page.locator("tr.cmp-row").count(), 0);

  // Its first saved version (the catalog as imported), picked by hand: the edit again.
  const first = versions.locator("option", { hasText: "保存的版本" }).last();
  await versions.selectOption(await first.getAttribute("value"));
  await page.waitForFunction(() => document.querySelector(".cmp-count.changed strong")?.textContent === "1");
  assert.deepEqual(await counts(), { added: 0, removed: 0, changed: 1, unchanged: 53 });
  assert.ok(await change.locator("td.cmp-old del").count() > 0, "the old 公开主体 struck out");
});

test("two files dropped together: the first is the old version, the second the new one", async () => {
  await page.goto(base);
  await page.getByRole("button", { name: "比较两个版本" }).click();
  const files = await Promise.all(["import/a-national-template.xlsx", "example-township.json"]
    .map(async (p) => ({ name: p.split("/").pop(), bytes: [...await readFile(fixture(p))] })));
  await page.evaluate(async (files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const screen = document.querySelector("section.compare");
    screen.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    screen.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await result();
  assert.match(await side(OLD).locator(".cmp-loaded").innerText(), /a-national-template\.xlsx/);
  assert.match(await side(NEW).locator(".cmp-loaded").innerText(), /example-township\.json/);
  const imported = JSON.parse(await readFile(fixture("import/a-national-template.xlsx.expected.json"), "utf8"));
  const c = await counts();
  assert.equal(c.removed + c.changed + c.unchanged, imported.entries.length, "every old entry is accounted for");
  assert.equal(c.added + c.changed + c.unchanged, 54, "every new entry is accounted for");
});
