//! Catalogs saved in this browser: an index of summaries plus one JSON document per catalog in localStorage.
//! Every write reports failure (a full quota) instead of dropping the edit; the caller offers a backup download.

use catalog_core::{Catalog, Severity, load_catalog, to_json, validate};

/// Errors in a catalog, for its summary.
pub fn error_count(catalog: &Catalog) -> usize {
    validate(catalog).iter().filter(|d| d.severity() == Severity::Error).count()
}
use serde::{Deserialize, Serialize};
use web_sys::Storage;

const INDEX: &str = "zwgk.index";
const DOC: &str = "zwgk.doc.";
const LAST_OPEN: &str = "zwgk.last-open";

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

/// Why a save failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The browser refused the write (quota full, storage disabled).
    Refused(String),
    NoStorage,
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new id: time plus randomness, unique enough for one browser.
pub fn new_id() -> String {
    format!("c{}{:04}", now() as u64, (js_sys::Math::random() * 10_000.0) as u32)
}

pub fn list() -> Vec<Summary> {
    let Some(s) = storage() else { return Vec::new() };
    let mut list: Vec<Summary> =
        s.get_item(INDEX).ok().flatten().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
    list.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    list
}

pub fn load(id: &str) -> Option<Catalog> {
    let text = storage()?.get_item(&format!("{DOC}{id}")).ok().flatten()?;
    load_catalog(&text).ok()
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

fn write(s: &Storage, key: &str, value: &str) -> Result<(), SaveError> {
    s.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        SaveError::Refused(name)
    })
}

/// Save a catalog and its summary; `errors` is its error count, which the caller has already validated for.
pub fn save(id: &str, catalog: &Catalog, errors: usize) -> Result<(), SaveError> {
    let s = storage().ok_or(SaveError::NoStorage)?;
    write(&s, &format!("{DOC}{id}"), &to_json(catalog))?;
    let mut index = list();
    index.retain(|x| x.id != id);
    index.push(summary(id, catalog, errors));
    write(&s, INDEX, &serde_json::to_string(&index).unwrap_or_else(|_| "[]".into()))
}

pub fn delete(id: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{DOC}{id}"));
        let mut index = list();
        index.retain(|x| x.id != id);
        let _ = write(&s, INDEX, &serde_json::to_string(&index).unwrap_or_else(|_| "[]".into()));
    }
}

/// The catalog the user had open, to reopen it after a reload or a crashed tab.
pub fn last_open() -> Option<String> {
    storage()?.get_item(LAST_OPEN).ok().flatten().filter(|id| load(id).is_some())
}

pub fn set_last_open(id: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match id {
            Some(id) => s.set_item(LAST_OPEN, id),
            None => s.remove_item(LAST_OPEN),
        };
    }
}

/// Every saved catalog, as a JSON array of v1 catalogs (the backup file).
pub fn backup() -> String {
    let all: Vec<serde_json::Value> =
        list().iter().filter_map(|s| load(&s.id)).filter_map(|c| serde_json::to_value(c).ok()).collect();
    serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into())
}
