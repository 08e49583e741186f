//! The machine-readable report (`catalog validate --format json`, the wasm API, the app's review).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::load::LoadError;
use crate::model::Catalog;
use crate::review::{self, ReviewSummary};
use crate::{domains, messages, rules};

/// The report over one or more files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// True when no file has an error (and every file could be read).
    pub valid: bool,
    pub files: Vec<FileReport>,
}

/// One file's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FileReport {
    pub path: String,
    pub valid: bool,
    pub stats: Stats,
    /// Entries per canonical domain name.
    pub coverage: BTreeMap<String, usize>,
    pub diagnostics: Vec<ReportDiagnostic>,
    /// Set when the file could not be read at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ReportError>,
    /// What a reviewing supervisor needs at a glance (coverage of the 26 domains, conformance to the guidelines);
    /// absent when the file could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ReviewSummary>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Stats {
    pub entries: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// A diagnostic as it crosses boundaries: stable code, both messages, location, optional fix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportDiagnostic {
    pub code: String,
    pub severity: Severity,
    /// Entry id (`#N` when it has none); null for catalog-level findings.
    pub entry: Option<String>,
    /// Row as the source spreadsheet shows it; null when unknown.
    pub row: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Field name from the v1 contract.
    pub field: Option<String>,
    pub message: String,
    pub message_en: String,
    pub fix: Option<Fix>,
}

/// What importing a file gives, as it crosses to JavaScript: the catalog, the importer's diagnostics and the text
/// encoding it detected (CSV only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ImportResult {
    pub catalog: Catalog,
    pub diagnostics: Vec<ReportDiagnostic>,
    pub encoding: Option<String>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportError {
    pub code: String,
    pub message: String,
    pub message_en: String,
}

impl From<&Diagnostic> for ReportDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        ReportDiagnostic {
            code: d.code().to_owned(),
            severity: d.severity(),
            entry: d.entry.clone(),
            row: d.row,
            sheet: d.sheet.clone(),
            field: d.field.map(str::to_owned),
            message: messages::zh(&d.finding),
            message_en: messages::en(&d.finding),
            fix: d.fix.clone(),
        }
    }
}

impl From<&LoadError> for ReportError {
    fn from(e: &LoadError) -> Self {
        ReportError { code: e.code().to_owned(), message: e.message(), message_en: e.message_en() }
    }
}

impl FileReport {
    /// Validate a catalog and summarise it under `path`.
    pub fn for_catalog(path: &str, catalog: &Catalog) -> FileReport {
        Self::from_diagnostics(path, catalog, &rules::validate(catalog))
    }

    /// Summarise a catalog and its findings (the validator's, plus any the importer made) under `path`.
    pub fn from_diagnostics(path: &str, catalog: &Catalog, diagnostics: &[Diagnostic]) -> FileReport {
        let mut stats = Stats { entries: catalog.entries.len(), ..Stats::default() };
        for d in diagnostics {
            match d.severity() {
                Severity::Error => stats.errors += 1,
                Severity::Warning => stats.warnings += 1,
                Severity::Info => stats.infos += 1,
            }
        }
        let mut coverage = BTreeMap::new();
        for entry in &catalog.entries {
            let name = domains::canonical(&entry.domain).map_or_else(|| entry.domain.trim().to_owned(), str::to_owned);
            *coverage.entry(name).or_insert(0) += 1;
        }
        FileReport {
            path: path.to_owned(),
            valid: stats.errors == 0,
            stats,
            coverage,
            diagnostics: diagnostics.iter().map(ReportDiagnostic::from).collect(),
            error: None,
            summary: Some(review::summarize(catalog, diagnostics)),
        }
    }

    /// A file that could not be read.
    pub fn unreadable(path: &str, error: impl Into<ReportError>) -> FileReport {
        FileReport {
            path: path.to_owned(),
            valid: false,
            stats: Stats::default(),
            coverage: BTreeMap::new(),
            diagnostics: Vec::new(),
            error: Some(error.into()),
            summary: None,
        }
    }
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Report {
        Report { valid: files.iter().all(|f| f.valid), files }
    }

    /// Pretty JSON, as the CLI prints it.
    pub fn to_json(&self) -> String {
        // The report holds only strings, numbers, lists and maps: serialising it cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
