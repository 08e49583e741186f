//! The issues panel: findings grouped by severity, each jumping to its cell; mechanical fixes one click each,
//! and "fix all of this kind".

use std::rc::Rc;

use catalog_core::{ReportDiagnostic, Severity};
use yew::prelude::*;

use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub diagnostics: Rc<Vec<ReportDiagnostic>>,
    /// The importer's notes on the file this catalog came from.
    pub notes: Rc<Vec<ReportDiagnostic>>,
    pub on_action: Callback<Action>,
}

/// Shown at most per group: long lists stay fast; counts say how many there are.
const SHOWN: usize = 200;

#[component]
pub fn Issues(props: &Props) -> Html {
    let groups = [(Severity::Error, "错误"), (Severity::Warning, "警告"), (Severity::Info, "提示")];
    let group = |(severity, name): (Severity, &str)| {
        let list: Vec<&ReportDiagnostic> = props.diagnostics.iter().filter(|d| d.severity == severity).collect();
        let items = list.iter().take(SHOWN).map(|d| {
            let reveal = d.entry.clone().map(|entry| {
                let (cb, field) = (props.on_action.clone(), d.field.clone());
                Callback::from(move |_| cb.emit(Action::Reveal { entry: entry.clone(), field: field.clone() }))
            });
            let fix = d.fix.clone().map(|f| {
                let (cb, entry) = (props.on_action.clone(), d.entry.clone());
                Callback::from(move |_| cb.emit(Action::Fix { entry: entry.clone(), field: f.field.clone(), value: f.value.clone() }))
            });
            let same = props.diagnostics.iter().filter(|x| x.code == d.code && x.fix.is_some()).count();
            let fix_all = (d.fix.is_some() && same > 1).then(|| {
                let (cb, code) = (props.on_action.clone(), d.code.clone());
                Callback::from(move |_| cb.emit(Action::FixAll { code: code.clone() }))
            });
            html! {
                <li class={classes!("issue", severity.as_str())}>
                    <span class="msg">{ &d.message }</span>
                    <span class="code">{ &d.code }</span>
                    <span class="acts">
                        if let Some(cb) = reveal { <button class="small" onclick={cb}>{ "定位" }</button> }
                        if let Some(cb) = fix { <button class="small primary" onclick={cb}>{ "修复" }</button> }
                        if let Some(cb) = fix_all { <button class="small" onclick={cb}>{ format!("全部修复（{same}处）") }</button> }
                    </span>
                </li>
            }
        });
        html! {
            <details open={severity != Severity::Info}>
                <summary>{ format!("{name}（{}）", list.len()) }</summary>
                <ul>{ for items }</ul>
                if list.len() > SHOWN { <p class="muted">{ format!("仅显示前{SHOWN}条") }</p> }
            </details>
        }
    };
    let notes = (!props.notes.is_empty()).then(|| {
        let place = |d: &ReportDiagnostic| match (&d.sheet, d.row) {
            (Some(s), Some(r)) => format!("{s} 第{r}行："),
            (None, Some(r)) => format!("第{r}行："),
            _ => String::new(),
        };
        html! {
            <details class="import-notes">
                <summary>{ format!("导入说明（{}）", props.notes.len()) }</summary>
                <ul>{ for props.notes.iter().take(SHOWN).map(|d| html! {
                    <li class={classes!("issue", d.severity.as_str())}><span class="msg">{ format!("{}{}", place(d), d.message) }</span><span class="code">{ &d.code }</span></li>
                }) }</ul>
            </details>
        }
    });
    html! { <aside class="issues" aria-label="校验结果"><h2>{ "校验结果" }</h2>{ for notes }{ for groups.into_iter().map(group) }</aside> }
}
