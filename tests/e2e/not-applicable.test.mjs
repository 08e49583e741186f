// 未涉及领域 after the wizard, at 1366×768: a single-domain Excel catalog warns that 25 domains are neither covered
// nor declared. From a warning's 声明未涉及 (or from the navigator) the clerk declares a domain not applicable with
// its reason (typed through an IME), changes the reason, withdraws a declaration, and undoes; a declaration
// without a reason gets 填写理由. Everything is saved and still there after a reload; then the English labels.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
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
const nav = (domain) => page.locator(".domains li", { has: page.locator(".nav-item .name", { hasText: new RegExp(`^${domain}$`) }) });
const declared = async () => Object.fromEntries((await savedCatalog()).not_applicable.map((n) => [n.domain, n.reason]));

/** Type `text` as an IME commits it (a composition first, then the committed text). */
async function ime(text) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "ben", selectionStart: 3, selectionEnd: 3 });
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229 });
  await cdp.send("Input.insertText", { text });
}

test("a warning's 声明未涉及 shows the domain and asks for the reason; the warning goes", async () => {
  await page.getByText("还没有目录").waitFor();
  await page.getByLabel("打开文件").setInputFiles(fixture("import/a-national-template.xlsx"));
  await page.locator(".editor-head").waitFor();
  const warning = issue("未覆盖“税收管理”领域");
  await warning.getByRole("button", { name: "声明未涉及：税收管理" }).click();
  const dialog = page.getByRole("dialog", { name: "声明未涉及领域" });
  await dialog.waitFor();
  assert.equal(await nav("税收管理").locator(".nav-item").getAttribute("aria-current"), "true", "the navigator shows the domain");
  assert.ok(await dialog.getByRole("button", { name: "声明未涉及" }).isDisabled(), "no declaration without a reason");
  await ime("本镇无税收管理职能，由县税务局负责");
  assert.ok(await dialog.isVisible(), "Enter while composing did not submit");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await warning.waitFor({ state: "detached" });
  await nav("税收管理").locator(".tag", { hasText: "未涉及" }).waitFor();
  await nav("税收管理").getByText("本镇无税收管理职能，由县税务局负责").waitFor();
  await settled();
  assert.equal((await declared())["税收管理"], "本镇无税收管理职能，由县税务局负责");
});

test("the reason is changed from the navigator", async () => {
  await nav("税收管理").getByRole("button", { name: "修改理由" }).click();
  const dialog = page.getByRole("dialog", { name: "未涉及理由" });
  await dialog.waitFor();
  assert.equal(await page.locator("#na-reason").inputValue(), "本镇无税收管理职能，由县税务局负责");
  await page.locator("#na-reason").fill("税收征管由县税务局负责，本镇无此职能");
  await dialog.getByRole("button", { name: "保存理由" }).click();
  await nav("税收管理").getByText("税收征管由县税务局负责，本镇无此职能").waitFor();
  await settled();
  assert.equal((await declared())["税收管理"], "税收征管由县税务局负责，本镇无此职能");
});

test("a domain is declared from the navigator, withdrawn, and the withdrawal undone", async () => {
  await nav("救灾").locator(".nav-item").click();
  await nav("救灾").getByRole("button", { name: "声明本领域未涉及" }).click();
  await page.locator("#na-reason").fill("本镇救灾工作由县应急管理局统一负责");
  await page.getByRole("button", { name: "声明未涉及", exact: true }).click();
  await nav("救灾").locator(".tag", { hasText: "未涉及" }).waitFor();
  await issue("未覆盖“救灾”领域").waitFor({ state: "detached" });
  await nav("救灾").getByRole("button", { name: "取消未涉及" }).click();
  await issue("未覆盖“救灾”领域").waitFor();
  assert.equal(await nav("救灾").locator(".tag").count(), 0);
  await page.getByRole("button", { name: "撤销" }).click();
  await nav("救灾").getByText("本镇救灾工作由县应急管理局统一负责").waitFor();
  await settled();
  assert.equal((await declared())["救灾"], "本镇救灾工作由县应急管理局统一负责");
  await page.reload();
  await page.locator(".editor-head").waitFor();
  assert.deepEqual(Object.keys(await declared()).sort(), ["税收管理", "救灾"].sort());
  await nav("救灾").locator(".tag", { hasText: "未涉及" }).waitFor();
});

test("a declaration without a reason gets 填写理由", async () => {
  const catalog = JSON.parse(await readFile(fixture("example-township.json"), "utf8"));
  catalog.meta.title = "无理由声明测试目录";
  catalog.not_applicable.find((n) => n.domain === "户籍管理").reason = "";
  const path = join(await mkdtemp(join(tmpdir(), "zwgk-na-")), "无理由.json");
  await writeFile(path, JSON.stringify(catalog));
  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByLabel("打开文件").setInputFiles(path);
  await page.locator("h1", { hasText: "无理由声明测试目录" }).waitFor();
  const warning = issue("未涉及领域“户籍管理”缺少理由说明");
  await warning.getByRole("button", { name: "填写理由：户籍管理" }).click();
  await page.getByRole("dialog", { name: "未涉及理由" }).waitFor();
  await nav("户籍管理").getByText("（尚未写明理由）").waitFor();
  await ime("户籍业务由县公安局派出所办理");
  await page.getByRole("button", { name: "保存理由" }).click();
  await warning.waitFor({ state: "detached" });
  await settled();
  assert.equal((await declared())["户籍管理"], "户籍业务由县公安局派出所办理");
});

test("in English", async () => {
  await page.getByRole("button", { name: "English" }).click();
  await nav("户籍管理").getByRole("button", { name: "Change the reason" }).waitFor();
  await nav("户籍管理").getByRole("button", { name: "Withdraw" }).waitFor();
  await nav("社会救助").locator(".nav-item").click();
  await nav("社会救助").getByRole("button", { name: "Declare not applicable" }).click();
  await page.getByRole("dialog", { name: "Declare a domain not applicable" }).waitFor();
  await page.getByLabel("Reason").waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "中文" }).click();
});

test("no request left the page's origin", () => {
  assert.deepEqual(foreign, []);
});
