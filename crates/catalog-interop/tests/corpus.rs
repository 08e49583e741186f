//! The real-layout corpus (tests/fixtures/corpus, hand-transcribed published tables with expected catalogs
//! written by hand): each is rendered into a real XLSX or CSV file, imported as a user's file and compared field
//! by field. The figures are printed (`cargo test -p catalog-interop --test corpus -- --nocapture`, or
//! `cargo xtask corpus` for the details per row); the floors below are the figures measured when they were set,
//! so a change that reads real files worse fails here. Files added after the floors were set are measured and
//! printed, and get their floor when the table is next raised.

use std::path::PathBuf;

use catalog_interop::corpus::{FileResult, Totals, evaluate, report};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus")
}

fn results() -> Vec<FileResult> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names.iter().map(|n| evaluate(n, &std::fs::read_to_string(dir().join(n)).expect("corpus file"))).collect()
}

/// Per file: the field fidelity measured (a floor) and the false errors measured (a ceiling).
const FLOORS: &[(&str, f64, usize)] = &[
    ("a-01-tjbd-shehuijiuzhu.json", 1.000, 0),
    ("a-02-daocheng-shehuijiuzhu.json", 1.000, 0),
    ("a-03-aodauto-shehuijiuzhu.json", 0.000, 0),
    ("a-04-ynfq-yanglaofuwu.json", 0.909, 2),
    ("a-05-yr-yanglaofuwu.json", 0.954, 0),
    ("b-01-yongxiu-caizheng-yujuesuan.json", 0.818, 9),
    ("b-02-tq-caizheng-yujuesuan.json", 0.727, 10),
    ("b-03-yqjq-caizheng-yujuesuan.json", 0.636, 9),
    ("b-04-jiande-zhongda-jianshe-xiangmu.json", 0.545, 1),
    ("b-05-lingyuan-zhongda-jianshe-xiangmu.json", 0.909, 1),
    ("b-06-jingyan-gonggong-ziyuan-jiaoyi.json", 0.818, 4),
];

/// Over the files of [`FLOORS`]: field fidelity, domain right, false errors.
const FIELD_FLOOR: f64 = 0.88;
const DOMAIN_FLOOR: f64 = 0.64;
const FALSE_ERRORS_CEILING: usize = 36;

#[test]
fn the_corpus_reads_no_worse_than_measured() {
    let results = results();
    println!("{}", report(&results, false));
    let mut regressions = Vec::new();
    for r in &results {
        let Some((_, floor, ceiling)) = FLOORS.iter().find(|(n, ..)| *n == r.name) else {
            println!("{}: no floor yet", r.name);
            continue;
        };
        let fidelity = if r.failure.is_some() { 0.0 } else { r.fidelity() };
        if fidelity + 1e-9 < *floor {
            let why = r.failure.clone().unwrap_or_default();
            regressions.push(format!("{}: field fidelity {fidelity:.4} below its floor {floor} {why}", r.name));
        }
        if r.false_errors.len() > *ceiling {
            regressions.push(format!(
                "{}: {} false errors, at most {ceiling}: {:#?}",
                r.name,
                r.false_errors.len(),
                r.false_errors
            ));
        }
    }
    // The table as measured now, to paste into FLOORS when raising them.
    println!("measured (file, field fidelity, false errors):");
    for r in &results {
        let fidelity = if r.failure.is_some() { 0.0 } else { (r.fidelity() * 1000.0).floor() / 1000.0 };
        println!("    (\"{}\", {fidelity:.3}, {}),", r.name, r.false_errors.len());
    }
    let floored: Vec<FileResult> =
        results.iter().filter(|r| FLOORS.iter().any(|(n, ..)| *n == r.name)).cloned().collect();
    let totals = Totals::of(&floored);
    if totals.field_fidelity() + 1e-9 < FIELD_FLOOR {
        regressions.push(format!("field fidelity {:.4} below {FIELD_FLOOR}", totals.field_fidelity()));
    }
    if totals.field("domain") + 1e-9 < DOMAIN_FLOOR {
        regressions.push(format!("domain {:.4} below {DOMAIN_FLOOR}", totals.field("domain")));
    }
    if totals.false_errors > FALSE_ERRORS_CEILING {
        regressions.push(format!("{} false errors, at most {FALSE_ERRORS_CEILING}", totals.false_errors));
    }
    assert!(regressions.is_empty(), "{}\n\n{}", regressions.join("\n"), report(&floored, true));
}
