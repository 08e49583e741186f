//! The shown domain's guideline items against the catalog: listed, missing, or removed with a reason (删减事项说明).
//! A missing item is added from the guideline or removed with a reason; a removed one is restored. Deleting a row
//! that is a guideline item asks for the reason first (see `RemoveDialog`).

use std::cell::RefCell;
use std::rc::Rc;

use catalog_core::model::{Catalog, Entry};
use catalog_core::seeds::{self, GuideItem, key_path, keys_match};
use catalog_core::{domains, template};
use yew::prelude::*;

use super::state::{Action, State};
use crate::i18n::Lang;

#[derive(Clone, Copy, PartialEq)]
pub enum Status {
    Listed,
    Missing,
    /// Index in `catalog.removed`.
    Removed(usize),
}

/// Whether the catalog's level picks the items (`县级`/`乡级`); any other value shows every item, as the rules do.
fn applies(item: &GuideItem, catalog: &Catalog) -> bool {
    let level = catalog.meta.level.trim();
    !matches!(level, "县级" | "乡级") || item.applies_to(level)
}

/// The guideline items of `domain` that apply at the catalog's level, each with its status; `rows` are the
/// indices of the domain's entries (the grid's visible rows), so a 10,000-entry catalog is not walked per edit.
pub fn statuses(catalog: &Catalog, domain: &str, rows: &[usize]) -> Vec<(&'static GuideItem, Status)> {
    let Some(guide) = seeds::guide(domain) else { return Vec::new() };
    let same_domain = |name: &str| domains::canonical(name) == Some(guide.name.as_str());
    let listed: Vec<Vec<String>> =
        rows.iter().filter_map(|&i| catalog.entries.get(i)).map(|e| key_path(&e.item)).collect();
    guide
        .items
        .iter()
        .filter(|g| applies(g, catalog))
        .map(|g| {
            let keys = key_path(&g.item);
            let removed =
                || catalog.removed.iter().position(|r| same_domain(&r.domain) && keys_match(&keys, &key_path(&r.item)));
            let status = if listed.iter().any(|p| keys_match(&keys, p)) {
                Status::Listed
            } else if let Some(i) = removed() {
                Status::Removed(i)
            } else {
                Status::Missing
            };
            (g, status)
        })
        .collect()
}

/// The guideline item an entry is, if any: deleting it asks for the reason.
pub fn guideline_item(catalog: &Catalog, entry: &Entry) -> Option<&'static GuideItem> {
    let guide = seeds::guide(&entry.domain)?;
    let path = key_path(&entry.item);
    guide.items.iter().find(|g| applies(g, catalog) && keys_match(&key_path(&g.item), &path))
}

/// The entry the wizard would have made for a guideline item (same id scheme, the guideline's wording).
pub fn entry_for(catalog: &Catalog, domain: &str, item: &[String]) -> Option<Entry> {
    let guide = seeds::guide(domain)?;
    let level = match catalog.meta.level.trim() {
        "县级" => "县级",
        _ => "乡级",
    };
    let government = Some(catalog.meta.government.as_str()).filter(|g| !g.trim().is_empty());
    template::entries_for(guide, level, government).into_iter().find(|e| e.item == item)
}

#[derive(Properties)]
pub struct Props {
    pub catalog: Rc<RefCell<Catalog>>,
    /// The grid's rows (the shown domain's entries).
    pub visible: Rc<Vec<usize>>,
    /// [`State::shape`]: what this panel shows changes only with it (or the domain shown).
    pub shape: u64,
    pub domain: Option<String>,
    pub dispatch: UseReducerDispatcher<State>,
    /// Ask for the reason to remove this guideline item (domain, item path).
    pub on_remove: Callback<(String, Vec<String>)>,
}

/// By pointer and counter: a keystroke in a cell renders nothing here.
impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &o.catalog)
            && Rc::ptr_eq(&self.visible, &o.visible)
            && (self.shape, &self.domain) == (o.shape, &o.domain)
            && self.dispatch == o.dispatch
            && self.on_remove == o.on_remove
    }
}

#[component]
pub fn GuidePanel(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let catalog = props.catalog.borrow();
    let rows = props.domain.as_deref().map(|d| statuses(&catalog, d, &props.visible)).unwrap_or_default();
    let Some(domain) = props.domain.clone().filter(|_| !rows.is_empty()) else { return html! {} };
    let count = |s: fn(&Status) -> bool| rows.iter().filter(|(_, st)| s(st)).count();
    let (listed, missing, removed) =
        (count(|s| *s == Status::Listed), count(|s| *s == Status::Missing), count(|s| matches!(s, Status::Removed(_))));
    let summary = match lang {
        Lang::Zh => format!("本领域标准指引{}项：已列入{listed}项，未列入{missing}项，已删减{removed}项", rows.len()),
        Lang::En => format!(
            "This domain's guideline has {} items: {listed} listed, {missing} missing, {removed} removed",
            rows.len()
        ),
    };
    let items = rows.iter().filter(|(_, s)| *s != Status::Listed).map(|(g, status)| {
        let path = g.item.join(" / ");
        let include = {
            let (d, item) = (domain.clone(), g.item.clone());
            props.dispatch.to_callback().reform(move |_| Action::Include { domain: d.clone(), item: item.clone() })
        };
        let add_label = match lang {
            Lang::Zh => format!("加入 {path}"),
            Lang::En => format!("Add {path}"),
        };
        match status {
            Status::Removed(i) => {
                let reason = catalog.removed.get(*i).map(|r| r.reason.clone()).unwrap_or_default();
                let i = *i;
                // `change` fires once the text is committed (after IME composition), not per keystroke.
                let on_reason = props.dispatch.to_callback().reform(move |e: Event| {
                    let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    Action::Reason { index: i, reason: text }
                });
                let restore_label = match lang {
                    Lang::Zh => format!("恢复 {path}"),
                    Lang::En => format!("Restore {path}"),
                };
                html! {
                    <li class="removed">
                        <span class="tag">{ lang.t("已删减", "removed") }</span>
                        <span class="path">{ path.clone() }</span>
                        <label class="reason">{ lang.t("理由", "Reason") }
                            <input value={reason} onchange={on_reason} aria-label={format!("{} {path}", lang.t("删减理由", "Reason for removing"))} />
                        </label>
                        <button class="small" onclick={include} aria-label={restore_label}>{ lang.t("恢复", "Restore") }</button>
                    </li>
                }
            }
            _ => {
                let remove = {
                    let (cb, d, item) = (props.on_remove.clone(), domain.clone(), g.item.clone());
                    Callback::from(move |_| cb.emit((d.clone(), item.clone())))
                };
                let remove_label = match lang {
                    Lang::Zh => format!("删减 {path}"),
                    Lang::En => format!("Remove {path}"),
                };
                html! {
                    <li class="missing">
                        <span class="tag warn">{ lang.t("未列入", "missing") }</span>
                        <span class="path">{ path.clone() }</span>
                        <button class="small" onclick={include} aria-label={add_label}>{ lang.t("加入目录", "Add") }</button>
                        <button class="small" onclick={remove} aria-label={remove_label}>{ lang.t("删减并说明理由", "Remove with a reason") }</button>
                    </li>
                }
            }
        }
    });
    html! {
        <details class="guide" open={missing > 0}>
            <summary>{ summary }</summary>
            if missing + removed == 0 {
                <p class="muted">{ lang.t("标准指引中的事项均已列入。", "Every guideline item is listed.") }</p>
            } else {
                <ul>{ for items }</ul>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub item: Vec<String>,
    /// Whether the item is a row being deleted (else a missing item being declared removed).
    pub deleting: bool,
    pub on_confirm: Callback<String>,
    pub on_cancel: Callback<()>,
}

/// Asks why a guideline item is removed: the reason goes to 删减事项说明, which the supervisor reads.
#[component]
pub fn RemoveDialog(props: &DialogProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let reason = use_state(String::new);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // Uncontrolled input (no `value` written back while typing), so an IME composition is never disturbed.
    let typed = {
        let r = reason.clone();
        Callback::from(move |e: InputEvent| r.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let confirm = {
        let (r, cb) = (reason.clone(), props.on_confirm.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !r.trim().is_empty() {
                cb.emit(r.trim().to_owned());
            }
        })
    };
    let onkeydown = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                cancel.emit(());
            }
        })
    };
    let path = props.item.join(" / ");
    let text = match (lang, props.deleting) {
        (Lang::Zh, true) => format!("“{path}”是标准指引事项。删除后将列入删减事项说明，请写明理由："),
        (Lang::Zh, false) => format!("将标准指引事项“{path}”列入删减事项说明，请写明理由："),
        (Lang::En, true) => {
            format!("“{path}” is a guideline item. Deleting it lists it as removed (删减事项说明); give the reason:")
        }
        (Lang::En, false) => format!("List the guideline item “{path}” as removed (删减事项说明); give the reason:"),
    };
    html! {
        <div class="modal" role="dialog" aria-modal="true" aria-labelledby="remove-title" {onkeydown}>
            <form class="modal-box" onsubmit={confirm}>
                <h2 id="remove-title">{ lang.t("删减标准指引事项", "Remove a guideline item") }</h2>
                <p>{ text }</p>
                <label>{ lang.t("删减理由", "Reason") }
                    <input ref={input} id="remove-reason" oninput={typed}
                        placeholder={lang.t("如：本镇无此项职能，由县民政局负责", "e.g. 本镇无此项职能，由县民政局负责")} />
                </label>
                <div class="actions">
                    <button class="primary" type="submit" disabled={reason.trim().is_empty()}>
                        { if props.deleting { lang.t("删除并记录理由", "Delete and keep the reason") } else { lang.t("删减", "Remove") } }
                    </button>
                    <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ lang.t("取消", "Cancel") }</button>
                </div>
            </form>
        </div>
    }
}
