//! The supervisor's review (审核把关) of many catalogs at once: drop or pick files (100 in one go), each imported
//! and validated off the page's thread (`queue`), then a sortable, filterable table of catalogs, a coverage matrix
//! against the 26 domains, one catalog's findings by domain and code, review notes, and the combined report.

mod detail;
mod matrix;
mod notes;
mod queue;
mod table;

use std::collections::BTreeMap;
use std::rc::Rc;

use catalog_core::review::{ReviewNote, ReviewReport};
use catalog_core::{Catalog, FileReport, Report, ReportDiagnostic};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::drop::{files_of, use_drop_zone};
use crate::i18n::Lang;
use crate::io;

/// One dropped file and, once validated, its report.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub file: web_sys::File,
    /// The review-note key (name and size).
    pub key: String,
    pub report: Option<Rc<FileReport>>,
}

impl Row {
    pub fn name(&self) -> String {
        self.file.name()
    }
}

#[derive(Default, PartialEq)]
struct Files {
    rows: Rc<Vec<Row>>,
    done: usize,
    cancelled: bool,
    /// `performance.now()` at the start and when the last report came.
    started: f64,
    finished: Option<f64>,
}

enum Msg {
    Start(Vec<web_sys::File>),
    Report(usize, Box<FileReport>),
    Cancel,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok()).map_or(0.0, |p| {
        js_sys::Reflect::get(&p, &"now".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&p).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    })
}

impl Reducible for Files {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Start(files) => Rc::new(Files {
                rows: Rc::new(
                    files.into_iter().map(|file| Row { key: notes::key(&file), file, report: None }).collect(),
                ),
                started: now(),
                ..Files::default()
            }),
            Msg::Report(index, report) => {
                let mut rows = (*self.rows).clone();
                let Some(row) = rows.get_mut(index).filter(|r| r.report.is_none()) else { return self };
                row.report = Some(Rc::new(*report));
                let done = self.done + 1;
                let finished = (done == rows.len()).then(now);
                Rc::new(Files { rows: Rc::new(rows), done, finished, cancelled: self.cancelled, started: self.started })
            }
            Msg::Cancel => Rc::new(Files {
                rows: self.rows.clone(),
                done: self.done,
                cancelled: true,
                started: self.started,
                finished: Some(now()),
            }),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_home: Callback<()>,
    /// Open a reviewed catalog in the editor as a copy.
    pub on_created: Callback<(Catalog, Vec<ReportDiagnostic>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum View {
    Table,
    Matrix,
}

#[component]
pub fn Review(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let files = use_reducer(Files::default);
    let running = use_mut_ref(|| None::<queue::Running>);
    let notes = use_state(notes::load);
    let notes_stored = use_state(|| true);
    let selected = use_state(|| None::<usize>);
    let view = use_state(|| View::Table);
    let message = use_state(|| None::<String>);

    let start = {
        let (files, running, selected) = (files.clone(), running.clone(), selected.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            selected.set(None);
            files.dispatch(Msg::Start(list.clone()));
            let dispatch = files.dispatcher();
            *running.borrow_mut() =
                Some(queue::start(&list, move |i, report| dispatch.dispatch(Msg::Report(i, Box::new(report)))));
        })
    };
    let on_pick = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            start.emit(files_of(input.files()));
            input.set_value("");
        })
    };
    let drop = use_drop_zone(start.clone());
    let cancel = {
        let (files, running) = (files.clone(), running.clone());
        Callback::from(move |_| {
            if let Some(r) = running.borrow().as_ref() {
                r.cancel();
            }
            files.dispatch(Msg::Cancel);
        })
    };
    let on_note = {
        let (notes, stored) = (notes.clone(), notes_stored.clone());
        Callback::from(move |(key, note): (String, Option<ReviewNote>)| {
            let mut all = (*notes).clone();
            match note {
                Some(n) => all.insert(key, n),
                None => all.remove(&key),
            };
            stored.set(notes::save(&all));
            notes.set(all);
        })
    };
    let download = |format: &'static str| {
        let (files, notes, message) = (files.clone(), notes.clone(), message.clone());
        Callback::from(move |_| {
            let report = combined(&files.rows, &notes);
            let message = message.clone();
            let name = format!("政务公开目录审核报告.{format}");
            wasm_bindgen_futures::spawn_local(async move {
                match io::export_review(&report, format).await {
                    Ok(bytes) => {
                        io::download(&name, io::mime(format), &bytes);
                        message.set(Some(format!("{}{name}", lang.t("已下载 ", "Downloaded "))));
                    }
                    Err(e) => message.set(Some(format!("{}{e}", lang.t("导出失败：", "Export failed: ")))),
                }
            });
        })
    };
    let pick_view = |v: View| {
        let view = view.clone();
        Callback::from(move |_| view.set(v))
    };
    let on_select = {
        let s = selected.clone();
        Callback::from(move |i: Option<usize>| s.set(i))
    };

    let total = files.rows.len();
    let busy = files.done < total && !files.cancelled;
    let progress = (total > 0).then(|| {
        let seconds = files.finished.map(|f| (f - files.started) / 1000.0);
        let text = match (lang, busy, seconds) {
            (Lang::Zh, true, _) => format!("正在校验：已完成{}/{}个文件", files.done, total),
            (Lang::En, true, _) => format!("Checking: {} of {} files done", files.done, total),
            (Lang::Zh, false, Some(s)) if files.cancelled => {
                format!("已取消：完成{}/{}个文件，用时{s:.1}秒", files.done, total)
            }
            (Lang::En, false, Some(s)) if files.cancelled => {
                format!("Cancelled: {} of {} files done in {s:.1} s", files.done, total)
            }
            (Lang::Zh, false, s) => format!("已校验{}个文件，用时{:.1}秒", total, s.unwrap_or(0.0)),
            (Lang::En, false, s) => format!("Checked {} files in {:.1} s", total, s.unwrap_or(0.0)),
        };
        html! {
            <div class="review-progress">
                <progress max={total.to_string()} value={files.done.to_string()} aria-label={lang.t("校验进度", "Progress")}></progress>
                <span class={if busy { "progress" } else { "status" }} role="status">{ text }</span>
                if busy { <button onclick={cancel}>{ lang.t("取消", "Cancel") }</button> }
            </div>
        }
    });
    let selected_row = selected.and_then(|i| files.rows.get(i).cloned());
    html! {
        <section class={classes!("review", drop.dragging.then_some("dragging"))}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <div class="review-head">
                <h1>{ lang.t("审核多个目录", "Review many catalogs") }</h1>
                <div class="home-actions">
                    <label class="button primary">{ lang.t("选择文件（可多选）", "Choose files (several at once)") }
                        <input type="file" multiple=true accept=".xlsx,.xls,.csv,.json" onchange={on_pick} class="visually-hidden"
                            aria-label={lang.t("选择要审核的文件", "Files to review")} />
                    </label>
                    <button onclick={download("xlsx")} disabled={busy || files.done == 0}>{ lang.t("下载审核报告（Excel）", "Download report (Excel)") }</button>
                    <button onclick={download("html")} disabled={busy || files.done == 0}>{ lang.t("下载审核报告（网页）", "Download report (web page)") }</button>
                    <button onclick={download("json")} disabled={busy || files.done == 0}>{ lang.t("下载审核报告（JSON）", "Download report (JSON)") }</button>
                    <button onclick={props.on_home.reform(|_| ())}>{ lang.t("返回列表", "Back to list") }</button>
                </div>
            </div>
            { for progress }
            if let Some(m) = &*message { <p class="status" role="status">{ m }</p> }
            if !*notes_stored {
                <p class="alert" role="alert">{ lang.t("浏览器拒绝保存审核意见；意见仍在本页，并会写入下载的报告。", "The browser refused to store the notes; they stay on this page and go into the downloaded report.") }</p>
            }
            if total == 0 {
                <div class="empty">
                    <h2>{ lang.t("把各乡镇、部门报送的目录文件拖到这里", "Drop the catalogs townships and departments sent you here") }</h2>
                    <p>{ lang.t("支持 Excel（.xlsx / .xls）、CSV 和 JSON，一次可选一百个文件。文件只在本浏览器中读取，不会上传。",
                        "Excel (.xlsx / .xls), CSV and JSON, a hundred files at once. Files are read in this browser only, never uploaded.") }</p>
                </div>
            } else {
                <div class="tabs" role="tablist" aria-label={lang.t("视图", "View")}>
                    <button role="tab" aria-selected={(*view == View::Table).to_string()} onclick={pick_view(View::Table)}>{ lang.t("目录列表", "Catalogs") }</button>
                    <button role="tab" aria-selected={(*view == View::Matrix).to_string()} onclick={pick_view(View::Matrix)}>{ lang.t("领域覆盖矩阵", "Coverage matrix") }</button>
                </div>
                if *view == View::Table {
                    <table::Table rows={files.rows.clone()} notes={Rc::new((*notes).clone())} selected={*selected} on_select={on_select.clone()} />
                } else {
                    <matrix::Matrix rows={files.rows.clone()} on_select={on_select.clone()} />
                }
                if let (Some(row), Some(i)) = (selected_row, *selected) {
                    <detail::Detail key={row.key.clone()} note={notes.get(&row.key).cloned()} row={row.clone()} index={i}
                        on_note={on_note} on_created={props.on_created.clone()} on_close={on_select.reform(|()| None)} />
                }
            }
        </section>
    }
}

/// The combined report over the files read so far, with the notes.
fn combined(rows: &[Row], notes: &BTreeMap<String, ReviewNote>) -> ReviewReport {
    let done: Vec<&Row> = rows.iter().filter(|r| r.report.is_some()).collect();
    let files = done.iter().filter_map(|r| r.report.as_deref().cloned()).collect();
    let notes = done.iter().map(|r| notes.get(&r.key).cloned()).collect();
    ReviewReport::new(Report::new(files), notes)
}
