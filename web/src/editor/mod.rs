//! The editor: a domain navigator, a spreadsheet-like grid of the domain's entries, and the issues panel.

mod cell;
mod fields;
mod issues;
mod state;
mod tsv;

use std::collections::BTreeMap;
use std::rc::Rc;

use catalog_core::domains::DOMAINS;
use catalog_core::model::Catalog;
use catalog_core::{ReportDiagnostic, Severity, seeds};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use cell::{CellEditor, Move};
use fields::COLUMNS;
use issues::Issues;
use state::{Action, Saved, State};

use crate::io;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub initial: Catalog,
    /// False when the catalog could not be stored when it was created or imported.
    pub saved: bool,
    /// What the importer noticed, shown above the findings.
    pub notes: Rc<Vec<ReportDiagnostic>>,
    pub on_home: Callback<()>,
}

/// Errors and warnings per entry label.
fn by_entry(diagnostics: &[ReportDiagnostic]) -> BTreeMap<&str, Vec<&ReportDiagnostic>> {
    let mut map: BTreeMap<&str, Vec<&ReportDiagnostic>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.severity != Severity::Info) {
        if let Some(e) = &d.entry {
            map.entry(e.as_str()).or_default().push(d);
        }
    }
    map
}

fn file_stem(catalog: &Catalog) -> String {
    let t = catalog.meta.title.trim();
    if t.is_empty() {
        "政务公开事项标准目录".to_owned()
    } else {
        t.replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "_")
    }
}

#[component]
pub fn Editor(props: &Props) -> Html {
    let state = use_reducer(|| State::new(props.id.clone(), props.initial.clone(), props.saved));
    let status = use_state(|| None::<String>);
    let visible = state.visible();
    let diags = by_entry(&state.diagnostics);
    let catalog = &state.catalog;

    // Domain navigator: the 26, plus any other domain present.
    let mut names: Vec<String> = DOMAINS.iter().map(|d| (*d).to_owned()).collect();
    for e in &catalog.entries {
        if !names.contains(&e.domain) {
            names.push(e.domain.clone());
        }
    }
    let nav = names.iter().map(|name| {
        let count = catalog.entries.iter().filter(|e| &e.domain == name).count();
        let errors: usize = catalog
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| &e.domain == name)
            .map(|(i, e)| diags.get(e.label(i).as_str()).map_or(0, |v| v.iter().filter(|d| d.severity == Severity::Error).count()))
            .sum();
        let na = catalog.not_applicable.iter().any(|n| &n.domain == name);
        let guide = seeds::guide(name).map(|g| g.items.iter().filter(|i| i.applies_to(&catalog.meta.level)).count()).unwrap_or(0);
        let current = state.domain.as_ref() == Some(name);
        let pick = { let (s, n) = (state.clone(), name.clone()); Callback::from(move |_| s.dispatch(Action::Domain(Some(n.clone())))) };
        html! {
            <li key={name.clone()}>
                <button class={classes!("nav-item", current.then_some("current"), (count == 0).then_some("empty"))} onclick={pick} aria-current={current.then_some("true")}>
                    <span class="name">{ name }</span>
                    if na { <span class="tag">{ "未涉及" }</span> }
                    else { <span class="count" title={format!("已列入{count}项；标准指引本层级{guide}项")}>{ format!("{count}/{guide}") }</span> }
                    if errors > 0 { <span class="badge error" title="错误">{ errors }</span> }
                </button>
            </li>
        }
    });

    let undo = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Undo))
    };
    let up = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Move { up: true }))
    };
    let down = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Move { up: false }))
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let tick_all = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Tick(None)))
    };
    // The bulk bar: set one column of every ticked row.
    let bulk_col = use_state(|| COLUMNS.iter().position(|f| *f == fields::Field::Channels).unwrap_or(0));
    let bulk_text = use_state(String::new);
    let bulk = (!state.ticked.is_empty()).then(|| {
        let pick = { let c = bulk_col.clone(); Callback::from(move |e: Event| c.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0))) };
        let typed = { let t = bulk_text.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())) };
        let apply = { let (s, c, t) = (state.clone(), bulk_col.clone(), bulk_text.clone()); Callback::from(move |_| s.dispatch(Action::Bulk { col: *c, text: (*t).clone() })) };
        let clear = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Tick(None))) };
        html! {
            <div class="bulk" role="group" aria-label="批量修改">
                { format!("已选{}行：将", state.ticked.len()) }
                <select aria-label="批量修改的列" onchange={pick}>
                    { for COLUMNS.iter().enumerate().map(|(i, f)| html! { <option value={i.to_string()} selected={i == *bulk_col}>{ f.label() }</option> }) }
                </select>
                { "设为" }
                <input aria-label="批量修改的内容" value={(*bulk_text).clone()} oninput={typed} placeholder="如：政府网站、政务服务中心" />
                <button class="primary" onclick={apply}>{ "应用到所选行" }</button>
                <button onclick={clear}>{ "取消选择" }</button>
            </div>
        }
    });
    let redo = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Redo))
    };
    let add = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Add))
    };
    let delete = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Delete))
    };
    // Copy the domain's rows as Excel copies cells (tab-separated), ready to paste into a spreadsheet.
    let copy = {
        let (state, status) = (state.clone(), status.clone());
        Callback::from(move |_| {
            let rows: Vec<Vec<String>> = state
                .visible()
                .iter()
                .map(|&i| COLUMNS.iter().map(|f| f.get(&state.catalog.entries[i])).collect())
                .collect();
            let text = tsv::write(&rows);
            let clipboard = web_sys::window()
                .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
                .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
                .filter(|c| !c.is_undefined());
            let written = clipboard.and_then(|c| {
                let write = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
                write.dyn_into::<js_sys::Function>().ok()?.call1(&c, &text.into()).ok()
            });
            status.set(Some(if written.is_some() {
                format!("已复制{}行，可粘贴到 Excel", rows.len())
            } else {
                "浏览器不允许复制".into()
            }));
        })
    };
    let export = |format: &'static str| {
        let (state, status) = (state.clone(), status.clone());
        Callback::from(move |_| {
            let catalog = (*state.catalog).clone();
            let name = format!("{}.{format}", file_stem(&catalog));
            if format == "json" {
                io::download(&name, io::mime("json"), catalog_core::to_json(&catalog).as_bytes());
                return;
            }
            let status = status.clone();
            status.set(Some("正在导出……".into()));
            wasm_bindgen_futures::spawn_local(async move {
                match io::export(&catalog, format).await {
                    Ok(bytes) => {
                        io::download(&name, io::mime(format), &bytes);
                        status.set(Some(format!("已导出 {name}")));
                    }
                    Err(e) => status.set(Some(format!("导出失败：{e}"))),
                }
            });
        })
    };

    let (row, col) = state.cursor;
    let header = COLUMNS.iter().map(|f| html! { <th scope="col">{ f.label() }</th> });
    let rows = visible.iter().enumerate().map(|(r, &i)| {
        let e = &catalog.entries[i];
        let label = e.label(i);
        let found = diags.get(label.as_str());
        let cells = COLUMNS.iter().enumerate().map(|(c, field)| {
            let hits: Vec<&&ReportDiagnostic> = found.map(|v| v.iter().filter(|d| d.field.as_deref().is_some_and(|f| field.names().contains(&f))).collect()).unwrap_or_default();
            let level = if hits.iter().any(|d| d.severity == Severity::Error) { Some("has-error") } else if hits.is_empty() { None } else { Some("has-warning") };
            let tip = hits.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("\n");
            let text = field.get(e);
            if (r, c) == (row, col) {
                let commit = {
                    let s = state.clone();
                    Callback::from(move |(text, m): (String, Move)| {
                        s.dispatch(Action::Set { row: r, col: c, text });
                        let (r2, c2) = match m {
                            Move::Stay => (r, c),
                            Move::Up => (r.saturating_sub(1), c),
                            Move::Down => (r + 1, c),
                            Move::Left => (r, c.saturating_sub(1)),
                            Move::Right => (r, c + 1),
                        };
                        s.dispatch(Action::Select { row: r2, col: c2 });
                    })
                };
                let paste = { let s = state.clone(); Callback::from(move |rows| s.dispatch(Action::Paste { rows })) };
                let (u, re) = { let (a, b) = (state.clone(), state.clone()); (Callback::from(move |()| a.dispatch(Action::Undo)), Callback::from(move |()| b.dispatch(Action::Redo))) };
                let required = Rc::new(
                    seeds::guide(&e.domain)
                        .and_then(|g| g.items.iter().find(|g| g.matches(&e.item)))
                        .map(|g| g.channels.required.clone())
                        .unwrap_or_default(),
                );
                html! {
                    <td class={classes!("cell", "active", level)} title={tip}>
                        <CellEditor text={AttrValue::from(text)} field={*field} label={format!("第{}行 {}", r + 1, field.label())}
                            on_commit={commit} on_paste={paste} on_undo={u} on_redo={re} required_channels={required} />
                    </td>
                }
            } else {
                let select = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Select { row: r, col: c })) };
                html! { <td class={classes!("cell", level)} title={tip} onclick={select}>{ text }</td> }
            }
        });
        let tick = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Tick(Some(r)))) };
        html! {
            <tr key={label.clone()} class={classes!((r == row).then_some("current-row"), state.ticked.contains(&r).then_some("ticked"))}>
                <th scope="row" class="rownum">
                    <label><input type="checkbox" checked={state.ticked.contains(&r)} onchange={tick} aria-label={format!("选择第{}行", r + 1)} />{ r + 1 }</label>
                </th>
                { for cells }
            </tr>
        }
    });

    let saved = match &state.saved {
        Saved::Yes => html! { <span class="saved" role="status">{ "已自动保存" }</span> },
        Saved::Failed(why) => {
            let backup = {
                let c = state.catalog.clone();
                Callback::from(move |_| {
                    io::download(
                        &format!("{}-备份.json", file_stem(&c)),
                        "application/json",
                        catalog_core::to_json(&c).as_bytes(),
                    )
                })
            };
            html! {
                <div class="alert" role="alert">
                    { format!("浏览器存储空间不足，最近的修改未能自动保存（{why}）。修改仍在页面中，请立即下载备份：") }
                    <button class="primary" onclick={backup}>{ "下载备份" }</button>
                </div>
            }
        }
    };
    let title =
        if catalog.meta.title.is_empty() { "（未命名目录）".to_owned() } else { catalog.meta.title.clone() };
    let domain = state.domain.clone().unwrap_or_else(|| "全部领域".into());
    let on_issue = {
        let s = state.clone();
        Callback::from(move |a: Action| s.dispatch(a))
    };
    html! {
        <section class="editor">
            <div class="editor-head">
                <div>
                    <h1>{ title }</h1>
                    <p class="muted">{ format!("{} · {} · 共{}项", catalog.meta.government, catalog.meta.level, catalog.entries.len()) }</p>
                </div>
                <div class="toolbar" role="toolbar" aria-label="编辑">
                    <button onclick={undo} disabled={!state.can_undo()} title="Ctrl+Z">{ "撤销" }</button>
                    <button onclick={redo} disabled={!state.can_redo()} title="Ctrl+Y">{ "重做" }</button>
                    <button onclick={add}>{ "新增事项" }</button>
                    <button onclick={delete} disabled={visible.is_empty()}>{ "删除当前行" }</button>
                    <button onclick={up} disabled={row == 0} title="上移当前行">{ "上移" }</button>
                    <button onclick={down} disabled={row + 1 >= visible.len()} title="下移当前行">{ "下移" }</button>
                    <button onclick={copy} disabled={visible.is_empty()}>{ "复制本领域" }</button>
                    <span class="sep" />
                    <button onclick={export("xlsx")}>{ "导出 Excel" }</button>
                    <button onclick={export("csv")}>{ "导出 CSV" }</button>
                    <button onclick={export("html")}>{ "导出网页" }</button>
                    <button onclick={export("json")}>{ "导出 JSON" }</button>
                    <button onclick={print}>{ "打印" }</button>
                    <button onclick={props.on_home.reform(|_| ())}>{ "返回列表" }</button>
                </div>
            </div>
            { saved }
            { for bulk }
            if let Some(s) = &*status { <p class="status" role="status">{ s }</p> }
            <div class="editor-body">
                <nav class="domains" aria-label="领域"><ul>{ for nav }</ul></nav>
                <div class="grid-wrap">
                    <table class="grid" aria-label={format!("{domain}事项")}>
                        <thead><tr><th scope="col" class="rownum"><label><input type="checkbox" onchange={tick_all} checked={!visible.is_empty() && state.ticked.len() == visible.len()} aria-label="全选本领域" />{ "序号" }</label></th>{ for header }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if visible.is_empty() { <p class="empty">{ "本领域还没有事项。点击“新增事项”，或从 Excel 复制后粘贴到表格中。" }</p> }
                </div>
                <Issues diagnostics={state.diagnostics.clone()} notes={props.notes.clone()} on_action={on_issue} />
            </div>
        </section>
    }
}
