//! Catalogs saved in this browser: IndexedDB through `store.js` (`window.zwgkStore`), with a history of earlier
//! saves; localStorage keeps only small settings (the catalog last open, the language). Every write reports failure
//! (a full quota) instead of dropping the edit; the caller keeps the edit and offers a backup download.
//!
//! Older saved data is migrated on start: the first versions of the app kept catalogs in localStorage
//! (`zwgk.index` + `zwgk.doc.<id>`); they move into IndexedDB and are removed from localStorage only once stored.

use catalog_core::{Catalog, Severity, load_catalog, to_json, validate};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::Storage;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = list, catch)]
    async fn list_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = load, catch)]
    async fn load_js(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = save, catch)]
    async fn save_js(
        id: &str,
        bytes: web_sys::Blob,
        summary: JsValue,
        version: bool,
        writer: JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = revision, catch)]
    async fn revision_js(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = watch)]
    fn watch_js(id: &str, on_other: &Closure<dyn FnMut()>) -> JsValue;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = remove, catch)]
    async fn remove_js(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = history, catch)]
    async fn history_js(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = zwgkStore, js_name = version, catch)]
    async fn version_js(key: f64) -> Result<JsValue, JsValue>;
}

const LAST_OPEN: &str = "zwgk.last-open";
/// Where the first versions of the app kept catalogs (migrated on start).
const OLD_INDEX: &str = "zwgk.index";
const OLD_DOC: &str = "zwgk.doc.";

/// What the home screen lists for a saved catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub government: String,
    /// Milliseconds since 1970 (the browser's clock).
    pub updated: f64,
    pub entries: usize,
    pub errors: usize,
}

/// An earlier save of a catalog, to restore from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Version {
    pub key: f64,
    pub saved: f64,
    pub entries: usize,
    pub errors: usize,
}

/// An editor's claim on a catalog: its session and the revision it opened. A save is refused (`ConflictError`)
/// when another tab saved the catalog since.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Writer {
    pub session: String,
    pub rev: u64,
}

/// The name of the error a save gets when another tab saved the catalog first.
pub const CONFLICT: &str = "ConflictError";

/// Why a save failed: the browser's error name (`QuotaExceededError` when storage is full, [`CONFLICT`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveError(pub String);

fn error_name(e: JsValue) -> SaveError {
    SaveError(e.as_string().unwrap_or_else(|| "UnknownError".into()))
}

fn from_js<T: serde::de::DeserializeOwned>(v: &JsValue) -> Option<T> {
    let text = js_sys::JSON::stringify(v).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v).ok().and_then(|t| js_sys::JSON::parse(&t).ok()).unwrap_or(JsValue::NULL)
}

fn settings() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Errors in a catalog, for its summary.
pub fn error_count(catalog: &Catalog) -> usize {
    validate(catalog).iter().filter(|d| d.severity() == Severity::Error).count()
}

/// A new id: time plus randomness, unique enough for one browser.
pub fn new_id() -> String {
    format!("c{}{:04}", now() as u64, (js_sys::Math::random() * 10_000.0) as u32)
}

/// Every saved catalog's summary, most recently edited first.
pub async fn list() -> Vec<Summary> {
    let mut list: Vec<Summary> = list_js().await.ok().and_then(|v| from_js(&v)).unwrap_or_default();
    list.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    list
}

/// A stored catalog's JSON: UTF-8 bytes.
fn catalog_of(value: JsValue) -> Option<Catalog> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    let bytes = js_sys::Uint8Array::new(&value).to_vec();
    load_catalog(std::str::from_utf8(&bytes).ok()?).ok()
}

pub async fn load(id: &str) -> Option<Catalog> {
    catalog_of(load_js(id).await.ok()?)
}

/// How many times the catalog was saved (0: never, or unreadable).
pub async fn revision(id: &str) -> u64 {
    revision_js(id).await.ok().and_then(|v| v.as_f64()).map_or(0, |v| v as u64)
}

/// While the returned guard lives, `on_other` runs when another tab has catalog `id` open too.
pub struct Watch {
    stop: JsValue,
    _on_other: Closure<dyn FnMut()>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.dyn_ref::<js_sys::Function>() {
            let _ = stop.call0(&JsValue::NULL);
        }
    }
}

pub fn watch(id: &str, on_other: impl FnMut() + 'static) -> Watch {
    let closure = Closure::<dyn FnMut()>::new(on_other);
    Watch { stop: watch_js(id, &closure), _on_other: closure }
}

fn summary(id: &str, catalog: &Catalog, errors: usize) -> Summary {
    Summary {
        id: id.to_owned(),
        title: catalog.meta.title.clone(),
        government: catalog.meta.government.clone(),
        updated: now(),
        entries: catalog.entries.len(),
        errors,
    }
}

/// Save a catalog and its summary; `errors` is its error count, which the caller has already validated for.
/// `version` asks for a history version whatever the time since the last one (a new editing session); `writer`
/// (an editor's) refuses the save when another tab saved the catalog since it opened it.
/// The catalog is serialised before this returns, so the caller may change it while the write is under way.
pub fn save(
    id: &str,
    catalog: &Catalog,
    errors: usize,
    version: bool,
    writer: Option<&Writer>,
) -> impl std::future::Future<Output = Result<(), SaveError>> + use<> {
    // Compact, straight to bytes: the pretty JSON of exports costs twice as much for a 10,000-entry catalog.
    let bytes = serde_json::to_vec(catalog).unwrap_or_else(|_| to_json(catalog).into_bytes());
    save_bytes(id, &bytes, catalog, errors, version, writer)
}

/// [`save`] with the catalog already serialised (compact v1 JSON): the editor keeps it per entry.
pub fn save_bytes(
    id: &str,
    bytes: &[u8],
    catalog: &Catalog,
    errors: usize,
    version: bool,
    writer: Option<&Writer>,
) -> impl std::future::Future<Output = Result<(), SaveError>> + use<> {
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)));
    let (id, summary) = (id.to_owned(), to_js(&summary(id, catalog, errors)));
    let writer = writer.map_or(JsValue::NULL, to_js);
    async move {
        let blob = blob.map_err(error_name)?;
        save_js(&id, blob, summary, version, writer).await.map(|_| ()).map_err(error_name)
    }
}

pub async fn delete(id: &str) {
    let _ = remove_js(id).await;
}

/// A copy of a saved catalog under a new id, titled as a copy; the new id.
pub async fn duplicate(id: &str) -> Result<String, SaveError> {
    let mut catalog = load(id).await.ok_or_else(|| SaveError("NotFoundError".into()))?;
    catalog.meta.title = format!("{}（副本）", catalog.meta.title);
    let copy = new_id();
    save(&copy, &catalog, error_count(&catalog), true, None).await?;
    Ok(copy)
}

/// The catalog's saved versions, newest first.
pub async fn history(id: &str) -> Vec<Version> {
    history_js(id).await.ok().and_then(|v| from_js(&v)).unwrap_or_default()
}

pub async fn version(key: f64) -> Option<Catalog> {
    catalog_of(version_js(key).await.ok()?)
}

/// The catalog the user had open, to reopen it after a reload or a crashed tab.
pub fn last_open() -> Option<String> {
    settings()?.get_item(LAST_OPEN).ok().flatten()
}

pub fn set_last_open(id: Option<&str>) {
    if let Some(s) = settings() {
        let _ = match id {
            Some(id) => s.set_item(LAST_OPEN, id),
            None => s.remove_item(LAST_OPEN),
        };
    }
}

/// Move catalogs saved by the first versions of the app (localStorage) into IndexedDB. Each leaves localStorage
/// only once stored; one that cannot be read (a newer format) stays there. The number moved and the number kept.
pub async fn migrate() -> (usize, usize) {
    let Some(s) = settings() else { return (0, 0) };
    let Some(index) = s.get_item(OLD_INDEX).ok().flatten() else { return (0, 0) };
    let old: Vec<Summary> = serde_json::from_str(&index).unwrap_or_default();
    let mut moved = 0;
    let mut kept = Vec::new();
    for summary in old {
        let key = format!("{OLD_DOC}{}", summary.id);
        let Some(catalog) = s.get_item(&key).ok().flatten().and_then(|t| load_catalog(&t).ok()) else {
            kept.push(summary);
            continue;
        };
        if save(&summary.id, &catalog, error_count(&catalog), true, None).await.is_ok() {
            let _ = s.remove_item(&key);
            moved += 1;
        } else {
            kept.push(summary);
        }
    }
    let _ = match kept.len() {
        0 => s.remove_item(OLD_INDEX),
        _ => s.set_item(OLD_INDEX, &serde_json::to_string(&kept).unwrap_or_default()),
    };
    (moved, kept.len())
}

/// The backup file's `format`.
pub const BACKUP_FORMAT: &str = "zwgk-backup";

/// One catalog of a backup file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupItem {
    /// The id it had in the browser it was backed up from (`None` in backups made before 2026-12).
    pub id: Option<String>,
    /// When it was last edited there (ms since 1970), when the backup says.
    pub updated: Option<f64>,
    pub catalog: Catalog,
}

/// A backup file read: its catalogs, and the messages of those that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub items: Vec<BackupItem>,
    pub unreadable: Vec<String>,
}

/// Every saved catalog with its id and last-edit time: the backup file,
/// `{"format": "zwgk-backup", "version": 1, "catalogs": [{"id", "updated", "catalog": <v1 catalog>}]}`.
pub async fn backup() -> String {
    let mut all = Vec::new();
    for s in list().await {
        if let Some(c) = load(&s.id).await.and_then(|c| serde_json::to_value(c).ok()) {
            all.push(serde_json::json!({ "id": s.id, "updated": s.updated, "catalog": c }));
        }
    }
    let file = serde_json::json!({ "format": BACKUP_FORMAT, "version": 1, "catalogs": all });
    serde_json::to_string_pretty(&file).unwrap_or_else(|_| "{}".into())
}

/// The file read as a backup, or `None` when it is not one: a backup file as [`backup`] writes it, or a JSON
/// array of v1 catalogs (the backups of the app before 2026-12). Each catalog is read by the core's loader, as
/// any catalog file is.
pub fn read_backup(bytes: &[u8]) -> Option<Backup> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    if !matches!(first, b'[' | b'{') {
        return None;
    }
    // A catalog file (an object of another format) is told apart by its header alone, without building a tree.
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
    }
    if *first == b'{' && serde_json::from_slice::<Head>(bytes).ok()?.format.as_deref() != Some(BACKUP_FORMAT) {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let items: Vec<(Option<String>, Option<f64>, serde_json::Value)> = match value {
        serde_json::Value::Array(list) => list.into_iter().map(|c| (None, None, c)).collect(),
        serde_json::Value::Object(mut o) if o.get("format").and_then(|f| f.as_str()) == Some(BACKUP_FORMAT) => {
            let list = match o.remove("catalogs") {
                Some(serde_json::Value::Array(list)) => list,
                _ => Vec::new(),
            };
            list.into_iter()
                .map(|mut item| {
                    let id = item.get("id").and_then(|v| v.as_str()).map(str::to_owned);
                    let updated = item.get("updated").and_then(|v| v.as_f64());
                    (id, updated, item.get_mut("catalog").map(serde_json::Value::take).unwrap_or_default())
                })
                .collect()
        }
        _ => return None,
    };
    let mut backup = Backup { items: Vec::new(), unreadable: Vec::new() };
    for (id, updated, catalog) in items {
        match load_catalog(&catalog.to_string()) {
            Ok(catalog) => backup.items.push(BackupItem { id, updated, catalog }),
            Err(e) => backup.unreadable.push(e.message()),
        }
    }
    Some(backup)
}

/// Store a catalog restored from a backup under `id`, with the time it was last edited (now when unknown). The
/// first save of a catalog keeps a version, so a replaced catalog's earlier content stays in its history.
pub async fn restore(id: &str, catalog: &Catalog, updated: Option<f64>) -> Result<(), SaveError> {
    let bytes = serde_json::to_vec(catalog).unwrap_or_else(|_| to_json(catalog).into_bytes());
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(&bytes[..])))
        .map_err(error_name)?;
    let mut summary = summary(id, catalog, error_count(catalog));
    if let Some(t) = updated {
        summary.updated = t;
    }
    save_js(id, blob, to_js(&summary), true, JsValue::NULL).await.map(|_| ()).map_err(error_name)
}
