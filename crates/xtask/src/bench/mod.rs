//! `cargo xtask bench [PART…]`: the speed of the core, the CLI, the wasm package and the app, measured side by side
//! with what a user would otherwise pick, on catalogs from the generator (`cargo xtask gen`), in one command.
//!
//! Parts (none named = all): `native`, `compare`, `wasm`, `app`, `batch`. Each prints its table (median of several
//! runs, min–max) and keeps its result in `target/bench/results/PART.json`; `crates/xtask/BENCHMARKS.md` is then
//! rewritten from every part's latest result with the machine description. Text below the notes marker of
//! BENCHMARKS.md is kept as it is (hand-written analysis).
//!
//! Timings come from an optimised build of xtask itself (`target/release-native/xtask __measure …`) and of the CLI
//! (profile `release-native`, the workspace's profile for native tools); everything the comparisons need is
//! installed from the registries into `target/bench/` (a Python venv with `frictionless`, an npm folder with `ajv`).

mod batch;
mod browser;
mod compare;
mod measure;
mod native;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use measure::{measure, peak};

use crate::{output, root, run};

pub const PARTS: [&str; 5] = ["native", "compare", "wasm", "app", "batch"];

/// Bump when the generator's output changes, so cached data in target/bench/data is regenerated.
const DATA_VERSION: &str = "gen-1";

/// One measured quantity: its samples (one per run) in `unit`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    pub name: String,
    /// `ms`, `s`, `entries/s`, `MiB`, `KiB`, `×` (a ratio), or empty for a text-only row.
    pub unit: String,
    pub samples: Vec<f64>,
    #[serde(default)]
    pub note: String,
}

impl Row {
    pub fn new(name: impl Into<String>, unit: &str, samples: Vec<f64>, note: impl Into<String>) -> Row {
        Row { name: name.into(), unit: unit.into(), samples, note: note.into() }
    }

    pub fn median(&self) -> f64 {
        median(&self.samples)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Met,
    Missed,
    NotMeasured,
}

/// A target of the issue and where the measurement stands.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    pub goal: String,
    pub measured: String,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PartResult {
    pub part: String,
    pub when: String,
    pub commit: String,
    /// The 1-minute load average when the part started (other work on the machine skews every number).
    #[serde(default)]
    pub load: f64,
    pub rows: Vec<Row>,
    pub targets: Vec<Target>,
    #[serde(default)]
    pub notes: Vec<String>,
}

pub fn median(samples: &[f64]) -> f64 {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 }
}

fn min_max(samples: &[f64]) -> (f64, f64) {
    samples.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(*x), hi.max(*x)))
}

/// A number with thousands separators, or three significant digits below 100.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    if x.abs() >= 100.0 {
        let s = format!("{:.0}", x);
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else if x.abs() >= 10.0 {
        format!("{x:.1}")
    } else if x.abs() >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

pub fn with_unit(x: f64, unit: &str) -> String {
    match unit {
        "" => String::new(),
        "×" => format!("{}×", num(x)),
        u => format!("{} {u}", num(x)),
    }
}

fn cells(row: &Row) -> (String, String, String) {
    if row.samples.is_empty() {
        return (String::new(), String::new(), String::new());
    }
    let (lo, hi) = min_max(&row.samples);
    let range = if row.samples.len() > 1 { format!("{}–{}", num(lo), num(hi)) } else { String::new() };
    (with_unit(row.median(), &row.unit), range, row.samples.len().to_string())
}

/// The shared state of one `cargo xtask bench`: tools, data and the native measurements parts share.
pub struct Bench {
    pub root: PathBuf,
    /// target/bench: data, venv, npm folder, outputs.
    pub work: PathBuf,
    pub data: PathBuf,
    pub xtask: PathBuf,
    pub cli: PathBuf,
    cache: BTreeMap<String, Value>,
}

/// What `__peak` reports of one child process.
#[derive(Debug, Clone, Copy)]
pub struct Peak {
    pub wall_ms: f64,
    pub peak_kb: f64,
    pub code: Option<i32>,
}

impl Bench {
    fn new() -> Result<Bench, String> {
        let root = root();
        run("cargo", &["build", "--quiet", "--profile", "release-native", "-p", "xtask", "-p", "catalog-cli"])?;
        let work = root.join("target/bench");
        let data = work.join("data");
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        Ok(Bench {
            xtask: root.join("target/release-native/xtask"),
            cli: root.join("target/release-native/catalog"),
            root,
            work,
            data,
            cache: BTreeMap::new(),
        })
    }

    /// A generated catalog file (`catalog-N.EXT`, county level, the generator's default seed and 5 % defects),
    /// generated on first use.
    pub fn file(&self, entries: usize, ext: &str) -> Result<PathBuf, String> {
        let path = self.data.join(format!("catalog-{entries}.{ext}"));
        let stamp = self.data.join(format!("catalog-{entries}.{ext}.stamp"));
        let want = format!("{DATA_VERSION} entries={entries}");
        if path.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
            return Ok(path);
        }
        let out = self.data.to_string_lossy().into_owned();
        let n = entries.to_string();
        run(&self.xtask.to_string_lossy(), &["gen", "--entries", &n, "--out", &out, "--formats", ext])?;
        std::fs::write(&stamp, want).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// `xtask __measure ARGS…` in a child process (once per bench run for the same arguments).
    pub fn measure(&mut self, args: &[&str]) -> Result<Value, String> {
        let key = args.join(" ");
        if let Some(v) = self.cache.get(&key) {
            return Ok(v.clone());
        }
        eprintln!("→ measure {key}");
        let out = Command::new(&self.xtask)
            .arg("__measure")
            .args(args)
            .output()
            .map_err(|e| format!("cannot start {}: {e}", self.xtask.display()))?;
        if !out.status.success() {
            return Err(format!("__measure {key} failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("__measure {key}: {e}"))?;
        self.cache.insert(key, v.clone());
        Ok(v)
    }

    /// Run PROGRAM ARGS under `__peak` (stdout into `stdout`); wall time, peak RSS and exit code.
    pub fn peak(&self, program: &Path, args: &[&str], stdout: &Path) -> Result<Peak, String> {
        let report = self.work.join("peak.json");
        let status = Command::new(&self.xtask)
            .arg("__peak")
            .arg(&report)
            .arg(stdout)
            .arg("--")
            .arg(program)
            .args(args)
            .status()
            .map_err(|e| format!("cannot start {}: {e}", self.xtask.display()))?;
        if !status.success() {
            return Err(format!("__peak {} failed", program.display()));
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        Ok(Peak {
            wall_ms: v["wall_ms"].as_f64().unwrap_or(f64::NAN),
            peak_kb: v["peak_kb"].as_f64().unwrap_or(f64::NAN),
            code: v["code"].as_i64().and_then(|c| i32::try_from(c).ok()),
        })
    }

    /// Run a Node script of tests/bench and read the JSON it prints last.
    pub fn node(&self, script: &str, args: &[&str]) -> Result<Value, String> {
        self.node_env(script, args, &[])
    }

    pub fn node_env(&self, script: &str, args: &[&str], env: &[(&str, &str)]) -> Result<Value, String> {
        eprintln!("→ node tests/bench/{script} {}", args.join(" "));
        let out = Command::new("node")
            .arg(self.root.join("tests/bench").join(script))
            .args(args)
            .envs(env.iter().copied())
            .current_dir(&self.root)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot start node: {e}"))?;
        if !out.status.success() {
            return Err(format!("tests/bench/{script} failed ({})", out.status));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let last = text.lines().rev().find(|l| l.trim_start().starts_with('{')).unwrap_or("");
        serde_json::from_str(last).map_err(|e| format!("tests/bench/{script}: no JSON result ({e})"))
    }
}

/// Samples of `key` from `runs` (an array of numbers, or of objects holding `key`).
pub fn samples(v: &Value, key: Option<&str>) -> Vec<f64> {
    v["runs"]
        .as_array()
        .map(|runs| runs.iter().filter_map(|r| key.map_or(r.as_f64(), |k| r[k].as_f64())).collect())
        .unwrap_or_default()
}

pub fn mib(kb: f64) -> f64 {
    kb / 1024.0
}

fn machine() -> Vec<(String, String)> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim().to_owned()))
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let ram = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("unknown".into(), |kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0));
    let os = std::fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_owned()))
        .unwrap_or_default();
    let first = |program: &str, args: &[&str]| output(program, args).lines().next().unwrap_or("").trim().to_owned();
    vec![
        ("CPU".into(), format!("{cpu} × {} (nproc)", first("nproc", &[]))),
        ("RAM".into(), ram),
        ("OS".into(), os),
        ("rustc".into(), first("rustc", &["--version"])),
        ("node".into(), first("node", &["--version"])),
        ("chromium".into(), first("/usr/bin/chromium", &["--version"])),
    ]
}

fn commit() -> String {
    let head = output("git", &["-C", &root().to_string_lossy(), "rev-parse", "--short", "HEAD"]).trim().to_owned();
    let dirty = !output("git", &["-C", &root().to_string_lossy(), "status", "--porcelain", "--untracked-files=no"])
        .trim()
        .is_empty();
    if dirty { format!("{head} + uncommitted changes") } else { head }
}

/// The 1-minute load average (/proc/loadavg).
fn loadavg() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(f64::NAN)
}

/// Wait (at most three minutes) for other work on the machine to calm down before a part starts.
fn settle() -> f64 {
    const QUIET: f64 = 1.2;
    let start = std::time::Instant::now();
    let mut load = loadavg();
    if load >= QUIET {
        eprintln!("load average {load:.2}: waiting up to 3 minutes for it to fall below {QUIET}");
    }
    while load >= QUIET && start.elapsed().as_secs() < 180 {
        std::thread::sleep(std::time::Duration::from_secs(5));
        load = loadavg();
    }
    load
}

fn now() -> String {
    output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).trim().to_owned()
}

fn print_table(result: &PartResult) {
    let width = result.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(10).min(60);
    println!("\n== {} ({}, {}, load {:.2}) ==", result.part, result.when, result.commit, result.load);
    for row in &result.rows {
        let (median, range, n) = cells(row);
        let pad = width.saturating_sub(row.name.chars().count());
        println!("{}{} {:>18} {:>24} {:>3}  {}", row.name, " ".repeat(pad), median, range, n, row.note);
    }
    for t in &result.targets {
        println!("target: {} → {} [{:?}]", t.goal, t.measured, t.verdict);
    }
}

const NOTES_MARKER: &str = "<!-- Below this line: notes kept as written by `cargo xtask bench`. -->";

fn markdown(results: &[PartResult], kept_notes: &str) -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Benchmarks\n\nWritten by `cargo xtask bench [native|compare|wasm|app|batch …]` (none named = all; each part \
         keeps its latest result in `target/bench/results/`). Catalogs come from `cargo xtask gen` (the 26 domains' \
         guideline items and real published rows, repeated per township and village; 5 % of entries carry one \
         defect of twelve kinds; county level unless said). Times are the median of the runs, with min–max; \
         `n` is the number of runs. Native code is built with the `release-native` profile (opt-level 3, LTO); the \
         wasm package and the app are the size-optimised builds in `dist/` (opt-level z, wasm-opt -Oz), run in \
         headless Chromium. A ratio above 1× means the other tool (or wasm) takes longer. Each part first waits \
         (up to three minutes) for the machine's load average to fall below 1.2 and records it: other work on a \
         shared machine slows every number.\n"
    );
    let _ = writeln!(md, "## Machine\n\n| | |\n|---|---|");
    for (k, v) in machine() {
        let _ = writeln!(md, "| {k} | {v} |");
    }
    let _ = writeln!(md, "\n## Targets of the issue\n\n| target | measured | verdict |\n|---|---|---|");
    for t in results.iter().flat_map(|r| &r.targets) {
        let verdict = match t.verdict {
            Verdict::Met => "met",
            Verdict::Missed => "**missed**",
            Verdict::NotMeasured => "not measured",
        };
        let _ = writeln!(md, "| {} | {} | {verdict} |", t.goal, t.measured);
    }
    for r in results {
        let _ = writeln!(
            md,
            "\n## {}\n\nMeasured {} at {}; 1-minute load average {:.2} when the part started.\n",
            r.part, r.when, r.commit, r.load
        );
        let _ = writeln!(md, "| measurement | median | min–max | n | note |\n|---|---:|---:|---:|---|");
        for row in &r.rows {
            let (median, range, n) = cells(row);
            let _ = writeln!(md, "| {} | {median} | {range} | {n} | {} |", row.name, row.note.replace('|', "/"));
        }
        for n in &r.notes {
            let _ = writeln!(md, "\n{n}");
        }
    }
    let _ = writeln!(md, "\n{NOTES_MARKER}");
    md.push_str(kept_notes);
    md
}

fn results_dir() -> PathBuf {
    root().join("target/bench/results")
}

fn load_results() -> Vec<PartResult> {
    PARTS
        .iter()
        .filter_map(|p| std::fs::read_to_string(results_dir().join(format!("{p}.json"))).ok())
        .filter_map(|t| serde_json::from_str(&t).ok())
        .collect()
}

pub fn run_bench(args: &[String]) -> Result<(), String> {
    let parts: Vec<&str> = if args.is_empty() { PARTS.to_vec() } else { args.iter().map(String::as_str).collect() };
    if let Some(bad) = parts.iter().find(|p| !PARTS.contains(p)) {
        return Err(format!("bench: unknown part {bad} (parts: {})", PARTS.join(" ")));
    }
    let mut bench = Bench::new()?;
    std::fs::create_dir_all(results_dir()).map_err(|e| e.to_string())?;
    let mut failed = Vec::new();
    for part in PARTS.iter().filter(|p| parts.contains(p)) {
        eprintln!("\n### bench {part}");
        let load = settle();
        let result = match *part {
            "native" => native::run(&mut bench),
            "compare" => compare::run(&mut bench),
            "wasm" => browser::wasm(&mut bench),
            "app" => browser::app(&mut bench),
            _ => batch::run(&mut bench),
        };
        match result {
            Ok((rows, targets, notes)) => {
                let result =
                    PartResult { part: (*part).to_owned(), when: now(), commit: commit(), load, rows, targets, notes };
                print_table(&result);
                let json = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
                std::fs::write(results_dir().join(format!("{part}.json")), json).map_err(|e| e.to_string())?;
            }
            Err(e) => {
                eprintln!("bench {part} failed: {e}");
                failed.push(*part);
            }
        }
    }
    let path = root().join("crates/xtask/BENCHMARKS.md");
    let previous = std::fs::read_to_string(&path).unwrap_or_default();
    let kept = previous.split_once(NOTES_MARKER).map(|(_, n)| n.trim_start_matches('\n')).unwrap_or("");
    std::fs::write(&path, markdown(&load_results(), kept)).map_err(|e| e.to_string())?;
    eprintln!("wrote crates/xtask/BENCHMARKS.md");
    if failed.is_empty() { Ok(()) } else { Err(format!("parts failed: {}", failed.join(", "))) }
}

/// The tuple each part returns.
pub type Part = (Vec<Row>, Vec<Target>, Vec<String>);

pub fn target(goal: &str, measured: String, met: Option<bool>) -> Target {
    let verdict = match met {
        Some(true) => Verdict::Met,
        Some(false) => Verdict::Missed,
        None => Verdict::NotMeasured,
    };
    Target { goal: goal.to_owned(), measured, verdict }
}
