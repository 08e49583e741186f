//! The editor: a domain navigator, a spreadsheet-like grid of the domain's entries, and the issues panel. Each
//! edit is saved right after it is painted; a refused save keeps the edit on screen and offers a backup.

mod cell;
mod fields;
mod grid;
mod guide;
mod history;
mod issues;
mod meta;
mod na;
mod nav;
mod row;
mod serial;
mod state;
mod tsv;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use catalog_core::ReportDiagnostic;
use catalog_core::model::Catalog;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use fields::COLUMNS;
use grid::Grid;
use guide::{GuidePanel, RemoveDialog};
use history::History;
use issues::Issues;
use meta::{MetaField, MetaPanel};
use na::NaDialog;
use nav::DomainNav;
use state::{Action, Saved, State, same_domain};

/// A panel over the editor that a button or a finding's fix opens.
#[derive(Clone, PartialEq)]
pub enum Panel {
    /// 目录信息, focused on a field.
    Meta(Option<MetaField>),
    /// The 未涉及 declaration of a domain: declare it, or change its reason.
    Declare(String),
}

use crate::i18n::Lang;
use crate::later::{after_paint, when_idle};
use crate::{io, store};

/// The catalog an editor opens, handed over without a copy: the editor edits it in place (copying 10,000 entries
/// costs a tenth of a second in the browser). Compared by pointer.
#[derive(Clone)]
pub struct Opened(Rc<RefCell<Catalog>>);

impl Opened {
    pub fn new(catalog: Catalog) -> Self {
        Opened(Rc::new(RefCell::new(catalog)))
    }
}

impl PartialEq for Opened {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub catalog: Opened,
    /// Not stored yet (just created or imported): the first save happens at once.
    pub fresh: bool,
    /// What the importer noticed, shown above the findings.
    pub notes: Rc<Vec<ReportDiagnostic>>,
    /// The stored revision opened (0 when fresh), for `store::Writer`.
    pub rev: u64,
    pub on_home: Callback<()>,
    /// Open a catalog as a new one (here: this tab's edits saved as a copy after a conflict).
    pub on_save_as: Callback<(Catalog, Vec<ReportDiagnostic>)>,
}

fn file_stem(catalog: &Catalog) -> String {
    let t = catalog.meta.title.trim();
    if t.is_empty() {
        "政务公开事项标准目录".to_owned()
    } else {
        t.replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "_")
    }
}

/// Time between two autosaves while edits keep coming (ms).
const SAVE_SPACING: f64 = 1000.0;

/// Run `f` after `ms` milliseconds (at once, in this task, when `ms` is zero).
fn after(ms: f64, f: impl FnOnce() + 'static) {
    if ms <= 0.0 {
        return f();
    }
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            Closure::once_into_js(f).unchecked_ref(),
            ms.ceil() as i32,
        );
    }
}

/// Hand the catalog's current generation to storage, once per generation (nothing after a conflict: the alert
/// offers the ways out). `written` is the last generation handed over.
fn write(state: UseReducerHandle<State>, written: &Cell<u64>, versioned: &Cell<bool>, writer: &store::Writer) {
    let generation = state.generation;
    if generation == 0 || written.get() >= generation || state.saved == Saved::Conflict {
        return;
    }
    written.set(generation);
    let version = !versioned.replace(true);
    let write = {
        let catalog = state.catalog.borrow();
        let bytes = state.serial.borrow_mut().bytes(&catalog);
        let bytes = bytes.unwrap_or_else(|_| catalog_core::to_json(&catalog).into_bytes());
        store::save_bytes(&state.id, &bytes, &catalog, state.errors(), version, Some(writer))
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = write.await.map_err(|e| e.0);
        state.dispatch(Action::Saved { generation, result });
    });
}

#[component]
pub fn Editor(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_reducer(|| State::new(props.id.clone(), props.catalog.0.clone(), props.fresh));
    let status = use_state(|| None::<String>);
    let history_open = use_state(|| false);
    // A guideline item waiting for its removal reason: (domain, item path, whether the selected row is deleted).
    let removing = use_state(|| None::<(String, Vec<String>, bool)>);
    let printing = use_state(|| false);
    let panel = use_state(|| None::<Panel>);

    // Autosave: each new generation of the catalog is written once the frame is painted and the browser is idle,
    // so typing never waits on storage; while edits keep coming, writes are at least `SAVE_SPACING` apart (a
    // 10,000-entry catalog is 2 MB to hand to IndexedDB) and a newer edit supersedes a pending one; a page being
    // hidden or closed writes at once. The first save of a session keeps a version.
    let latest = use_mut_ref(|| Cell::new(0u64));
    let written = use_mut_ref(|| Cell::new(0u64));
    let last_write = use_mut_ref(|| Cell::new(f64::NEG_INFINITY));
    let versioned = use_mut_ref(|| Cell::new(false));
    let current = use_mut_ref(|| state.clone());
    let writer = use_memo((), {
        let rev = props.rev;
        move |_| store::Writer { session: store::new_id(), rev }
    });
    latest.borrow().set(state.generation);
    *current.borrow_mut() = state.clone();
    let save = {
        let (current, written, last_write, versioned, writer) =
            (current.clone(), written.clone(), last_write.clone(), versioned.clone(), writer.clone());
        Rc::new(move || {
            let state = current.borrow().clone();
            last_write.borrow().set(js_sys::Date::now());
            write(state, &written.borrow(), &versioned.borrow(), &writer);
        })
    };
    {
        let (latest, last_write, save) = (latest.clone(), last_write.clone(), save.clone());
        use_effect_with(state.generation, move |&generation| {
            if generation > 0 {
                let wait = (last_write.borrow().get() + SAVE_SPACING - js_sys::Date::now()).max(0.0);
                after(wait, move || {
                    when_idle(move || {
                        if latest.borrow().get() == generation {
                            save();
                        }
                    })
                });
            }
        });
    }
    {
        let save = save.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let on_hide = Closure::<dyn Fn()>::new(move || {
                if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
                    save();
                }
            });
            if let Some(d) = &document {
                let _ = d.add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = &document {
                    let _ = d.remove_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
                }
            }
        });
    }
    // Another tab with the same catalog open: both say so (and the store refuses to let one overwrite the other).
    let other_tab = use_state(|| false);
    {
        let other_tab = other_tab.clone();
        use_effect_with(props.id.clone(), move |id| {
            let watch = store::watch(id, move || other_tab.set(true));
            move || drop(watch)
        });
    }
    // While an edit is not stored, leaving the page asks first.
    {
        let unsaved = matches!(state.saved, Saved::Failed(_) | Saved::Conflict);
        use_effect_with(unsaved, move |&unsaved| {
            let guard = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
                e.prevent_default();
                e.set_return_value("unsaved");
            });
            let window = web_sys::window();
            if let (true, Some(w)) = (unsaved, &window) {
                let _ = w.add_event_listener_with_callback("beforeunload", guard.as_ref().unchecked_ref());
            }
            move || {
                if let (true, Some(w)) = (unsaved, &window) {
                    let _ = w.remove_event_listener_with_callback("beforeunload", guard.as_ref().unchecked_ref());
                }
            }
        });
    }
    // Printing renders every row, then opens the print dialog.
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |&on| {
            if on {
                after_paint(move || {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                    printing.set(false);
                });
            }
        });
    }

    let act = |a: fn() -> Action| {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(a()))
    };
    let (row, _) = state.cursor;
    let rows = state.visible.len();

    // Deleting a guideline item asks why first (删减事项说明); a local item goes at once.
    let delete = {
        let (s, removing) = (state.clone(), removing.clone());
        Callback::from(move |_| {
            let named = {
                let catalog = s.catalog.borrow();
                let entry = s.visible.get(s.cursor.0).and_then(|&i| catalog.entries.get(i));
                entry
                    .and_then(|e| Some((guide::guideline_item(&catalog, e)?, e.domain.clone())))
                    .and_then(|(g, d)| Some((catalog_core::domains::canonical(&d)?.to_owned(), g.item.clone())))
            };
            match named {
                Some((domain, item)) => removing.set(Some((domain, item, true))),
                None => s.dispatch(Action::Delete),
            }
        })
    };
    let ask_reason = {
        let removing = removing.setter();
        use_callback((), move |(domain, item): (String, Vec<String>), _| removing.set(Some((domain, item, false))))
    };
    let remove_dialog = removing.as_ref().map(|(domain, item, delete_row)| {
        let confirm = {
            let (s, removing, domain, item, delete_row) =
                (state.clone(), removing.clone(), domain.clone(), item.clone(), *delete_row);
            Callback::from(move |reason: String| {
                s.dispatch(Action::Exclude { domain: domain.clone(), item: item.clone(), reason, delete_row });
                removing.set(None);
            })
        };
        let cancel = {
            let removing = removing.clone();
            Callback::from(move |()| removing.set(None))
        };
        html! { <RemoveDialog item={item.clone()} deleting={*delete_row} on_confirm={confirm} on_cancel={cancel} /> }
    });

    // The bulk bar: set one column of every ticked row.
    let bulk_col = use_state(|| COLUMNS.iter().position(|f| *f == fields::Field::Channels).unwrap_or(0));
    let bulk_text = use_state(String::new);
    let bulk = (!state.ticked.is_empty()).then(|| {
        let pick = {
            let c = bulk_col.clone();
            Callback::from(move |e: Event| {
                c.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0))
            })
        };
        let typed = {
            let t = bulk_text.clone();
            Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        };
        let apply = {
            let (s, c, t) = (state.clone(), bulk_col.clone(), bulk_text.clone());
            Callback::from(move |_| s.dispatch(Action::Bulk { col: *c, text: (*t).clone() }))
        };
        let count = match lang {
            Lang::Zh => format!("已选{}行：将", state.ticked.len()),
            Lang::En => format!("{} rows selected: set", state.ticked.len()),
        };
        html! {
            <div class="bulk" role="group" aria-label={lang.t("批量修改", "Bulk edit")}>
                { count }
                <select aria-label={lang.t("批量修改的列", "Column to set")} onchange={pick}>
                    { for COLUMNS.iter().enumerate().map(|(i, f)| html! { <option value={i.to_string()} selected={i == *bulk_col}>{ f.label(lang) }</option> }) }
                </select>
                { lang.t("设为", "to") }
                <input aria-label={lang.t("批量修改的内容", "Value to set")} value={(*bulk_text).clone()} oninput={typed}
                    placeholder={lang.t("如：政府网站、政务服务中心", "e.g. 政府网站、政务服务中心")} />
                <button class="primary" onclick={apply}>{ lang.t("应用到所选行", "Apply to selected rows") }</button>
                <button onclick={act(|| Action::Tick(None))}>{ lang.t("取消选择", "Clear selection") }</button>
            </div>
        }
    });

    // Copy the domain's rows as Excel copies cells (tab-separated), ready to paste into a spreadsheet.
    let copy = {
        let (state, status) = (state.clone(), status.clone());
        Callback::from(move |_| {
            let rows: Vec<Vec<String>> = state
                .visible
                .iter()
                .map(|&i| COLUMNS.iter().map(|f| f.get(&state.catalog.borrow().entries[i])).collect())
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
            status.set(Some(match (written.is_some(), lang) {
                (true, Lang::Zh) => format!("已复制{}行，可粘贴到 Excel", rows.len()),
                (true, Lang::En) => format!("Copied {} rows, ready to paste into Excel", rows.len()),
                (false, _) => lang.t("浏览器不允许复制", "The browser does not allow copying").to_owned(),
            }));
        })
    };
    // A web page carrying ID, bank card or mobile numbers is refused; the user may then export it masked.
    let offer_mask = use_state(|| false);
    let export_with = |format: &'static str, mask: bool| {
        let (state, status, offer_mask) = (state.clone(), status.clone(), offer_mask.clone());
        Callback::from(move |_| {
            offer_mask.set(false);
            let catalog = state.catalog.borrow().clone();
            let name = format!("{}.{format}", file_stem(&catalog));
            if format == "json" {
                io::download(&name, io::mime("json"), catalog_core::to_json(&catalog).as_bytes());
                return;
            }
            let (status, offer_mask) = (status.clone(), offer_mask.clone());
            status.set(Some(lang.t("正在导出……", "Exporting…").into()));
            wasm_bindgen_futures::spawn_local(async move {
                match io::export(&catalog, format, mask).await {
                    Ok(bytes) => {
                        io::download(&name, io::mime(format), &bytes);
                        status.set(Some(format!("{}{name}", lang.t("已导出 ", "Exported "))));
                    }
                    Err(e) => {
                        offer_mask.set(e.code == io::PERSONAL_DATA);
                        status.set(Some(format!("{}{}", lang.t("导出失败：", "Export failed: "), e.message)))
                    }
                }
            });
        })
    };
    let export = |format: &'static str| export_with(format, false);
    let print = {
        let p = printing.clone();
        Callback::from(move |_| p.set(true))
    };
    let open_history = {
        let h = history_open.clone();
        Callback::from(move |_| h.set(true))
    };
    let close_history = {
        let h = history_open.clone();
        Callback::from(move |()| h.set(false))
    };

    let (saved_note, alert) = match &state.saved {
        Saved::Yes => (lang.t("已自动保存", "Saved"), None),
        Saved::Pending => (lang.t("正在保存……", "Saving…"), None),
        Saved::Failed(why) => {
            let backup = {
                let c = state.catalog.clone();
                Callback::from(move |_| {
                    io::download(
                        &format!("{}-备份.json", file_stem(&c.borrow())),
                        "application/json",
                        catalog_core::to_json(&c.borrow()).as_bytes(),
                    )
                })
            };
            let text = match lang {
                Lang::Zh => {
                    format!("浏览器存储空间不足，最近的修改未能自动保存（{why}）。修改仍在页面中，请立即下载备份：")
                }
                Lang::En => format!(
                    "The browser's storage is full: recent edits were not saved ({why}). They are still on this page; download a backup now:"
                ),
            };
            let alert = html! {
                <div class="alert" role="alert">
                    { text }
                    <button class="primary" onclick={backup}>{ lang.t("下载备份", "Download backup") }</button>
                    <button onclick={act(|| Action::Retry)}>{ lang.t("重试保存", "Retry saving") }</button>
                </div>
            };
            (lang.t("未保存", "Not saved"), Some(alert))
        }
        Saved::Conflict => {
            let backup = {
                let c = state.catalog.clone();
                Callback::from(move |_| {
                    io::download(
                        &format!("{}-本页修改.json", file_stem(&c.borrow())),
                        "application/json",
                        catalog_core::to_json(&c.borrow()).as_bytes(),
                    )
                })
            };
            let save_as = {
                let (c, cb) = (state.catalog.clone(), props.on_save_as.clone());
                Callback::from(move |_| {
                    let mut copy = c.borrow().clone();
                    copy.meta.title = format!("{}（副本）", copy.meta.title);
                    cb.emit((copy, Vec::new()));
                })
            };
            let reload = Callback::from(|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            let alert = html! {
                <div class="alert" role="alert">
                    { lang.t("此目录已在另一个标签页中保存了修改。为免覆盖，本页的修改没有保存（仍在本页）。请选择：",
                        "Another tab saved this catalog. So as not to overwrite it, this page's edits were not saved (they are still here). Choose:") }
                    <button class="primary" onclick={save_as}>{ lang.t("将本页内容另存为副本", "Save this page as a copy") }</button>
                    <button onclick={backup}>{ lang.t("下载本页内容", "Download this page") }</button>
                    <button class="danger" onclick={reload}>{ lang.t("放弃本页修改，载入已保存的内容", "Drop this page's edits and load the saved catalog") }</button>
                </div>
            };
            (lang.t("未保存（另一标签页已修改）", "Not saved (changed in another tab)"), Some(alert))
        }
    };
    let catalog = state.catalog.borrow();
    let title = if catalog.meta.title.is_empty() {
        lang.t("（未命名目录）", "(untitled catalog)").to_owned()
    } else {
        catalog.meta.title.clone()
    };
    let summary = match lang {
        Lang::Zh => format!("{} · {} · 共{}项", catalog.meta.government, catalog.meta.level, catalog.entries.len()),
        Lang::En => format!("{} · {} · {} items", catalog.meta.government, catalog.meta.level, catalog.entries.len()),
    };
    // Made once: a new callback would render the issues panel again on every keystroke.
    let on_issue = (*use_memo((), {
        let d = state.dispatcher();
        move |_| d.to_callback()
    }))
    .clone();
    let open_panel = {
        let (set, d) = (panel.setter(), state.dispatcher());
        use_callback((), move |p: Panel, _| {
            if let Panel::Declare(domain) = &p {
                d.dispatch(Action::Domain(Some(domain.clone())));
            }
            set.set(Some(p));
        })
    };
    let on_declare = {
        let open = open_panel.clone();
        use_callback((), move |domain: String, _| open.emit(Panel::Declare(domain)))
    };
    let close_panel = {
        let set = panel.setter();
        use_callback((), move |(), _| set.set(None))
    };
    let panel_view = match &*panel {
        None => html! {},
        Some(Panel::Meta(focus)) => html! {
            <MetaPanel catalog={state.catalog.clone()} shape={state.shape} focus={*focus}
                dispatch={state.dispatcher()} on_close={close_panel.clone()} />
        },
        Some(Panel::Declare(domain)) => {
            let reason =
                catalog.not_applicable.iter().find(|n| same_domain(&n.domain, domain)).map(|n| n.reason.clone());
            let entries = catalog.entries.iter().filter(|e| same_domain(&e.domain, domain)).count();
            let confirm = {
                let (d, close, domain) = (state.dispatcher(), close_panel.clone(), domain.clone());
                Callback::from(move |reason: String| {
                    d.dispatch(Action::Declare { domain: domain.clone(), reason });
                    close.emit(());
                })
            };
            html! { <NaDialog domain={domain.clone()} {reason} {entries} on_confirm={confirm} on_cancel={close_panel.clone()} /> }
        }
    };
    let open_meta = open_panel.reform(|_| Panel::Meta(None));
    html! {
        <section class="editor">
            <div class="editor-head">
                <div>
                    <h1>{ title }</h1>
                    <p class="muted">{ summary }{ " · " }<span class="saved" role="status">{ saved_note }</span></p>
                </div>
                <div class="toolbar" role="toolbar" aria-label={lang.t("编辑", "Edit")}>
                    <button onclick={open_meta}>{ lang.t("目录信息", "Catalog info") }</button>
                    <button onclick={act(|| Action::Undo)} disabled={!state.can_undo()} title="Ctrl+Z">{ lang.t("撤销", "Undo") }</button>
                    <button onclick={act(|| Action::Redo)} disabled={!state.can_redo()} title="Ctrl+Y">{ lang.t("重做", "Redo") }</button>
                    <button onclick={act(|| Action::Add)}>{ lang.t("新增事项", "Add item") }</button>
                    <button onclick={delete} disabled={rows == 0}>{ lang.t("删除当前行", "Delete row") }</button>
                    <button onclick={act(|| Action::Move { up: true })} disabled={row == 0} title={lang.t("上移当前行", "Move the row up")}>{ lang.t("上移", "Up") }</button>
                    <button onclick={act(|| Action::Move { up: false })} disabled={row + 1 >= rows} title={lang.t("下移当前行", "Move the row down")}>{ lang.t("下移", "Down") }</button>
                    <button onclick={copy} disabled={rows == 0}>{ lang.t("复制本领域", "Copy domain") }</button>
                    <button onclick={open_history}>{ lang.t("历史版本", "History") }</button>
                    <span class="sep" />
                    <button onclick={export("xlsx")}>{ lang.t("导出 Excel", "Export Excel") }</button>
                    <button onclick={export("csv")}>{ lang.t("导出 CSV", "Export CSV") }</button>
                    <button onclick={export("html")}>{ lang.t("导出网页", "Export web page") }</button>
                    <button onclick={export("json")}>{ lang.t("导出 JSON", "Export JSON") }</button>
                    <button onclick={print}>{ lang.t("打印", "Print") }</button>
                    <button onclick={props.on_home.reform(|_| ())}>{ lang.t("返回列表", "Back to list") }</button>
                </div>
            </div>
            { for alert }
            if *other_tab && state.saved != Saved::Conflict {
                <p class="warning" role="status">{ lang.t("此目录也在另一个标签页中打开。请只在一处编辑：另一处保存后，这里的修改不会覆盖它。",
                    "This catalog is open in another tab too. Edit it in one place only: once the other saves, edits here will not overwrite it.") }</p>
            }
            { for bulk }
            if let Some(s) = &*status {
                <p class="status" role="status">
                    { s }
                    if *offer_mask {
                        <button class="small" onclick={export_with("html", true)}>{ lang.t("遮盖个人信息后导出网页", "Export the web page with personal data masked") }</button>
                    }
                </p>
            }
            <GuidePanel catalog={state.catalog.clone()} visible={state.visible.clone()} shape={state.shape}
                domain={state.domain.clone()} dispatch={state.dispatcher()} on_remove={ask_reason} />
            <div class="editor-body">
                <DomainNav catalog={state.catalog.clone()} found={state.found.clone()} shape={state.shape}
                    domain={state.domain.clone()} dispatch={state.dispatcher()} {on_declare} quiet={state.quiet.clone()} />
                <Grid state={state.clone()} all={*printing} />
                <Issues found={state.found.clone()} notes={props.notes.clone()} on_action={on_issue} on_open={open_panel}
                    quiet={state.quiet.clone()} />
            </div>
            if *history_open { <History state={state.clone()} on_close={close_history} /> }
            { for remove_dialog }
            { panel_view }
        </section>
    }
}
