//! Part `compare`: the tools a user would pick instead, on the same generated files, in the same run:
//! `frictionless validate` (PyPI) with a Table Schema on the 100k-row CSV, and `ajv` (npm) with the committed JSON
//! Schema on the JSON catalogs. Both are installed from the registries into target/bench on first use.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::native::cli_runs;
use super::{Bench, Part, Row, median, mib, num, samples, target};
use crate::run as sh;

const FRICTIONLESS: &str = "5.21.0";
const AJV: &str = "8.20.0";
const RUNS: usize = 3;

/// A venv under target/bench with `frictionless` from PyPI (skipped when the pinned version is there).
fn ensure_frictionless(b: &Bench) -> Result<PathBuf, String> {
    let venv = b.work.join("venv");
    let tool = venv.join("bin/frictionless");
    if crate::output(&tool.to_string_lossy(), &["--version"]).trim() == FRICTIONLESS {
        return Ok(tool);
    }
    if sh("python3", &["-m", "venv", &venv.to_string_lossy()]).is_err() {
        // Debian's python3 keeps venv (ensurepip) in its own package.
        sh("apt-get", &["update", "-qq"])?;
        sh("apt-get", &["install", "-y", "-qq", "--no-install-recommends", "python3-venv"])?;
        sh("python3", &["-m", "venv", "--clear", &venv.to_string_lossy()])?;
    }
    let pip = venv.join("bin/pip");
    sh(&pip.to_string_lossy(), &["install", "--quiet", &format!("frictionless=={FRICTIONLESS}")])?;
    Ok(tool)
}

/// An npm folder under target/bench with `ajv` from the registry (skipped when the pinned version is there).
fn ensure_ajv(b: &Bench) -> Result<PathBuf, String> {
    let folder = b.work.join("npm");
    let installed = std::fs::read_to_string(folder.join("node_modules/ajv/package.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(str::to_owned));
    if installed.as_deref() == Some(AJV) {
        return Ok(folder);
    }
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    std::fs::write(folder.join("package.json"), "{\"private\": true}\n").map_err(|e| e.to_string())?;
    sh(
        "npm",
        &[
            "install",
            "--no-audit",
            "--no-fund",
            "--save-exact",
            "--prefix",
            &folder.to_string_lossy(),
            &format!("ajv@{AJV}"),
        ],
    )?;
    Ok(folder)
}

/// A Table Schema for the CSV the app exports, expressing what a Table Schema can: required elements, enums for
/// 公开对象 and 公开方式, unique 编号, and patterns for balanced 《》 titles, no pasted ■□ checklist, known level
/// labels and no unmasked 18-digit 公民身份号码. Fields follow the file's own header row.
fn table_schema(csv: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(csv).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("").to_owned();
    let levels = "(省级|市级|州级|县级|区级|乡级|镇级|街道级|村级|社区级)";
    let mut domains: Vec<String> = catalog_core::domains::DOMAINS.iter().map(|d| (*d).to_owned()).collect();
    for g in catalog_core::seeds::guides() {
        domains.extend(g.aliases.iter().cloned());
    }
    let required = json!({"required": true});
    let fields: Vec<Value> = header
        .split(',')
        .map(|name| {
            let (kind, constraints) = match name {
                "序号" => ("integer", json!({"required": true, "minimum": 1})),
                "领域" => ("string", json!({"required": true, "enum": domains})),
                "一级事项" | "公开时限" | "公开主体" => ("string", required.clone()),
                "公开内容（要素）" => {
                    ("string", json!({"required": true, "pattern": "(?![\\s\\S]*[0-9]{17}[0-9Xx])[\\s\\S]*"}))
                }
                "公开依据" => ("string", json!({"required": true, "pattern": "[^《》]*(《[^《》]*》[^《》]*)*"})),
                "公开渠道和载体" => ("string", json!({"required": true, "pattern": "[^■□]*"})),
                "公开对象" => ("string", json!({"required": true, "enum": catalog_core::vocab::AUDIENCES})),
                "公开方式" => ("string", json!({"required": true, "enum": catalog_core::vocab::MODES})),
                "公开层级" => ("string", json!({"required": true, "pattern": format!("{levels}(、{levels})*")})),
                "编号" => ("string", json!({"required": true, "unique": true})),
                _ => ("string", json!({})),
            };
            json!({"name": name, "type": kind, "constraints": constraints})
        })
        .collect();
    Ok(json!({"fields": fields}))
}

fn ratio(other: f64, ours: f64) -> f64 {
    other / ours
}

pub fn run(b: &mut Bench) -> Result<Part, String> {
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut targets = Vec::new();
    let frictionless = ensure_frictionless(b)?;
    let ajv = ensure_ajv(b)?;
    crate::wasm::ensure_npm()?;

    // frictionless vs the CLI on the 100k-row CSV, runs alternating.
    let csv = b.file(100_000, "csv")?;
    let schema = b.work.join("table-schema.json");
    let schema_json = serde_json::to_string_pretty(&table_schema(&csv)?).map_err(|e| e.to_string())?;
    std::fs::write(&schema, schema_json).map_err(|e| e.to_string())?;
    let fl_out = b.work.join("frictionless-report.json");
    let (mut fl_wall, mut fl_peak, mut fl_inner) = (Vec::new(), Vec::new(), Vec::new());
    let (mut cli_wall, mut cli_peak) = (Vec::new(), Vec::new());
    let mut fl_errors = Value::Null;
    let cli = b.cli.clone();
    for _ in 0..RUNS {
        let p = b.peak(
            &frictionless,
            &[
                "validate",
                "--trusted",
                "--schema",
                &schema.to_string_lossy(),
                "--encoding",
                "utf-8-sig",
                "--limit-errors",
                "100000000",
                "--json",
                &csv.to_string_lossy(),
            ],
            &fl_out,
        )?;
        let report: Value = serde_json::from_str(&std::fs::read_to_string(&fl_out).map_err(|e| e.to_string())?)
            .map_err(|e| format!("frictionless report: {e}"))?;
        let task = &report["tasks"][0];
        if task["stats"]["rows"].as_u64() != Some(100_000) {
            return Err(format!("frictionless did not read the 100k rows: {}", task["stats"]));
        }
        fl_wall.push(p.wall_ms);
        fl_peak.push(mib(p.peak_kb));
        fl_inner.push(task["stats"]["seconds"].as_f64().unwrap_or(f64::NAN) * 1000.0);
        fl_errors = task["stats"]["errors"].clone();
        let (w, m, _) = cli_runs(b, &cli, &csv, 1)?;
        cli_wall.extend(w);
        cli_peak.extend(m);
    }
    let cli_report: Value =
        serde_json::from_str(&std::fs::read_to_string(b.work.join("cli-report.json")).unwrap_or_default())
            .unwrap_or(Value::Null);
    let stats = &cli_report["files"][0]["stats"];
    let native = b.measure(&["report-file", &csv.to_string_lossy(), "5"])?;
    let native_ms = median(&samples(&native, None));
    rows.push(Row::new(
        "frictionless validate, 100k CSV (process)",
        "ms",
        fl_wall.clone(),
        format!("{fl_errors} errors reported; peak RSS {} MiB", num(median(&fl_peak))),
    ));
    rows.push(Row::new("frictionless, its own `seconds` stat (in-process)", "ms", fl_inner.clone(), ""));
    rows.push(Row::new(
        "catalog validate, 100k CSV (process)",
        "ms",
        cli_wall.clone(),
        format!(
            "{} errors, {} warnings, {} infos reported; peak RSS {} MiB",
            stats["errors"],
            stats["warnings"],
            stats["infos"],
            num(median(&cli_peak))
        ),
    ));
    rows.push(Row::new("core import + validate + report, 100k CSV (in-process)", "ms", samples(&native, None), ""));
    let wall_ratio = ratio(median(&fl_wall), median(&cli_wall));
    rows.push(Row::new("ratio frictionless / catalog CLI (process wall time)", "×", vec![wall_ratio], ""));
    rows.push(Row::new("ratio frictionless / core (in-process)", "×", vec![ratio(median(&fl_inner), native_ms)], ""));
    targets.push(target(
        "CLI validates the 100k-entry CSV ≥ 100× faster than frictionless, same run",
        format!(
            "{} (CLI {} ms, frictionless {} ms)",
            super::with_unit(wall_ratio, "×"),
            num(median(&cli_wall)),
            num(median(&fl_wall))
        ),
        Some(wall_ratio >= 100.0),
    ));

    // ajv with the committed JSON Schema vs the core, on the JSON catalogs.
    let schema = b.root.join("crates/catalog-core/schema/catalog-v1.schema.json");
    let node = PathBuf::from("node");
    let script = b.root.join("tests/bench/ajv.mjs");
    let ajv_out = b.work.join("ajv-out.json");
    for n in [10_000usize, 100_000] {
        let file = b.file(n, "json")?;
        let runs = if n >= 100_000 { RUNS } else { 5 };
        let (mut wall, mut peak, mut inner) = (Vec::new(), Vec::new(), Vec::new());
        let mut last = Value::Null;
        for _ in 0..runs {
            let p = b.peak(
                &node,
                &[
                    &script.to_string_lossy(),
                    &ajv.to_string_lossy(),
                    &schema.to_string_lossy(),
                    &file.to_string_lossy(),
                ],
                &ajv_out,
            )?;
            last = serde_json::from_str(&std::fs::read_to_string(&ajv_out).map_err(|e| e.to_string())?)
                .map_err(|e| format!("ajv output: {e}"))?;
            wall.push(p.wall_ms);
            peak.push(mib(p.peak_kb));
            inner
                .push(last["parse_ms"].as_f64().unwrap_or(f64::NAN) + last["validate_ms"].as_f64().unwrap_or(f64::NAN));
        }
        let label = if n >= 100_000 { "100k" } else { "10k" };
        let core = b.measure(&["parse-validate", &file.to_string_lossy(), "5"])?;
        let core_ms = median(&samples(&core, Some("total")));
        rows.push(Row::new(
            format!("ajv (node), {label} JSON (process)"),
            "ms",
            wall.clone(),
            format!(
                "{} schema errors; read {} ms, JSON.parse {} ms, compile {} ms, validate {} ms (last run); peak RSS {} MiB",
                last["errors"],
                num(last["read_ms"].as_f64().unwrap_or(f64::NAN)),
                num(last["parse_ms"].as_f64().unwrap_or(f64::NAN)),
                num(last["compile_ms"].as_f64().unwrap_or(f64::NAN)),
                num(last["validate_ms"].as_f64().unwrap_or(f64::NAN)),
                num(median(&peak))
            ),
        ));
        rows.push(Row::new(format!("ajv JSON.parse + validate, {label} (in-process)"), "ms", inner.clone(), ""));
        rows.push(Row::new(
            format!("ratio ajv / core, {label} (in-process parse + validate)"),
            "×",
            vec![ratio(median(&inner), core_ms)],
            format!("core {} ms", num(core_ms)),
        ));
        if n == 10_000 {
            let (w, m, _) = cli_runs(b, &cli, &file, 5)?;
            rows.push(Row::new(
                "catalog validate, 10k JSON (process)",
                "ms",
                w.clone(),
                format!("peak RSS {} MiB", num(median(&m))),
            ));
            rows.push(Row::new(
                "ratio ajv / catalog CLI, 10k JSON (process wall time)",
                "×",
                vec![ratio(median(&wall), median(&w))],
                "",
            ));
        }
    }
    notes.push(
        "What each tool checks differs. frictionless checks the Table Schema (required cells, two enums, unique 编号, \
         four regular expressions) and ajv the JSON Schema (structure, required fields, enums, lengths); the core \
         parses every 公开时限, 公开依据 and 公开渠道和载体 cell, checks vocabularies, levels, privacy, coverage of the \
         26 domains and the guideline items, and writes a located report. Of the twelve planted defect kinds the \
         Table Schema can express nine and the JSON Schema three (the enums of 公开方式 and 公开对象)."
            .to_owned(),
    );
    Ok((rows, targets, notes))
}
