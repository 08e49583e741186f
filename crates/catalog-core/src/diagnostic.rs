//! Findings of the validator: stable machine codes, severities, locations and mechanical fixes.
//! Human messages are rendered in one place, [`crate::messages`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How bad a finding is. Only `Error` makes a catalog invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What the validator found, with the data its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    MetaLevel {
        value: String,
        suggestion: Option<&'static str>,
    },
    MetaMissing {
        field: &'static str,
    },
    Required {
        field: &'static str,
    },
    ItemShape {
        levels: usize,
        /// The first empty level (1-based), when one is empty.
        empty: Option<usize>,
    },
    IdMissing,
    IdDuplicate {
        id: String,
    },
    DomainUnknown {
        domain: String,
    },
    DomainAlias {
        alias: String,
        canonical: String,
    },
    ItemDuplicate {
        path: String,
        first: String,
    },
    ChannelVariant {
        raw: String,
        canonical: String,
    },
    ChannelUnparsed {
        raw: String,
    },
    ChannelOther {
        name: String,
    },
    TimeUnrecognised {
        text: String,
    },
    TimeNoTrigger {
        clause: String,
    },
    TimeExceedsDefault {
        clause: String,
    },
    BasisUnbalanced {
        text: String,
    },
    BasisGarbledNumber {
        raw: String,
    },
    BasisNonStandardNumber {
        raw: String,
        normalized: String,
    },
    /// The 依据 cites nothing but a generic phrase; `text` is what the cell says.
    BasisGenericOnly {
        text: String,
    },
    BasisPlaceholder {
        text: String,
    },
    AudienceUnknown {
        value: String,
        suggestion: Option<&'static str>,
    },
    AudienceGroupMissing,
    ModeUnknown {
        value: String,
        suggestion: Option<&'static str>,
    },
    WithheldNoReason,
    LevelUnknown {
        label: String,
    },
    LevelCompound {
        label: String,
    },
    LevelInconsistent {
        meta_level: String,
        levels: String,
    },
    PrivacyIdNumber {
        masked: String,
    },
    PrivacyBankCard {
        masked: String,
    },
    /// A mainland mobile number (an individual's; office landlines with an area code are public).
    PrivacyPhone {
        masked: String,
    },
    PrivacyRoster {
        domain: String,
    },
    CoverageMissing {
        domain: String,
    },
    NotApplicableNoReason {
        domain: String,
    },
    NotApplicableCovered {
        domain: String,
    },
    NotApplicableUnknown {
        domain: String,
    },
    GuidelineMissing {
        domain: String,
        path: String,
        source: String,
    },
    GuidelineLocal {
        domain: String,
    },
    /// A removed guideline item (删减事项说明) without its reason.
    RemovedNoReason {
        domain: String,
        path: String,
    },
    /// A removed guideline item that the entries still list.
    RemovedPresent {
        domain: String,
        path: String,
    },
    /// A removed item whose domain is not one of the 26.
    RemovedUnknownDomain {
        domain: String,
    },
    /// A removed item that is not one of the domain's guideline items (for the catalog's `level`, when valid).
    RemovedNotGuideline {
        domain: String,
        path: String,
        level: Option<&'static str>,
    },
    /// A garbled 文号 in 公开内容 (政策法规文件 rows list their documents there).
    ContentGarbledNumber {
        raw: String,
    },
    /// Another government's name (a township's, a province's, a masked placeholder) left in a field, as copied
    /// from someone else's catalog or an older template.
    OtherGovernment {
        name: String,
    },
    /// Import: a value taken from the cell above (同上/同左, a merged cell, a blank 一级事项 under its group).
    ImportCarried {
        value: String,
        how: Carry,
    },
    /// Import: a row that is not an entry (a note, a repeated header) was passed over.
    ImportSkippedRow {
        text: String,
    },
    /// Import: a column the standard does not define, kept in `extra`.
    ImportExtraColumn {
        header: String,
    },
    /// Import: a tick column holds something that is neither blank nor a tick; kept in `extra`.
    ImportMark {
        header: String,
        value: String,
    },
    /// Import: a sheet without a recognisable header row was left out.
    ImportNoHeader {
        sheet: String,
    },
    /// Import: the text encoding that was detected.
    ImportEncoding {
        encoding: String,
    },
    // importer (issue 14)
    /// Import: no domain column, heading or title named the row's domain; the guideline item it lists did.
    ImportDomainInferred {
        domain: String,
        item: String,
    },
    /// Import: the table has no 公开层级 column; each row's levels are the catalog's own level.
    ImportLevelsInferred {
        level: String,
    },
    /// Import: the table has no 公开层级 column and the catalog's level is unknown: levels left empty.
    ImportLevelsUnknown,
    /// Import: the table has no column for this element (公开对象, 公开方式 …): left empty.
    ImportNoColumn {
        field: &'static str,
    },
    /// Import: none of a group's tick columns (公开对象, 公开方式, 公开层级) is ticked on the row: left empty.
    ImportNoTick {
        group: &'static str,
    },
    /// Import: a tick in a column whose sub-header (全社会, 主动 …) is not known: which choice it ticks cannot be
    /// told, so the element is left empty.
    ImportTickUnresolved {
        header: String,
        value: String,
    },
    /// Import: a 公开渠道 checklist printed without its ■/□ glyphs: what is ticked cannot be told, left empty.
    ImportChecklistNoGlyph {
        text: String,
    },
    /// Import: a row holding only more 公开内容 (or other text) of the entry above, joined to it.
    ImportContinuation {
        row: u32,
    },
    /// Import: a blank 所属领域 cell under a blank 一级事项 continues the domain of the row above.
    ImportDomainCarried {
        domain: String,
    },
    /// Import: a column read as the user's mapping says.
    ImportMapped {
        header: String,
        field: &'static str,
    },
    /// Import: a header of the user's mapping that no sheet has.
    ImportMappingUnused {
        header: String,
    },
}

/// How an imported value was carried from elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// A `同上` / `同左` / `〃` cell.
    Ditto,
    /// A merged cell.
    Merged,
    /// A blank 一级事项 continuing the group above.
    GroupAbove,
}

/// One line of the rule table: code, severity and what the README says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
}

impl Finding {
    /// The stable machine code and severity. Codes never change meaning once published.
    pub fn rule(&self) -> Rule {
        use Finding::*;
        use Severity::*;
        let (code, severity) = match self {
            MetaLevel { .. } => ("meta.level", Error),
            MetaMissing { .. } => ("meta.missing", Warning),
            Required { .. } => ("entry.required", Error),
            ItemShape { .. } => ("entry.item-shape", Error),
            IdMissing => ("entry.id-missing", Warning),
            IdDuplicate { .. } => ("entry.id-duplicate", Error),
            DomainUnknown { .. } => ("domain.unknown", Warning),
            DomainAlias { .. } => ("domain.alias", Info),
            ItemDuplicate { .. } => ("item.duplicate", Error),
            ChannelVariant { .. } => ("channel.variant", Warning),
            ChannelUnparsed { .. } => ("channel.unparsed", Warning),
            ChannelOther { .. } => ("channel.other", Info),
            TimeUnrecognised { .. } => ("time.unrecognised", Warning),
            TimeNoTrigger { .. } => ("time.no-trigger", Warning),
            TimeExceedsDefault { .. } => ("time.exceeds-default", Warning),
            BasisUnbalanced { .. } => ("basis.unbalanced", Error),
            BasisGarbledNumber { .. } => ("basis.garbled-number", Error),
            BasisNonStandardNumber { .. } => ("basis.doc-number-format", Warning),
            BasisGenericOnly { .. } => ("basis.generic-only", Warning),
            BasisPlaceholder { .. } => ("basis.placeholder", Warning),
            AudienceUnknown { suggestion: Some(_), .. } => ("audience.variant", Warning),
            AudienceUnknown { suggestion: None, .. } => ("audience.unknown", Error),
            AudienceGroupMissing => ("audience.group-missing", Warning),
            ModeUnknown { suggestion: Some(_), .. } => ("mode.variant", Warning),
            ModeUnknown { suggestion: None, .. } => ("mode.unknown", Error),
            WithheldNoReason => ("mode.withheld-reason", Error),
            LevelUnknown { .. } => ("level.unknown", Warning),
            LevelCompound { .. } => ("level.compound", Warning),
            LevelInconsistent { .. } => ("level.inconsistent", Warning),
            PrivacyIdNumber { .. } => ("privacy.id-number", Error),
            PrivacyBankCard { .. } => ("privacy.bank-card", Error),
            PrivacyPhone { .. } => ("privacy.phone", Error),
            PrivacyRoster { .. } => ("privacy.roster-public", Warning),
            CoverageMissing { .. } => ("coverage.missing", Warning),
            NotApplicableNoReason { .. } => ("coverage.na-reason", Warning),
            NotApplicableCovered { .. } => ("coverage.na-covered", Warning),
            NotApplicableUnknown { .. } => ("coverage.na-unknown", Warning),
            GuidelineMissing { .. } => ("guideline.missing", Warning),
            GuidelineLocal { .. } => ("guideline.local", Info),
            RemovedNoReason { .. } => ("guideline.removed-reason", Warning),
            RemovedPresent { .. } => ("guideline.removed-present", Warning),
            RemovedUnknownDomain { .. } | RemovedNotGuideline { .. } => ("guideline.removed-unknown", Warning),
            ContentGarbledNumber { .. } => ("content.garbled-number", Error),
            OtherGovernment { .. } => ("entry.other-government", Warning),
            ImportCarried { .. } => ("import.carried", Info),
            ImportSkippedRow { .. } => ("import.skipped-row", Info),
            ImportExtraColumn { .. } => ("import.extra-column", Info),
            ImportMark { .. } => ("import.mark", Warning),
            ImportNoHeader { .. } => ("import.no-header", Warning),
            ImportEncoding { .. } => ("import.encoding", Info),
            // importer (issue 14)
            ImportDomainInferred { .. } => ("import.domain-inferred", Info),
            ImportLevelsInferred { .. } => ("import.levels-inferred", Info),
            ImportLevelsUnknown => ("import.levels-unknown", Warning),
            ImportNoColumn { .. } => ("import.no-column", Warning),
            ImportNoTick { .. } => ("import.no-tick", Warning),
            ImportTickUnresolved { .. } => ("import.tick-unresolved", Warning),
            ImportChecklistNoGlyph { .. } => ("import.checklist-no-glyph", Warning),
            ImportContinuation { .. } => ("import.continuation", Info),
            ImportDomainCarried { .. } => ("import.carried", Info),
            ImportMapped { .. } => ("import.mapped", Info),
            ImportMappingUnused { .. } => ("import.mapping-unused", Warning),
        };
        Rule { code, severity }
    }
}

/// A mechanical fix: set `field` of the entry (or of `meta` for catalog-level findings) to `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Fix {
    pub field: String,
    pub value: FixValue,
}

/// The new value of a fixed field: a text (`domain`, `basis`, `meta.level` …) or a list (`channels`, `levels`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FixValue {
    Text(String),
    List(Vec<String>),
}

impl From<&str> for FixValue {
    fn from(s: &str) -> Self {
        FixValue::Text(s.to_owned())
    }
}

impl From<String> for FixValue {
    fn from(s: String) -> Self {
        FixValue::Text(s)
    }
}

impl From<Vec<String>> for FixValue {
    fn from(v: Vec<String>) -> Self {
        FixValue::List(v)
    }
}

/// A finding at a place in the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub finding: Finding,
    /// Entry id (or `#N`, 1-based, when the entry has no id); `None` for catalog-level findings.
    pub entry: Option<String>,
    /// Row as the source spreadsheet shows it, when known.
    pub row: Option<u32>,
    pub sheet: Option<String>,
    /// Field name from the v1 contract (`meta.level`, `channels`, …).
    pub field: Option<&'static str>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn code(&self) -> &'static str {
        self.finding.rule().code
    }

    pub fn severity(&self) -> Severity {
        self.finding.rule().severity
    }
}
