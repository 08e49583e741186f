// Validates one file per message with the catalog-wasm package, off the page's thread, so the review of a
// hundred files never freezes the page. In: {name, bytes}. Out: {report} (the package's JSON report) or {error}.
let loaded;
function pkg() {
  loaded ??= import("./catalog-wasm/web/catalog_wasm.js").then(async (m) => {
    await m.default();
    return m;
  });
  return loaded;
}
self.onmessage = async (e) => {
  const { name, bytes } = e.data;
  try {
    const m = await pkg();
    self.postMessage({ report: JSON.stringify(m.validateFile(new Uint8Array(bytes), name)) });
  } catch (err) {
    self.postMessage({ error: String(err?.message ?? err), code: err?.code ?? null });
  }
};
