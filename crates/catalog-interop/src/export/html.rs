//! A single self-contained HTML page to publish on the county portal's 基层政务公开 column: one table per domain,
//! rows grouped under their 一级事项, a print stylesheet, no scripts, every value escaped.

use std::fmt::Write;

use catalog_core::model::{Catalog, Entry};

use super::xlsx_meta::{NOT_APPLICABLE_SHEET, REMOVED_HEADER, REMOVED_SHEET, item_cell};

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text with line breaks kept.
fn cell(s: &str) -> String {
    escape(s).replace('\n', "<br>")
}

const STYLE: &str = "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:24px;color:#222}\
h1{font-size:22px;text-align:center}h2{font-size:18px;margin-top:32px;border-left:4px solid #1f5fa8;padding-left:8px}\
.meta{text-align:center;color:#555}table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}\
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top}th{background:#e8eef7}\
td.c{text-align:center}caption{text-align:left;font-weight:bold;padding:4px 0}\
@media print{body{margin:0}h2{page-break-before:always}thead{display:table-header-group}tr{page-break-inside:avoid}}";

fn entry_row(out: &mut String, e: &Entry, number: usize, group_rows: Option<usize>) {
    let _ = write!(out, "<tr><td class=\"c\">{number}</td>");
    if let Some(rows) = group_rows {
        let _ = write!(
            out,
            "<th scope=\"rowgroup\" rowspan=\"{rows}\">{}</th>",
            cell(e.item.first().map_or("", String::as_str))
        );
    }
    let rest = if e.item.len() > 1 { e.item[1..].join(" / ") } else { String::new() };
    let audience = match (&e.audience_group, e.audience.as_str()) {
        (Some(g), "特定群体") if !g.is_empty() => format!("特定群体（{g}）"),
        (_, a) => a.to_owned(),
    };
    let mode = match (&e.withheld_reason, e.mode.as_str()) {
        (Some(r), "不予公开") if !r.is_empty() => format!("不予公开（{r}）"),
        (_, m) => m.to_owned(),
    };
    for value in [
        rest.as_str(),
        &e.content,
        &e.basis,
        &e.time_limit,
        &e.subject,
        &e.channels.join("、"),
        &audience,
        &mode,
        &e.levels.join("、"),
    ] {
        let _ = write!(out, "<td>{}</td>", cell(value));
    }
    out.push_str("</tr>\n");
}

pub fn write(catalog: &Catalog) -> String {
    let m = &catalog.meta;
    let title = if m.title.is_empty() { "政务公开事项标准目录".to_owned() } else { m.title.clone() };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let mut meta_line = vec![escape(&m.government)];
    if let Some(r) = &m.revision {
        meta_line.push(escape(r));
    }
    if let Some(d) = &m.compiled_on {
        meta_line.push(format!("编制日期：{}", escape(d)));
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta_line.join(" · "));
    for (domain, entries) in super::columns::by_domain(catalog) {
        let _ = writeln!(out, "<section>\n<h2>{}领域</h2>", escape(&domain));
        let _ = writeln!(
            out,
            "<table>\n<caption>{}领域基层政务公开标准目录（共{}项）</caption>\n<thead><tr><th scope=\"col\">序号</th>\
             <th scope=\"col\">一级事项</th><th scope=\"col\">二级事项</th><th scope=\"col\">公开内容（要素）</th>\
             <th scope=\"col\">公开依据</th><th scope=\"col\">公开时限</th><th scope=\"col\">公开主体</th>\
             <th scope=\"col\">公开渠道和载体</th><th scope=\"col\">公开对象</th><th scope=\"col\">公开方式</th>\
             <th scope=\"col\">公开层级</th></tr></thead>\n<tbody>",
            escape(&domain),
            entries.len()
        );
        let mut n = 0;
        while n < entries.len() {
            let first = entries[n].item.first();
            let span = entries[n..].iter().take_while(|e| e.item.first() == first).count();
            for (k, e) in entries[n..n + span].iter().enumerate() {
                entry_row(&mut out, e, n + k + 1, (k == 0).then_some(span));
            }
            n += span;
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if !catalog.not_applicable.is_empty() {
        let _ = writeln!(
            out,
            "<section>\n<h2>{NOT_APPLICABLE_SHEET}</h2>\n<table>\n<thead><tr><th scope=\"col\">领域</th><th scope=\"col\">理由</th></tr></thead>\n<tbody>"
        );
        for na in &catalog.not_applicable {
            let _ = writeln!(out, "<tr><td>{}</td><td>{}</td></tr>", cell(&na.domain), cell(&na.reason));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if !catalog.removed.is_empty() {
        let [domain, item, reason] = REMOVED_HEADER;
        let _ = writeln!(
            out,
            "<section>\n<h2>{REMOVED_SHEET}</h2>\n<table>\n<thead><tr><th scope=\"col\">{domain}</th><th scope=\"col\">{item}</th><th scope=\"col\">{reason}</th></tr></thead>\n<tbody>"
        );
        for removed in &catalog.removed {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                cell(&removed.domain),
                cell(&item_cell(&removed.item)),
                cell(&removed.reason)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
