//! Domains: known names, no duplicate items, 26-domain coverage, and conformance to each domain's guideline.

use std::collections::BTreeMap;

use super::{At, Findings, catalog_diag, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::domains::{self, DOMAINS, DomainName};
use crate::model::Catalog;
use crate::seeds::{self, DomainGuide, GuideItem, item_key, key_path, keys_match};
use crate::text::is_blank;
use crate::vocab::GOVERNMENT_LEVELS;

/// Entries per canonical domain, in file order, the domains in name order. The lists are kept beside a
/// `BTreeMap<&str, usize>` (the type the id check uses) rather than in a map of their own, which would add a
/// map's whole code to the wasm build.
#[derive(Default)]
struct Covered {
    at: BTreeMap<&'static str, usize>,
    lists: Vec<Vec<usize>>,
}

impl Covered {
    fn push(&mut self, domain: &'static str, index: usize) {
        let at = *self.at.entry(domain).or_insert(self.lists.len());
        match self.lists.get_mut(at) {
            Some(list) => list.push(index),
            None => self.lists.push(vec![index]),
        }
    }

    fn contains_key(&self, domain: &str) -> bool {
        self.at.contains_key(domain)
    }

    fn get(&self, domain: &str) -> Option<&Vec<usize>> {
        self.at.get(domain).and_then(|&at| self.lists.get(at))
    }

    /// Each domain with its entries, in name order.
    fn iter(&self) -> impl Iterator<Item = (&'static str, &Vec<usize>)> {
        self.at.iter().filter_map(|(&domain, &at)| Some((domain, self.lists.get(at)?)))
    }
}

pub(super) fn check(catalog: &Catalog, out: &mut Findings) {
    let mut by_domain = Covered::default();
    // Each entry's item path keyed once, for the duplicate check here and the guideline matching below.
    let keyed: Vec<Vec<String>> = catalog.entries.iter().map(|e| key_path(&e.item)).collect();
    // Keyed by text in a BTreeMap, as the report counts domains: no hasher and no other map type in the wasm build.
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for (index, entry) in catalog.entries.iter().enumerate() {
        let at = At { entry, index };
        let canonical = match domains::resolve(&entry.domain) {
            DomainName::Canonical(d) => d,
            DomainName::Alias(d) => {
                let finding = Finding::DomainAlias { alias: entry.domain.trim().to_owned(), canonical: d.to_owned() };
                out.entry(&at, finding, "domain", fix("domain", d));
                d
            }
            DomainName::Unknown => {
                if !is_blank(&entry.domain) {
                    out.entry(&at, Finding::DomainUnknown { domain: entry.domain.trim().to_owned() }, "domain", None);
                }
                continue;
            }
        };
        by_domain.push(canonical, index);
        let path = keyed[index].as_slice();
        if path.iter().all(String::is_empty) {
            continue;
        }
        let key = duplicate_key(canonical, path);
        match first_seen.get(&key) {
            Some(&first) => {
                let first_entry = &catalog.entries[first];
                let first = match first_entry.row() {
                    Some(row) => format!("第{row}行"),
                    None => format!("事项{}", first_entry.label(first)),
                };
                out.entry(&at, Finding::ItemDuplicate { path: entry.item.join("/"), first }, "item", None);
            }
            None => {
                first_seen.insert(key, index);
            }
        }
    }

    check_not_applicable(catalog, &by_domain, &mut out.catalog);
    check_guidelines(catalog, &by_domain, &keyed, out);
    check_removed(catalog, &by_domain, &mut out.catalog);
}

/// A domain and a keyed item path as one text, each part preceded by its length: equal exactly when both are.
fn duplicate_key(domain: &str, path: &[String]) -> String {
    use std::fmt::Write;
    let mut key = String::with_capacity(domain.len() + path.iter().map(|p| p.len() + 4).sum::<usize>() + 4);
    for part in std::iter::once(domain).chain(path.iter().map(String::as_str)) {
        // Writing into a String cannot fail.
        let _ = write!(key, "{}:", part.len());
        key.push_str(part);
    }
    key
}

fn check_not_applicable(catalog: &Catalog, covered: &Covered, out: &mut Vec<Diagnostic>) {
    let mut declared: Vec<&'static str> = Vec::new();
    for na in &catalog.not_applicable {
        let Some(domain) = domains::canonical(&na.domain) else {
            out.push(catalog_diag(
                Finding::NotApplicableUnknown { domain: na.domain.trim().to_owned() },
                "not_applicable",
                None,
            ));
            continue;
        };
        if is_blank(&na.reason) {
            out.push(catalog_diag(
                Finding::NotApplicableNoReason { domain: domain.to_owned() },
                "not_applicable",
                None,
            ));
        } else {
            declared.push(domain);
        }
        if covered.contains_key(domain) {
            out.push(catalog_diag(Finding::NotApplicableCovered { domain: domain.to_owned() }, "not_applicable", None));
        }
    }
    for domain in DOMAINS {
        let named = catalog.not_applicable.iter().any(|na| domains::canonical(&na.domain) == Some(domain));
        if !covered.contains_key(domain) && !declared.contains(&domain) && !named {
            out.push(catalog_diag(Finding::CoverageMissing { domain: domain.to_owned() }, "not_applicable", None));
        }
    }
}

/// The catalog's level when it is one the guidelines know (`县级`/`乡级`).
fn government_level(catalog: &Catalog) -> Option<&'static str> {
    let level = catalog.meta.level.trim();
    GOVERNMENT_LEVELS.iter().copied().find(|l| *l == level)
}

/// The guideline items of `guide` that apply at `level` (every item when the level is unknown) and that `path`
/// names, matched as entries are ([`GuideItem::matches`]), narrowed to those under the same 一级事项 when there are
/// any: `综合业务/政策法规文件` names its own item, not every `…/政策法规文件`; a renamed heading keeps them all.
fn named_items(guide: &'static DomainGuide, level: Option<&str>, path: &[String]) -> Vec<&'static GuideItem> {
    let matching: Vec<&'static GuideItem> =
        guide.items.iter().filter(|g| level.is_none_or(|l| g.applies_to(l)) && g.matches(path)).collect();
    let heading = path.first().map(|s| item_key(s));
    let same: Vec<&'static GuideItem> =
        matching.iter().copied().filter(|g| g.item.first().map(|s| item_key(s)) == heading).collect();
    if same.is_empty() { matching } else { same }
}

/// Guideline items missing from a covered domain (warning) and local additions (info). An item the catalog
/// declares removed with a reason (删减事项说明) is not missing.
fn check_guidelines(catalog: &Catalog, covered: &Covered, keyed: &[Vec<String>], out: &mut Findings) {
    let level = government_level(catalog);
    let excused: Vec<&'static GuideItem> = match level {
        Some(level) => catalog
            .removed
            .iter()
            .filter(|r| !is_blank(&r.reason))
            .filter_map(|r| seeds::guide(&r.domain).map(|g| named_items(g, Some(level), &r.item)))
            .flatten()
            .collect(),
        None => Vec::new(),
    };
    for (domain, indices) in covered.iter() {
        let Some((guide, items)) = seeds::guide_keyed(domain) else { continue };
        let entries: Vec<&[String]> = indices.iter().map(|&i| keyed[i].as_slice()).collect();
        if let Some(level) = level {
            for (item, keys) in guide.items.iter().zip(items).filter(|(g, _)| g.applies_to(level)) {
                let removed = excused.iter().any(|e| std::ptr::eq(*e, item));
                if !removed && !entries.iter().any(|path| keys_match(keys, path)) {
                    let source =
                        guide.guideline.document_number.clone().unwrap_or_else(|| guide.guideline.title.clone());
                    let finding =
                        Finding::GuidelineMissing { domain: domain.to_owned(), path: item.item.join("/"), source };
                    out.catalog.push(catalog_diag(finding, "item", None));
                }
            }
        }
        for (&index, path) in indices.iter().zip(&entries) {
            let entry = &catalog.entries[index];
            if !items.iter().any(|keys| keys_match(keys, path)) {
                let at = At { entry, index };
                out.entry(&at, Finding::GuidelineLocal { domain: domain.to_owned() }, "item", None);
            }
        }
    }
}

/// The removed items (删减事项说明): each names a guideline item of a known domain that applies at the catalog's
/// level (any level when the level is not valid: `meta.level` reports that), gives its reason, and is not also
/// listed in the entries (an entry naming the same guideline item, as [`named_items`] resolves both).
fn check_removed(catalog: &Catalog, covered: &Covered, out: &mut Vec<Diagnostic>) {
    let level = government_level(catalog);
    for removed in &catalog.removed {
        let Some(domain) = domains::canonical(&removed.domain) else {
            let finding = Finding::RemovedUnknownDomain { domain: removed.domain.trim().to_owned() };
            out.push(catalog_diag(finding, "removed", None));
            continue;
        };
        let path = removed.item.join("/");
        let guide = seeds::guide(domain);
        let items = guide.map(|g| named_items(g, level, &removed.item)).unwrap_or_default();
        if items.is_empty() {
            let finding = Finding::RemovedNotGuideline { domain: domain.to_owned(), path, level };
            out.push(catalog_diag(finding, "removed", None));
            continue;
        }
        if is_blank(&removed.reason) {
            let finding = Finding::RemovedNoReason { domain: domain.to_owned(), path: path.clone() };
            out.push(catalog_diag(finding, "removed", None));
        }
        let present = covered.get(domain).zip(guide).is_some_and(|(indices, guide)| {
            indices.iter().any(|&i| {
                let listed = named_items(guide, level, &catalog.entries[i].item);
                listed.iter().any(|l| items.iter().any(|r| std::ptr::eq(*l, *r)))
            })
        });
        if present {
            out.push(catalog_diag(Finding::RemovedPresent { domain: domain.to_owned(), path }, "removed", None));
        }
    }
}
