//! The measuring side of `cargo xtask bench`, run as child processes of an optimised build of xtask
//! (`target/release-native/xtask __measure …`, `… __peak …`), so timings are of release code and each
//! measurement's memory is its own process's.
//!
//! Every command prints one JSON object on stdout; times are milliseconds, memory KiB.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use catalog_core::{FileReport, load_catalog, validate};
use catalog_interop::{ExportFormat, export, import, report_file};
use serde_json::{Value, json};

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// This process's peak resident set (VmHWM), KiB.
pub fn own_peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: {e}"))
}

fn name_of(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `__measure parse-validate FILE.json RUNS`: format v1 text → catalog → findings → report, each step timed.
fn parse_validate(file: &str, runs: usize) -> Result<Value, String> {
    let text = String::from_utf8(read(file)?).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut entries = 0;
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let catalog = load_catalog(&text).map_err(|e| e.to_string())?;
        let parse = ms(t);
        let t = Instant::now();
        let diagnostics = validate(&catalog);
        let check = ms(t);
        let t = Instant::now();
        let report = FileReport::from_diagnostics(name_of(file), &catalog, &diagnostics);
        let summary = ms(t);
        entries = catalog.entries.len();
        findings = report.diagnostics.len();
        out.push(json!({"parse": parse, "validate": check, "report": summary, "total": parse + check + summary}));
        drop((report, diagnostics, catalog));
    }
    Ok(json!({"entries": entries, "findings": findings, "runs": out, "peak_kb": own_peak_kb()}))
}

/// `__measure import FILE RUNS`: catalog-interop's importer on the file's bytes (format by extension).
fn import_runs(file: &str, runs: usize) -> Result<Value, String> {
    let bytes = read(file)?;
    let mut times = Vec::new();
    let mut entries = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let imported = import(&bytes, name_of(file)).map_err(|e| e.message_en())?;
        times.push(ms(t));
        entries = imported.catalog.entries.len();
    }
    Ok(json!({"entries": entries, "runs": times, "peak_kb": own_peak_kb()}))
}

/// `__measure report-file FILE RUNS`: import + validate + report, exactly what the CLI and `validateFile` do.
fn report_runs(file: &str, runs: usize) -> Result<Value, String> {
    let bytes = read(file)?;
    let mut times = Vec::new();
    let mut entries = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let report = report_file(&bytes, name_of(file));
        times.push(ms(t));
        if let Some(e) = &report.error {
            return Err(e.message_en.clone());
        }
        entries = report.stats.entries;
    }
    Ok(json!({"entries": entries, "runs": times, "peak_kb": own_peak_kb()}))
}

/// `__measure export FILE.json FORMAT RUNS`: the exporter on a loaded catalog.
fn export_runs(file: &str, format: &str, runs: usize) -> Result<Value, String> {
    let text = String::from_utf8(read(file)?).map_err(|e| e.to_string())?;
    let catalog = load_catalog(&text).map_err(|e| e.to_string())?;
    let kind = ExportFormat::from_name(format).ok_or("unknown format")?;
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let out = export(&catalog, kind).map_err(|e| e.to_string())?;
        times.push(ms(t));
        bytes = out.len();
    }
    Ok(json!({"entries": catalog.entries.len(), "bytes": bytes, "runs": times, "peak_kb": own_peak_kb()}))
}

pub fn measure(args: &[String]) -> Result<(), String> {
    let arg = |i: usize| args.get(i).map(String::as_str).ok_or_else(|| "__measure: missing argument".to_owned());
    let runs = |i: usize| -> Result<usize, String> { arg(i)?.parse().map_err(|e| format!("runs: {e}")) };
    let value = match arg(0)? {
        "parse-validate" => parse_validate(arg(1)?, runs(2)?)?,
        "import" => import_runs(arg(1)?, runs(2)?)?,
        "report-file" => report_runs(arg(1)?, runs(2)?)?,
        "export" => export_runs(arg(1)?, arg(2)?, runs(3)?)?,
        other => return Err(format!("__measure: unknown measurement {other}")),
    };
    println!("{value}");
    Ok(())
}

/// `__peak OUT.json STDOUT -- PROGRAM ARGS…`: run PROGRAM (its stdout into the file STDOUT, stderr inherited), then
/// write its wall time, exit code and peak resident set (getrusage of the waited-for children: this wrapper has
/// only this one).
pub fn peak(args: &[String]) -> Result<(), String> {
    let [out, stdout, rest @ ..] = args else { return Err("__peak OUT STDOUT -- PROGRAM ARGS".into()) };
    let rest = rest.strip_prefix(&["--".to_owned()]).unwrap_or(rest);
    let (program, program_args) = rest.split_first().ok_or("__peak: no program")?;
    let sink = std::fs::File::create(stdout).map_err(|e| format!("{stdout}: {e}"))?;
    let t = Instant::now();
    let status = Command::new(program)
        .args(program_args)
        .stdout(sink)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let wall = ms(t);
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .map_err(|e| format!("getrusage: {e}"))?;
    let value = json!({"wall_ms": wall, "peak_kb": usage.max_rss(), "code": status.code()});
    std::fs::write(Path::new(out), value.to_string()).map_err(|e| format!("{out}: {e}"))
}
