//! `catalog domains` and `catalog template`.

use std::path::Path;
use std::process::ExitCode;

use catalog_core::seeds::{self, Completeness};
use catalog_core::vocab::government_level;
use catalog_core::{template, to_json};

pub fn list(json: bool) -> ExitCode {
    let rows = seeds::status();
    if json {
        // Plain data of strings and numbers: serialising cannot fail.
        println!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
    } else {
        println!("序号  {}事项数（已录/标准）  指引文号", pad("领域", 26));
        for r in &rows {
            let partial = if r.completeness == Completeness::Partial { "（部分）" } else { "" };
            let stated = r.stated_items.map_or("—".to_owned(), |n| n.to_string());
            let count = format!("{:>4} / {stated}{partial}", r.items);
            let name = if r.later { format!("{}（新增领域）", r.name) } else { r.name.to_owned() };
            println!(
                "{:>2}    {}{}  {}",
                r.number,
                pad(&name, 26),
                pad(&count, 20),
                r.document_number.unwrap_or("文号未查到")
            );
        }
    }
    ExitCode::SUCCESS
}

pub fn template(domain: &str, level: &str, output: Option<&Path>) -> ExitCode {
    let Some(guide) = seeds::guide(domain) else {
        eprintln!("未知领域“{domain}”：请用 catalog domains 查看26个领域的名称 / unknown domain {domain:?}");
        return ExitCode::from(2);
    };
    let Some(level) = government_level(level) else {
        eprintln!("层级“{level}”无法识别：请写县级或乡级 / level must be 县级 or 乡级");
        return ExitCode::from(2);
    };
    let text = to_json(&template::template(guide, level));
    match output {
        None => print!("{text}"),
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("无法写入 {}：{e} / cannot write {}", path.display(), path.display());
                return ExitCode::from(2);
            }
            eprintln!("已写入 {}（{}领域，{}） / written", path.display(), guide.name, level);
        }
    }
    ExitCode::SUCCESS
}

/// Pad to a terminal width where CJK characters take two columns.
fn pad(s: &str, width: usize) -> String {
    let used: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}
