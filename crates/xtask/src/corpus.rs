//! `cargo xtask corpus [FILE…]`: the real-layout corpus as the golden test measures it
//! (`catalog_interop::corpus`), with what did not come through and the findings per row.

use crate::root;
use catalog_interop::corpus::{evaluate, report};

pub fn run(only: &[String]) -> Result<(), String> {
    let dir = root().join("tests/fixtures/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .filter(|n| only.is_empty() || only.iter().any(|o| n.contains(o.as_str())))
        .collect();
    names.sort();
    let mut results = Vec::new();
    for name in &names {
        let json = std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        results.push(evaluate(name, &json));
    }
    println!("{}", report(&results, true));
    Ok(())
}
