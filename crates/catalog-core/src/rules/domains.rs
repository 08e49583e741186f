//! Domains: known names, no duplicate items, 26-domain coverage, and conformance to each domain's guideline.

use std::collections::BTreeMap;

use super::{At, Findings, catalog_diag, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::domains::{self, DOMAINS, DomainName};
use crate::model::Catalog;
use crate::seeds::{self, item_key};
use crate::text::is_blank;
use crate::vocab::GOVERNMENT_LEVELS;

pub(super) fn check(catalog: &Catalog, out: &mut Findings) {
    // Entries per canonical domain, in file order.
    let mut by_domain: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    let mut first_seen: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
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
        by_domain.entry(canonical).or_default().push(index);
        let path: Vec<String> = entry.item.iter().map(|s| item_key(s)).collect();
        if path.iter().all(String::is_empty) {
            continue;
        }
        match first_seen.get(&(canonical, path.join("/"))) {
            Some(&first) => {
                let first_entry = &catalog.entries[first];
                let first = match first_entry.row() {
                    Some(row) => format!("第{row}行"),
                    None => format!("事项{}", first_entry.label(first)),
                };
                out.entry(&at, Finding::ItemDuplicate { path: entry.item.join("/"), first }, "item", None);
            }
            None => {
                first_seen.insert((canonical, path.join("/")), index);
            }
        }
    }

    check_not_applicable(catalog, &by_domain, &mut out.catalog);
    check_guidelines(catalog, &by_domain, out);
}

fn check_not_applicable(catalog: &Catalog, covered: &BTreeMap<&'static str, Vec<usize>>, out: &mut Vec<Diagnostic>) {
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

/// Guideline items missing from a covered domain (warning) and local additions (info).
fn check_guidelines(catalog: &Catalog, covered: &BTreeMap<&'static str, Vec<usize>>, out: &mut Findings) {
    let level = catalog.meta.level.trim();
    for (domain, indices) in covered {
        let Some(guide) = seeds::guide(domain) else { continue };
        let entries: Vec<&[String]> = indices.iter().map(|&i| catalog.entries[i].item.as_slice()).collect();
        if GOVERNMENT_LEVELS.contains(&level) {
            for item in guide.items.iter().filter(|g| g.applies_to(level)) {
                if !entries.iter().any(|path| item.matches(path)) {
                    let source =
                        guide.guideline.document_number.clone().unwrap_or_else(|| guide.guideline.title.clone());
                    let finding =
                        Finding::GuidelineMissing { domain: (*domain).to_owned(), path: item.item.join("/"), source };
                    out.catalog.push(catalog_diag(finding, "item", None));
                }
            }
        }
        for &index in indices {
            let entry = &catalog.entries[index];
            if !guide.items.iter().any(|g| g.matches(&entry.item)) {
                let at = At { entry, index };
                out.entry(&at, Finding::GuidelineLocal { domain: (*domain).to_owned() }, "item", None);
            }
        }
    }
}
