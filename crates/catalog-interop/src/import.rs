//! File bytes + file name → a v1 catalog, the import diagnostics, and the encoding used.

use catalog_core::diagnostic::{Diagnostic, Finding};
use catalog_core::model::{Catalog, Meta};
use catalog_core::{LoadError, load_catalog, vocab};

use crate::grid::Sheet;
use crate::layout::{self, meta};
use crate::limits::MAX_FILE_BYTES;
use crate::mapping::Mapping;
use crate::read;

/// What an import gives: the catalog, what the importer noticed, and the text encoding (CSV).
#[derive(Debug, Clone)]
pub struct Imported {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
    pub encoding: Option<&'static str>,
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// A workbook that would inflate far beyond any real catalog (a zip bomb).
    ZipBomb {
        limit: u64,
    },
    /// A workbook zip with more entries than any real workbook.
    ZipEntries {
        limit: usize,
    },
    Unsupported {
        extension: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooManyRows {
        limit: usize,
    },
    TooManyColumns {
        limit: usize,
    },
    /// More cells (rows × columns from A1, summed over the sheets) than a workbook may hold.
    TooManyCells {
        limit: usize,
    },
    CellTooLong {
        row: usize,
        limit: usize,
    },
    /// Bytes that are not text in any supported encoding (a binary file named .csv).
    NotText,
    /// UTF-8 and GBK lines in one file without a BOM: whichever way it is decoded, part of it is garbled.
    MixedEncoding {
        /// The first line (1-based) in the other encoding.
        line: usize,
    },
    Csv {
        row: u64,
        detail: String,
    },
    /// calamine could not open the workbook (corrupt, truncated, encrypted, not a workbook).
    Workbook(String),
    /// No sheet has a recognisable header row.
    NoTable,
    Json(LoadError),
}

impl ImportError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Unsupported { .. } => "import.unsupported",
            ImportError::TooLarge { .. } => "import.too-large",
            ImportError::ZipBomb { .. } => "import.zip-bomb",
            ImportError::ZipEntries { .. } => "import.zip-entries",
            ImportError::TooManyRows { .. } => "import.too-many-rows",
            ImportError::TooManyColumns { .. } => "import.too-many-columns",
            ImportError::TooManyCells { .. } => "import.too-many-cells",
            ImportError::CellTooLong { .. } => "import.cell-too-long",
            ImportError::NotText => "import.not-text",
            ImportError::MixedEncoding { .. } => "import.mixed-encoding",
            ImportError::Csv { .. } => "import.csv",
            ImportError::Workbook(_) => "import.workbook",
            ImportError::NoTable => "import.no-table",
            ImportError::Json(e) => e.code(),
        }
    }

    /// Chinese message (the file name is added by the caller, who knows how the user named it).
    pub fn message(&self) -> String {
        match self {
            ImportError::Unsupported { extension } => {
                format!("不支持 .{extension} 文件：请使用 .xlsx、.xls、.csv 或目录 .json 文件")
            }
            ImportError::TooLarge { bytes, limit } => {
                format!("文件过大（{} MB），上限为 {} MB", bytes / 1_048_576, limit / 1_048_576)
            }
            ImportError::ZipBomb { limit } => {
                format!("该 Excel 文件解压后超过 {} MB 或压缩比异常，疑似压缩炸弹，已拒绝", limit / 1_048_576)
            }
            ImportError::ZipEntries { limit } => {
                format!("该 Excel 文件内含的部件超过 {limit} 个，不像正常工作簿（疑似压缩炸弹），已拒绝")
            }
            ImportError::TooManyRows { limit } => format!("行数超过上限（{limit} 行），请拆分文件"),
            ImportError::TooManyColumns { limit } => format!("列数超过上限（{limit} 列）"),
            ImportError::TooManyCells { limit } => {
                format!("单元格总数（从 A1 起的行数 × 列数）超过上限（{limit} 个），请拆分文件")
            }
            ImportError::CellTooLong { row, limit } => format!("第{row}行有单元格超过 {limit} 个字符"),
            ImportError::NotText => "文件不是文本表格（可能是二进制文件被改成了 .csv）".to_owned(),
            ImportError::MixedEncoding { line } => format!(
                "文件混用了两种文字编码（UTF-8 与 GBK），第{line}行起与前文编码不同：请在 Excel/WPS 中打开后另存为“CSV UTF-8”再导入"
            ),
            ImportError::Csv { row, .. } => format!("CSV 第{row}行格式错误（引号不配对？）"),
            ImportError::Workbook(_) => {
                "无法打开该 Excel 文件：文件已损坏、被截断、已加密或不是 Excel 工作簿".to_owned()
            }
            ImportError::NoTable => {
                "找不到目录表格：没有一个工作表含有表头（公开事项、公开内容、公开依据、公开时限……）".to_owned()
            }
            ImportError::Json(e) => e.message(),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ImportError::Unsupported { extension } => format!(".{extension} files are not supported"),
            ImportError::TooLarge { bytes, limit } => format!("file too large ({bytes} bytes; limit {limit})"),
            ImportError::ZipBomb { limit } => {
                format!("workbook inflates beyond {limit} bytes or abnormally (zip bomb)")
            }
            ImportError::ZipEntries { limit } => {
                format!("workbook zip holds more than {limit} entries (not a normal workbook; zip bomb?)")
            }
            ImportError::TooManyRows { limit } => format!("more than {limit} rows"),
            ImportError::TooManyColumns { limit } => format!("more than {limit} columns"),
            ImportError::TooManyCells { limit } => {
                format!("more than {limit} cells (rows × columns from A1, all sheets); split the file")
            }
            ImportError::CellTooLong { row, limit } => format!("a cell in row {row} exceeds {limit} characters"),
            ImportError::NotText => "not a text table (binary data)".to_owned(),
            ImportError::MixedEncoding { line } => format!(
                "the file mixes two text encodings (UTF-8 and GBK); line {line} differs from the lines before: save it as \"CSV UTF-8\" in Excel/WPS and import again"
            ),
            ImportError::Csv { row, detail } => format!("CSV error at row {row}: {detail}"),
            ImportError::Workbook(detail) => format!("cannot open the workbook: {detail}"),
            ImportError::NoTable => "no sheet has a catalog header row".to_owned(),
            ImportError::Json(e) => e.message_en(),
        }
    }
}

fn extension(file_name: &str) -> String {
    file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

fn stem(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// Import a file the user picked. The format is chosen by the file name's extension.
pub fn import(bytes: &[u8], file_name: &str) -> Result<Imported, ImportError> {
    import_with(bytes, file_name, &Mapping::default())
}

/// [`import`] with the user's column mapping (header → field) for the columns the detector reads wrong.
pub fn import_with(bytes: &[u8], file_name: &str, mapping: &Mapping) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    match extension(file_name).as_str() {
        "json" => {
            let text = crate::decode::decode_text(bytes);
            let catalog = load_catalog(&text).map_err(ImportError::Json)?;
            Ok(Imported { catalog, diagnostics: Vec::new(), encoding: None })
        }
        "csv" | "txt" | "tsv" => {
            let (sheet, decoded) = read::csv::read(bytes, stem(file_name))?;
            let mut imported = from_sheets_with(&[sheet], false, mapping)?;
            imported.diagnostics.insert(
                0,
                Diagnostic {
                    finding: Finding::ImportEncoding { encoding: decoded.encoding.to_owned() },
                    entry: None,
                    row: None,
                    sheet: None,
                    field: None,
                    fix: None,
                },
            );
            imported.encoding = Some(decoded.encoding);
            Ok(imported)
        }
        #[cfg(feature = "excel")]
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et" => from_sheets_with(&read::excel::read(bytes)?, true, mapping),
        other => Err(ImportError::Unsupported { extension: other.to_owned() }),
    }
}

/// Sheets → one catalog. Each sheet with a header contributes its entries; a sheet named 目录信息 /
/// 未涉及领域说明 / 删减事项说明 (what the XLSX export writes) restores `meta`, `not_applicable` and `removed`.
pub fn from_sheets(sheets: &[Sheet], workbook: bool) -> Result<Imported, ImportError> {
    from_sheets_with(sheets, workbook, &Mapping::default())
}

/// [`from_sheets`] with the user's column mapping.
pub fn from_sheets_with(sheets: &[Sheet], workbook: bool, mapping: &Mapping) -> Result<Imported, ImportError> {
    let mut mapped: Vec<String> = Vec::new();
    let mut catalog = Catalog::new(Meta::default());
    let mut diagnostics = Vec::new();
    let mut title: Option<String> = None;
    let mut legend_government: Option<String> = None;
    // Entries (as a range) of sheets without a 公开层级 column, with the sheet's name.
    let mut without_levels: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let many = sheets.len() > 1;
    let mut has_meta_sheet = false;
    for (i, sheet) in sheets.iter().enumerate() {
        if crate::export::xlsx_meta::read_meta_sheet(sheet, &mut catalog) {
            has_meta_sheet = true;
            continue;
        }
        let prefix = if many { format!("s{}", i + 1) } else { String::new() };
        let title_domain = title.as_deref().and_then(|t| meta::domain_in(t).map(|(_, d)| d));
        let mut part = layout::read_sheet_with(sheet, &prefix, title_domain, mapping);
        mapped.append(&mut part.mapped);
        if !workbook {
            for e in &mut part.entries {
                if let Some(source) = &mut e.source {
                    source.sheet = None;
                }
            }
            for d in &mut part.diagnostics {
                d.sheet = None;
            }
        }
        if title.is_none() {
            title = part.title.clone();
        }
        if legend_government.is_none() {
            legend_government = part.government.clone();
        }
        if !part.has_levels && !part.entries.is_empty() {
            let start = catalog.entries.len();
            without_levels.push((start..start + part.entries.len(), sheet.name.clone()));
        }
        catalog.entries.append(&mut part.entries);
        diagnostics.append(&mut part.diagnostics);
    }
    if catalog.entries.is_empty() && catalog.meta == Meta::default() {
        return Err(ImportError::NoTable);
    }
    // A workbook this tool exported carries its meta sheet; otherwise a legend row (发布机构：…) and the title row
    // say what they can.
    let mut from_title = false;
    if !has_meta_sheet {
        if let Some(title) = &title
            && catalog.meta.title.is_empty()
        {
            catalog.meta.title = title.clone();
        }
        let (found, by_title) = match legend_government.as_deref().and_then(meta::government_named) {
            Some(named) => (Some(named), false),
            None => (title.as_deref().and_then(meta::government).map(|(g, l)| (g, Some(l))), true),
        };
        if catalog.meta.government.is_empty()
            && let Some((government, level)) = found
        {
            catalog.meta.government = government;
            if catalog.meta.level.is_empty()
                && let Some(level) = level
            {
                catalog.meta.level = level.to_owned();
            }
            from_title = by_title;
        }
    }
    for (range, sheet) in without_levels {
        infer_levels(&mut catalog, range, &sheet, title.as_deref(), from_title, workbook, &mut diagnostics);
    }
    for (header, _) in mapping.columns.iter().filter(|(h, _)| !mapped.contains(h)) {
        diagnostics.push(Diagnostic {
            finding: Finding::ImportMappingUnused { header: header.clone() },
            entry: None,
            row: None,
            sheet: None,
            field: None,
            fix: None,
        });
    }
    Ok(Imported { catalog, diagnostics, encoding: None })
}

/// Entries of a table without a 公开层级 column: their levels are the level of the government compiling the
/// catalog, said once with `import.levels-inferred` (or `import.levels-unknown` when nothing tells it). The
/// subjects naming a township government tell it first (a catalog whose rows all name 某乡人民政府 is that
/// township's, whatever district its title names: then the title's government is not the catalog's and is left for
/// the user), then the catalog's level; when the catalog names its government without a level nothing else is
/// trusted; else the subjects' weaker hints (乡镇人民政府, county departments), then a county department named in
/// the title (`…标准目录(自然资源局)`).
fn infer_levels(
    catalog: &mut Catalog,
    range: std::ops::Range<usize>,
    sheet: &str,
    title: Option<&str>,
    meta_from_title: bool,
    workbook: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let entries = catalog.entries.get(range.clone()).unwrap_or_default();
    let by_subjects = meta::level_of_subjects(entries.iter().map(|e| e.subject.as_str()));
    let strong = by_subjects.filter(|(_, strong)| *strong).map(|(l, _)| l);
    if let Some(level) = strong
        && meta_from_title
        && !catalog.meta.level.is_empty()
        && catalog.meta.level != level
    {
        catalog.meta.government.clear();
        catalog.meta.level.clear();
    }
    let unknown_level_of_named = !catalog.meta.government.is_empty() && catalog.meta.level.is_empty();
    let level = strong.or_else(|| vocab::government_level(&catalog.meta.level)).or_else(|| {
        if unknown_level_of_named {
            return None;
        }
        by_subjects.map(|(l, _)| l).or_else(|| title.and_then(meta::department_in_title).map(|_| "县级"))
    });
    let finding = match level {
        Some(level) => {
            for e in catalog.entries.get_mut(range).into_iter().flatten().filter(|e| e.levels.is_empty()) {
                e.levels = vec![level.to_owned()];
            }
            Finding::ImportLevelsInferred { level: level.to_owned() }
        }
        None => Finding::ImportLevelsUnknown,
    };
    diagnostics.push(Diagnostic {
        finding,
        entry: None,
        row: None,
        sheet: workbook.then(|| sheet.to_owned()),
        field: Some("levels"),
        fix: None,
    });
}
