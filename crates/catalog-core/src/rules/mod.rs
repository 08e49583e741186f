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

pub use channels::normalise_channels;

use crate::diagnostic::{Diagnostic, Finding, Fix};
use crate::model::{Catalog, Entry};

/// Validate a catalog. Findings come catalog-level first, then entry by entry in file order.
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Findings { catalog: Vec::new(), entries: vec![Vec::new(); catalog.entries.len()] };
    meta::check(catalog, &mut found.catalog);
    entry::check_ids(catalog, &mut found);
    for (index, entry) in catalog.entries.iter().enumerate() {
        let at = At { entry, index };
        let out = &mut found.entries[index];
        entry::check_required(&at, out);
        vocabulary::check(&at, out);
        channels::check(&at, out);
        time_limit::check(&at, out);
        basis::check(&at, out);
        levels::check(&at, &catalog.meta.level, out);
        privacy::check(&at, out);
    }
    domains::check(catalog, &mut found);
    let mut out = found.catalog;
    out.extend(found.entries.into_iter().flatten());
    out
}

/// Findings kept in report order as they are made: the catalog's, then each entry's (rules comparing entries
/// run after the per-entry ones but file their findings under the entry).
pub(crate) struct Findings {
    pub catalog: Vec<Diagnostic>,
    pub entries: Vec<Vec<Diagnostic>>,
}

impl Findings {
    pub fn entry(&mut self, at: &At, finding: Finding, field: &'static str, fix: Option<Fix>) {
        let d = at.diag(finding, field, fix);
        if let Some(list) = self.entries.get_mut(at.index) {
            list.push(d);
        }
    }
}

/// An entry and its position, to build located diagnostics.
pub(crate) struct At<'a> {
    pub entry: &'a Entry,
    pub index: usize,
}

impl At<'_> {
    /// How messages name the entry: its id, or `#N` (1-based) when it has none.
    pub fn label(&self) -> String {
        self.entry.label(self.index)
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

/// A catalog-level diagnostic (no entry, no row).
pub(crate) fn catalog_diag(finding: Finding, field: &'static str, fix: Option<Fix>) -> Diagnostic {
    Diagnostic { finding, entry: None, row: None, sheet: None, field: Some(field), fix }
}

pub(crate) fn fix(field: &str, value: impl Into<crate::diagnostic::FixValue>) -> Option<Fix> {
    Some(Fix { field: field.to_owned(), value: value.into() })
}
