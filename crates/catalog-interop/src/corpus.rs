//! The real-layout corpus (`tests/fixtures/corpus/*.json`, format in its README): each hand-transcribed published
//! table is rendered into the file a user would have (XLSX with its merges, CSV in GBK / UTF-8 with BOM / UTF-8),
//! imported as a user's file, and compared field by field with the catalog written by hand from the page.
//!
//! One implementation for the golden test (`tests/corpus.rs`) and `cargo xtask corpus`. Works on JSON text and
//! bytes; the callers read the folder.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use catalog_core::diagnostic::{Diagnostic, Severity};
use catalog_core::messages;
use catalog_core::model::{Catalog, Entry};
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use serde_json::Value;

use crate::import::import;

/// The fields compared per entry, in the order reports list them.
pub const FIELDS: [&str; 11] = [
    "domain",
    "item",
    "content",
    "basis",
    "time_limit",
    "subject",
    "channels",
    "audience",
    "audience_group",
    "mode",
    "levels",
];

/// The catalog-level fields compared.
pub const META_FIELDS: [&str; 3] = ["title", "government", "level"];

/// One corpus file as transcribed.
#[derive(Debug, Clone, Deserialize)]
pub struct CorpusFile {
    #[serde(default)]
    pub source: Value,
    pub render: String,
    pub sheets: Vec<CorpusSheet>,
    pub expected: Expected,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CorpusSheet {
    #[serde(default)]
    pub name: String,
    /// Cells as written; numbers and nulls are read as their text (the format says strings, transcribers vary).
    pub rows: Vec<Vec<Value>>,
    #[serde(default)]
    pub merges: Vec<[usize; 4]>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub meta: Option<BTreeMap<String, Option<String>>>,
    #[serde(default)]
    pub entries: Vec<BTreeMap<String, Value>>,
    #[serde(default)]
    pub true_findings: Vec<TrueFinding>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TrueFinding {
    #[serde(default)]
    pub sheet: Option<String>,
    pub row: u32,
    pub code: String,
    #[serde(default)]
    pub why: String,
}

fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl CorpusSheet {
    /// The rows as text, padded to one width (as a spreadsheet or a CSV saved by Excel has them).
    pub fn grid(&self) -> Vec<Vec<String>> {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        self.rows
            .iter()
            .map(|r| {
                let mut row: Vec<String> = r.iter().map(cell_text).collect();
                row.resize(width, String::new());
                row
            })
            .collect()
    }
}

/// A 序号-like cell written as a number, as spreadsheets store it.
fn as_number(cell: &str) -> Option<f64> {
    let plain =
        !cell.is_empty() && cell.len() <= 6 && cell.bytes().all(|b| b.is_ascii_digit()) && !cell.starts_with('0');
    plain.then(|| cell.parse().ok()).flatten()
}

/// Render the file the way `render` says: its bytes and the file name a user would import it under.
pub fn render(file: &CorpusFile, stem: &str) -> Result<(Vec<u8>, String), String> {
    match file.render.as_str() {
        "xlsx" => render_xlsx(file).map(|b| (b, format!("{stem}.xlsx"))),
        kind @ ("csv-gbk" | "csv-utf8-bom" | "csv-utf8") => {
            let [sheet] = file.sheets.as_slice() else {
                return Err(format!("{kind}: a CSV file holds exactly one sheet, not {}", file.sheets.len()));
            };
            let mut writer = ::csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            for row in sheet.grid() {
                writer.write_record(&row).map_err(|e| e.to_string())?;
            }
            let bytes = writer.into_inner().map_err(|e| e.to_string())?;
            let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
            let bytes = match kind {
                // GB18030 is GBK plus four-byte forms for the few glyphs GBK lacks (☑), where the GBK encoder of
                // encoding_rs would write HTML entities no spreadsheet program writes.
                "csv-gbk" => encoding_rs::GB18030.encode(&text).0.into_owned(),
                "csv-utf8-bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                _ => text.into_bytes(),
            };
            // A downloaded CSV is named after its table: the sheet name stands for that.
            let name = if sheet.name.trim().is_empty() { stem } else { sheet.name.trim() };
            Ok((bytes, format!("{name}.csv")))
        }
        other => Err(format!("unknown render \"{other}\"")),
    }
}

fn render_xlsx(file: &CorpusFile) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let wrap = Format::new().set_text_wrap();
    for (i, sheet) in file.sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        let name = if sheet.name.trim().is_empty() { format!("Sheet{}", i + 1) } else { sheet.name.clone() };
        ws.set_name(&name).map_err(|e| format!("sheet name {name}: {e}"))?;
        let grid = sheet.grid();
        let merged_away = |r: usize, c: usize| {
            sheet
                .merges
                .iter()
                .any(|m| (m[0]..=m[2]).contains(&r) && (m[1]..=m[3]).contains(&c) && (r, c) != (m[0], m[1]))
        };
        for (r, row) in grid.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() || merged_away(r, c) {
                    continue;
                }
                let (row_n, col_n) = position(r, c)?;
                match as_number(v) {
                    Some(n) => ws.write_number(row_n, col_n, n).map(|_| ()),
                    None => ws.write_string_with_format(row_n, col_n, v, &wrap).map(|_| ()),
                }
                .map_err(|e| format!("{name} cell ({r}, {c}): {e}"))?;
            }
        }
        for m in &sheet.merges {
            if m[0] == m[2] && m[1] == m[3] {
                continue;
            }
            let value = grid.get(m[0]).and_then(|r| r.get(m[1])).cloned().unwrap_or_default();
            let (r0, c0) = position(m[0], m[1])?;
            let (r1, c1) = position(m[2], m[3])?;
            ws.merge_range(r0, c0, r1, c1, &value, &wrap).map_err(|e| format!("{name} merge {m:?}: {e}"))?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn position(r: usize, c: usize) -> Result<(u32, u16), String> {
    Ok((u32::try_from(r).map_err(|e| e.to_string())?, u16::try_from(c).map_err(|e| e.to_string())?))
}

/// Runs of white space folded to one space, and none next to a CJK character (where a line break inside a
/// cell is only layout).
pub fn fold(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let before = out.chars().last().is_some_and(|c| c.is_ascii());
            let after = w.chars().next().is_some_and(|c| c.is_ascii());
            if before && after {
                out.push(' ');
            }
        }
        out.push_str(w);
    }
    out
}

/// A field's value, expected or imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    /// The page does not let a careful reader tell.
    Null,
    Text(String),
    /// A list compared in order (item).
    List(Vec<String>),
    /// A list compared as a set (channels, levels).
    Set(Vec<String>),
}

impl Val {
    fn is_empty(&self) -> bool {
        match self {
            Val::Null => true,
            Val::Text(t) => t.is_empty(),
            Val::List(l) | Val::Set(l) => l.is_empty(),
        }
    }

    fn shown(&self) -> String {
        match self {
            Val::Null => "null".to_owned(),
            Val::Text(t) => format!("{t:?}"),
            Val::List(l) | Val::Set(l) => format!("{l:?}"),
        }
    }
}

fn set_of(list: &[String]) -> Vec<String> {
    let mut s: Vec<String> = list.iter().map(|v| fold(v)).filter(|v| !v.is_empty()).collect();
    s.sort();
    s.dedup();
    s
}

/// Channels by what they mean (seeds/vocab/channels.json): an everyday name or a typo of a canonical channel
/// (公示栏, 村委会公示栏, 广播电台) is that channel, whichever way the transcriber or the importer wrote it.
fn channels_of(list: &[String]) -> Vec<String> {
    use catalog_core::vocab::{ChannelKind, channel_kind};
    let meant: Vec<String> = list
        .iter()
        .map(|v| match channel_kind(v.trim()) {
            ChannelKind::Canonical(c) | ChannelKind::Variant(c) => c.to_owned(),
            _ => v.clone(),
        })
        .collect();
    set_of(&meant)
}

/// Levels by what they mean (seeds/vocab/levels.json): the importer keeps a known label as written (区级, 镇街级),
/// the expected catalog writes the level it means (县级, 乡级).
fn levels_of(list: &[String]) -> Vec<String> {
    let mut s: Vec<String> = Vec::new();
    for v in list.iter().map(|v| fold(v)).filter(|v| !v.is_empty()) {
        let means = catalog_core::vocab::level_means(&v);
        if means.is_empty() {
            s.push(v);
        } else {
            s.extend(means.iter().cloned());
        }
    }
    s.sort();
    s.dedup();
    s
}

fn expected_val(entry: &BTreeMap<String, Value>, field: &str) -> Val {
    let list = |v: &Value| -> Vec<String> {
        match v {
            Value::Array(a) => a.iter().map(cell_text).collect(),
            other => vec![cell_text(other)],
        }
    };
    match entry.get(field) {
        None | Some(Value::Null) => Val::Null,
        Some(v) => match field {
            "item" => Val::List(list(v).iter().map(|s| fold(s)).collect()),
            "channels" => Val::Set(channels_of(&list(v))),
            "levels" => Val::Set(levels_of(&list(v))),
            _ => Val::Text(fold(&cell_text(v))),
        },
    }
}

fn imported_val(entry: &Entry, field: &str) -> Val {
    let text = |s: &str| Val::Text(fold(s));
    match field {
        "domain" => text(&entry.domain),
        "item" => Val::List(entry.item.iter().map(|s| fold(s)).collect()),
        "content" => text(&entry.content),
        "basis" => text(&entry.basis),
        "time_limit" => text(&entry.time_limit),
        "subject" => text(&entry.subject),
        "channels" => Val::Set(channels_of(&entry.channels)),
        "audience" => text(&entry.audience),
        "audience_group" => text(entry.audience_group.as_deref().unwrap_or("")),
        "mode" => text(&entry.mode),
        "levels" => Val::Set(levels_of(&entry.levels)),
        _ => Val::Null,
    }
}

/// How one expected field came through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Right,
    Wrong {
        got: Val,
        want: Val,
    },
    /// Expected null (the page cannot tell): left empty but no `import.*` finding says so on the row.
    Unflagged,
}

/// One file's figures.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub name: String,
    pub render: String,
    /// Why the file could not be rendered or imported at all.
    pub failure: Option<String>,
    pub expected_entries: usize,
    /// Expected entries with no imported entry at their row.
    pub missing: Vec<u32>,
    /// Imported entries no expected entry names (rows that are not entries, read as entries).
    pub spurious: Vec<u32>,
    /// field → (right, compared).
    pub fields: BTreeMap<&'static str, (usize, usize)>,
    pub meta: BTreeMap<&'static str, (usize, usize)>,
    /// Every field that did not come through, as a line to print.
    pub mismatches: Vec<String>,
    /// Error-severity validator findings on rows the page published correctly.
    pub false_errors: Vec<String>,
    /// Listed true findings the validator did not raise.
    pub missed_true: Vec<String>,
    /// All findings (import and validation) by row, as lines to print.
    pub findings: BTreeMap<u32, Vec<String>>,
    /// Findings without a row.
    pub file_findings: Vec<String>,
}

impl FileResult {
    pub fn right_and_compared(&self) -> (usize, usize) {
        self.fields.values().fold((0, 0), |(r, n), (a, b)| (r + a, n + b))
    }

    pub fn fidelity(&self) -> f64 {
        ratio(self.right_and_compared())
    }
}

/// right / compared (1 when nothing was compared).
pub fn ratio((right, compared): (usize, usize)) -> f64 {
    if compared == 0 { 1.0 } else { right as f64 / compared as f64 }
}

fn row_of(e: &BTreeMap<String, Value>) -> u32 {
    e.get("row").and_then(Value::as_u64).and_then(|r| u32::try_from(r).ok()).unwrap_or(0)
}

fn sheet_of(e: &BTreeMap<String, Value>) -> Option<&str> {
    e.get("sheet").and_then(Value::as_str)
}

/// Whether an `import.*` finding says, on this row (or for the whole sheet, naming the field), that the value
/// could not be told.
fn flagged(diagnostics: &[Diagnostic], sheet: Option<&str>, row: u32, field: &str) -> bool {
    let names_field = |f: &str| f == field || (field == "audience_group" && f == "audience");
    diagnostics.iter().filter(|d| d.code().starts_with("import.")).any(|d| {
        let same_sheet = sheet.is_none() || d.sheet.is_none() || d.sheet.as_deref() == sheet;
        match d.row {
            Some(r) => r == row && same_sheet && d.field.is_none_or(names_field),
            None => same_sheet && d.field.is_some_and(names_field),
        }
    })
}

fn describe(d: &Diagnostic) -> String {
    let field = d.field.map(|f| format!(" [{f}]")).unwrap_or_default();
    format!("{} {}{field}: {}", d.severity().as_str(), d.code(), messages::zh(&d.finding))
}

/// Codes match when equal, when one is the other's start (a transcriber's `basis.garbled` for
/// `basis.garbled-number`), or when both name the same defect of a 文号: a lost 〕 is a garbled number
/// (`basis.garbled-number`, `content.garbled-number`) and an unbalanced bracket (`basis.unbalanced`) alike.
fn code_matches(listed: &str, raised: &str) -> bool {
    const DOCUMENT_NUMBER: [&str; 3] = ["basis.garbled-number", "content.garbled-number", "basis.unbalanced"];
    listed == raised
        || raised.starts_with(listed)
        || listed.starts_with(raised)
        || (DOCUMENT_NUMBER.contains(&listed) && DOCUMENT_NUMBER.contains(&raised))
}

/// Render, import, validate and compare one corpus file.
pub fn evaluate(name: &str, json: &str) -> FileResult {
    let mut result = FileResult { name: name.to_owned(), ..FileResult::default() };
    let file: CorpusFile = match serde_json::from_str(json) {
        Ok(f) => f,
        Err(e) => {
            result.failure = Some(format!("not a corpus file: {e}"));
            return result;
        }
    };
    result.render = file.render.clone();
    result.expected_entries = file.expected.entries.len();
    let stem = name.strip_suffix(".json").unwrap_or(name);
    // A file that does not import has every expected field wrong.
    let failed = |result: &mut FileResult, why: String| {
        for field in FIELDS {
            result.fields.entry(field).or_default().1 += file.expected.entries.len();
        }
        result.missing = file.expected.entries.iter().map(row_of).collect();
        result.failure = Some(why);
    };
    let imported = match render(&file, stem).map(|(bytes, file_name)| import(&bytes, &file_name)) {
        Err(e) => {
            failed(&mut result, format!("cannot render: {e}"));
            return result;
        }
        Ok(Err(e)) => {
            failed(&mut result, format!("{}: {}", e.code(), e.message()));
            return result;
        }
        Ok(Ok(imported)) => imported,
    };
    let workbook = file.render == "xlsx";
    let catalog = &imported.catalog;
    let validation = catalog_core::validate(catalog);
    let same_sheet =
        |want: Option<&str>, got: Option<&str>| !workbook || want.is_none() || got.is_none() || want == got;

    // Entries by source row.
    let mut used = vec![false; catalog.entries.len()];
    for want in &file.expected.entries {
        let (row, sheet) = (row_of(want), sheet_of(want));
        let found = catalog.entries.iter().enumerate().find(|(i, e)| {
            !used[*i] && e.row() == Some(row) && same_sheet(sheet, e.source.as_ref().and_then(|s| s.sheet.as_deref()))
        });
        let Some((i, got)) = found else {
            result.missing.push(row);
            for field in FIELDS {
                result.fields.entry(field).or_default().1 += 1;
            }
            result.mismatches.push(format!("row {row}: no entry imported at this row"));
            continue;
        };
        used[i] = true;
        for field in FIELDS {
            let (w, g) = (expected_val(want, field), imported_val(got, field));
            let outcome = match &w {
                // No group written (全社会 rows): nothing to tell, nothing to flag.
                Val::Null if field == "audience_group" && !matches!(expected_val(want, "audience"), Val::Null) => {
                    if g.is_empty() { Outcome::Right } else { Outcome::Wrong { got: g, want: w } }
                }
                Val::Null if !g.is_empty() => Outcome::Wrong { got: g, want: w },
                Val::Null if flagged(&imported.diagnostics, sheet, row, field) => Outcome::Right,
                Val::Null => Outcome::Unflagged,
                _ if g == w => Outcome::Right,
                _ => Outcome::Wrong { got: g, want: w },
            };
            let slot = result.fields.entry(field).or_default();
            slot.1 += 1;
            match outcome {
                Outcome::Right => slot.0 += 1,
                Outcome::Wrong { got, want } => {
                    result.mismatches.push(format!("row {row} {field}: got {}, want {}", got.shown(), want.shown()));
                }
                Outcome::Unflagged => result
                    .mismatches
                    .push(format!("row {row} {field}: empty as expected (null), but no import.* finding says so")),
            }
        }
    }
    result.spurious =
        catalog.entries.iter().zip(&used).filter(|(_, u)| !**u).map(|(e, _)| e.row().unwrap_or(0)).collect();
    for row in &result.spurious {
        result.mismatches.push(format!("row {row}: imported as an entry, but the page has no entry there"));
    }

    if let Some(meta) = &file.expected.meta {
        compare_meta(&mut result, catalog, meta);
    }

    // Errors on rows the government published correctly.
    let true_findings = &file.expected.true_findings;
    for d in validation.iter().filter(|d| d.severity() == Severity::Error) {
        let Some(row) = d.row else { continue };
        let listed = true_findings.iter().any(|t| {
            t.row == row && code_matches(&t.code, d.code()) && same_sheet(t.sheet.as_deref(), d.sheet.as_deref())
        });
        // A value the page does not give (expected null) is honestly reported missing: not a false error.
        let unknown = d.code() == "entry.required"
            && d.field.is_some_and(|f| {
                file.expected.entries.iter().any(|e| {
                    row_of(e) == row && same_sheet(sheet_of(e), d.sheet.as_deref()) && expected_val(e, f) == Val::Null
                })
            });
        if !listed && !unknown {
            result.false_errors.push(format!("row {row} {}", describe(d)));
        }
    }
    for t in true_findings {
        let raised = validation.iter().any(|d| d.row == Some(t.row) && code_matches(&t.code, d.code()));
        if !raised {
            result.missed_true.push(format!("row {} {} ({})", t.row, t.code, t.why));
        }
    }
    for d in imported.diagnostics.iter().chain(&validation) {
        match d.row {
            Some(row) => result.findings.entry(row).or_default().push(describe(d)),
            None => result.file_findings.push(describe(d)),
        }
    }
    result
}

fn compare_meta(result: &mut FileResult, catalog: &Catalog, meta: &BTreeMap<String, Option<String>>) {
    for field in META_FIELDS {
        let got = fold(match field {
            "title" => &catalog.meta.title,
            "government" => &catalog.meta.government,
            _ => &catalog.meta.level,
        });
        let want = meta.get(field).cloned().flatten().map(|w| fold(&w)).unwrap_or_default();
        // 某镇 and 某镇人民政府 (某街道, 某街道办事处) name the same government: the importer writes the formal name.
        let formal = |g: &str| g.strip_suffix("人民政府").or_else(|| g.strip_suffix("办事处")).unwrap_or(g).to_owned();
        let same = got == want || field == "government" && formal(&got) == formal(&want);
        let slot = result.meta.entry(field).or_default();
        slot.1 += 1;
        if same {
            slot.0 += 1;
        } else {
            result.mismatches.push(format!("meta.{field}: got {got:?}, want {want:?}"));
        }
    }
}

/// The figures over several files.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub files: usize,
    pub failed: usize,
    pub entries: usize,
    pub missing: usize,
    pub spurious: usize,
    pub fields: BTreeMap<&'static str, (usize, usize)>,
    pub meta: BTreeMap<&'static str, (usize, usize)>,
    pub false_errors: usize,
    pub missed_true: usize,
    pub unflagged: usize,
}

impl Totals {
    pub fn of(results: &[FileResult]) -> Totals {
        let mut t = Totals { files: results.len(), ..Totals::default() };
        for r in results {
            t.failed += usize::from(r.failure.is_some());
            t.entries += r.expected_entries;
            t.missing += r.missing.len();
            t.spurious += r.spurious.len();
            for (f, (a, b)) in &r.fields {
                let slot = t.fields.entry(f).or_default();
                slot.0 += a;
                slot.1 += b;
            }
            for (f, (a, b)) in &r.meta {
                let slot = t.meta.entry(f).or_default();
                slot.0 += a;
                slot.1 += b;
            }
            t.false_errors += r.false_errors.len();
            t.missed_true += r.missed_true.len();
            t.unflagged += r.mismatches.iter().filter(|m| m.contains("no import.* finding")).count();
        }
        t
    }

    pub fn field_fidelity(&self) -> f64 {
        ratio(self.fields.values().fold((0, 0), |(r, n), (a, b)| (r + a, n + b)))
    }

    pub fn field(&self, field: &str) -> f64 {
        ratio(self.fields.get(field).copied().unwrap_or_default())
    }
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

/// The figures as `cargo xtask corpus` and the test print them; `detail` adds the mismatches and the findings
/// per row of every file.
pub fn report(results: &[FileResult], detail: bool) -> String {
    let mut out = String::new();
    let totals = Totals::of(results);
    let _ =
        writeln!(out, "{:<34} {:>8} {:>7} {:>8} {:>7} {:>6}", "file", "render", "entries", "fields", "domain", "false");
    for r in results {
        if let Some(f) = &r.failure {
            let _ = writeln!(out, "{:<34} {:>8} FAILED: {f}", r.name, r.render);
            continue;
        }
        let _ = writeln!(
            out,
            "{:<34} {:>8} {:>7} {:>8} {:>7} {:>6}",
            r.name,
            r.render,
            r.expected_entries,
            pct(r.fidelity()),
            pct(ratio(r.fields.get("domain").copied().unwrap_or_default())),
            r.false_errors.len()
        );
    }
    let _ = writeln!(out, "\nper field ({} files, {} expected entries):", totals.files, totals.entries);
    for field in FIELDS {
        let (a, b) = totals.fields.get(field).copied().unwrap_or_default();
        let _ = writeln!(out, "  {field:<15} {:>8}  ({a}/{b})", pct(ratio((a, b))));
    }
    for field in META_FIELDS {
        let (a, b) = totals.meta.get(field).copied().unwrap_or_default();
        let _ = writeln!(out, "  meta.{field:<10} {:>8}  ({a}/{b})", pct(ratio((a, b))));
    }
    let _ = writeln!(
        out,
        "field fidelity {}, domain {}, false errors {}, files failed {}, entries missing {}, spurious {}, \
         null fields unflagged {}, true findings missed {}",
        pct(totals.field_fidelity()),
        pct(totals.field("domain")),
        totals.false_errors,
        totals.failed,
        totals.missing,
        totals.spurious,
        totals.unflagged,
        totals.missed_true
    );
    if detail {
        for r in results {
            let _ = writeln!(out, "\n== {} ({})", r.name, r.render);
            for m in &r.mismatches {
                let _ = writeln!(out, "  ✗ {m}");
            }
            for e in &r.false_errors {
                let _ = writeln!(out, "  false error: {e}");
            }
            for m in &r.missed_true {
                let _ = writeln!(out, "  true finding not raised: {m}");
            }
            // The 26-domain coverage warnings say only that one table is not a whole catalog.
            let coverage = r.file_findings.iter().filter(|f| f.contains("coverage.missing")).count();
            for f in r.file_findings.iter().filter(|f| !f.contains("coverage.missing")) {
                let _ = writeln!(out, "  file: {f}");
            }
            if coverage > 0 {
                let _ = writeln!(out, "  file: coverage.missing ×{coverage}");
            }
            for (row, list) in &r.findings {
                for f in list {
                    let _ = writeln!(out, "  r{row}: {f}");
                }
            }
        }
    }
    out
}
