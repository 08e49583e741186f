//! Files in and out. Excel/CSV work goes through the catalog-wasm package, loaded on first use by `io.js`
//! (`window.zwgkIo`), so the first page load carries no spreadsheet code.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = importFileJson, catch)]
    async fn import_file_js(bytes: Uint8Array, name: &str, mapping: Option<String>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = previewFileJson, catch)]
    async fn preview_file_js(bytes: Uint8Array, name: &str, mapping: Option<String>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = warmUp, catch)]
    async fn warm_up_js(catalog: &str) -> Result<JsValue, JsValue>;
    /// The user has imported or exported: the warm-up gives way.
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = busy)]
    fn busy_js() -> bool;
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = exportCatalog, catch)]
    async fn export_catalog_js(catalog: JsValue, format: &str, options: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = exportReview, catch)]
    async fn export_review_js(report: JsValue, format: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkIo, js_name = exportDiff, catch)]
    async fn export_diff_js(diff: JsValue, format: &str) -> Result<JsValue, JsValue>;
}

/// An error from the package as the user should read it: its Chinese message and code.
pub fn describe(e: &JsValue) -> String {
    let get = |k: &str| js_sys::Reflect::get(e, &k.into()).ok().and_then(|v| v.as_string());
    match (get("message"), get("code")) {
        (Some(m), Some(c)) => format!("{m}（{c}）"),
        (Some(m), None) => m,
        _ => "未知错误".to_owned(),
    }
}

/// Import a file as a catalog with what the importer noticed (merged and 同上 cells, extra columns …). The
/// package hands its result over as UTF-8 JSON bytes, read here straight into the catalog.
pub async fn import_catalog(
    bytes: &[u8],
    name: &str,
) -> Result<(catalog_core::Catalog, Vec<catalog_core::ReportDiagnostic>), String> {
    import_mapped(bytes, name, None).await
}

/// [`import_catalog`] with the user's column mapping (`{"表头": "字段"}` as JSON text).
pub async fn import_mapped(
    bytes: &[u8],
    name: &str,
    mapping: Option<String>,
) -> Result<(catalog_core::Catalog, Vec<catalog_core::ReportDiagnostic>), String> {
    let json = import_file_js(Uint8Array::from(bytes), name, mapping).await.map_err(|e| describe(&e))?;
    let imported = imported(&json).map_err(|e| e.to_string())?;
    Ok((imported.catalog, imported.diagnostics))
}

/// What the importer makes of a file's header and columns (the import preview), before importing it.
pub async fn preview(bytes: &[u8], name: &str) -> Result<crate::preview::Preview, String> {
    let json = preview_file_js(Uint8Array::from(bytes), name, None).await.map_err(|e| describe(&e))?;
    serde_json::from_slice(&Uint8Array::new(&json).to_vec()).map_err(|e| e.to_string())
}

/// The package's `importFileJson` result read.
fn imported(json: &JsValue) -> Result<catalog_core::report::ImportResult, serde_json::Error> {
    serde_json::from_slice(&Uint8Array::new(json).to_vec())
}

/// Get importing ready while the browser is idle after start-up: the Excel/CSV package fetched, compiled, and run
/// on a small catalog (the guidelines' items for a township, exported to XLSX and read back), and the result read
/// and validated here as an import is. The browser first runs WebAssembly with quickly made code and optimises
/// the functions that prove busy; a first import of 10,000 rows would otherwise run mostly on the slow code.
/// Nothing is kept; if it fails, the first import simply pays for the loading. It gives way, between two steps, as
/// soon as the user imports or exports.
pub async fn warm_up() {
    let mut catalog =
        catalog_core::Catalog::new(catalog_core::Meta { level: "乡级".to_owned(), ..catalog_core::Meta::default() });
    for guide in catalog_core::seeds::guides() {
        catalog.entries.extend(catalog_core::template::entries_for(guide, "乡级", None));
    }
    let Ok(json) = warm_up_js(&catalog_core::to_json(&catalog)).await else { return };
    if json.is_null() || busy_js() {
        return;
    }
    let Ok(imported) = imported(&json) else { return };
    for _ in 0..3 {
        crate::later::pause().await;
        if busy_js() {
            return;
        }
        let mut validator = catalog_core::rules::Revalidator::new();
        let _ = validator.run(&imported.catalog, |d| catalog_core::ReportDiagnostic::from(d));
    }
}

/// The package's code for a web page refused because it carries personal data (ID, bank card, mobile numbers).
pub const PERSONAL_DATA: &str = "export.personal-data";

/// Why an export failed: the package's stable code and the message to show.
pub struct ExportError {
    pub code: String,
    pub message: String,
}

/// Export a catalog (`xlsx`, `csv`, `json`, `html`) through the package; `mask` masks personal data in the output.
pub async fn export(catalog: &catalog_core::Catalog, format: &str, mask: bool) -> Result<Vec<u8>, ExportError> {
    let failed = |e: JsValue| ExportError {
        code: js_sys::Reflect::get(&e, &"code".into()).ok().and_then(|c| c.as_string()).unwrap_or_default(),
        message: describe(&e),
    };
    let value = js_sys::JSON::parse(&catalog_core::to_json(catalog)).map_err(failed)?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"maskPersonalData".into(), &mask.into());
    let bytes = export_catalog_js(value, format, options.into()).await.map_err(failed)?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// Export the combined review report (`xlsx`, `json`, `html`) through the package.
pub async fn export_review(report: &catalog_core::review::ReviewReport, format: &str) -> Result<Vec<u8>, String> {
    let value = js_sys::JSON::parse(&report.to_json()).map_err(|e| describe(&e))?;
    let bytes = export_review_js(value, format).await.map_err(|e| describe(&e))?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// Export the change list of two versions (调整说明: `xlsx`, `json`, `html`) through the package.
pub async fn export_diff(diff: &catalog_core::diff::CatalogDiff, format: &str) -> Result<Vec<u8>, String> {
    let value = js_sys::JSON::parse(&diff.to_json()).map_err(|e| describe(&e))?;
    let bytes = export_diff_js(value, format).await.map_err(|e| describe(&e))?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// Offer bytes as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn mime(format: &str) -> &'static str {
    match format {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv" => "text/csv;charset=utf-8",
        "html" => "text/html;charset=utf-8",
        _ => "application/json",
    }
}

/// The bytes of the first file of a file input or drop.
pub async fn read_file(file: web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| describe(&e))?;
    Ok((file.name(), Uint8Array::new(&buffer).to_vec()))
}
