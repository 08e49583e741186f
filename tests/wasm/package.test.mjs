// The built package (dist/catalog-wasm, from `cargo xtask wasm`) as JavaScript developers use it:
// required from Node, and imported as an ES module in headless Chromium. Both give the native CLI's report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "../lib/browser.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const fixture = (p) => readFile(join(root, "tests/fixtures", p));
const golden = (name) => readFile(join(root, "tests/fixtures/reports", `${name}.json`), "utf8");
const pretty = (value) => JSON.stringify(value, null, 2) + "\n";

test("Node: the package's main entry gives the CLI's report, byte for byte", async () => {
  const wasm = require(join(root, "dist/catalog-wasm"));
  for (const [dir, name] of [["import", "a-national-template.xlsx"], ["import", "f-gbk-title-domain.csv"], ["broken", "broken-rows.csv"]]) {
    const report = wasm.validateFile(await fixture(`${dir}/${name}`), name);
    assert.equal(pretty(report), await golden(name), name);
  }
  const { catalog, encoding } = wasm.importFile(await fixture("import/f-gbk-title-domain.csv"), "f-gbk-title-domain.csv");
  assert.equal(encoding, "GB18030/GBK");
  assert.equal(catalog.entries.length, 3);
  // The same result as UTF-8 JSON bytes, for a caller (another wasm module) that reads it itself.
  const asJson = wasm.importFileJson(await fixture("import/f-gbk-title-domain.csv"), "f-gbk-title-domain.csv");
  assert.ok(asJson instanceof Uint8Array);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(asJson)), wasm.importFile(await fixture("import/f-gbk-title-domain.csv"), "f-gbk-title-domain.csv"));
  assert.throws(() => wasm.importFileJson(new Uint8Array([0x50, 0x4b, 3, 4]), "a.xlsx"), (e) => e.code.startsWith("import."));
  const xlsx = wasm.exportCatalog(catalog, "xlsx");
  assert.ok(xlsx instanceof Uint8Array && xlsx[0] === 0x50 && xlsx[1] === 0x4b, "a zip (xlsx)");
  // An HTML page (published to everyone) with a personal mobile number: refused unless masking is asked for.
  const leaky = { ...catalog, entries: [{ ...catalog.entries[0], content: "经办人手机13812345678" }, ...catalog.entries.slice(1)] };
  assert.throws(() => wasm.exportCatalog(leaky, "html"), (e) => e.code === "export.personal-data" && e.messageEn.includes("mobile"));
  const page = new TextDecoder().decode(wasm.exportCatalog(leaky, "html", { maskPersonalData: true }));
  assert.ok(page.includes("138****5678") && !page.includes("13812345678"), "masked");
  assert.equal(wasm.domains().filter((g) => g.number <= 26).length, 26);
  assert.ok(wasm.domains().some((g) => g.name === "交通运输" && g.number > 26), "later national domains follow the 26");
  assert.equal(wasm.parseTimeLimit("制定或获取信息之日起10个工作日内").clauses[0].rule.trigger.kind, "made_or_obtained");
  assert.throws(() => wasm.validate({ format: "zwgk-catalog", version: 3, entries: {} }), (e) => e instanceof Error && e.code === "load.newer-version" && e.messageEn.length > 0);
});

test("Node: a column mapping imports a file whose headers the importer does not know", () => {
  const wasm = require(join(root, "dist/catalog-wasm"));
  const csv = new TextEncoder().encode(
    "某县某镇社会救助领域基层政务公开标准目录\n序号,事项,具体事项,说明,法律依据,时间要求,责任单位,发布途径,范围,形式,层级\n" +
    "1,最低生活保障,审批信息,低保对象名单,《社会救助暂行办法》,信息形成之日起20个工作日内,某镇人民政府,政府网站,全社会,主动,乡级\n");
  // Without a mapping the headers are the township's own words: no table is found.
  assert.throws(() => wasm.importFile(csv, "自拟表头.csv"), (e) => e.code.startsWith("import."));
  const mapping = JSON.stringify({ 事项: "一级事项", 具体事项: "二级事项", 说明: "公开内容", 时间要求: "公开时限", 责任单位: "公开主体",
    发布途径: "公开渠道和载体", 范围: "公开对象", 形式: "公开方式", 层级: "公开层级" });
  const { catalog } = wasm.importFile(csv, "自拟表头.csv", mapping);
  assert.deepEqual(catalog.entries[0].item, ["最低生活保障", "审批信息"]);
  assert.equal(catalog.entries[0].content, "低保对象名单");
  assert.deepEqual(catalog.entries[0].levels, ["乡级"]);
  const viaJson = JSON.parse(new TextDecoder().decode(wasm.importFileJson(csv, "自拟表头.csv", mapping)));
  assert.deepEqual(viaJson.catalog, catalog);
  // The preview says what the importer reads: without the mapping no header is found; with it, every column's field.
  const preview = (m) => JSON.parse(new TextDecoder().decode(m === undefined ? wasm.previewFileJson(csv, "自拟表头.csv") : wasm.previewFileJson(csv, "自拟表头.csv", m)));
  const guessed = preview();
  assert.equal(guessed.detected, false);
  assert.equal(guessed.columns.find((c) => c.header === "说明")?.field, "extra");
  const mapped = preview(mapping);
  assert.equal(mapped.detected, true);
  assert.equal(mapped.columns.find((c) => c.header === "说明")?.field, "content");
  assert.deepEqual(mapped.rows[0].slice(0, 3), ["1", "最低生活保障", "审批信息"]);
  // A mapping that names no field is refused, in both languages.
  assert.throws(() => wasm.importFile(csv, "自拟表头.csv", JSON.stringify({ 说明: "颜色" })),
    (e) => e.code === "import.mapping" && e.message.length > 0 && e.messageEn.length > 0);
});

test("Chromium: the ES module entry imports and gives the same reports", async () => {
  const { server, base } = await serve(root, { "/page.html": "<!doctype html><meta charset=utf-8><title>t</title>" });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/page.html`);
    for (const entry of ["web", "validator"]) {
      const result = await page.evaluate(async ([base, entry]) => {
        const wasm = await import(`${base}/dist/catalog-wasm/${entry}/catalog_wasm.js`);
        await wasm.default();
        const bytes = new Uint8Array(await (await fetch(`${base}/tests/fixtures/broken/broken-rows.csv`)).arrayBuffer());
        const example = await (await fetch(`${base}/tests/fixtures/example-township.json`)).json();
        let xlsx;
        try { xlsx = wasm.importFile(new Uint8Array([0x50, 0x4b, 3, 4]), "a.xlsx"); } catch (e) { xlsx = e.code; }
        return {
          report: JSON.stringify(wasm.validateFile(bytes, "broken-rows.csv"), null, 2) + "\n",
          example: wasm.validate(example).files[0].stats,
          version: wasm.version(),
          xlsx,
        };
      }, [base, entry]);
      assert.match(result.version, /^\d+\.\d+\.\d+/);
      assert.equal(result.example.entries, 54, entry);
      assert.equal(result.example.errors, 0, entry);
      if (entry === "web") {
        assert.equal(result.report, await golden("broken-rows.csv"));
        assert.equal(result.xlsx, "import.workbook");
      } else {
        // The validator-only build reads JSON catalogs only.
        assert.equal(JSON.parse(result.report).files[0].error.code, "load.syntax");
        assert.equal(result.xlsx, "import.unsupported");
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
});
