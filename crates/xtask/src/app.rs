//! `cargo xtask dist` and `cargo xtask serve`: the browser app as a static site in `dist/` (any web server, e.g.
//! the county portal, can host it), and a local server for it on http://127.0.0.1:8080.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use crate::{root, run, wasm};

const STATIC: [&str; 7] = ["index.html", "style.css", "store.js", "io.js", "start.js", "review.js", "review-worker.js"];

fn gz_len(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(&bytes);
    gz.finish().map(|v| v.len()).unwrap_or(0)
}

/// Build the site: the app (Yew, core only), its static files, and the catalog-wasm package it loads on
/// demand for Excel/CSV (dist/catalog-wasm).
pub fn dist() -> Result<PathBuf, String> {
    let dist = wasm::package()?;
    let site = root().join("dist");
    debug_assert!(dist.starts_with(&site));
    run("cargo", &["build", "-p", "catalog-app", "--target", "wasm32-unknown-unknown", "--release"])?;
    let wasm_file = root().join("target/wasm32-unknown-unknown/release/catalog-app.wasm");
    run(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "app",
            "--out-dir",
            &site.to_string_lossy(),
            &wasm_file.to_string_lossy(),
        ],
    )?;
    wasm::optimise(&site.join("app_bg.wasm"), "-Oz")?;
    for file in STATIC {
        std::fs::copy(root().join("web").join(file), site.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    let first_load: Vec<(&str, usize)> =
        ["app_bg.wasm", "app.js", "index.html", "style.css", "store.js", "io.js", "review.js", "start.js"]
            .iter()
            .map(|f| (*f, gz_len(&site.join(f))))
            .collect();
    let total: usize = first_load.iter().map(|(_, n)| n).sum();
    println!(
        "first load (gzip -9): {total} bytes = {}",
        first_load.iter().map(|(f, n)| format!("{f} {n}")).collect::<Vec<_>>().join(", ")
    );
    println!(
        "fetched once the first screen is up, while idle (Excel/CSV): catalog-wasm/web/catalog_wasm_bg.wasm {} bytes gzip",
        gz_len(&site.join("catalog-wasm/web/catalog_wasm_bg.wasm"))
    );
    Ok(site)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" | "cjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Serve `dir` on 127.0.0.1:`port` until stopped (loopback only; GET of files, nothing else).
pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("政务公开目录编制: http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut line = String::new();
        if BufReader::new(&stream).read_line(&mut line).is_err() {
            continue;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").split('?').next().unwrap_or("/");
        let path = if path == "/" { "/index.html" } else { path };
        let file = dir.join(path.trim_start_matches('/'));
        let safe = !path.contains("..");
        let (status, body, kind) = match std::fs::read(&file) {
            Ok(body) if safe => ("200 OK", body, mime(&file)),
            _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
    }
    Ok(())
}
