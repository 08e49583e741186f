//! Embeds the seeds: every `seeds/domains/*.json` (the list is generated, so adding a domain needs no code change)
//! and `seeds/vocab/*.json`, in the compact encoding of `build/compact.rs`. Without the `seed-notes` feature the
//! domains' `notes` are left out. A file that does not encode is embedded as an error the library reports.

#[path = "build/compact.rs"]
mod compact;

use std::{env, fs, path::Path, path::PathBuf};

fn json_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> =
        fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

/// (file name, Ok(encoded) or Err(why)) for each file, encoded by `encode`.
fn encode_all(
    dir: &Path,
    encode: impl Fn(&str, &serde_json::Value) -> Result<String, String>,
) -> Vec<(String, Result<String, String>)> {
    json_files(dir)
        .into_iter()
        .map(|path| {
            println!("cargo::rerun-if-changed={}", path.display());
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let encoded = fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string()))
                .and_then(|value| encode(&name, &value));
            (name, encoded)
        })
        .collect()
}

fn table(name: &str, doc: &str, files: &[(String, Result<String, String>)]) -> String {
    let mut code = format!(
        "/// {doc}: (file name, Ok(compact text) or Err(why it could not be read)).\npub static {name}: &[(&str, Result<&str, &str>)] = &[\n"
    );
    for (file, encoded) in files {
        match encoded {
            Ok(text) => code.push_str(&format!("    ({file:?}, Ok({text:?})),\n")),
            Err(e) => code.push_str(&format!("    ({file:?}, Err({e:?})),\n")),
        }
    }
    code.push_str("];\n");
    code
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let seeds = manifest.join("../../seeds");
    let keep_notes = env::var_os("CARGO_FEATURE_SEED_NOTES").is_some();
    println!("cargo::rerun-if-changed=build/compact.rs");

    let domains = encode_all(&seeds.join("domains"), |_, value| {
        let mut value = value.clone();
        if !keep_notes && let Some(notes) = value.get_mut("notes") {
            *notes = serde_json::Value::String(String::new());
        }
        compact::domain(&value)
    });
    let vocab = encode_all(&seeds.join("vocab"), compact::vocab);
    let code = table("DOMAIN_SEEDS", "The domain seed files", &domains)
        + &table("VOCAB_SEEDS", "The vocabulary files", &vocab);
    fs::write(out.join("seeds.rs"), code).expect("OUT_DIR is writable");
}
