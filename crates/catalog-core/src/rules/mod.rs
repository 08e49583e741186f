//! The validator: every rule reads the catalog and appends findings. Rule docs live in the crate README.

mod basis;
mod channels;
mod domains;
mod entry;
mod incremental;
mod levels;
mod memo;
mod meta;
mod names;
mod privacy;
mod time_limit;
mod vocabulary;

pub use channels::normalise_channels;
pub use incremental::{Revalidated, Revalidator};

use crate::diagnostic::{Diagnostic, Finding, Fix};
use crate::model::{Catalog, Entry};
use memo::Memo;

/// Validate a catalog. Findings come catalog-level first, then entry by entry in file order (each entry's own
/// findings, then those comparing it with others).
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    Validator::new().validate(catalog)
}

/// A validator for many catalogs in turn (a batch of files on one thread): the 公开依据 and 公开时限 texts it has
/// parsed are kept (bounded) from one catalog to the next, since a province's catalogs cite the same few hundred
/// texts. Each catalog's findings are exactly [`validate`]'s.
#[derive(Debug, Clone, Default)]
pub struct Validator {
    memo: Memo,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    /// [`validate`], with the texts parsed for earlier catalogs.
    pub fn validate(&mut self, catalog: &Catalog) -> Vec<Diagnostic> {
        let across = validate_across(catalog);
        let mut out = across.catalog;
        for (index, found) in across.entries.into_iter().enumerate() {
            out.extend(validate_entry_with(catalog, index, &mut self.memo));
            out.extend(found);
        }
        out
    }
}

/// The rules that read one entry alone (with the catalog's level): what an editor revalidates when that entry
/// changes. Empty for an index out of range.
pub fn validate_entry(catalog: &Catalog, index: usize) -> Vec<Diagnostic> {
    validate_entry_with(catalog, index, &mut Memo::default())
}

/// [`validate_entry`] with the cells already parsed in this run.
fn validate_entry_with(catalog: &Catalog, index: usize, memo: &mut Memo) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(entry) = catalog.entries.get(index) else { return out };
    let at = At { entry, index };
    entry::check_required(&at, &mut out);
    vocabulary::check(&at, &mut out);
    channels::check(&at, &mut out);
    // Both rules read the 依据: looked up once.
    let parsed_basis = memo.basis(&entry.basis);
    time_limit::check(&at, memo, &parsed_basis, &mut out);
    basis::check(&at, &parsed_basis, &mut out);
    basis::check_content(&at, memo, &mut out);
    levels::check(&at, &catalog.meta.level, &mut out);
    privacy::check(&at, &mut out);
    names::check(&at, &catalog.meta, memo, &mut out);
    out
}

/// What the rules reading the whole catalog found: catalog-level findings (meta, coverage) and, per entry, those
/// comparing it with others (ids, domains, guideline items). Cheap next to [`validate_entry`] over every entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Across {
    pub catalog: Vec<Diagnostic>,
    /// One list per entry, in entry order.
    pub entries: Vec<Vec<Diagnostic>>,
}

pub fn validate_across(catalog: &Catalog) -> Across {
    // Not `vec![Vec::new(); n]`: that clones a `Vec<Diagnostic>`, linking the clone of every finding.
    let entries = std::iter::repeat_with(Vec::new).take(catalog.entries.len()).collect();
    let mut found = Findings { catalog: Vec::new(), entries };
    meta::check(catalog, &mut found.catalog);
    entry::check_ids(catalog, &mut found);
    domains::check(catalog, &mut found);
    Across { catalog: found.catalog, entries: found.entries }
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
