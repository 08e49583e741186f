//! `catalog validate`: import each file (XLSX/XLS/CSV/JSON) and validate it, on every core, then print per file
//! (in the order given), optionally write the combined review report, exit 0/1/2.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};

use catalog_core::report::ReportError;
use catalog_core::review::ReviewReport;
use catalog_core::{FileReport, Report, Validator};
use catalog_interop::limits::MAX_FILE_BYTES;
use catalog_interop::{ExportFormat, ImportError, Mapping, export_review, import_with};

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

/// [`read_bytes`] into `buffer` (emptied first), so a batch reuses its buffers: a large buffer allocated and freed
/// per file makes the allocator consolidate its free lists each time.
fn read_into(path: &Path, buffer: &mut Vec<u8>) -> Result<(), ReportError> {
    let name = path.display().to_string();
    buffer.clear();
    let size = std::fs::metadata(path).map_err(|e| read_error(&name, &e))?.len();
    if size > MAX_FILE_BYTES as u64 {
        let too_large =
            ImportError::TooLarge { bytes: usize::try_from(size).unwrap_or(usize::MAX), limit: MAX_FILE_BYTES };
        return Err(catalog_interop::report::import_error(&name, &too_large));
    }
    buffer.reserve(usize::try_from(size).unwrap_or(0));
    let read = std::fs::File::open(path).and_then(|mut file| file.read_to_end(buffer));
    read.map(drop).map_err(|e| read_error(&name, &e))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Import a file: the catalog and the importer's diagnostics, or why it cannot be read.
pub fn import_path(path: &Path) -> Result<catalog_interop::Imported, ReportError> {
    import_path_mapped(path, &Mapping::default())
}

/// [`import_path`] reading the columns the user's mapping names as it says.
pub fn import_path_mapped(path: &Path, mapping: &Mapping) -> Result<catalog_interop::Imported, ReportError> {
    let bytes = read_bytes(path)?;
    import_with(&bytes, &file_name(path), mapping)
        .map_err(|e| catalog_interop::report::import_error(&path.display().to_string(), &e))
}

/// The column mapping of `--map 表头=字段` (repeatable) and `--mapping FILE.json`, the file first and each `--map`
/// after it; or why it cannot be used (printed, exit 2).
pub fn load_mapping(map: &[String], mapping_file: Option<&Path>) -> Result<Mapping, ExitCode> {
    let fail = |e: catalog_interop::MappingError| {
        eprintln!("{}\n{}", e.message, e.message_en);
        ExitCode::from(2)
    };
    let mut mapping = match mapping_file {
        None => Mapping::default(),
        Some(path) => {
            let text = std::fs::read(path).map_err(|e| {
                let error = read_error(&path.display().to_string(), &e);
                eprintln!("{}\n{}", error.message, error.message_en);
                ExitCode::from(2)
            })?;
            Mapping::from_json(&catalog_interop::decode::decode_text(&text)).map_err(fail)?
        }
    };
    for arg in map {
        mapping.add_arg(arg).map_err(fail)?;
    }
    Ok(mapping)
}

/// A file's report from what reading it gave, and the buffer it was read into.
fn check(
    path: &Path,
    read: Result<Vec<u8>, ReportError>,
    validator: &mut Validator,
    mapping: &Mapping,
) -> (FileReport, Option<Vec<u8>>) {
    let shown = path.display().to_string();
    match read {
        Err(error) => (FileReport::unreadable(&shown, error), None),
        Ok(bytes) => (catalog_interop::report_file_mapped(&bytes, &shown, validator, mapping), Some(bytes)),
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

/// One file checked by a worker: its report (kept when the text or the review report needs it), and its part of the
/// JSON report when that is printed, written by the worker rather than after all of them.
struct Checked {
    report: Option<FileReport>,
    json: Vec<u8>,
    valid: bool,
    unreadable: bool,
}

/// What the printed report needs of the files.
#[derive(Clone, Copy)]
struct Wanted {
    json: bool,
    reports: bool,
}

/// A file's report as it sits in the pretty JSON report: `serde_json::to_writer_pretty`'s layout, each line after the
/// first indented by the four spaces of its place in `"files": [ … ]` (a JSON string holds no raw newline).
fn json_part(report: &FileReport) -> Vec<u8> {
    let mut alone = Vec::new();
    // Strings, numbers, lists and maps: serialising into a Vec cannot fail, and an empty part would show.
    let _ = serde_json::to_writer_pretty(&mut alone, report);
    let lines = alone.iter().filter(|&&b| b == b'\n').count();
    let mut part = Vec::with_capacity(alone.len() + 4 * lines);
    for &b in &alone {
        part.push(b);
        if b == b'\n' {
            part.extend_from_slice(b"    ");
        }
    }
    part
}

fn checked(report: FileReport, wanted: Wanted) -> Checked {
    let json = if wanted.json { json_part(&report) } else { Vec::new() };
    let (valid, unreadable) = (report.valid, report.error.is_some());
    Checked { report: wanted.reports.then_some(report), json, valid, unreadable }
}

/// Files read ahead of the workers, at most this many waiting (≈ 5 MB of catalogs).
const READ_AHEAD: usize = 16;

/// A file read (or why not) and where it goes in the results.
type FileRead = (usize, Result<Vec<u8>, ReportError>);

/// Check every file on all cores: one thread reads the files in order, a few ahead, so a worker rarely waits for the
/// disk (a supervisor's files are seldom all in the page cache); workers take the next file read as they finish
/// one, and the results are put back in the order given. The progress bar advances as files finish.
fn check_all(paths: &[PathBuf], wanted: Wanted, mapping: &Mapping) -> Vec<Checked> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(paths.len()).max(1);
    let mut results: Vec<Option<Checked>> = paths.iter().map(|_| None).collect();
    let mut progress = Progress::new(paths.len());
    std::thread::scope(|scope| {
        let (read, to_check) = mpsc::sync_channel::<FileRead>(READ_AHEAD);
        // Buffers handed back by the workers, for the reader to fill again.
        let (spare, spares) = mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            for (index, path) in paths.iter().enumerate() {
                let mut buffer = spares.try_recv().unwrap_or_default();
                let bytes = read_into(path, &mut buffer).map(|()| buffer);
                if read.send((index, bytes)).is_err() {
                    break; // every worker has stopped
                }
            }
        });
        // Shared by the workers alone: when they have all stopped, the reader's next send fails and it stops too.
        let to_check = Arc::new(Mutex::new(to_check));
        let (done, finished) = mpsc::channel();
        for _ in 0..workers {
            let (done, spare, to_check) = (done.clone(), spare.clone(), Arc::clone(&to_check));
            scope.spawn(move || {
                // One per worker: the texts its files share are parsed once.
                let mut validator = Validator::new();
                loop {
                    // The queue is locked only to take the next file (poisoned when another worker panicked: stop).
                    let next = match to_check.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => break,
                    };
                    let Ok((index, bytes)) = next else { break }; // all read and taken
                    let Some(path) = paths.get(index) else { break };
                    let (report, buffer) = check(path, bytes, &mut validator, mapping);
                    if let Some(buffer) = buffer {
                        let _ = spare.send(buffer); // the reader may be done: then the buffer is just freed
                    }
                    let result = checked(report, wanted);
                    if done.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((done, spare, to_check));
        for (index, result) in finished {
            results[index] = Some(result);
            progress.tick();
        }
    });
    progress.finish();
    results.drain(..).flatten().collect()
}

/// The JSON report (`Report` as `serde_json::to_writer_pretty` writes it, and a newline) from its files' parts.
fn write_json(out: &mut impl Write, valid: bool, files: &[Checked]) -> std::io::Result<()> {
    write!(out, "{{\n  \"valid\": {valid},\n  \"files\": [")?;
    for (i, file) in files.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        out.write_all(&file.json)?;
    }
    out.write_all(if files.is_empty() { b"]\n}\n" } else { b"\n  ]\n}\n" })
}

pub fn run(
    files: &[PathBuf],
    json: bool,
    en: bool,
    details: bool,
    report_path: Option<&Path>,
    mapping: &Mapping,
) -> ExitCode {
    let wanted = Wanted { json, reports: !json || report_path.is_some() };
    let checked = check_all(&expand(files), wanted, mapping);
    let valid = checked.iter().all(|c| c.valid);
    let unreadable = checked.iter().any(|c| c.unreadable);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (printed, report) = if json {
        // Each file's part was written by the worker that checked it: a province's report is tens of megabytes.
        let printed = write_json(&mut out, valid, &checked);
        (printed, wanted.reports.then(|| Report::new(checked.into_iter().filter_map(|c| c.report).collect())))
    } else {
        let report = Report::new(checked.into_iter().filter_map(|c| c.report).collect());
        let printed = out.write_all(text::render(&report, en, details || report.files.len() == 1).as_bytes());
        (printed, Some(report))
    };
    let _ = printed.and_then(|()| out.flush());
    drop(out);
    let mut code = if unreadable {
        ExitCode::from(2)
    } else if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if let Some(path) = report_path
        && !report.is_some_and(|report| write_review(path, report))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn the_json_written_from_parts_is_serde_jsons_pretty_report() {
        let files = [
            catalog_interop::report_file(&fixture("example-township.json"), "甲/example-township.json"),
            catalog_interop::report_file(&fixture("broken/broken-rows.csv"), "broken-rows.csv"),
            catalog_interop::report_file(b"{\"format\": \"x\"}", "quote\"d\\name.json"),
        ];
        for n in 0..=files.len() {
            let report = Report::new(files[..n].to_vec());
            let mut expected = serde_json::to_vec_pretty(&report).expect("serialises");
            expected.push(b'\n');
            let wanted = Wanted { json: true, reports: false };
            let parts: Vec<Checked> = report.files.iter().cloned().map(|f| checked(f, wanted)).collect();
            let mut written = Vec::new();
            write_json(&mut written, report.valid, &parts).expect("writes to a Vec");
            assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&expected), "{n} files");
        }
    }
}
