//! The catalog header: who compiled it and at which level.

use super::{catalog_diag, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::model::Catalog;
use crate::text::is_blank;
use crate::vocab::{GOVERNMENT_LEVELS, government_level};

pub(super) fn check(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let level = catalog.meta.level.trim();
    if !GOVERNMENT_LEVELS.contains(&level) {
        let suggestion = government_level(level);
        let repair = suggestion.and_then(|s| fix("meta.level", s));
        out.push(catalog_diag(Finding::MetaLevel { value: level.to_owned(), suggestion }, "meta.level", repair));
    }
    for (field, value) in [("meta.title", &catalog.meta.title), ("meta.government", &catalog.meta.government)] {
        if is_blank(value) {
            out.push(catalog_diag(Finding::MetaMissing { field }, field, None));
        }
    }
}
