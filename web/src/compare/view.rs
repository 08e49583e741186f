//! The comparison's result: counts, the meta changes, the entries added, removed and changed by domain (each
//! change field by field, the old value struck through and the new one marked, with words saying which is which,
//! not colour alone), the 未涉及领域说明 and 删减事项说明 changes, and the change list (调整说明) to download.

use std::collections::BTreeMap;
use std::rc::Rc;

use catalog_core::diagnostic::FixValue;
use catalog_core::diff::{CatalogDiff, DeclarationChange, DiffEntry, EntryChange, FieldChange};
use catalog_core::domains::{DOMAINS, canonical};
use catalog_core::messages::field_label;
use catalog_core::model::Entry;
use yew::prelude::*;

use super::text::segments;
use crate::i18n::Lang;
use crate::io;

/// Rows shown per domain and kind before a "show all" button (a renumbered 10,000-entry catalog stays usable).
const SHOWN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub diff: Rc<CatalogDiff>,
    pub old_label: String,
    pub new_label: String,
}

/// A v1 field's name as the template's column (an extra column by its header).
pub fn field_name(field: &str, lang: Lang) -> String {
    if let Some(header) = field.strip_prefix("extra.") {
        return header.to_owned();
    }
    match lang {
        Lang::Zh => field_label(field).to_owned(),
        Lang::En => match field {
            "id" => "ID",
            "domain" => "Domain",
            "item" => "Item",
            "content" => "Content",
            "basis" => "Legal basis",
            "time_limit" => "Time limit",
            "subject" => "Responsible body",
            "channels" => "Channels",
            "audience" => "Audience",
            "audience_group" => "Specific group",
            "mode" => "Mode",
            "withheld_reason" => "Reason withheld",
            "levels" => "Levels",
            "meta.title" => "Title",
            "meta.government" => "Government",
            "meta.level" => "Catalog level",
            "meta.region" => "Region",
            "meta.compiled_on" => "Compiled on",
            "meta.revision" => "Revision",
            _ => "Field",
        }
        .to_owned(),
    }
}

fn item_path(item: &[String]) -> String {
    item.join(" / ")
}

/// The domain an entry is listed under (canonical name; an unknown one as written).
fn domain_of(e: &Entry) -> String {
    canonical(&e.domain).map_or_else(|| e.domain.trim().to_owned(), str::to_owned)
}

/// Sort key of a domain: its place among the 26, others after by name.
fn domain_order(name: &str) -> (usize, String) {
    (DOMAINS.iter().position(|d| *d == name).unwrap_or(DOMAINS.len()), name.to_owned())
}

#[derive(Default)]
struct Group<'a> {
    added: Vec<&'a DiffEntry>,
    removed: Vec<&'a DiffEntry>,
    changed: Vec<&'a EntryChange>,
}

fn groups(diff: &CatalogDiff) -> BTreeMap<(usize, String), Group<'_>> {
    let mut out: BTreeMap<(usize, String), Group<'_>> = BTreeMap::new();
    for a in &diff.added {
        out.entry(domain_order(&domain_of(&a.entry))).or_default().added.push(a);
    }
    for r in &diff.removed {
        out.entry(domain_order(&domain_of(&r.entry))).or_default().removed.push(r);
    }
    for c in &diff.changed {
        out.entry(domain_order(&domain_of(&c.new))).or_default().changed.push(c);
    }
    out
}

/// A text with what differs from the other version marked: struck out in the old one, marked in the new one.
fn marked(this: &str, other: &str, old: bool) -> Html {
    let runs = segments(this, other).into_iter().map(|(changed, run)| match (changed, old) {
        (false, _) => html! { <span>{ run }</span> },
        (true, true) => html! { <del>{ run }</del> },
        (true, false) => html! { <ins>{ run }</ins> },
    });
    html! { <>{ for runs }</> }
}

/// A value as the user reads it, with what differs from the other version marked (struck out or underlined).
fn value_html(field: &str, value: &Option<FixValue>, other: &Option<FixValue>, old: bool, lang: Lang) -> Html {
    let empty = || html! { <span class="muted">{ lang.t("（空）", "(empty)") }</span> };
    let mark = |text: String| {
        if old {
            html! { <del>{ text }</del> }
        } else {
            html! { <ins>{ text }</ins> }
        }
    };
    match value {
        None => empty(),
        Some(FixValue::Text(t)) if t.trim().is_empty() => empty(),
        Some(FixValue::Text(t)) => match other {
            Some(FixValue::Text(o)) if !o.trim().is_empty() => marked(t, o, old),
            _ => mark(t.clone()),
        },
        Some(FixValue::List(v)) if v.is_empty() => empty(),
        Some(FixValue::List(v)) if field == "item" => mark(item_path(v)),
        Some(FixValue::List(v)) => {
            let others: &[String] = match other {
                Some(FixValue::List(o)) => o,
                _ => &[],
            };
            let parts = v.iter().enumerate().map(|(i, member)| {
                let sep = if i > 0 { "、" } else { "" };
                let kept = others.iter().any(|o| o.trim() == member.trim());
                html! { <>{ sep }{ if kept { html! { <span>{ member }</span> } } else { mark(member.clone()) } }</> }
            });
            html! { <>{ for parts }</> }
        }
    }
}

/// The field changes of one entry (or of meta) as a small table: field, old, new.
fn changes_table(changes: &[FieldChange], caption: String, lang: Lang) -> Html {
    html! {
        <table class="cmp-fields">
            <caption class="visually-hidden">{ caption }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("字段", "Field") }</th>
                <th scope="col">{ lang.t("原内容（删去）", "Old (struck out)") }</th>
                <th scope="col">{ lang.t("新内容（改为）", "New (marked)") }</th>
            </tr></thead>
            <tbody>
                { for changes.iter().map(|c| html! {
                    <tr>
                        <th scope="row">{ field_name(&c.field, lang) }</th>
                        <td class="cmp-old">{ value_html(&c.field, &c.old, &c.new, true, lang) }</td>
                        <td class="cmp-new">{ value_html(&c.field, &c.new, &c.old, false, lang) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// An added or removed entry's main fields, in one line.
fn entry_summary(e: &Entry, lang: Lang) -> Html {
    let part = |label: &'static str, v: &str| {
        (!v.trim().is_empty()).then(
            || html! { <span class="cmp-part"><span class="muted">{ label }{ "：" }</span>{ v.to_owned() }</span> },
        )
    };
    html! {
        <div class="cmp-summary">
            { for part(lang.t("公开内容", "Content"), &e.content) }
            { for part(lang.t("公开主体", "Body"), &e.subject) }
            { for part(lang.t("公开时限", "Time limit"), &e.time_limit) }
        </div>
    }
}

fn kind_tag(kind: &'static str, class: &'static str) -> Html {
    html! { <span class={classes!("cmp-kind", class)}>{ kind }</span> }
}

fn declaration_kind(c: &DeclarationChange, lang: Lang) -> (&'static str, &'static str) {
    match (&c.old_reason, &c.new_reason) {
        (None, _) => (lang.t("新增", "Added"), "added"),
        (_, None) => (lang.t("取消", "Withdrawn"), "removed"),
        _ => (lang.t("理由修改", "Reason changed"), "changed"),
    }
}

fn reason(text: &Option<String>, other: &Option<String>, old: bool, lang: Lang) -> Html {
    match text {
        Some(t) if !t.trim().is_empty() => marked(t, other.as_deref().unwrap_or(""), old),
        _ => html! { <span class="muted">{ lang.t("（无）", "(none)") }</span> },
    }
}

fn declarations_table(changes: &[DeclarationChange], caption: &'static str, items: bool, lang: Lang) -> Html {
    html! {
        <table class="list cmp-decl">
            <caption class="visually-hidden">{ caption }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("领域", "Domain") }</th>
                if items { <th scope="col">{ lang.t("删减的事项", "Item removed") }</th> }
                <th scope="col">{ lang.t("调整", "Change") }</th>
                <th scope="col">{ lang.t("原理由", "Old reason") }</th>
                <th scope="col">{ lang.t("新理由", "New reason") }</th>
            </tr></thead>
            <tbody>
                { for changes.iter().map(|c| {
                    let (kind, class) = declaration_kind(c, lang);
                    html! {
                        <tr>
                            <th scope="row">{ &c.domain }</th>
                            if items { <td>{ item_path(&c.item) }</td> }
                            <td>{ kind_tag(kind, class) }</td>
                            <td class="cmp-old">{ reason(&c.old_reason, &c.new_reason, true, lang) }</td>
                            <td class="cmp-new">{ reason(&c.new_reason, &c.old_reason, false, lang) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// A file name without the characters file systems refuse.
fn file_name(diff: &CatalogDiff, ext: &str) -> String {
    let side = &diff.new;
    let name = if side.government.trim().is_empty() { side.title.trim() } else { side.government.trim() };
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .collect();
    if clean.is_empty() { format!("调整说明.{ext}") } else { format!("调整说明-{clean}.{ext}") }
}

#[component]
pub fn DiffView(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let diff = &props.diff;
    let busy = use_state(|| None::<&'static str>);
    let message = use_state(|| None::<String>);
    // Domains whose long lists are shown in full.
    let expanded = use_state(Vec::<String>::new);
    let export = |format: &'static str| {
        let (diff, busy, message) = (props.diff.clone(), busy.clone(), message.clone());
        Callback::from(move |_| {
            let (diff, busy, message) = (diff.clone(), busy.clone(), message.clone());
            busy.set(Some(format));
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match io::export_diff(&diff, format).await {
                    Ok(bytes) => io::download(&file_name(&diff, format), io::mime(format), &bytes),
                    Err(e) => message
                        .set(Some(format!("{}{e}", lang.t("无法导出调整说明：", "Cannot export the change list: ")))),
                }
                busy.set(None);
            });
        })
    };
    let count = |n: usize, zh: &'static str, en: &'static str, class: &'static str| {
        html! {
            <li class={classes!("cmp-count", class)}>
                <strong>{ n }</strong>
                <span>{ lang.t(zh, en) }</span>
            </li>
        }
    };
    let heading = match lang {
        Lang::Zh => format!("比较结果：{} → {}", props.old_label, props.new_label),
        Lang::En => format!("Result: {} → {}", props.old_label, props.new_label),
    };
    let sections = groups(diff).into_iter().map(|((_, domain), g)| {
        let full = expanded.contains(&domain);
        let tally = [
            (g.added.len(), lang.t("新增", "added")),
            (g.removed.len(), lang.t("删除", "removed")),
            (g.changed.len(), lang.t("修改", "changed")),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| match lang {
            Lang::Zh => format!("{what}{n}"),
            Lang::En => format!("{n} {what}"),
        })
        .collect::<Vec<_>>()
        .join(" · ");
        let hidden = [g.added.len(), g.removed.len(), g.changed.len()].iter().map(|n| n.saturating_sub(SHOWN)).sum::<usize>();
        let limit = if full { usize::MAX } else { SHOWN };
        let one = |e: &DiffEntry, kind: &'static str, class: &'static str| html! {
            <tr class={classes!("cmp-row", class)}>
                <td>{ kind_tag(kind, class) }</td>
                <td class="cmp-id">{ &e.entry.id }</td>
                <th scope="row">{ item_path(&e.entry.item) }</th>
                <td>{ entry_summary(&e.entry, lang) }</td>
            </tr>
        };
        let show_all = {
            let (expanded, domain) = (expanded.clone(), domain.clone());
            Callback::from(move |_| {
                let mut v = (*expanded).clone();
                v.push(domain.clone());
                expanded.set(v);
            })
        };
        let domain_id = format!("cmp-d-{}", domain_order(&domain).0);
        html! {
            <section class="cmp-domain" key={domain.clone()} aria-labelledby={domain_id.clone()}>
                <h4 id={domain_id}>{ &domain }<span class="cmp-tally">{ tally }</span></h4>
                <table class="list cmp-entries">
                    <caption class="visually-hidden">{ format!("{domain}{}", lang.t("：调整的事项", ": items changed")) }</caption>
                    <thead><tr>
                        <th scope="col" class="cmp-kind-col">{ lang.t("调整", "Change") }</th>
                        <th scope="col" class="cmp-id-col">{ lang.t("编号", "ID") }</th>
                        <th scope="col" class="cmp-item-col">{ lang.t("公开事项", "Item") }</th>
                        <th scope="col">{ lang.t("内容或变化", "Content or changes") }</th>
                    </tr></thead>
                    <tbody>
                        { for g.added.iter().take(limit).map(|e| one(e, lang.t("新增", "Added"), "added")) }
                        { for g.removed.iter().take(limit).map(|e| one(e, lang.t("删除", "Removed"), "removed")) }
                        { for g.changed.iter().take(limit).map(|c| {
                            let path = item_path(&c.new.item);
                            html! {
                                <tr class="cmp-row changed">
                                    <td>{ kind_tag(lang.t("修改", "Changed"), "changed") }</td>
                                    <td class="cmp-id">{ &c.new.id }</td>
                                    <th scope="row">{ path.clone() }</th>
                                    <td>{ changes_table(&c.changes, format!("{path}{}", lang.t("的修改", ": changes")), lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if hidden > 0 && !full {
                    <button class="small" onclick={show_all}>{ match lang {
                        Lang::Zh => format!("显示其余{hidden}项"),
                        Lang::En => format!("Show the other {hidden}"),
                    } }</button>
                }
            </section>
        }
    });
    html! {
        <section class="cmp-result" aria-labelledby="cmp-result-title">
            <h2 id="cmp-result-title">{ heading }</h2>
            <p class="visually-hidden" role="status">{ match lang {
                Lang::Zh => format!("比较完成：新增{}项、删除{}项、修改{}项、未变{}项", diff.added.len(), diff.removed.len(), diff.changed.len(), diff.unchanged),
                Lang::En => format!("Compared: {} added, {} removed, {} changed, {} unchanged", diff.added.len(), diff.removed.len(), diff.changed.len(), diff.unchanged),
            } }</p>
            <ul class="cmp-counts" aria-label={lang.t("调整统计", "Counts")}>
                { count(diff.added.len(), "新增", "added", "added") }
                { count(diff.removed.len(), "删除", "removed", "removed") }
                { count(diff.changed.len(), "修改", "changed", "changed") }
                { count(diff.unchanged, "未变", "unchanged", "unchanged") }
            </ul>
            <div class="actions">
                <button class="primary" onclick={export("xlsx")} disabled={busy.is_some()}>{ lang.t("导出调整说明（Excel）", "Export the change list (Excel)") }</button>
                <button onclick={export("html")} disabled={busy.is_some()}>{ lang.t("导出调整说明（HTML，可打印）", "Export the change list (HTML, printable)") }</button>
                if busy.is_some() { <span class="progress" role="status">{ lang.t("正在导出……", "Exporting…") }</span> }
            </div>
            if let Some(m) = &*message { <p class="alert" role="alert">{ m }</p> }
            if diff.is_empty() {
                <div class="empty cmp-same">
                    <h3>{ lang.t("两个版本内容相同", "The two versions are the same") }</h3>
                    <p>{ lang.t("事项、目录信息、未涉及领域说明和删减事项说明都没有变化（空白和换行的差别不计）。",
                        "No item, catalog detail, not-applicable domain or removed item differs (whitespace and line breaks do not count).") }</p>
                </div>
            } else {
                if !diff.meta.is_empty() {
                    <section class="cmp-block" aria-labelledby="cmp-meta-title">
                        <h3 id="cmp-meta-title">{ lang.t("目录信息", "Catalog details") }</h3>
                        { changes_table(&diff.meta, lang.t("目录信息的变化", "Changes of the catalog details").to_owned(), lang) }
                    </section>
                }
                if !(diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty()) {
                    <section class="cmp-block" aria-labelledby="cmp-entries-title">
                        <h3 id="cmp-entries-title">{ lang.t("事项的调整（按领域）", "Items changed, by domain") }</h3>
                        { for sections }
                    </section>
                }
                if !diff.not_applicable.is_empty() {
                    <section class="cmp-block" aria-labelledby="cmp-na-title">
                        <h3 id="cmp-na-title">{ lang.t("未涉及领域说明的调整", "Not-applicable domains changed") }</h3>
                        { declarations_table(&diff.not_applicable, lang.t("未涉及领域说明的调整", "Not-applicable domains changed"), false, lang) }
                    </section>
                }
                if !diff.removed_items.is_empty() {
                    <section class="cmp-block" aria-labelledby="cmp-removed-title">
                        <h3 id="cmp-removed-title">{ lang.t("删减事项说明的调整", "Removed guideline items changed") }</h3>
                        { declarations_table(&diff.removed_items, lang.t("删减事项说明的调整", "Removed guideline items changed"), true, lang) }
                    </section>
                }
            }
        </section>
    }
}
