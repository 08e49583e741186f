//! Every required element present; item path shape; ids unique.

use std::collections::BTreeMap;

use super::{At, Findings};
use crate::diagnostic::{Diagnostic, Finding};
use crate::model::Catalog;
use crate::text::is_blank;

pub(super) fn check_required(at: &At, out: &mut Vec<Diagnostic>) {
    let e = at.entry;
    let texts: [(&'static str, &str); 7] = [
        ("domain", &e.domain),
        ("content", &e.content),
        ("basis", &e.basis),
        ("time_limit", &e.time_limit),
        ("subject", &e.subject),
        ("audience", &e.audience),
        ("mode", &e.mode),
    ];
    if e.item.iter().all(|s| is_blank(s)) {
        out.push(at.diag(Finding::Required { field: "item" }, "item", None));
    } else if e.item.len() > 3 || e.item.iter().any(|s| is_blank(s)) {
        let empty = e.item.iter().position(|s| is_blank(s)).map(|i| i + 1);
        out.push(at.diag(Finding::ItemShape { levels: e.item.len(), empty }, "item", None));
    }
    for (field, value) in texts {
        if is_blank(value) {
            out.push(at.diag(Finding::Required { field }, field, None));
        }
    }
    for (field, values) in [("channels", &e.channels), ("levels", &e.levels)] {
        if values.iter().all(|s| is_blank(s)) {
            out.push(at.diag(Finding::Required { field }, field, None));
        }
    }
}

pub(super) fn check_ids(catalog: &Catalog, out: &mut Findings) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, entry) in catalog.entries.iter().enumerate() {
        let at = At { entry, index };
        let id = entry.id.trim();
        if id.is_empty() {
            out.entry(&at, Finding::IdMissing, "id", None);
        } else if seen.insert(id, index).is_some() {
            out.entry(&at, Finding::IdDuplicate { id: entry.label(index) }, "id", None);
        }
    }
}
