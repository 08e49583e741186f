//! The issues panel: findings grouped by severity, each jumping to its cell; mechanical fixes one click each,
//! and "fix all of this kind". A finding about the catalog information opens 目录信息 on its field; one about a
//! domain's coverage or 未涉及 declaration shows the domain and asks for the declaration's reason.

use std::collections::HashMap;
use std::rc::Rc;

use catalog_core::{ReportDiagnostic, Severity};
use yew::prelude::*;

use super::Panel;
use super::meta::MetaField;
use super::state::{Action, Found, quieted};
use crate::i18n::Lang;

#[derive(Properties)]
pub struct Props {
    pub found: Rc<Found>,
    /// The importer's notes on the file this catalog came from.
    pub notes: Rc<Vec<ReportDiagnostic>>,
    pub on_action: Callback<Action>,
    /// Open the panel a finding's fix is made in.
    pub on_open: Callback<Panel>,
    /// [`super::state::State::quiet`]: the row being filled in, whose empty required fields are not listed yet.
    pub quiet: Option<String>,
}

/// By pointer: every revalidation makes new findings, and comparing 10,000 entries' findings costs a frame.
impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.found, &o.found)
            && Rc::ptr_eq(&self.notes, &o.notes)
            && self.on_action == o.on_action
            && self.on_open == o.on_open
            && self.quiet == o.quiet
    }
}

/// Shown at most per group: long lists stay fast; counts say how many there are.
const SHOWN: usize = 100;

#[component]
pub fn Issues(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // One pass over every finding: the first SHOWN of each severity, the counts, and how many of each code carry a
    // fix ("fix all" appears where there is more than one).
    let mut fixable: HashMap<&str, usize> = HashMap::new();
    let mut lists: [(usize, Vec<&super::state::Shown>); 3] = Default::default();
    for d in props.found.all().filter(|d| !quieted(props.quiet.as_deref(), d)) {
        if d.fix.is_some() {
            *fixable.entry(d.code.as_str()).or_default() += 1;
        }
        let (count, shown) = &mut lists[d.severity as usize];
        *count += 1;
        if shown.len() < SHOWN {
            shown.push(d);
        }
    }
    let groups = [
        (Severity::Error, lang.t("错误", "Errors")),
        (Severity::Warning, lang.t("警告", "Warnings")),
        (Severity::Info, lang.t("提示", "Notes")),
    ];
    let group = |(severity, name): (Severity, &str)| {
        let (count, list) = &lists[severity as usize];
        let items = list.iter().map(|d| {
            let reveal = match (&d.entry, &d.domain) {
                (Some(entry), _) => {
                    let (cb, entry, field) = (props.on_action.clone(), entry.clone(), d.field.clone());
                    Some(Callback::from(move |_| {
                        cb.emit(Action::Reveal { entry: entry.clone(), field: field.clone() })
                    }))
                }
                (None, Some(domain)) if catalog_core::domains::canonical(domain).is_some() => {
                    let (cb, domain) = (props.on_action.clone(), domain.clone());
                    Some(Callback::from(move |_| cb.emit(Action::Domain(Some(domain.clone())))))
                }
                _ => None,
            };
            // Where the fix is made: 目录信息 on the field, or the domain's 未涉及 declaration.
            let meta_field = d.field.as_deref().and_then(MetaField::named).filter(|_| d.entry.is_none());
            let open = match (meta_field, d.domain.as_ref(), d.code.as_str()) {
                (Some(field), _, _) => Some((
                    Panel::Meta(Some(field)),
                    lang.t("填写", "Fill in"),
                    format!("{}{}", lang.t("填写目录信息：", "Fill in the catalog information: "), field.label(lang)),
                )),
                (None, Some(domain), "coverage.missing") => Some((
                    Panel::Declare(domain.clone()),
                    lang.t("声明未涉及", "Declare not applicable"),
                    format!("{}{domain}", lang.t("声明未涉及：", "Declare not applicable: ")),
                )),
                (None, Some(domain), "coverage.na-reason") => Some((
                    Panel::Declare(domain.clone()),
                    lang.t("填写理由", "Give the reason"),
                    format!("{}{domain}", lang.t("填写理由：", "Give the reason: ")),
                )),
                _ => None,
            };
            let open = open.map(|(panel, label, aria)| {
                let cb = props.on_open.clone();
                html! { <button class="small primary" aria-label={aria} onclick={Callback::from(move |_| cb.emit(panel.clone()))}>{ label }</button> }
            });
            let fix = d.fix.clone().map(|f| {
                let (cb, entry) = (props.on_action.clone(), d.entry.clone());
                Callback::from(move |_| {
                    cb.emit(Action::Fix { entry: entry.clone(), field: f.field.clone(), value: f.value.clone() })
                })
            });
            let same = fixable.get(d.code.as_str()).copied().unwrap_or(0);
            let fix_all = (d.fix.is_some() && same > 1).then(|| {
                let (cb, code) = (props.on_action.clone(), d.code.clone());
                Callback::from(move |_| cb.emit(Action::FixAll { code: code.clone() }))
            });
            let fix_all_label = match lang {
                Lang::Zh => format!("全部修复（{same}处）"),
                Lang::En => format!("Fix all ({same})"),
            };
            html! {
                <li class={classes!("issue", severity.as_str())}>
                    <span class="msg">{ lang.message(d) }</span>
                    <span class="code">{ &d.code }</span>
                    <span class="acts">
                        if let Some(cb) = reveal { <button class="small" onclick={cb}>{ lang.t("定位", "Show") }</button> }
                        { for open }
                        if let Some(cb) = fix { <button class="small primary" onclick={cb}>{ lang.t("修复", "Fix") }</button> }
                        if let Some(cb) = fix_all { <button class="small" onclick={cb}>{ fix_all_label }</button> }
                    </span>
                </li>
            }
        });
        let more = match lang {
            Lang::Zh => format!("仅显示前{SHOWN}条"),
            Lang::En => format!("Showing the first {SHOWN}"),
        };
        html! {
            <details open={severity != Severity::Info}>
                <summary>{ format!("{name}（{count}）") }</summary>
                <ul>{ for items }</ul>
                if *count > SHOWN { <p class="muted">{ more }</p> }
            </details>
        }
    };
    let notes = (!props.notes.is_empty()).then(|| {
        let place = |d: &ReportDiagnostic| match (&d.sheet, d.row, lang) {
            (Some(s), Some(r), Lang::Zh) => format!("{s} 第{r}行："),
            (Some(s), Some(r), Lang::En) => format!("{s} row {r}: "),
            (None, Some(r), Lang::Zh) => format!("第{r}行："),
            (None, Some(r), Lang::En) => format!("row {r}: "),
            _ => String::new(),
        };
        html! {
            <details class="import-notes">
                <summary>{ format!("{}（{}）", lang.t("导入说明", "Import notes"), props.notes.len()) }</summary>
                <ul>{ for props.notes.iter().take(SHOWN).map(|d| html! {
                    <li class={classes!("issue", d.severity.as_str())}>
                        <span class="msg">{ format!("{}{}", place(d), lang.message(d)) }</span>
                        <span class="code">{ &d.code }</span>
                    </li>
                }) }</ul>
            </details>
        }
    });
    let title = lang.t("校验结果", "Findings");
    html! { <aside class="issues" aria-label={title}><h2>{ title }</h2>{ for notes }{ for groups.into_iter().map(group) }</aside> }
}
