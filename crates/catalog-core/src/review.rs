//! What a supervisor reviewing many catalogs needs of each (审核把关): who compiled it, how many findings, and per
//! domain of the 26 whether it is covered, declared not applicable or missing, with conformance to the guideline.
//! Also the review note a supervisor attaches to a catalog (返回修改 / 通过) and the combined review report.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::domains::{self, DOMAINS};
use crate::model::{Catalog, NotApplicable, RemovedItem};
use crate::report::{FileReport, Report};
use crate::seeds::{self, key_path, keys_match};
use crate::text::is_blank;
use crate::vocab::GOVERNMENT_LEVELS;

/// One catalog at a glance: the row of the review table and of the coverage matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewSummary {
    /// `meta.title` as written.
    pub title: String,
    /// `meta.government` as written.
    pub government: String,
    /// `meta.level` as written (the validator says when it is not 县级/乡级).
    pub level: String,
    pub region: Option<String>,
    pub revision: Option<String>,
    pub entries: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Canonical names of the pilot domains with at least one entry, in the order of the 26.
    pub domains_covered: Vec<String>,
    /// The 未涉及领域说明 as declared: the domain's canonical name when it is one of the 26 (else as written,
    /// trimmed) and the reason as written.
    pub not_applicable: Vec<NotApplicable>,
    /// The 删减事项说明 as declared.
    pub removed: Vec<RemovedItem>,
    /// Entries whose domain is not one of the 26 (later-added domains such as 交通运输, or misspellings), by the
    /// name as written (trimmed).
    pub other_domains: BTreeMap<String, usize>,
    /// The 26 pilot domains in their order, each with its coverage.
    pub domains: Vec<DomainCoverage>,
    /// Sums over the covered domains of [`Coverage::Covered`]'s counts.
    pub required_present: usize,
    pub required_total: usize,
}

/// One cell of the coverage matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DomainCoverage {
    /// Canonical name, one of the 26.
    pub domain: String,
    pub coverage: Coverage,
}

/// Whether a catalog handles a domain. A domain both covered and declared not applicable counts as covered (the
/// validator warns `coverage.na-covered`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Coverage {
    /// The catalog has entries in the domain.
    Covered {
        entries: usize,
        /// Guideline items expected at the catalog's level that an entry names (matched as `guideline.missing`
        /// matches them).
        required_present: usize,
        /// Guideline items expected at the catalog's level, less those removed with a reason (删减事项说明):
        /// `required_total - required_present` is the number of `guideline.missing` warnings of the domain. Zero
        /// when `meta.level` is not 县级/乡级 (which items apply is then unknown).
        required_total: usize,
        /// Guideline items expected at the level that the catalog removed with a reason (not in `required_total`).
        required_removed: usize,
    },
    /// Declared in the 未涉及领域说明; `reason` as written (empty when none: `coverage.na-reason`).
    NotApplicable { reason: String },
    /// Neither covered nor declared (`coverage.missing`).
    Missing,
}

impl Coverage {
    /// Share of the guideline's expected items present, when the domain is covered and any are expected.
    pub fn conformance(&self) -> Option<f64> {
        match self {
            Coverage::Covered { required_present, required_total, .. } if *required_total > 0 => {
                Some(*required_present as f64 / *required_total as f64)
            }
            _ => None,
        }
    }

    /// The stable code of the cell's status: `covered`, `not_applicable` or `missing`.
    pub fn code(&self) -> &'static str {
        match self {
            Coverage::Covered { .. } => "covered",
            Coverage::NotApplicable { .. } => "not_applicable",
            Coverage::Missing => "missing",
        }
    }
}

impl ReviewSummary {
    /// Share of the guideline's expected items present over all covered domains, when any are expected.
    pub fn conformance(&self) -> Option<f64> {
        (self.required_total > 0).then(|| self.required_present as f64 / self.required_total as f64)
    }

    /// Number of the 26 domains covered or declared not applicable.
    pub fn domains_handled(&self) -> usize {
        self.domains.iter().filter(|d| !matches!(d.coverage, Coverage::Missing)).count()
    }
}

/// Summarise `catalog` for review. `diagnostics` are its findings: the validator's (the expected-item counts read
/// its `guideline.missing` warnings, so that removals with a reason are judged exactly as the validator judges
/// them) plus any the importer made.
pub fn summarize(catalog: &Catalog, diagnostics: &[Diagnostic]) -> ReviewSummary {
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    let mut missing: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diagnostics {
        match d.severity() {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => infos += 1,
        }
        if let Finding::GuidelineMissing { domain, .. } = &d.finding {
            *missing.entry(domain.as_str()).or_insert(0) += 1;
        }
    }

    // Entry indices per pilot domain (by position in DOMAINS), and entries outside the 26.
    let mut by_domain: Vec<Vec<usize>> = std::iter::repeat_with(Vec::new).take(DOMAINS.len()).collect();
    let mut other_domains: BTreeMap<String, usize> = BTreeMap::new();
    for (index, entry) in catalog.entries.iter().enumerate() {
        match domains::canonical(&entry.domain).and_then(|d| DOMAINS.iter().position(|n| *n == d)) {
            Some(at) => by_domain[at].push(index),
            None if is_blank(&entry.domain) => {}
            None => *other_domains.entry(entry.domain.trim().to_owned()).or_insert(0) += 1,
        }
    }

    let level = GOVERNMENT_LEVELS.iter().copied().find(|l| *l == catalog.meta.level.trim());
    let mut required_present = 0;
    let mut required_total = 0;
    let mut domains = Vec::with_capacity(DOMAINS.len());
    for (domain, indices) in DOMAINS.iter().zip(&by_domain) {
        let coverage = if indices.is_empty() {
            match catalog.not_applicable.iter().find(|na| domains::canonical(&na.domain) == Some(domain)) {
                Some(na) => Coverage::NotApplicable { reason: na.reason.clone() },
                None => Coverage::Missing,
            }
        } else {
            let (present, expected) = match (level, seeds::guide_keyed(domain)) {
                (Some(level), Some((guide, keys))) => {
                    let paths: Vec<Vec<String>> = indices.iter().map(|&i| key_path(&catalog.entries[i].item)).collect();
                    let applicable: Vec<&Vec<String>> =
                        guide.items.iter().zip(keys).filter(|(g, _)| g.applies_to(level)).map(|(_, k)| k).collect();
                    let present = applicable.iter().filter(|keys| paths.iter().any(|p| keys_match(keys, p))).count();
                    (present, applicable.len())
                }
                _ => (0, 0),
            };
            let missing = missing.get(domain).copied().unwrap_or(0);
            // Expected items neither present nor reported missing are the ones removed with a reason.
            let removed = expected.saturating_sub(present + missing);
            let total = if expected == 0 { 0 } else { present + missing };
            required_present += present;
            required_total += total;
            Coverage::Covered {
                entries: indices.len(),
                required_present: present,
                required_total: total,
                required_removed: removed,
            }
        };
        domains.push(DomainCoverage { domain: (*domain).to_owned(), coverage });
    }

    let domains_covered =
        domains.iter().filter(|d| matches!(d.coverage, Coverage::Covered { .. })).map(|d| d.domain.clone()).collect();
    let not_applicable = catalog
        .not_applicable
        .iter()
        .map(|na| NotApplicable {
            domain: domains::canonical(&na.domain).map_or_else(|| na.domain.trim().to_owned(), str::to_owned),
            reason: na.reason.clone(),
        })
        .collect();
    let m = &catalog.meta;
    ReviewSummary {
        title: m.title.clone(),
        government: m.government.clone(),
        level: m.level.clone(),
        region: m.region.clone(),
        revision: m.revision.clone(),
        entries: catalog.entries.len(),
        errors,
        warnings,
        infos,
        domains_covered,
        not_applicable,
        removed: catalog.removed.clone(),
        other_domains,
        domains,
        required_present,
        required_total,
    }
}

/// A supervisor's decision on a catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// 返回修改: the township must revise and resubmit.
    Return,
    /// 通过: approved for publication.
    Pass,
}

impl ReviewStatus {
    /// The stable code: `return` or `pass`.
    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::Return => "return",
            ReviewStatus::Pass => "pass",
        }
    }

    /// From the stable code.
    pub fn from_code(code: &str) -> Option<ReviewStatus> {
        [ReviewStatus::Return, ReviewStatus::Pass].into_iter().find(|s| s.code() == code)
    }
}

/// A review note on one catalog: the decision and the supervisor's comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewNote {
    pub status: ReviewStatus,
    #[serde(default)]
    pub comment: String,
}

/// One reviewed file: its report (with its summary) and the supervisor's note, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewedFile {
    #[serde(flatten)]
    pub report: FileReport,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<ReviewNote>,
}

/// The combined review report over many files: the core report with each file's note (JSON form of the review
/// report; the XLSX and HTML forms are written from it by `catalog-interop`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewReport {
    /// True when no file has an error (and every file could be read).
    pub valid: bool,
    pub files: Vec<ReviewedFile>,
}

impl ReviewReport {
    /// A report from files and their notes (`notes[i]` for `report.files[i]`; missing notes are none).
    pub fn new(report: Report, notes: Vec<Option<ReviewNote>>) -> ReviewReport {
        let mut notes = notes.into_iter();
        let files =
            report.files.into_iter().map(|file| ReviewedFile { report: file, note: notes.next().flatten() }).collect();
        ReviewReport { valid: report.valid, files }
    }

    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        // Strings, numbers, lists and maps only: serialising cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Each pilot domain's count of catalogs (files with a summary) in each coverage status: covered, not
    /// applicable, missing — the matrix's footer.
    pub fn domain_totals(&self) -> Vec<(String, [usize; 3])> {
        DOMAINS
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut counts = [0; 3];
                for s in self.files.iter().filter_map(|f| f.report.summary.as_ref()) {
                    if let Some(cell) = s.domains.get(i) {
                        let at = match cell.coverage {
                            Coverage::Covered { .. } => 0,
                            Coverage::NotApplicable { .. } => 1,
                            Coverage::Missing => 2,
                        };
                        counts[at] += 1;
                    }
                }
                ((*d).to_owned(), counts)
            })
            .collect()
    }
}
