// A supervisor's review in headless Chromium against the built dist/: many files dropped at once (one of them
// unreadable), the table and the coverage matrix checked against the reports the CLI gives for the same files,
// one catalog's findings by domain, a review note, each report downloaded and read back, and a copy opened in
// the editor.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { openApp } from "../lib/browser.mjs";
import { unzip } from "../lib/zip.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, base, browser, page, dir;
let foreign;

const files = [
  "import/a-national-template.xlsx", "import/b-three-levels-group.xlsx", "import/c-words-single-header.xlsx",
  "import/d-headings-ditto.xlsx", "import/e-sheet-per-domain.xlsx", "import/f-gbk-title-domain.csv",
  "import/g-utf16-tab.csv", "broken/broken-rows.csv", "example-township.json",
].map(fixture);
/** What the CLI reports for a file (tests/fixtures/reports, checked byte for byte against the CLI). */
const reported = async (name) => JSON.parse(await readFile(fixture(`reports/${name}.json`), "utf8")).files[0];

before(async () => {
  ({ server, base, browser, page, foreign } = await openApp(join(root, "dist")));
  dir = await mkdtemp(join(tmpdir(), "zwgk-review-"));
  // Not a workbook at all: must be listed as unreadable, with the reason, while the others are reviewed.
  await writeFile(join(dir, "乱码.xlsx"), Buffer.from("这不是一个Excel文件 PK\x03\x04 garbage".repeat(20)));
  files.push(join(dir, "乱码.xlsx"));
});

after(async () => {
  await browser?.close();
  server?.close();
});

const row = (name) => page.locator("table.reviewed tbody tr", { has: page.getByRole("button", { name, exact: true }) });
const cells = async (name) => (await row(name).locator("td").allInnerTexts()).map((t) => t.trim());
const download = async (label) => {
  const event = page.waitForEvent("download");
  await page.getByRole("button", { name: label }).click();
  return readFile(await (await event).path());
};

test("many files reviewed at once, an unreadable one listed with its reason", async () => {
  await page.getByRole("button", { name: "审核多个目录" }).click();
  await page.getByLabel("选择要审核的文件").setInputFiles(files);
  await page.getByText(`已校验${files.length}个文件`).waitFor();
  assert.equal(await page.locator("table.reviewed tbody tr").count(), files.length);
  // 编制单位 层级 事项数 错误 警告 覆盖领域 未涉及领域 符合度 状态
  const a = await reported("a-national-template.xlsx");
  const [government, level, entries, errors, warnings, covered, na, conformance, status] = await cells("a-national-template.xlsx");
  assert.deepEqual([government, level, entries, errors, warnings, covered, na],
    [a.summary.government, a.summary.level, ...[a.stats.entries, a.stats.errors, a.stats.warnings,
      a.summary.domains_covered.length, a.summary.not_applicable.length].map(String)]);
  assert.equal(conformance, `${Math.round((100 * a.summary.required_present) / a.summary.required_total)}%`);
  assert.equal(status, "待审核");
  const broken = await reported("broken-rows.csv");
  assert.equal((await cells("broken-rows.csv"))[3], String(broken.stats.errors));
  const garbage = await cells("乱码.xlsx");
  assert.equal(garbage[8], "无法读取");
  assert.match(garbage[0], /乱码\.xlsx：/, "the reason names the file");
  await page.screenshot({ path: join(root, "target/e2e-review.png") });
});

test("the table sorts and filters", async () => {
  await page.getByRole("button", { name: /^错误/ }).click();
  const errors = (await page.locator("table.reviewed tbody tr td:nth-child(5)").allInnerTexts()).map((t) => (t.trim() ? Number(t) : -1));
  assert.deepEqual(errors, [...errors].sort((x, y) => y - x), "most errors first, unreadable last");
  assert.ok(errors[0] > 0);
  await page.getByLabel("显示").selectOption({ label: "无法读取" });
  assert.equal(await page.locator("table.reviewed tbody tr").count(), 1);
  await page.getByLabel("显示").selectOption({ label: "全部" });
  await page.getByLabel("查找").fill("宝坻");
  assert.equal(await page.locator("table.reviewed tbody tr").count(), 1);
  await page.getByLabel("查找").fill("");
});

test("the coverage matrix shows covered, not applicable and missing domains", async () => {
  const a = await reported("a-national-template.xlsx");
  const json = JSON.parse(await readFile(fixture("example-township.json"), "utf8"));
  await page.getByRole("tab", { name: "领域覆盖矩阵" }).click();
  const header = (await page.locator("table.matrix thead th").allInnerTexts()).map((t) => t.replace(/\s/g, ""));
  const col = (domain) => header.indexOf(domain);
  const matrixRow = (government) => page.locator("table.matrix tbody tr", { has: page.getByRole("button", { name: government, exact: true }) });
  const cell = (government, domain) => matrixRow(government).locator("th, td").nth(col(domain));
  const share = a.summary.domains.find((d) => d.domain === "社会救助").coverage;
  assert.equal((await cell(a.summary.government, "社会救助").innerText()).trim(),
    `${Math.round((100 * share.required_present) / share.required_total)}%`);
  assert.equal((await cell(a.summary.government, "义务教育").innerText()).trim(), "缺");
  const na = json.not_applicable[0].domain;
  assert.equal((await cell(json.meta.government, na).innerText()).trim(), "未涉及");
  assert.match(await cell(json.meta.government, na).getAttribute("title"), new RegExp(json.not_applicable[0].reason.slice(0, 6)));
  await page.screenshot({ path: join(root, "target/e2e-matrix.png") });
  await page.getByRole("tab", { name: "目录列表" }).click();
});

test("one catalog's findings by domain, a review note, and a copy opened in the editor", async () => {
  await page.getByRole("button", { name: "a-national-template.xlsx", exact: true }).click();
  const detail = page.getByRole("region", { name: "a-national-template.xlsx" });
  await detail.locator("details.group summary", { hasText: "社会救助" }).waitFor();
  await detail.locator("details.group summary", { hasText: "目录整体" }).waitFor();
  assert.ok(await detail.locator(".finding .where", { hasText: /第\d+行/ }).count() > 0, "findings name their row");
  await detail.getByLabel("返回修改").check();
  await detail.getByLabel("意见说明").fill("请补齐社会救助领域缺少的标准指引事项");
  await detail.getByRole("button", { name: "保存意见" }).click();
  await detail.getByRole("button", { name: "意见已保存" }).waitFor();
  assert.equal((await cells("a-national-template.xlsx"))[8], "返回修改");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("zwgk.review-notes")));
  assert.deepEqual(Object.values(stored), [{ status: "return", comment: "请补齐社会救助领域缺少的标准指引事项" }]);
});

test("the combined report downloads as Excel, JSON and a web page", async () => {
  const xlsx = unzip(await download("下载审核报告（Excel）"));
  const workbook = xlsx.get("xl/workbook.xml").toString();
  for (const sheet of ["汇总", "问题清单", "领域覆盖"]) assert.ok(workbook.includes(`name="${sheet}"`), sheet);
  const strings = [...xlsx.entries()].filter(([n]) => n.startsWith("xl/")).map(([, b]) => b.toString()).join("");
  assert.ok(strings.includes("请补齐社会救助领域缺少的标准指引事项"), "the note is in the workbook");
  assert.ok(strings.includes("乱码.xlsx"), "the unreadable file is listed");

  const json = JSON.parse((await download("下载审核报告（JSON）")).toString());
  assert.equal(json.files.length, files.length);
  const a = json.files.find((f) => f.path === "a-national-template.xlsx");
  assert.deepEqual(a.note, { status: "return", comment: "请补齐社会救助领域缺少的标准指引事项" });
  const expected = await reported("a-national-template.xlsx");
  assert.deepEqual(a.stats, expected.stats);
  assert.deepEqual(a.diagnostics.map((d) => d.code), expected.diagnostics.map((d) => d.code));
  assert.ok(json.files.find((f) => f.path === "乱码.xlsx").error.code);

  const html = (await download("下载审核报告（网页）")).toString();
  assert.ok(html.includes("天津市宝坻区人民政府"));
  assert.ok(!/<script/i.test(html), "the printable report carries no script");
});

test("a reviewed catalog opens in the editor as a copy", async () => {
  const detail = page.getByRole("region", { name: "a-national-template.xlsx" });
  await detail.getByRole("button", { name: "在编辑器中打开副本" }).click();
  await page.locator("h1", { hasText: "天津市宝坻区社会救助领域基层政务公开标准目录" }).waitFor();
  assert.ok(await page.locator("table.grid tbody tr.row").count() > 0);
});

test("no request left the page's origin during the review", () => {
  assert.deepEqual(foreign, []);
});
