//! The change list of two versions (调整说明) a township files with its supervisor: a printable self-contained
//! HTML page here, XLSX in `changes_xlsx` (feature `excel`), JSON as the core writes it.

use std::fmt::Write;

use catalog_core::diagnostic::FixValue;
use catalog_core::diff::{CatalogDiff, DeclarationChange, DiffSide};
use catalog_core::messages::field_label;
use catalog_core::model::Entry;

use super::html::escape;
use super::xlsx_meta::item_cell;
use super::{ExportError, ExportFormat};

/// Write the change list as XLSX, JSON or HTML.
pub fn export_diff(diff: &CatalogDiff, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Json => Ok(diff.to_json().into_bytes()),
        ExportFormat::Html => Ok(html(diff).into_bytes()),
        #[cfg(feature = "excel")]
        ExportFormat::Xlsx => super::changes_xlsx::write(diff),
        #[cfg(not(feature = "excel"))]
        ExportFormat::Xlsx => Err(ExportError("this build has no Excel support".into())),
        ExportFormat::Csv => {
            Err(ExportError("调整说明只能导出为 xlsx、json 或 html / change lists are xlsx, json or html".into()))
        }
    }
}

/// A field's name as the 调整说明 writes it: the template's column name, an extra column by its header.
pub fn field_name(field: &str) -> String {
    match field.strip_prefix("extra.") {
        Some(header) => header.to_owned(),
        None => field_label(field).to_owned(),
    }
}

/// A changed value as text: lists joined (an item path with ` / `, as the removed-items sheet writes it).
pub fn value_text(field: &str, value: &Option<FixValue>) -> String {
    match value {
        None => String::new(),
        Some(FixValue::Text(t)) => t.clone(),
        Some(FixValue::List(v)) if field == "item" => item_cell(v),
        Some(FixValue::List(v)) => v.join("、"),
    }
}

/// How a version is named: government and revision (or compiling date), else its title.
pub fn side_label(side: &DiffSide) -> String {
    let name = if side.government.trim().is_empty() { side.title.as_str() } else { side.government.as_str() };
    match side.revision.as_deref().or(side.compiled_on.as_deref()) {
        Some(v) if !v.trim().is_empty() => format!("{name}（{v}）"),
        _ => name.to_owned(),
    }
}

/// Where an entry sits: 领域 and its item path.
pub fn entry_label(e: &Entry) -> String {
    format!("{}：{}", e.domain.trim(), item_cell(&e.item))
}

/// The counts line: 新增 N 项、删除 N 项、修改 N 项、未变 N 项.
pub fn counts_line(diff: &CatalogDiff) -> String {
    format!(
        "新增{}项、删除{}项、修改{}项、未变{}项",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len(),
        diff.unchanged
    )
}

/// A declaration change as words: 新增 / 取消 / 理由修改.
pub fn declaration_kind(change: &DeclarationChange) -> &'static str {
    match (&change.old_reason, &change.new_reason) {
        (None, _) => "新增",
        (_, None) => "取消",
        _ => "理由修改",
    }
}

const STYLE: &str = "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:24px;color:#222}\
h1{font-size:22px;text-align:center}h2{font-size:18px;margin-top:28px;border-left:4px solid #1f5fa8;padding-left:8px}\
p.meta{text-align:center;color:#555}table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}\
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top}th{background:#e8eef7}\
del{background:#ffebee;text-decoration:line-through}ins{background:#e8f5e9;text-decoration:none}\
@media print{body{margin:0}tr{page-break-inside:avoid}thead{display:table-header-group}}";

fn cell(s: &str) -> String {
    escape(s).replace('\n', "<br>")
}

fn entries_table(out: &mut String, title: &str, entries: &[catalog_core::diff::DiffEntry]) {
    if entries.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h2>{title}（{}项）</h2>\n<table>\n<thead><tr><th>领域</th><th>公开事项</th><th>编号</th><th>公开内容（要素）</th>\
         <th>公开依据</th><th>公开时限</th></tr></thead>\n<tbody>\n",
        entries.len()
    );
    for d in entries {
        let e = &d.entry;
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            cell(&e.domain),
            cell(&item_cell(&e.item)),
            cell(&e.id),
            cell(&e.content),
            cell(&e.basis),
            cell(&e.time_limit)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn declarations_table(out: &mut String, title: &str, changes: &[DeclarationChange], with_item: bool) {
    if changes.is_empty() {
        return;
    }
    let _ = write!(out, "<h2>{title}</h2>\n<table>\n<thead><tr><th>调整</th><th>领域</th>");
    if with_item {
        out.push_str("<th>事项</th>");
    }
    out.push_str("<th>原理由</th><th>新理由</th></tr></thead>\n<tbody>\n");
    for c in changes {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td>", declaration_kind(c), cell(&c.domain));
        if with_item {
            let _ = write!(out, "<td>{}</td>", cell(&item_cell(&c.item)));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            cell(c.old_reason.as_deref().unwrap_or("")),
            cell(c.new_reason.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The 调整说明 as one printable page: meta changes, changed entries field by field (old struck through, new
/// marked), added and removed entries, and the declarations' changes. No scripts; every value escaped.
pub fn html(diff: &CatalogDiff) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>调整说明</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>政务公开事项标准目录调整说明</h1>\n\
         <p class=\"meta\">原版本：{}（{}项） → 新版本：{}（{}项）</p>\n<p class=\"meta\">{}</p>\n",
        escape(&side_label(&diff.old)),
        diff.old.entries,
        escape(&side_label(&diff.new)),
        diff.new.entries,
        escape(&counts_line(diff)),
    );
    if diff.is_empty() {
        out.push_str("<p class=\"meta\">两个版本没有差异。</p>\n");
    }
    if !diff.meta.is_empty() {
        out.push_str("<h2>目录信息</h2>\n<table>\n<thead><tr><th>项目</th><th>原内容</th><th>新内容</th></tr></thead>\n<tbody>\n");
        for c in &diff.meta {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><del>{}</del></td><td><ins>{}</ins></td></tr>",
                escape(&field_name(&c.field)),
                cell(&value_text(&c.field, &c.old)),
                cell(&value_text(&c.field, &c.new))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !diff.changed.is_empty() {
        let _ = write!(
            out,
            "<h2>修改的事项（{}项）</h2>\n<table>\n<thead><tr><th>事项</th><th>编号</th><th>修改内容</th><th>原内容</th>\
             <th>新内容</th></tr></thead>\n<tbody>\n",
            diff.changed.len()
        );
        for change in &diff.changed {
            let rows = change.changes.len();
            for (i, c) in change.changes.iter().enumerate() {
                out.push_str("<tr>");
                if i == 0 {
                    let _ = write!(
                        out,
                        "<th scope=\"rowgroup\" rowspan=\"{rows}\">{}</th><td rowspan=\"{rows}\">{}</td>",
                        cell(&entry_label(&change.new)),
                        cell(&change.new.id)
                    );
                }
                let _ = writeln!(
                    out,
                    "<td>{}</td><td><del>{}</del></td><td><ins>{}</ins></td></tr>",
                    escape(&field_name(&c.field)),
                    cell(&value_text(&c.field, &c.old)),
                    cell(&value_text(&c.field, &c.new))
                );
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    entries_table(&mut out, "新增的事项", &diff.added);
    entries_table(&mut out, "删除的事项", &diff.removed);
    declarations_table(&mut out, "未涉及领域说明的调整", &diff.not_applicable, false);
    declarations_table(&mut out, "删减事项说明的调整", &diff.removed_items, true);
    out.push_str("</body>\n</html>\n");
    out
}
