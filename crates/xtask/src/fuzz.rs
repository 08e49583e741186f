//! `cargo xtask fuzz [SECONDS] [--runs N] [TARGET…] [-- LIBFUZZER_FLAG…]`: the cargo-fuzz targets of
//! crates/catalog-interop/fuzz, each for SECONDS (default 60) or N executions, whichever comes first, seeded from the
//! committed corpus and from the test fixtures; a table of executions per target at the end
//! (crates/catalog-interop/fuzz/RESULTS.md records runs). Flags after `--` go to libFuzzer (e.g. `-max_len=512`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::{output, root, run};

/// Every target, importers first. The CSV targets each feed one encoding (see their sources).
pub const TARGETS: [&str; 10] = [
    "import_xlsx",
    "import_xls",
    "import_csv",
    "import_csv_gbk",
    "import_csv_utf16",
    "import_csv_utf8bom",
    "import_json",
    "parse_time_limit",
    "parse_basis",
    "parse_channels",
];

struct Options {
    seconds: u64,
    runs: Option<u64>,
    targets: Vec<String>,
    libfuzzer: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut opts = Options { seconds: 60, runs: None, targets: Vec::new(), libfuzzer: Vec::new() };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            opts.libfuzzer = args.by_ref().cloned().collect();
        } else if arg == "--runs" {
            let n = args.next().ok_or("--runs needs a number")?;
            opts.runs = Some(n.parse().map_err(|_| format!("--runs: not a number: {n}"))?);
        } else if let Ok(seconds) = arg.parse() {
            opts.seconds = seconds;
        } else if TARGETS.contains(&arg.as_str()) {
            opts.targets.push(arg.clone());
        } else {
            return Err(format!("unknown fuzz target or option {arg} (targets: {})", TARGETS.join(" ")));
        }
    }
    if opts.targets.is_empty() {
        opts.targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    Ok(opts)
}

/// What libFuzzer said at the end of one run.
#[derive(Debug, Default, PartialEq)]
pub struct Stats {
    pub executions: Option<u64>,
    pub per_second: Option<u64>,
    /// libFuzzer's own run time (`Done N runs in S second(s)`), without the build.
    pub fuzz_seconds: Option<u64>,
}

/// Reads libFuzzer's closing lines: `stat::number_of_executed_units: N` (with -print_final_stats=1), else
/// `Done N runs in S second(s)` (a -runs limit), else the last `#N DONE`/`#N pulse` status line.
pub fn parse_stats(log: &str) -> Stats {
    let mut stats = Stats::default();
    let mut last_status = None;
    for line in log.lines() {
        let line = line.trim();
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            stats.executions = n.trim().parse().ok();
        } else if let Some(n) = line.strip_prefix("stat::average_exec_per_sec:") {
            stats.per_second = n.trim().parse().ok();
        } else if let Some(rest) = line.strip_prefix("Done ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if stats.executions.is_none() {
                stats.executions = words.first().and_then(|n| n.parse().ok());
            }
            // `Done 1200000 runs in 30 second(s)`
            stats.fuzz_seconds = words.get(3).and_then(|n| n.parse().ok());
        } else if let Some(rest) = line.strip_prefix('#') {
            let mut words = rest.split_whitespace();
            if let Some(n) = words.next().and_then(|n| n.parse::<u64>().ok()) {
                last_status = Some(n);
            }
        }
    }
    stats.executions = stats.executions.or(last_status);
    stats
}

/// Seeds drawn from tests/fixtures for each target, written under target/fuzz-seeds/ (rebuilt every run, so a
/// fixture added later seeds the fuzzers without copying it into the committed corpus).
fn fixture_seeds(target: &str, dir: &Path) -> Result<(), String> {
    let fixtures = root().join("tests/fixtures");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = |sub: &str, ext: &str| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> =
            std::fs::read_dir(fixtures.join(sub)).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        found.retain(|p| p.to_string_lossy().ends_with(ext));
        found.sort();
        found
    };
    let csvs = || [files("import", ".csv"), files("broken", ".csv"), files("fuzz-regressions", ".csv")].concat();
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    match target {
        "import_xlsx" => {
            for p in [files("import", ".xlsx"), files("fuzz-regressions", ".xlsx")].concat() {
                seeds.push(std::fs::read(p).map_err(|e| e.to_string())?);
            }
        }
        "import_xls" => {
            for p in files("fuzz-regressions", ".xls") {
                seeds.push(std::fs::read(p).map_err(|e| e.to_string())?);
            }
        }
        "import_csv" => {
            for p in csvs() {
                seeds.push(std::fs::read(p).map_err(|e| e.to_string())?);
            }
        }
        // These targets take text and encode it themselves: seed with the fixtures' decoded text.
        "import_csv_gbk" | "import_csv_utf16" | "import_csv_utf8bom" => {
            for p in csvs() {
                let bytes = std::fs::read(p).map_err(|e| e.to_string())?;
                let text = catalog_interop::decode::decode(&bytes).text.into_bytes();
                seeds.push(if target == "import_csv_utf16" { [&[0u8][..], &text].concat() } else { text });
            }
        }
        "import_json" => {
            for p in [files("", ".json"), files("import", ".json"), files("fuzz-regressions", ".json")].concat() {
                seeds.push(std::fs::read(p).map_err(|e| e.to_string())?);
            }
        }
        "parse_time_limit" | "parse_basis" | "parse_channels" => {
            for p in [files("", ".json"), files("import", ".expected.json")].concat() {
                let text = std::fs::read_to_string(&p).map_err(|e| e.to_string())?;
                let Ok(catalog) = catalog_core::load_catalog(&text) else { continue };
                for entry in &catalog.entries {
                    match target {
                        "parse_time_limit" => seeds.push(entry.time_limit.clone().into_bytes()),
                        "parse_basis" => seeds.push(entry.basis.clone().into_bytes()),
                        _ => {
                            // Both forms real catalogs write: a list and the national ■□ checklist.
                            seeds.push(entry.channels.join("、").into_bytes());
                            let ticked: Vec<String> = entry.channels.iter().map(|c| format!("■{c}")).collect();
                            seeds.push(format!("{} □政府公报", ticked.join(" ")).into_bytes());
                        }
                    }
                }
            }
        }
        _ => {}
    }
    seeds.sort();
    seeds.dedup();
    for (i, seed) in seeds.iter().enumerate() {
        std::fs::write(dir.join(format!("fixture-{i}")), seed).map_err(|e| e.to_string())?;
    }
    Ok(())
}

struct Outcome {
    target: String,
    stats: Stats,
    seconds: u64,
    result: Result<(), String>,
}

/// cargo-fuzz from crates.io; libFuzzer needs a few unstable flags, which `RUSTC_BOOTSTRAP` allows on the
/// stable toolchain (no nightly needed).
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let opts = options(args)?;
    if !output("cargo", &["fuzz", "--version"]).starts_with("cargo-fuzz") {
        run("cargo", &["install", "cargo-fuzz", "--locked"])?;
    }
    let dir = root().join("crates/catalog-interop/fuzz");
    let mut outcomes = Vec::new();
    for target in &opts.targets {
        // libFuzzer adds what it finds to the first corpus folder: keep the committed seeds read-only.
        let work = root().join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        let fixture_dir = root().join("target/fuzz-seeds").join(target);
        fixture_seeds(target, &fixture_dir)?;
        let committed = dir.join("corpus").join(target);
        eprintln!(
            "→ fuzz {target} for {}s{}",
            opts.seconds,
            opts.runs.map(|n| format!(" or {n} runs")).unwrap_or_default()
        );
        let mut cmd = Command::new("cargo");
        // -O: release code as shipped (overflow checks off, as in the CLI and wasm builds).
        cmd.args(["fuzz", "run", "-O", "--sanitizer", "none", target]).arg(&work).arg(&fixture_dir);
        if committed.is_dir() {
            cmd.arg(&committed);
        }
        cmd.args([
            "--",
            &format!("-max_total_time={}", opts.seconds),
            // A single input that takes this long is a finding (every limit is meant to refuse early).
            "-timeout=30",
            "-rss_limit_mb=2048",
            "-print_final_stats=1",
        ]);
        if let Some(runs) = opts.runs {
            cmd.arg(format!("-runs={runs}"));
        }
        cmd.args(&opts.libfuzzer);
        let started = Instant::now();
        let mut child = cmd
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(&dir)
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
        // Pass libFuzzer's output through while keeping it for the statistics.
        let mut log = String::new();
        if let Some(stderr) = child.stderr.take() {
            let mut err = std::io::stderr();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = writeln!(err, "{line}");
                log.push_str(&line);
                log.push('\n');
            }
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        let result = if status.success() {
            Ok(())
        } else {
            let artifacts = dir.join("artifacts").join(target);
            let crashed = std::fs::read_dir(&artifacts).map(|d| d.count() > 0).unwrap_or(false);
            Err(if crashed {
                format!("found a crash: see {}", artifacts.display())
            } else {
                "cargo fuzz could not run it (build or setup failure, see above)".to_string()
            })
        };
        outcomes.push(Outcome {
            target: target.clone(),
            stats: parse_stats(&log),
            seconds: started.elapsed().as_secs(),
            result,
        });
    }
    eprintln!(
        "\n| target | executions | exec/s | fuzzing s | wall s (with build) | result |\n|---|---:|---:|---:|---:|---|"
    );
    let show = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
    for o in &outcomes {
        let result = match &o.result {
            Ok(()) => "no finding".to_string(),
            Err(e) => e.clone(),
        };
        eprintln!(
            "| {} | {} | {} | {} | {} | {result} |",
            o.target,
            show(o.stats.executions),
            show(o.stats.per_second),
            show(o.stats.fuzz_seconds),
            o.seconds
        );
    }
    match outcomes.iter().find(|o| o.result.is_err()) {
        Some(o) => Err(format!("fuzz target {} failed", o.target)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_stats_win_over_status_lines() {
        let log = "#2\tINITED cov: 10 ft: 11 corp: 3/40b exec/s: 0 rss: 30Mb\n\
                   #1048576\tpulse  cov: 90 ft: 200 corp: 50/2Kb exec/s: 52428 rss: 60Mb\n\
                   #1200000\tDONE   cov: 91 ft: 201 corp: 51/2Kb lim: 4096 exec/s: 40000 rss: 61Mb\n\
                   Done 1200000 runs in 30 second(s)\n\
                   stat::number_of_executed_units: 1200001\n\
                   stat::average_exec_per_sec:     40000\n\
                   stat::new_units_added:          48\n";
        assert_eq!(
            parse_stats(log),
            Stats { executions: Some(1_200_001), per_second: Some(40_000), fuzz_seconds: Some(30) }
        );
    }

    #[test]
    fn a_killed_run_reports_its_last_status_line() {
        let log = "#512\tNEW    cov: 80 ft: 90 corp: 9/100b lim: 4 exec/s: 0 rss: 30Mb\n\
                   #65536\tpulse  cov: 85 ft: 99 corp: 12/200b lim: 4 exec/s: 21845 rss: 40Mb\n";
        assert_eq!(parse_stats(log), Stats { executions: Some(65_536), per_second: None, fuzz_seconds: None });
    }

    #[test]
    fn options_take_seconds_runs_and_targets() {
        let args: Vec<String> =
            ["5", "--runs", "100", "parse_basis", "--", "-max_len=64"].iter().map(|s| s.to_string()).collect();
        let opts = options(&args).expect("valid options");
        assert_eq!((opts.seconds, opts.runs, opts.targets), (5, Some(100), vec!["parse_basis".to_string()]));
        assert_eq!(opts.libfuzzer, vec!["-max_len=64".to_string()]);
        assert!(options(&["nonsense".to_string()]).is_err());
    }
}
