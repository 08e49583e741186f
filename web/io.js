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
window.zwgkIo = {
  importFile: async (bytes, name) => (await excel()).importFile(bytes, name),
  exportCatalog: async (catalog, format, options) => (await excel()).exportCatalog(catalog, format, options),
  exportReview: async (report, format) => (await excel()).exportReview(report, format),
  exportDiff: async (diff, format) => (await excel()).exportDiff(diff, format),
};
