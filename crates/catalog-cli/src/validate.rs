//! `catalog validate`: import each file (XLSX/XLS/CSV/JSON) and validate it, on every core, then print per file
//! (in the order given), optionally write the combined review report, exit 0/1/2.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use catalog_core::report::ReportError;
use catalog_core::review::ReviewReport;
use catalog_core::{FileReport, Report, Validator};
use catalog_interop::limits::MAX_FILE_BYTES;
use catalog_interop::{ExportFormat, ImportError, export_review, import};

use crate::progress::Progress;
use crate::text;

fn read_error(name: &str, e: &std::io::Error) -> ReportError {
    ReportError {
        code: "file.read".into(),
        message: format!("{name}：无法读取文件（{}）", text::io_reason_zh(e)),
        message_en: format!("{name}: cannot read file: {e}"),
    }
}

/// Read a file's bytes, or say in both languages why not. A file over the import limit is refused from its size,
/// before anything is read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReportError> {
    let mut bytes = Vec::new();
    read_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read_bytes`] into `buffer` (emptied first), so a batch worker reuses one buffer for all its files: a large
/// buffer allocated and freed per file makes the allocator consolidate its free lists each time.
fn read_into(path: &Path, buffer: &mut Vec<u8>) -> Result<(), ReportError> {
    let name = path.display().to_string();
    buffer.clear();
    let mut file = std::fs::File::open(path).map_err(|e| read_error(&name, &e))?;
    let size = file.metadata().map_err(|e| read_error(&name, &e))?.len();
    if size > MAX_FILE_BYTES as u64 {
        let too_large =
            ImportError::TooLarge { bytes: usize::try_from(size).unwrap_or(usize::MAX), limit: MAX_FILE_BYTES };
        return Err(catalog_interop::report::import_error(&name, &too_large));
    }
    buffer.reserve(usize::try_from(size).unwrap_or(0));
    file.read_to_end(buffer).map(drop).map_err(|e| read_error(&name, &e))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Import a file: the catalog and the importer's diagnostics, or why it cannot be read.
pub fn import_path(path: &Path) -> Result<catalog_interop::Imported, ReportError> {
    let bytes = read_bytes(path)?;
    import(&bytes, &file_name(path)).map_err(|e| catalog_interop::report::import_error(&path.display().to_string(), &e))
}

fn check(path: &Path, buffer: &mut Vec<u8>, validator: &mut Validator) -> FileReport {
    let shown = path.display().to_string();
    match read_into(path, buffer) {
        Err(error) => FileReport::unreadable(&shown, error),
        Ok(()) => catalog_interop::report_file_with(buffer, &shown, validator),
    }
}

/// Expand `*`/`?` patterns the shell did not (Windows shells, quoted arguments).
fn expand(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for f in files {
        let s = f.to_string_lossy();
        if !s.contains(['*', '?']) {
            out.push(f.clone());
            continue;
        }
        let (dir, pattern) = match f.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(d) => (d.to_path_buf(), f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
            None => (PathBuf::from("."), s.into_owned()),
        };
        let mut matched: Vec<PathBuf> =
            std::fs::read_dir(&dir).map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
        matched.retain(|p| p.file_name().is_some_and(|n| glob_match(&pattern, &n.to_string_lossy())));
        matched.sort();
        if matched.is_empty() {
            out.push(f.clone()); // reported as unreadable, with the pattern named
        }
        out.extend(matched);
    }
    out
}

fn glob_match(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], n) || (!n.is_empty() && go(p, &n[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &n[1..]),
            _ => false,
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    go(&p, &n)
}

/// Check every file on all cores: workers take the next file as they finish one, and the reports are put back in
/// the order given. The progress bar advances as files finish.
fn check_all(paths: &[PathBuf]) -> Vec<FileReport> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(paths.len()).max(1);
    let next = AtomicUsize::new(0);
    let mut reports: Vec<Option<FileReport>> = paths.iter().map(|_| None).collect();
    let mut progress = Progress::new(paths.len());
    std::thread::scope(|scope| {
        let (done, finished) = mpsc::channel();
        for _ in 0..workers {
            let done = done.clone();
            let next = &next;
            scope.spawn(move || {
                // One per worker: the texts its files share are parsed once, and one buffer holds each file.
                let mut validator = Validator::new();
                let mut buffer = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(index) else { break };
                    if done.send((index, check(path, &mut buffer, &mut validator))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        for (index, report) in finished {
            reports[index] = Some(report);
            progress.tick();
        }
    });
    progress.finish();
    reports.drain(..).flatten().collect()
}

pub fn run(files: &[PathBuf], json: bool, en: bool, details: bool, report_path: Option<&Path>) -> ExitCode {
    let report = Report::new(check_all(&expand(files)));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let printed = if json {
        // Streamed: a province's report is tens of megabytes.
        serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from).and_then(|()| writeln!(out))
    } else {
        out.write_all(text::render(&report, en, details || report.files.len() == 1).as_bytes())
    };
    let _ = printed.and_then(|()| out.flush());
    drop(out);
    let mut code = if report.files.iter().any(|f| f.error.is_some()) {
        ExitCode::from(2)
    } else if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if let Some(path) = report_path
        && !write_review(path, report)
    {
        code = ExitCode::from(2);
    }
    code
}

/// Write the combined review report (`.xlsx`, `.json` or `.html`); false, having said why, when it cannot be.
fn write_review(path: &Path, report: Report) -> bool {
    let format = match ExportFormat::from_file_name(&path.to_string_lossy()) {
        Some(f @ (ExportFormat::Xlsx | ExportFormat::Json | ExportFormat::Html)) => f,
        _ => {
            eprintln!(
                "无法从“{}”判断审核报告格式：请用 .xlsx、.json 或 .html / the review report must be .xlsx, .json or .html",
                path.display()
            );
            return false;
        }
    };
    let review = ReviewReport::new(report, Vec::new());
    let written = export_review(&review, format).map_err(|e| e.to_string()).and_then(|bytes| {
        std::fs::write(path, bytes).map_err(|e| format!("无法写入 {}：{e} / cannot write", path.display()))
    });
    match written {
        Ok(()) => {
            eprintln!("审核报告已写入 {} / review report written", path.display());
            true
        }
        Err(why) => {
            eprintln!("{why}");
            false
        }
    }
}
