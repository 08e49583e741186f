// Excel/CSV import and export: the catalog-wasm package, loaded on first use so the first page load stays small.
let loaded;
async function excel() {
  if (!loaded) {
    loaded = import("./catalog-wasm/web/catalog_wasm.js").then(async (m) => {
      await m.default();
      return m;
    });
    // A failed load (offline before the package was ever fetched) is tried again on the next use.
    loaded.catch(() => { loaded = undefined; });
  }
  return loaded;
}
// Yield to the page between two pieces of warm-up work.
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));
// Set once the user imports or exports: the warm-up then stops at its next step instead of running before them.
let busy = false;
const forUser = () => {
  busy = true;
  return excel();
};
window.zwgkIo = {
  importFileJson: async (bytes, name, mapping) => (await forUser()).importFileJson(bytes, name, mapping ?? undefined),
  previewFileJson: async (bytes, name, mapping) => (await forUser()).previewFileJson(bytes, name, mapping ?? undefined),
  /** Export `catalog` (JSON text) to XLSX and read it back a few times, one piece at a time; the last import's
   *  result (UTF-8 JSON bytes) for the app to read as it reads an import: see `io::warm_up`. */
  async warmUp(catalog) {
    const m = await excel();
    await pause();
    if (busy) return null;
    const bytes = m.exportCatalog(JSON.parse(catalog), "xlsx");
    let imported = null;
    for (let i = 0; i < 3 && !busy; i++) {
      await pause();
      if (!busy) imported = m.importFileJson(bytes, "warm-up.xlsx");
    }
    return imported;
  },
  /** Whether the user has imported or exported since the page loaded (the warm-up gives way). */
  busy: () => busy,
  exportCatalog: async (catalog, format, options) => (await forUser()).exportCatalog(catalog, format, options),
  exportReview: async (report, format) => (await forUser()).exportReview(report, format),
  exportDiff: async (diff, format) => (await forUser()).exportDiff(diff, format),
};
