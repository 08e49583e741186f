//! `catalog validate`: import each file (XLSX/XLS/CSV/JSON), validate, print per file, exit 0/1/2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_core::report::ReportError;
use catalog_core::{FileReport, Report};
use catalog_interop::import;

use crate::text;

/// Read a file's bytes, or say in both languages why not.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReportError> {
    let name = path.display();
    std::fs::read(path).map_err(|e| ReportError {
        code: "file.read".into(),
        message: format!("{name}：无法读取文件（{}）", text::io_reason_zh(&e)),
        message_en: format!("{name}: cannot read file: {e}"),
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Import a file: the catalog and the importer's diagnostics, or why it cannot be read.
pub fn import_path(path: &Path) -> Result<catalog_interop::Imported, ReportError> {
    let bytes = read_bytes(path)?;
    import(&bytes, &file_name(path)).map_err(|e| catalog_interop::report::import_error(&path.display().to_string(), &e))
}

fn check(path: &Path) -> FileReport {
    let shown = path.display().to_string();
    match read_bytes(path) {
        Err(error) => FileReport::unreadable(&shown, error),
        Ok(bytes) => catalog_interop::report_file(&bytes, &shown),
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

pub fn run(files: &[PathBuf], json: bool, en: bool) -> ExitCode {
    let report = Report::new(expand(files).iter().map(|p| check(p)).collect());
    if json {
        print!("{}", report.to_json());
    } else {
        print!("{}", text::render(&report, en));
    }
    if report.files.iter().any(|f| f.error.is_some()) {
        ExitCode::from(2)
    } else if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
