//! `cargo xtask <task>`: the project's build and test chores, in Rust so they run the same everywhere.
//!
//! - `test`    : everything CI runs (installs what it needs first: wasm target, wasm-bindgen-cli, npm packages,
//!   Debian chromium): fmt, clippy, tests, the wasm build of the core, the wasm API in Node and Chromium,
//!   the browser app end to end in Chromium
//! - `schemas` : rewrite the committed JSON Schemas from the Rust types, and the README's seed table from the seeds
//! - `demo`    : build the CLI and validate the bundled example catalog (the README's run command)
//! - `serve`   : build the browser app and serve it on http://127.0.0.1:8080 (the README's run command)
//! - `dist`    : build the browser app as a static site in dist/
//! - `wasm`    : build the JS package of the core into dist/catalog-wasm and print its sizes
//! - `fixtures`: rewrite the import fixtures (real rows in the layout families real catalogs use)
//! - `fuzz [SECONDS] [--runs N] [TARGET…] [-- FLAG…]`: run the fuzz targets of crates/catalog-interop/fuzz for
//!   SECONDS each (default 60) or N executions; a table of executions per target at the end
//! - `gen --entries N --out DIR`: a deterministic realistic catalog of N entries as JSON, CSV and XLSX
//! - `bench [native|compare|wasm|app|batch …]`: the benchmarks (crates/xtask/BENCHMARKS.md), none named = all
//! - `corpus [FILE…]`: the real-layout corpus (tests/fixtures/corpus): fidelity per file and per field, then
//!   for each file (or the ones named) what did not come through and the findings per row

mod app;
mod bench;
mod corpus;
mod fixtures;
mod fuzz;
mod generate;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub(crate) fn root() -> PathBuf {
    // crates/xtask → the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).map(Path::to_path_buf).unwrap_or_default()
}

pub(crate) fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("→ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{program} {} failed ({status})", args.join(" "))) }
}

pub(crate) fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

/// The wasm target comes from rustup (no download from elsewhere); skipped when present.
pub(crate) fn ensure_wasm_target() -> Result<(), String> {
    if output("rustup", &["target", "list", "--installed"]).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

fn ensure_components() -> Result<(), String> {
    let installed = output("rustup", &["component", "list", "--installed"]);
    for component in ["rustfmt", "clippy"] {
        if !installed.lines().any(|l| l.starts_with(component)) {
            run("rustup", &["component", "add", component])?;
        }
    }
    Ok(())
}

fn schemas() -> Result<(), String> {
    let root = root();
    for (path, schema) in [
        ("crates/catalog-core/schema/catalog-v1.schema.json", catalog_core::schema::catalog_schema()),
        ("seeds/domain-guide.schema.json", catalog_core::schema::domain_guide_schema()),
    ] {
        std::fs::write(root.join(path), catalog_core::schema::to_pretty(&schema))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
        eprintln!("wrote {path}");
    }
    // The README's seed status table, generated from the seed files.
    let readme = root.join("README.md");
    let text = std::fs::read_to_string(&readme).map_err(|e| format!("cannot read README.md: {e}"))?;
    let (begin, end) = ("<!-- seed-status:begin -->\n", "<!-- seed-status:end -->");
    let (head, rest) = text.split_once(begin).ok_or("README.md has no seed-status markers")?;
    let (_, tail) = rest.split_once(end).ok_or("README.md has no seed-status end marker")?;
    let table = catalog_core::seeds::status_markdown();
    std::fs::write(&readme, format!("{head}{begin}{table}{end}{tail}"))
        .map_err(|e| format!("cannot write README.md: {e}"))?;
    eprintln!("wrote the seed table of README.md");
    Ok(())
}

/// Debian's Chromium and its driver for the browser tests (no browser download from elsewhere).
pub(crate) fn ensure_chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    run("apt-get", &["update", "-qq"])?;
    run("apt-get", &["install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"])
}

fn test() -> Result<(), String> {
    ensure_components()?;
    ensure_wasm_target()?;
    run("cargo", &["fmt", "--all", "--check"])?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    run("cargo", &["test", "--workspace"])?;
    run("cargo", &["build", "--target", "wasm32-unknown-unknown", "-p", "catalog-core"])?;

    // The wasm API: wasm-bindgen tests in Node and headless Chromium, then the built package from Node,
    // Chromium and TypeScript.
    wasm::ensure_wasm_bindgen()?;
    wasm::ensure_npm()?;
    ensure_chromium()?;
    let status = Command::new("cargo")
        .args(["test", "-p", "catalog-wasm", "--target", "wasm32-unknown-unknown"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !status.success() {
        return Err("wasm-bindgen tests failed".into());
    }
    app::dist()?;
    run("node", &["--test", "tests/wasm/", "tests/e2e/"])?;
    run("tests/node_modules/.bin/tsc", &["-p", "tests/wasm/tsconfig.json"])?;
    eprintln!("all checks passed");
    Ok(())
}

fn demo() -> Result<(), String> {
    run("cargo", &["build", "--release", "-p", "catalog-cli"])?;
    let cli = root().join("target/release/catalog");
    let cli = cli.to_string_lossy();
    run(&cli, &["domains"])?;
    // The example has warnings only; the CLI exits 0 when a catalog has no error.
    run(&cli, &["validate", "tests/fixtures/example-township.json"])
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let rest: Vec<String> = std::env::args().skip(2).collect();
    let result = match task.as_str() {
        "test" => test(),
        "schemas" => schemas(),
        "demo" => demo(),
        "fixtures" => fixtures::write_all(&root()),
        "wasm" => wasm::package().map(|dist| eprintln!("package in {}", dist.display())),
        "dist" => app::dist().map(|site| eprintln!("site in {}", site.display())),
        "serve" => app::dist().and_then(|site| app::serve(&site, 8080)),
        "fuzz" => fuzz::fuzz(&rest),
        "gen" => generate::run(&rest),
        "corpus" => corpus::run(&rest),
        "bench" => bench::run_bench(&rest),
        "__measure" => bench::measure(&rest),
        "__peak" => bench::peak(&rest),
        _ => Err("usage: cargo xtask <serve|dist|test|demo|wasm|schemas|fixtures|fuzz [SECONDS] [--runs N] [TARGET…] [-- FLAG…]|gen --entries N --out DIR|corpus [FILE…]|bench [PART…]>".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
