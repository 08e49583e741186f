//! Review notes (返回修改 / 通过 with a comment), kept in this browser per file (name and size) so a supervisor
//! who drops the same files again finds their notes; they go into the downloaded report.

use std::collections::BTreeMap;

use catalog_core::review::ReviewNote;

const KEY: &str = "zwgk.review-notes";

/// Which file a note belongs to.
pub fn key(file: &web_sys::File) -> String {
    format!("{}|{}", file.name(), file.size())
}

pub fn load() -> BTreeMap<String, ReviewNote> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    storage
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Store the notes; false when the browser refuses (the notes stay on the page and in the report).
pub fn save(notes: &BTreeMap<String, ReviewNote>) -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let text = serde_json::to_string(notes).unwrap_or_default();
    storage.is_some_and(|s| s.set_item(KEY, &text).is_ok())
}
