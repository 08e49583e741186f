//! Embeds every `seeds/domains/*.json` file: the list is generated so adding a domain file needs no code change.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let seeds = manifest.join("../../seeds");
    let domains = seeds.join("domains");
    println!("cargo::rerun-if-changed={}", domains.display());
    println!("cargo::rerun-if-changed={}", seeds.join("vocab").display());

    let mut files: Vec<PathBuf> =
        fs::read_dir(&domains).map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();

    let mut code = String::from(
        "/// Embedded domain seed files: (file name, JSON text).\npub static DOMAIN_FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        code.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("domain_files.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
