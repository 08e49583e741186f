//! The home screen: catalogs saved in this browser, with New, Open file (picker or drop), Duplicate, Delete
//! (confirmed) and Export backup.

use std::rc::Rc;

use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

use crate::drop::use_drop_zone;
use crate::i18n::Lang;
use crate::preview::{self, Choices, ImportPreview, Preview};
use crate::restore::RestoreDialog;
use crate::{io, store};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_open: Callback<String>,
    pub on_new: Callback<()>,
    /// Open the supervisor's review of many files.
    pub on_review: Callback<()>,
    /// Open the comparison of two versions.
    pub on_compare: Callback<()>,
    /// A catalog read from a file, with what the importer noticed.
    pub on_created: Callback<(Catalog, Vec<ReportDiagnostic>)>,
    /// Catalogs the start-up migration moved from the old storage, and those it could not read.
    #[prop_or_default]
    pub migrated: (usize, usize),
}

/// A file opened whose columns the user may check before (or instead of) the import: one that did not import, or
/// one of a layout whose mapping was kept.
#[derive(PartialEq)]
struct Pending {
    name: String,
    bytes: Vec<u8>,
    preview: Rc<Preview>,
    /// The mapping kept for this layout.
    remembered: Option<Rc<Choices>>,
}

/// Whether a file is a table the preview can read (not a JSON catalog).
fn is_table(name: &str) -> bool {
    !name.to_ascii_lowercase().ends_with(".json")
}

pub fn date(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn Home(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // None while reading the browser's storage.
    let list = use_state(|| None::<Vec<store::Summary>>);
    let reload = {
        let list = list.clone();
        Callback::from(move |()| {
            let list = list.clone();
            wasm_bindgen_futures::spawn_local(async move { list.set(Some(store::list().await)) });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| reload.emit(()));
    }
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let confirm = use_state(|| None::<String>);
    // A backup file opened, waiting for the choices: its name and catalogs.
    let restoring = use_state(|| None::<(String, Rc<store::Backup>)>);
    let status = use_state(|| None::<String>);
    let pending = use_state(|| None::<Rc<Pending>>);
    let previewing = use_state(|| false);

    // Read the picked or dropped file: a backup opens as its catalogs, to restore; any other file is imported
    // through the core (Excel/CSV code loads on first use).
    let import = {
        let (message, busy, on_created) = (message.clone(), busy.clone(), props.on_created.clone());
        let (restoring, status) = (restoring.clone(), status.clone());
        let (pending, previewing) = (pending.clone(), previewing.clone());
        Callback::from(move |file: web_sys::File| {
            let (message, busy, on_created) = (message.clone(), busy.clone(), on_created.clone());
            let (restoring, pending) = (restoring.clone(), pending.clone());
            busy.set(true);
            message.set(None);
            status.set(None);
            pending.set(None);
            previewing.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                let parsed = match io::read_file(file).await {
                    Ok((name, bytes)) => match store::read_backup(&bytes) {
                        Some(backup) if backup.items.is_empty() => Err(match lang {
                            Lang::Zh => format!("备份文件中没有可读取的目录。{}", backup.unreadable.join("；")),
                            Lang::En => {
                                format!("The backup holds no readable catalog. {}", backup.unreadable.join("; "))
                            }
                        }),
                        Some(backup) => {
                            busy.set(false);
                            restoring.set(Some((name, Rc::new(backup))));
                            return;
                        }
                        None => {
                            // What the importer makes of the columns: offered when the file does not import, or
                            // first when the user chose the columns of a file of this layout before (read only
                            // when some mapping was ever kept: an import pays for no preview otherwise).
                            let look = |bytes: Vec<u8>, name: String| async move {
                                let seen = io::preview(&bytes, &name).await.ok().map(Rc::new)?;
                                let remembered = preview::remembered(&seen).map(Rc::new);
                                Some(Pending { name, bytes, preview: seen, remembered })
                            };
                            if is_table(&name)
                                && preview::any_remembered()
                                && let Some(file) = look(bytes.clone(), name.clone()).await
                                && file.remembered.is_some()
                            {
                                busy.set(false);
                                pending.set(Some(Rc::new(file)));
                                return;
                            }
                            let result = io::import_catalog(&bytes, &name).await;
                            if result.is_err() && is_table(&name) {
                                pending.set(look(bytes, name).await.map(Rc::new));
                            }
                            result
                        }
                    },
                    Err(e) => Err(e),
                };
                busy.set(false);
                match parsed {
                    Ok(done) => on_created.emit(done),
                    Err(e) => {
                        message.set(Some(format!("{}{e}", lang.t("无法打开该文件：", "Cannot open this file: "))))
                    }
                }
            });
        })
    };
    let restore_dialog = restoring.as_ref().map(|(name, backup)| {
        let done = {
            let (restoring, status, reload) = (restoring.clone(), status.clone(), reload.clone());
            Callback::from(move |line: String| {
                restoring.set(None);
                status.set(Some(line));
                reload.emit(());
            })
        };
        let cancel = {
            let restoring = restoring.clone();
            Callback::from(move |()| restoring.set(None))
        };
        html! { <RestoreDialog name={name.clone()} backup={backup.clone()} on_done={done} on_cancel={cancel} /> }
    });
    let on_file = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import.emit(file);
            }
            // Picking the same file again (a backup after 取消) is a new choice, not "nothing changed".
            input.set_value("");
        })
    };
    let drop = {
        let import = import.clone();
        use_drop_zone(Callback::from(move |files: Vec<web_sys::File>| {
            if let Some(file) = files.into_iter().next() {
                import.emit(file);
            }
        }))
    };
    let backup = Callback::from(|_| {
        wasm_bindgen_futures::spawn_local(async {
            io::download("政务公开目录备份.json", "application/json", store::backup().await.as_bytes())
        })
    });
    let summaries = list.as_deref().unwrap_or_default();
    let rows = summaries.iter().map(|s| {
        let open = { let (cb, id) = (props.on_open.clone(), s.id.clone()); Callback::from(move |_| cb.emit(id.clone())) };
        let ask = { let (c, id) = (confirm.clone(), s.id.clone()); Callback::from(move |_| c.set(Some(id.clone()))) };
        let duplicate = {
            let (reload, message, id) = (reload.clone(), message.clone(), s.id.clone());
            Callback::from(move |_| {
                let (reload, message, id) = (reload.clone(), message.clone(), id.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match store::duplicate(&id).await {
                        Ok(_) => reload.emit(()),
                        Err(e) => message.set(Some(format!("{}{}", lang.t("无法复制：", "Cannot duplicate: "), e.0))),
                    }
                });
            })
        };
        let title = if s.title.is_empty() { lang.t("（未命名目录）", "(untitled catalog)").to_owned() } else { s.title.clone() };
        html! {
            <tr key={s.id.clone()}>
                <td><button class="link" onclick={open}>{ title.clone() }</button></td>
                <td>{ &s.government }</td>
                <td>{ date(s.updated) }</td>
                <td class="num">{ s.entries }</td>
                <td class="num">{ if s.errors > 0 { html!{ <span class="badge error">{ s.errors }</span> } } else { html!{ <span class="badge ok">{ "0" }</span> } } }</td>
                <td class="row-acts">
                    <button class="small" onclick={duplicate} aria-label={format!("{}{title}", lang.t("复制 ", "Duplicate "))}>{ lang.t("复制", "Duplicate") }</button>
                    <button class="danger small" onclick={ask} aria-label={format!("{}{title}", lang.t("删除 ", "Delete "))}>{ lang.t("删除", "Delete") }</button>
                </td>
            </tr>
        }
    });
    let dialog = confirm.as_ref().map(|id| {
        let yes = {
            let (id, reload, confirm) = (id.clone(), reload.clone(), confirm.clone());
            Callback::from(move |_| {
                let (id, reload, confirm) = (id.clone(), reload.clone(), confirm.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    store::delete(&id).await;
                    confirm.set(None);
                    reload.emit(());
                });
            })
        };
        let no = { let c = confirm.clone(); Callback::from(move |_| c.set(None)) };
        html! {
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
                <div class="modal-box">
                    <h2 id="confirm-title">{ lang.t("确认删除这份目录？", "Delete this catalog?") }</h2>
                    <p>{ lang.t("删除后无法恢复（包括历史版本）。建议先导出备份。", "This cannot be undone (its history goes too). Export a backup first.") }</p>
                    <div class="actions">
                        <button class="danger" onclick={yes}>{ lang.t("确认删除", "Delete") }</button>
                        <button onclick={no} autofocus=true>{ lang.t("取消", "Cancel") }</button>
                    </div>
                </div>
            </div>
        }
    });
    // Import the pending file with a mapping (kept for its layout) or as the importer reads it.
    let import_pending = {
        let (pending, previewing, message, busy) = (pending.clone(), previewing.clone(), message.clone(), busy.clone());
        let on_created = props.on_created.clone();
        Callback::from(move |choices: Option<Choices>| {
            let Some(file) = (*pending).clone() else { return };
            let (pending, previewing, message, busy) =
                (pending.clone(), previewing.clone(), message.clone(), busy.clone());
            let on_created = on_created.clone();
            if let Some(choices) = &choices {
                preview::remember(&file.preview, choices);
            }
            let mapping = choices.as_ref().and_then(|c| serde_json::to_string(c).ok());
            busy.set(true);
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let result = io::import_mapped(&file.bytes, &file.name, mapping).await;
                busy.set(false);
                match result {
                    Ok(done) => {
                        pending.set(None);
                        previewing.set(false);
                        on_created.emit(done);
                    }
                    Err(e) => {
                        message.set(Some(format!("{}{e}", lang.t("无法打开该文件：", "Cannot open this file: "))))
                    }
                }
            });
        })
    };
    let offer = pending.as_ref().filter(|_| !*previewing).map(|file| {
        let check = { let p = previewing.clone(); Callback::from(move |_| p.set(true)) };
        let dismiss = { let p = pending.clone(); Callback::from(move |_| p.set(None)) };
        let remembered = file.remembered.clone();
        html! {
            <div class="import-offer" role="region" aria-label={lang.t("列对应", "Columns")}>
                if let Some(remembered) = remembered {
                    <p>{ lang.t("这个文件的表头与您上次选择过列对应的文件相同。", "This file has the header of a file whose columns you chose before.") }</p>
                    <button class="primary" onclick={import_pending.reform(move |_| Some((*remembered).clone()))}>{ lang.t("按上次的列对应导入", "Import with the columns chosen last time") }</button>
                    <button onclick={check}>{ lang.t("检查列对应", "Check columns") }</button>
                    <button onclick={import_pending.reform(|_| None)}>{ lang.t("按自动识别导入", "Import as detected") }</button>
                } else {
                    <p>{ lang.t("可以查看导入程序识别出的表头，为每一列选择对应的目录字段后再导入。", "You can see the header the importer found, choose the catalog field of each column and import again.") }</p>
                    <button class="primary" onclick={check}>{ lang.t("检查列对应", "Check columns") }</button>
                }
                <button onclick={dismiss}>{ lang.t("关闭", "Close") }</button>
            </div>
        }
    });
    let preview_screen = pending.as_ref().filter(|_| *previewing).map(|file| {
        let cancel = {
            let p = previewing.clone();
            Callback::from(move |()| p.set(false))
        };
        html! {
            <ImportPreview name={file.name.clone()} preview={file.preview.clone()} initial={file.remembered.clone()}
                on_confirm={import_pending.reform(Some)} on_cancel={cancel} />
        }
    });
    let on_new = props.on_new.reform(|_| ());
    let migrated = match (props.migrated, lang) {
        ((0, 0), _) => None,
        ((moved, 0), Lang::Zh) => Some(format!("已将旧版保存的{moved}份目录迁移到新的存储中。")),
        ((moved, 0), Lang::En) => {
            Some(format!("Moved {moved} catalogs saved by the earlier version to the new storage."))
        }
        ((moved, kept), Lang::Zh) => {
            Some(format!("已迁移{moved}份旧版目录；{kept}份无法读取，仍保留在原处（请用最新版本打开）。"))
        }
        ((moved, kept), Lang::En) => {
            Some(format!("Moved {moved} older catalogs; {kept} could not be read and were left in place."))
        }
    };
    html! {
        <section class={classes!("home", drop.dragging.then_some("dragging"))}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            // The screen's heading for screen readers; sighted users have the top bar and the list's caption.
            <h1 class="visually-hidden">{ lang.t("我的政务公开事项标准目录", "My disclosure catalogs") }</h1>
            <div class="home-actions">
                <button class="primary" onclick={on_new}>{ lang.t("新建目录", "New catalog") }</button>
                <label class="button" title={lang.t("也可打开“导出全部备份”保存的备份文件，恢复其中的目录", "A backup file made by “Back up everything” opens too, to restore its catalogs")}>{ lang.t("打开文件（Excel / CSV / JSON）", "Open a file (Excel / CSV / JSON)") }
                    <input type="file" accept=".xlsx,.xls,.csv,.json" onchange={on_file} class="visually-hidden" aria-label={lang.t("打开文件", "Open file")} />
                </label>
                <button onclick={backup} disabled={summaries.is_empty()}>{ lang.t("导出全部备份", "Back up everything") }</button>
                <span class="sep" />
                <button onclick={props.on_review.reform(|_| ())}>{ lang.t("审核多个目录", "Review many catalogs") }</button>
                <button onclick={props.on_compare.reform(|_| ())}>{ lang.t("比较两个版本", "Compare two versions") }</button>
            </div>
            if *busy { <p class="progress" role="status">{ lang.t("正在读取文件……", "Reading the file…") }</p> }
            if let Some(m) = &*message { <p class="alert" role="alert">{ m }</p> }
            { for offer }
            { for preview_screen }
            if let Some(m) = migrated { <p class="status" role="status">{ m }</p> }
            if let Some(m) = &*status { <p class="status" role="status">{ m }</p> }
            if list.is_none() {
                <p class="progress" role="status">{ lang.t("正在读取……", "Loading…") }</p>
            } else if summaries.is_empty() {
                <div class="empty">
                    <h2>{ lang.t("还没有目录", "No catalogs yet") }</h2>
                    <p>{ lang.t("点击“新建目录”，按26个试点领域的标准指引生成本单位的政务公开事项标准目录；或打开已有的 Excel 目录，也可以把文件拖到这里。",
                        "Click “New catalog” to build your catalog from the guidelines of the 26 pilot domains, or open an existing Excel catalog (or drop the file here).") }</p>
                </div>
            } else {
                <table class="list">
                    <caption>{ lang.t("本浏览器中保存的目录", "Catalogs saved in this browser") }</caption>
                    <thead><tr>
                        <th scope="col">{ lang.t("目录", "Catalog") }</th>
                        <th scope="col">{ lang.t("编制单位", "Government") }</th>
                        <th scope="col">{ lang.t("最后修改", "Last edited") }</th>
                        <th scope="col">{ lang.t("事项数", "Items") }</th>
                        <th scope="col">{ lang.t("错误", "Errors") }</th>
                        <th scope="col"><span class="visually-hidden">{ lang.t("操作", "Actions") }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            { for dialog }
            { for restore_dialog }
        </section>
    }
}
