//! Part `native`: the core in-process (parse + validate throughput at 10k / 100k / 1M entries, XLSX and CSV
//! import, XLSX export) and the `catalog` CLI as users run it (wall time and peak memory of the process).

use super::{Bench, Part, Row, mib, num, samples};

const K10: usize = 10_000;
const K100: usize = 100_000;
const M1: usize = 1_000_000;

/// Runs per size: enough for a median, bounded for the 1M case (≈ 1 GB of JSON).
fn runs(entries: usize) -> usize {
    match entries {
        n if n >= M1 => 3,
        n if n >= K100 => 5,
        _ => 7,
    }
}

fn label(entries: usize) -> String {
    match entries {
        n if n >= M1 && n % M1 == 0 => format!("{}M", n / M1),
        n if n >= 1000 && n % 1000 == 0 => format!("{}k", n / 1000),
        n => n.to_string(),
    }
}

/// Size of a file in MB (10^6 bytes), for notes.
fn mb(path: &std::path::Path) -> String {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Wall ms and peak MiB per run, and the last exit code.
pub type Runs = (Vec<f64>, Vec<f64>, Option<i32>);

/// The CLI `validate --format json FILE` `n` times: wall ms and peak MiB per run, plus the last exit code.
pub fn cli_runs(b: &Bench, cli: &std::path::Path, file: &std::path::Path, n: usize) -> Result<Runs, String> {
    let out = b.work.join("cli-report.json");
    let f = file.to_string_lossy();
    let (mut wall, mut peak, mut code) = (Vec::new(), Vec::new(), None);
    for _ in 0..n {
        let p = b.peak(cli, &["validate", "--format", "json", &f], &out)?;
        wall.push(p.wall_ms);
        peak.push(mib(p.peak_kb));
        code = p.code;
    }
    Ok((wall, peak, code))
}

pub fn run(b: &mut Bench) -> Result<Part, String> {
    let mut rows = Vec::new();
    let mut notes = Vec::new();

    // Parse + validate (+ the report the CLI prints) in-process, from format v1 JSON text already in memory.
    let mut core_1m_peak = f64::NAN;
    for n in [K10, K100, M1] {
        let file = b.file(n, "json")?;
        let v = b.measure(&["parse-validate", &file.to_string_lossy(), &runs(n).to_string()])?;
        let entries = v["entries"].as_f64().unwrap_or(n as f64);
        let per_s: Vec<f64> = samples(&v, Some("total")).iter().map(|ms| entries / ms * 1000.0).collect();
        let part = |k: &str| num(super::median(&samples(&v, Some(k))));
        let peak = mib(v["peak_kb"].as_f64().unwrap_or(f64::NAN));
        if n == M1 {
            core_1m_peak = peak;
        }
        rows.push(Row::new(
            format!("core: parse + validate + report, {} entries (JSON {})", label(n), mb(&file)),
            "entries/s",
            per_s,
            format!(
                "median parse {} ms + validate {} ms + report {} ms; {} findings; process peak {} MiB",
                part("parse"),
                part("validate"),
                part("report"),
                v["findings"],
                num(peak)
            ),
        ));
    }

    // Import and export through catalog-interop (the code the CLI and the browser use).
    let xlsx = b.file(K10, "xlsx")?;
    let v = b.measure(&["import", &xlsx.to_string_lossy(), "7"])?;
    rows.push(Row::new(
        format!("interop: import XLSX, 10k rows ({})", mb(&xlsx)),
        "ms",
        samples(&v, None),
        format!("{} entries read", v["entries"]),
    ));
    let json10k = b.file(K10, "json")?;
    let v = b.measure(&["export", &json10k.to_string_lossy(), "xlsx", "7"])?;
    rows.push(Row::new(
        "interop: export XLSX, 10k entries",
        "ms",
        samples(&v, None),
        format!("{} bytes written", v["bytes"]),
    ));
    for n in [K10, K100] {
        let csv = b.file(n, "csv")?;
        let v = b.measure(&["import", &csv.to_string_lossy(), &runs(n).to_string()])?;
        let ms = samples(&v, None);
        let rate = v["entries"].as_f64().unwrap_or(0.0) / super::median(&ms) * 1000.0;
        rows.push(Row::new(
            format!("interop: import CSV, {} rows ({})", label(n), mb(&csv)),
            "ms",
            ms,
            format!(
                "{} entries/s; process peak {} MiB",
                num(rate),
                num(mib(v["peak_kb"].as_f64().unwrap_or(f64::NAN)))
            ),
        ));
    }

    // The CLI as users run it: a process per file, report printed (into a file here).
    let cli = b.cli.clone();
    for (n, ext) in [(K10, "json"), (K10, "xlsx"), (K10, "csv"), (K100, "csv")] {
        let file = b.file(n, ext)?;
        let (wall, peak, code) = cli_runs(b, &cli, &file, if n >= K100 { 5 } else { 7 })?;
        rows.push(Row::new(
            format!("CLI `catalog validate --format json`, {} {} ({})", label(n), ext.to_uppercase(), mb(&file)),
            "ms",
            wall,
            format!(
                "exit {}; peak RSS {} MiB (median)",
                code.map_or("?".into(), |c| c.to_string()),
                num(super::median(&peak))
            ),
        ));
        if n == K100 {
            rows.push(Row::new("CLI peak RSS, 100k CSV", "MiB", peak, ""));
        }
    }

    // The 1M case through the CLI: one run (the file is ≈ 1 GB).
    let file = b.file(M1, "json")?;
    let (wall, peak, code) = cli_runs(b, &cli, &file, 1)?;
    let report = std::fs::read_to_string(b.work.join("cli-report.json")).unwrap_or_default();
    let refused = code == Some(2);
    let why = serde_json::from_str::<serde_json::Value>(&report)
        .ok()
        .and_then(|r| r["files"][0]["error"]["message_en"].as_str().map(str::to_owned))
        .unwrap_or_default()
        .replace(&format!("{}/", b.root.display()), "");
    rows.push(Row::new(
        format!("CLI peak RSS, 1M entries (JSON {})", mb(&file)),
        "MiB",
        peak,
        format!(
            "exit {}, {} ms{}",
            code.map_or("?".into(), |c| c.to_string()),
            num(wall.first().copied().unwrap_or(f64::NAN)),
            if refused { format!(": refused, {why}") } else { String::new() }
        ),
    ));
    rows.push(Row::new(
        "core in-process peak RSS, 1M entries (JSON text + catalog + findings + report)",
        "MiB",
        vec![core_1m_peak],
        "the `__measure parse-validate` process above, VmHWM",
    ));
    if refused {
        notes.push(format!(
            "The CLI cannot read the 1M-entry case: catalog-interop refuses files over 64 MiB (`limits.rs`, \
             `MAX_FILE_BYTES`) and sheets or CSV files over 200,000 rows (`MAX_ROWS`), so no format holds 1M \
             entries for it. Its peak RSS on the 1M file is that of the refusal; the core's own peak on 1M entries \
             is measured in-process ({} MiB). The 100k JSON (≈ 100 MB pretty-printed) is refused for the same \
             reason, so the CLI rows use the 100k CSV (60 MB).",
            num(core_1m_peak)
        ));
    }

    // The size-optimised `--release` build (what `cargo xtask demo` builds) on the same 100k CSV.
    crate::run("cargo", &["build", "--quiet", "--release", "-p", "catalog-cli"])?;
    let small = b.root.join("target/release/catalog");
    let csv = b.file(K100, "csv")?;
    let (wall, peak, _) = cli_runs(b, &small, &csv, 3)?;
    rows.push(Row::new(
        "CLI built with `--release` (opt-level z), 100k CSV",
        "ms",
        wall,
        format!("peak RSS {} MiB; the rows above use profile release-native", num(super::median(&peak))),
    ));
    Ok((rows, Vec::new(), notes))
}
