//! The validator: every rule reads the catalog and appends findings. Rule docs live in the crate README.

mod basis;
mod channels;
mod domains;
mod entry;
mod levels;
mod meta;
mod privacy;
mod time_limit;
mod vocabulary;

use crate::diagnostic::{Diagnostic, Finding, Fix};
use crate::model::{Catalog, Entry};

/// Validate a catalog. Findings come catalog-level first, then entry by entry in file order.
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    meta::check(catalog, &mut out);
    entry::check_ids(catalog, &mut out);
    for (index, entry) in catalog.entries.iter().enumerate() {
        let at = At { entry, index };
        entry::check_required(&at, &mut out);
        vocabulary::check(&at, &mut out);
        channels::check(&at, &mut out);
        time_limit::check(&at, &mut out);
        basis::check(&at, &mut out);
        levels::check(&at, &catalog.meta.level, &mut out);
        privacy::check(&at, &mut out);
    }
    domains::check(catalog, &mut out);
    // Catalog-level findings first, then entry by entry (the domain rules run last but belong to their entry).
    let position: std::collections::HashMap<String, usize> =
        catalog.entries.iter().enumerate().map(|(i, e)| (entry_label(e, i), i)).collect();
    out.sort_by_key(|d| d.entry.as_ref().map_or(0, |label| position.get(label).map_or(usize::MAX, |i| i + 1)));
    out
}

/// An entry and its position, to build located diagnostics.
pub(crate) struct At<'a> {
    pub entry: &'a Entry,
    pub index: usize,
}

impl At<'_> {
    /// How messages name the entry: its id, or `#N` (1-based) when it has none.
    pub fn label(&self) -> String {
        entry_label(self.entry, self.index)
    }

    pub fn diag(&self, finding: Finding, field: &'static str, fix: Option<Fix>) -> Diagnostic {
        Diagnostic {
            finding,
            entry: Some(self.label()),
            row: self.entry.row(),
            sheet: self.entry.source.as_ref().and_then(|s| s.sheet.clone()),
            field: Some(field),
            fix,
        }
    }
}

pub(crate) fn entry_label(entry: &Entry, index: usize) -> String {
    if entry.id.trim().is_empty() { format!("#{}", index + 1) } else { entry.id.clone() }
}

/// A catalog-level diagnostic (no entry, no row).
pub(crate) fn catalog_diag(finding: Finding, field: &'static str, fix: Option<Fix>) -> Diagnostic {
    Diagnostic { finding, entry: None, row: None, sheet: None, field: Some(field), fix }
}

pub(crate) fn fix(field: &str, value: impl Into<serde_json::Value>) -> Option<Fix> {
    Some(Fix { field: field.to_owned(), value: value.into() })
}
