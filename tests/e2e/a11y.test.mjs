// An accessibility audit of every screen with axe-core (WCAG 2.1 A and AA, and axe's best practices), in Chinese
// and in English, in headless Chromium against the built dist/: home (empty and with a catalog), the wizard, the
// editor (with a cell open and its checklist, 目录信息, a 未涉及 declaration), restoring a backup, review with files checked and a catalog drilled into, and compare
// with two versions. Every violation is listed with the elements it names.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { openApp } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (p) => join(root, "tests/fixtures", p);
let server, base, browser, page, axe, foreign;

before(async () => {
  ({ server, base, browser, page, foreign } = await openApp(join(root, "dist")));
  axe = await readFile(join(root, "tests/node_modules/axe-core/axe.min.js"), "utf8");
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** axe's violations on the page as it is now, one line per rule with the elements it names. */
async function audit() {
  // Evaluated through the devtools protocol, so the page's Content-Security-Policy stays as it is for the app.
  await page.evaluate(axe);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function screens(lang) {
  const checked = [];
  const check = async (name) => {
    assert.deepEqual(await audit(), [], `${lang} ${name}`);
    checked.push(name);
  };
  await page.getByRole("button", { name: lang === "zh" ? "新建目录" : "New catalog" }).waitFor();
  await check("home");
  await page.getByRole("button", { name: lang === "zh" ? "新建目录" : "New catalog" }).click();
  await page.locator(".wizard").waitFor();
  await check("wizard");
  await page.getByRole("button", { name: lang === "zh" ? "取消" : "Cancel" }).click();
  await page.getByLabel(lang === "zh" ? "打开文件" : "Open file").setInputFiles(fixture("example-township.json"));
  await page.locator(".editor-head").waitFor();
  await check("editor");
  const zh = lang === "zh";
  await page.getByRole("button", { name: zh ? "目录信息" : "Catalog info" }).click();
  await page.locator(".meta-panel").waitFor();
  await check("editor, catalog information");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: zh ? "声明本领域未涉及" : "Declare not applicable", exact: true }).click();
  await page.locator("#na-reason").waitFor();
  await check("editor, declaring a domain not applicable");
  await page.keyboard.press("Escape");
  await page.locator("table.grid tbody tr.row").nth(1).locator("td.cell").nth(5).click(); // 公开渠道和载体
  await page.locator(".checklist").waitFor();
  await check("editor with the channel checklist open");
  await page.getByRole("button", { name: lang === "zh" ? "返回列表" : "Back to list" }).click();
  await check("home with a catalog");
  const backup = join(await mkdtemp(join(tmpdir(), "zwgk-a11y-")), "备份.json");
  await writeFile(backup, JSON.stringify({ format: "zwgk-backup", version: 1,
    catalogs: [{ catalog: JSON.parse(await readFile(fixture("example-township.json"), "utf8")) }] }));
  await page.getByLabel(lang === "zh" ? "打开文件" : "Open file").setInputFiles(backup);
  await page.locator(".restore-list").waitFor();
  await check("home, restoring a backup");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: lang === "zh" ? "审核多个目录" : "Review many catalogs" }).click();
  await page.locator("input[type=file]").first().setInputFiles(
    ["import/a-national-template.xlsx", "broken/broken-rows.csv", "example-township.json"].map(fixture));
  await page.locator("table.reviewed tbody tr").nth(2).waitFor();
  await page.locator(".progress").waitFor({ state: "detached" });
  await check("review");
  await page.locator("table.reviewed tbody tr").first().getByRole("button").first().click();
  await page.locator(".detail-head").waitFor();
  await check("review, one catalog drilled into");
  await page.goto(base);
  await page.getByRole("button", { name: lang === "zh" ? "比较两个版本" : "Compare two versions" }).click();
  const pickers = page.locator("input[type=file]");
  await pickers.nth(0).setInputFiles(fixture("example-township.json"));
  await pickers.nth(1).setInputFiles(fixture("import/a-national-template.xlsx"));
  await page.locator(".cmp-result").waitFor();
  await check("compare");
  return checked;
}

test("every screen passes axe (WCAG 2.1 AA) in Chinese", async () => {
  assert.equal((await screens("zh")).length, 11);
});

test("and in English", async () => {
  await page.goto(base);
  await page.getByRole("button", { name: "English" }).click();
  assert.equal((await screens("en")).length, 11);
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
