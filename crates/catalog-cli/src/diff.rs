//! `catalog diff OLD NEW`: what changed between two versions of a catalog (调整说明), as text, JSON, XLSX or
//! HTML. Exit 0 when they do not differ, 1 when they do, 2 when a file cannot be read or written (as diff(1)).

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use catalog_core::diff::{CatalogDiff, diff};
use catalog_interop::ExportFormat;
use catalog_interop::export::changes::{
    counts_line, declaration_kind, entry_label, field_name, side_label, value_text,
};
use catalog_interop::export::xlsx_meta::item_cell;

use crate::validate::import_path;

/// The output formats of `catalog diff`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Xlsx,
    Html,
}

/// The change list as the terminal shows it.
pub fn render(d: &CatalogDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "调整说明：{} → {}", side_label(&d.old), side_label(&d.new));
    let _ = writeln!(out, "{}", counts_line(d));
    for c in &d.meta {
        let _ = writeln!(
            out,
            "目录信息 {}：{} → {}",
            field_name(&c.field),
            value_text(&c.field, &c.old),
            value_text(&c.field, &c.new)
        );
    }
    for change in &d.changed {
        let _ = writeln!(out, "修改 {} [{}]", entry_label(&change.new), change.new.id);
        for c in &change.changes {
            let _ = writeln!(
                out,
                "  {}：{} → {}",
                field_name(&c.field),
                value_text(&c.field, &c.old),
                value_text(&c.field, &c.new)
            );
        }
    }
    for (kind, entries) in [("新增", &d.added), ("删除", &d.removed)] {
        for e in entries {
            let _ = writeln!(out, "{kind} {} [{}]", entry_label(&e.entry), e.entry.id);
        }
    }
    for (what, changes) in [("未涉及领域说明", &d.not_applicable), ("删减事项说明", &d.removed_items)] {
        for c in changes {
            let place =
                if c.item.is_empty() { c.domain.clone() } else { format!("{}：{}", c.domain, item_cell(&c.item)) };
            let reasons = match (&c.old_reason, &c.new_reason) {
                (Some(old), Some(new)) => format!("{old} → {new}"),
                (None, Some(r)) | (Some(r), None) => r.clone(),
                (None, None) => String::new(),
            };
            let _ = writeln!(out, "{what} {} {place}：{reasons}", declaration_kind(c));
        }
    }
    out
}

pub fn run(old: &Path, new: &Path, format: Option<DiffFormat>, output: Option<&Path>) -> ExitCode {
    let format =
        format.unwrap_or_else(|| match output.and_then(|o| ExportFormat::from_file_name(&o.to_string_lossy())) {
            Some(ExportFormat::Json) => DiffFormat::Json,
            Some(ExportFormat::Xlsx) => DiffFormat::Xlsx,
            Some(ExportFormat::Html) => DiffFormat::Html,
            _ => DiffFormat::Text,
        });
    if format == DiffFormat::Xlsx && output.is_none() {
        eprintln!("xlsx 格式须用 -o 指定输出文件 / xlsx needs -o FILE");
        return ExitCode::from(2);
    }
    let mut catalogs = Vec::with_capacity(2);
    for path in [old, new] {
        match import_path(path) {
            Ok(imported) => catalogs.push(imported.catalog),
            Err(e) => {
                eprintln!("{}\n{}", e.message, e.message_en);
                return ExitCode::from(2);
            }
        }
    }
    let d = diff(&catalogs[0], &catalogs[1]);
    let bytes = match format {
        DiffFormat::Text => Ok(render(&d).into_bytes()),
        DiffFormat::Json => Ok(d.to_json().into_bytes()),
        DiffFormat::Xlsx => catalog_interop::export_diff(&d, ExportFormat::Xlsx),
        DiffFormat::Html => catalog_interop::export_diff(&d, ExportFormat::Html),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let written = match output {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| format!("无法写入 {}：{e} / cannot write", path.display()))
        }
        None => {
            use std::io::Write as _;
            std::io::stdout().lock().write_all(&bytes).map_err(|e| format!("无法输出 / cannot write: {e}"))
        }
    };
    if let Err(why) = written {
        eprintln!("{why}");
        return ExitCode::from(2);
    }
    if let Some(path) = output {
        eprintln!("{} / written to {}", counts_line(&d), path.display());
    }
    if d.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
