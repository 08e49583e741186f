//! One side of the comparison: a file (picker or drop) or a catalog saved in this browser and which state of it
//! (the current one or a history version).

use std::rc::Rc;

use yew::prelude::*;

use super::{Mode, Side, Which, title_of};
use crate::drop::files_of;
use crate::i18n::Lang;
use crate::{home::date, store};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub which: Which,
    pub side: Side,
    /// The catalogs saved in this browser; None while reading.
    pub saved: Option<Rc<Vec<store::Summary>>>,
    pub on_mode: Callback<(Which, Mode)>,
    pub on_files: Callback<(Which, Vec<web_sys::File>)>,
    pub on_saved: Callback<(Which, String)>,
    /// A saved catalog's version picked: None for its current state.
    pub on_version: Callback<(Which, String, Option<f64>)>,
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value())
}

#[component]
pub fn SidePicker(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (which, side) = (props.which, &props.side);
    let key = if which == Which::Old { "old" } else { "new" };
    let legend = match which {
        Which::Old => lang.t("旧版本（调整前）", "Old version (before)"),
        Which::New => lang.t("新版本（调整后）", "New version (after)"),
    };
    let mode_radio = |mode: Mode, text: &'static str| {
        let on_mode = props.on_mode.clone();
        html! {
            <label class="radio">
                <input type="radio" name={format!("cmp-source-{key}")} checked={side.mode == mode}
                    onchange={Callback::from(move |_| on_mode.emit((which, mode)))} />
                { text }
            </label>
        }
    };
    let body = match side.mode {
        Mode::File => {
            let on_change = {
                let on_files = props.on_files.clone();
                Callback::from(move |e: Event| {
                    let input = e.target_dyn_into::<web_sys::HtmlInputElement>();
                    let files = files_of(input.as_ref().and_then(|i| i.files()));
                    on_files.emit((which, files));
                    // Picking the same file again (after editing it) must fire again.
                    if let Some(input) = input {
                        input.set_value("");
                    }
                })
            };
            let ondragover = Callback::from(|e: DragEvent| {
                e.prevent_default();
                e.stop_propagation();
            });
            let ondrop = {
                let on_files = props.on_files.clone();
                Callback::from(move |e: DragEvent| {
                    e.prevent_default();
                    e.stop_propagation();
                    on_files.emit((which, files_of(e.data_transfer().and_then(|d| d.files()))));
                })
            };
            html! {
                <div class="cmp-drop" {ondragover} {ondrop}>
                    <label class="button cmp-file">
                        { lang.t("选择文件……", "Choose a file…") }
                        <input type="file" class="visually-hidden" multiple=true accept=".xlsx,.xls,.csv,.json"
                            aria-label={format!("{}{}", legend, lang.t("：选择文件", ": choose a file"))} onchange={on_change} />
                    </label>
                    <span class="muted">{ lang.t("或把文件拖到这里（Excel / CSV / JSON）", "or drop it here (Excel / CSV / JSON)") }</span>
                </div>
            }
        }
        Mode::Saved => {
            let list = props.saved.as_deref().map(Vec::as_slice);
            let on_catalog = {
                let on_saved = props.on_saved.clone();
                Callback::from(move |e: Event| {
                    if let Some(id) = select_value(&e).filter(|v| !v.is_empty()) {
                        on_saved.emit((which, id));
                    }
                })
            };
            let on_version = {
                let (on_version, id) = (props.on_version.clone(), side.saved.clone());
                Callback::from(move |e: Event| {
                    let (Some(value), Some(id)) = (select_value(&e), id.clone()) else { return };
                    let version = if value == "current" { None } else { value.parse::<f64>().ok() };
                    on_version.emit((which, id, version));
                })
            };
            let catalog_id = format!("cmp-catalog-{key}");
            let version_id = format!("cmp-version-{key}");
            match list {
                None => {
                    html! { <p class="progress" role="status">{ lang.t("正在读取本机保存的目录……", "Reading the saved catalogs…") }</p> }
                }
                Some([]) => {
                    html! { <p class="muted">{ lang.t("本浏览器中还没有保存的目录。", "No catalogs are saved in this browser yet.") }</p> }
                }
                Some(list) => {
                    let current = side.saved.as_deref().and_then(|id| list.iter().find(|s| s.id == id));
                    html! {
                        <div class="cmp-saved">
                            <label for={catalog_id.clone()}>{ lang.t("目录", "Catalog") }</label>
                            <select id={catalog_id} onchange={on_catalog}>
                                <option value="" selected={side.saved.is_none()} disabled=true>{ lang.t("请选择……", "Choose…") }</option>
                                { for list.iter().map(|s| html! {
                                    <option value={s.id.clone()} selected={side.saved.as_deref() == Some(s.id.as_str())}>
                                        { format!("{} · {}", title_of(s, lang), date(s.updated)) }
                                    </option>
                                }) }
                            </select>
                            <label for={version_id.clone()}>{ lang.t("版本", "Version") }</label>
                            <select id={version_id} onchange={on_version} disabled={side.saved.is_none()}>
                                <option value="current" selected={side.version.is_none()}>
                                    { match (current, lang) {
                                        (Some(s), Lang::Zh) => format!("当前内容（{}项）", s.entries),
                                        (Some(s), Lang::En) => format!("Current state ({} items)", s.entries),
                                        (None, _) => lang.t("当前内容", "Current state").to_owned(),
                                    } }
                                </option>
                                { for side.versions.iter().map(|v| html! {
                                    <option value={v.key.to_string()} selected={side.version == Some(v.key)}>
                                        { match lang {
                                            Lang::Zh => format!("{} 保存的版本（{}项）", date(v.saved), v.entries),
                                            Lang::En => format!("Saved {} ({} items)", date(v.saved), v.entries),
                                        } }
                                    </option>
                                }) }
                            </select>
                        </div>
                    }
                }
            }
        }
    };
    let status = if side.pending.is_some() {
        html! { <p class="progress cmp-status">{ lang.t("正在读取……", "Reading…") }</p> }
    } else if let Some(e) = &side.error {
        html! { <p class="alert cmp-status" role="alert">{ e }</p> }
    } else if let Some(doc) = &side.catalog {
        let c = &doc.0;
        let name = if c.meta.government.trim().is_empty() { c.meta.title.clone() } else { c.meta.government.clone() };
        let revision = c.meta.revision.as_deref().or(c.meta.compiled_on.as_deref()).unwrap_or("");
        let what = side.file.clone().unwrap_or_default();
        html! {
            <p class="cmp-status cmp-loaded">
                <span class="tag ok">{ lang.t("已读取", "Read") }</span>
                { " " }
                if !what.is_empty() { <strong>{ what }</strong>{ " · " } }
                { name }
                if !revision.is_empty() { { format!("（{revision}）") } }
                { match lang {
                    Lang::Zh => format!(" · {}项", c.entries.len()),
                    Lang::En => format!(" · {} items", c.entries.len()),
                } }
            </p>
        }
    } else {
        html! {}
    };
    html! {
        <fieldset class={classes!("cmp-side", key)}>
            <legend>{ legend }</legend>
            <div class="radio-row">
                <span class="visually-hidden">{ lang.t("来源：", "Source: ") }</span>
                { mode_radio(Mode::File, lang.t("文件", "File")) }
                { mode_radio(Mode::Saved, lang.t("本浏览器中保存的目录", "Catalog saved in this browser")) }
            </div>
            { body }
            { status }
        </fieldset>
    }
}
