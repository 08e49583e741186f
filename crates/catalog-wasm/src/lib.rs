//! The catalog core for JavaScript (browser and Node): one thin layer of free functions over `catalog-core` and
//! `catalog-interop`. Data crosses as plain JS objects in the shape of format v1 and the report; errors are `Error`
//! objects with a stable `code` (and `messageEn`); TypeScript types are generated from the Rust types (build.rs).

mod convert;

use catalog_core::report::{FileReport, ImportResult, Report, ReportDiagnostic};
use catalog_core::{seeds, template as templates, vocab};
use js_sys::{Error, JSON};
use wasm_bindgen::prelude::*;

#[cfg(feature = "interop")]
use convert::from_js;
use convert::{catalog_from_js, error, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/types.d.ts"));

/// The version of the core this package wraps.
#[wasm_bindgen]
pub fn version() -> String {
    catalog_core::VERSION.to_owned()
}

/// Validate a catalog object (format v1). `fileName` names it in the report (default `catalog.json`).
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] catalog: JsValue,
    #[wasm_bindgen(js_name = fileName)] file_name: Option<String>,
) -> Result<JsValue, Error> {
    let catalog = catalog_from_js(&catalog)?;
    let path = file_name.unwrap_or_else(|| "catalog.json".into());
    to_js(&Report::new(vec![FileReport::for_catalog(&path, &catalog)]))
}

/// Import and validate a file's bytes, exactly as `catalog validate --format json FILE` reports it.
#[wasm_bindgen(js_name = validateFile, unchecked_return_type = "Report")]
pub fn validate_file(bytes: &[u8], #[wasm_bindgen(js_name = fileName)] file_name: &str) -> Result<JsValue, Error> {
    to_js(&file_report(bytes, file_name))
}

/// The report of one file, as the CLI gives it (public so native tests can compare the two).
pub fn file_report(bytes: &[u8], file_name: &str) -> Report {
    #[cfg(feature = "interop")]
    let file = catalog_interop::report_file(bytes, file_name);
    #[cfg(not(feature = "interop"))]
    let file = match catalog_core::load_catalog(&String::from_utf8_lossy(bytes)) {
        Ok(catalog) => FileReport::for_catalog(file_name, &catalog),
        Err(e) => FileReport::unreadable(file_name, &e),
    };
    Report::new(vec![file])
}

/// Import a file (`.xlsx` `.xls` `.csv` `.json`, chosen by `fileName`'s extension) into a catalog. `mapping`, when
/// given, is a column mapping as JSON text, `{"表头": "字段"}` (the CLI's `--mapping` file: a header or column letter
/// to a field, `extra` to keep a column aside), for a file whose headers the importer does not know.
#[wasm_bindgen(js_name = importFile, unchecked_return_type = "ImportResult")]
pub fn import_file(
    bytes: &[u8],
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    mapping: Option<String>,
) -> Result<JsValue, Error> {
    to_js(&imported(bytes, file_name, mapping.as_deref())?)
}

/// [`import_file`] as UTF-8 JSON bytes (an `ImportResult`): for a caller that parses it itself (another wasm
/// module), a 10,000-row file is neither built into JavaScript objects nor decoded into a JavaScript string.
#[wasm_bindgen(js_name = importFileJson)]
pub fn import_file_json(
    bytes: &[u8],
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    mapping: Option<String>,
) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(&imported(bytes, file_name, mapping.as_deref())?)
        .map_err(|e| error("internal.serialize", "内部错误：无法序列化结果", &e.to_string()))
}

fn imported(bytes: &[u8], file_name: &str, mapping: Option<&str>) -> Result<ImportResult, Error> {
    #[cfg(feature = "interop")]
    let mapping = mapping
        .map(catalog_interop::Mapping::from_json)
        .transpose()
        .map_err(|e| error("import.mapping", &e.message, &e.message_en))?;
    #[cfg(feature = "interop")]
    let result = match &mapping {
        Some(m) => catalog_interop::import_with(bytes, file_name, m),
        None => catalog_interop::import(bytes, file_name),
    }
    .map(|i| ImportResult {
        diagnostics: i.diagnostics.iter().map(ReportDiagnostic::from).collect(),
        encoding: i.encoding.map(str::to_owned),
        catalog: i.catalog,
    })
    .map_err(|e| error(e.code(), &e.message(), &e.message_en()))?;
    #[cfg(not(feature = "interop"))]
    let result = {
        // A JSON catalog has no columns to map.
        let _ = mapping;
        if !file_name.to_ascii_lowercase().ends_with(".json") {
            return Err(error(
                "import.unsupported",
                "此版本只能导入目录 JSON 文件",
                "this build imports JSON catalogs only",
            ));
        }
        let catalog = catalog_core::load_catalog(&String::from_utf8_lossy(bytes))
            .map_err(|e| error(e.code(), &e.message(), &e.message_en()))?;
        ImportResult { catalog, diagnostics: Vec::<ReportDiagnostic>::new(), encoding: None }
    };
    Ok(result)
}

/// What the importer makes of a file's header before importing it (the app's import preview): UTF-8 JSON bytes of
/// `{sheet, detected, header_rows, rows, columns: [{letter, header, field}]}`, with `mapping` (JSON text, as
/// [`import_file`] takes it) applied. A column's `field` is a mapping's field name; `header` (or `letter` when it
/// is empty) the key to map it by.
#[cfg(feature = "interop")]
#[wasm_bindgen(js_name = previewFileJson)]
pub fn preview_file_json(
    bytes: &[u8],
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    mapping: Option<String>,
) -> Result<Vec<u8>, Error> {
    let mapping = mapping
        .as_deref()
        .map(catalog_interop::Mapping::from_json)
        .transpose()
        .map_err(|e| error("import.mapping", &e.message, &e.message_en))?
        .unwrap_or_default();
    let preview = catalog_interop::preview(bytes, file_name, &mapping)
        .map_err(|e| error(e.code(), &e.message(), &e.message_en()))?;
    serde_json::to_vec(&preview).map_err(|e| error("internal.serialize", "内部错误：无法序列化结果", &e.to_string()))
}

/// Export a catalog as `xlsx`, `csv`, `json` or `html` bytes. `options.maskPersonalData` masks ID numbers, bank cards
/// and individuals' mobiles in the output; without it an `html` page (published to everyone) whose text carries any
/// is refused with `export.personal-data`.
#[wasm_bindgen(js_name = exportCatalog)]
pub fn export_catalog(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] catalog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExportFormat")] format: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<Vec<u8>, Error> {
    #[cfg_attr(feature = "interop", expect(unused_mut))]
    let mut catalog = catalog_from_js(&catalog)?;
    #[cfg(feature = "interop")]
    {
        let format = catalog_interop::ExportFormat::from_name(format).ok_or_else(|| {
            error("export.format", "导出格式只能是 xlsx、csv、json 或 html", "format must be xlsx, csv, json or html")
        })?;
        let options =
            catalog_interop::ExportOptions { mask_personal_data: convert::flag(&options, "maskPersonalData") };
        catalog_interop::export_with(&catalog, format, &options)
            .map_err(|e| error(e.code(), &e.message(), &e.message_en()))
    }
    #[cfg(not(feature = "interop"))]
    match format {
        "json" if convert::flag(&options, "maskPersonalData") => {
            catalog_core::privacy::mask_catalog_in_place(&mut catalog);
            Ok(catalog_core::to_json(&catalog).into_bytes())
        }
        "json" => Ok(catalog_core::to_json(&catalog).into_bytes()),
        _ => Err(error("export.format", "此版本只能导出 JSON", "this build exports JSON only")),
    }
}

/// Compare two versions of a catalog (动态调整): added, removed and changed entries with field-level changes, and
/// the changes of meta, 未涉及领域说明 and 删减事项说明. In the Excel/CSV package only: the validator-only build has
/// no room for it in its size budget.
#[cfg(feature = "interop")]
#[wasm_bindgen(js_name = diffCatalogs, unchecked_return_type = "CatalogDiff")]
pub fn diff_catalogs(
    #[wasm_bindgen(unchecked_param_type = "Catalog")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Catalog")] new: JsValue,
) -> Result<JsValue, Error> {
    to_js(&catalog_core::diff::diff(&catalog_from_js(&old)?, &catalog_from_js(&new)?))
}

/// The combined review report (files with their summaries and review notes) as `xlsx`, `json` or `html` bytes.
#[cfg(feature = "interop")]
#[wasm_bindgen(js_name = exportReview)]
pub fn export_review(
    #[wasm_bindgen(unchecked_param_type = "ReviewReport")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReportFormat")] format: &str,
) -> Result<Vec<u8>, Error> {
    let report: catalog_core::review::ReviewReport = from_js(&report, "ReviewReport")?;
    catalog_interop::export_review(&report, report_format(format)?)
        .map_err(|e| error("export.failed", &e.to_string(), &e.0))
}

/// The change list of a diff (调整说明) as `xlsx`, `json` or `html` bytes.
#[cfg(feature = "interop")]
#[wasm_bindgen(js_name = exportDiff)]
pub fn export_diff(
    #[wasm_bindgen(unchecked_param_type = "CatalogDiff")] diff: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReportFormat")] format: &str,
) -> Result<Vec<u8>, Error> {
    let diff: catalog_core::diff::CatalogDiff = from_js(&diff, "CatalogDiff")?;
    catalog_interop::export_diff(&diff, report_format(format)?)
        .map_err(|e| error("export.failed", &e.to_string(), &e.0))
}

#[cfg(feature = "interop")]
fn report_format(format: &str) -> Result<catalog_interop::ExportFormat, Error> {
    use catalog_interop::ExportFormat;
    match ExportFormat::from_name(format) {
        Some(f @ (ExportFormat::Xlsx | ExportFormat::Json | ExportFormat::Html)) => Ok(f),
        _ => Err(error("export.format", "报告格式只能是 xlsx、json 或 html", "format must be xlsx, json or html")),
    }
}

/// The 26 pilot domains, then the later national ones (`number` above 26), with their guideline items and sources.
#[wasm_bindgen(unchecked_return_type = "DomainGuide[]")]
pub fn domains() -> Result<JsValue, Error> {
    to_js(&seeds::guides())
}

/// A starting catalog from a domain's guideline for a government of `level` (县级/乡级; 乡镇 and 街道 mean 乡级).
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn template(domain: &str, level: &str) -> Result<JsValue, Error> {
    let guide = seeds::guide(domain).ok_or_else(|| {
        error("template.domain", &format!("未知领域“{domain}”"), &format!("unknown domain \"{domain}\""))
    })?;
    let level = vocab::government_level(level)
        .ok_or_else(|| error("template.level", "层级只能是县级或乡级", "level must be 县级 or 乡级"))?;
    to_js(&templates::template(guide, level))
}

/// The JSON Schema of catalog format v1 (the committed file, which the core's tests keep equal to the types; embedding
/// the text rather than generating it keeps the schema generator out of the wasm).
#[wasm_bindgen(unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> Result<JsValue, Error> {
    JSON::parse(catalog_core::schema::CATALOG_SCHEMA_JSON)
        .map_err(|_| convert::error("internal.schema", "内部错误：目录格式说明无法读取", "embedded schema is not JSON"))
}

/// 公开时限 text → its structured rules (for a live preview while typing).
#[wasm_bindgen(js_name = parseTimeLimit, unchecked_return_type = "TimeLimit")]
pub fn parse_time_limit(text: &str) -> Result<JsValue, Error> {
    to_js(&catalog_core::parse::time_limit::parse_time_limit(text))
}

/// 公开依据 text → its citations (titles, document numbers, decrees, articles) and problems.
#[wasm_bindgen(js_name = parseBasis, unchecked_return_type = "Basis")]
pub fn parse_basis(text: &str) -> Result<JsValue, Error> {
    to_js(&catalog_core::parse::basis::parse_basis(text))
}
