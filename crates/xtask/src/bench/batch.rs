//! Part `batch`: a province's township catalogs (1,800 × 300 entries, 乡级, each from its own seed) through one
//! CLI invocation with a glob, as a supervisor would run it: wall time and peak memory.

use super::{Bench, Part, Row, median, mib, num, target};

const CATALOGS: usize = 1_800;
const ENTRIES: usize = 300;
const RUNS: usize = 3;

pub fn run(b: &mut Bench) -> Result<Part, String> {
    let dir = b.data.join("batch");
    let stamp = dir.join(".stamp");
    let want = format!("{} {CATALOGS}x{ENTRIES}", super::DATA_VERSION);
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(want.as_str()) {
        let _ = std::fs::remove_dir_all(&dir);
        crate::run(
            &b.xtask.to_string_lossy(),
            &[
                "gen",
                "--entries",
                &ENTRIES.to_string(),
                "--count",
                &CATALOGS.to_string(),
                "--level",
                "乡级",
                "--formats",
                "json",
                "--out",
                &dir.to_string_lossy(),
            ],
        )?;
        std::fs::write(&stamp, &want).map_err(|e| e.to_string())?;
    }
    let bytes: u64 = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .sum();
    let glob = dir.join("*.json");
    let out = b.work.join("batch-report.json");
    let cli = b.cli.clone();
    let (mut wall, mut peak) = (Vec::new(), Vec::new());
    let mut code = None;
    for _ in 0..RUNS {
        let p = b.peak(&cli, &["validate", "--format", "json", &glob.to_string_lossy()], &out)?;
        wall.push(p.wall_ms);
        peak.push(mib(p.peak_kb));
        code = p.code;
    }
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let files = report["files"].as_array().map_or(0, Vec::len);
    let unreadable = report["files"].as_array().map_or(0, |f| f.iter().filter(|f| !f["error"].is_null()).count());
    if files != CATALOGS || unreadable > 0 {
        return Err(format!("batch: the report holds {files} files, {unreadable} unreadable"));
    }
    let report_mb = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let (t, m) = (median(&wall), median(&peak));
    let rows = vec![
        Row::new(
            format!(
                "CLI, {CATALOGS} catalogs × {ENTRIES} entries (JSON, {:.0} MB), one invocation with a glob",
                bytes as f64 / 1e6
            ),
            "ms",
            wall,
            format!(
                "exit {}; {} entries/s; report {:.1} MB",
                code.map_or("?".into(), |c| c.to_string()),
                num((CATALOGS * ENTRIES) as f64 / t * 1000.0),
                report_mb
            ),
        ),
        Row::new("CLI peak RSS, province batch", "MiB", peak, ""),
    ];
    let targets = vec![target(
        "Province batch (1,800 × 300) ≤ 2 s, ≤ 200 MB",
        format!("{} s, {} MiB", num(t / 1000.0), num(m)),
        Some(t <= 2000.0 && m * 1.048_576 <= 200.0),
    )];
    Ok((rows, targets, Vec::new()))
}
