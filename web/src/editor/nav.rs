//! The domain navigator: each of the 26 domains (and any other present) with its entry count against the
//! guideline's items for the catalog's level, and its error and warning badges. One pass over the entries.

use std::collections::HashMap;

use catalog_core::domains::DOMAINS;
use catalog_core::{Severity, seeds};
use yew::prelude::*;

use super::state::{Action, State};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[derive(Default)]
struct Tally {
    entries: usize,
    errors: usize,
    warnings: usize,
}

#[component]
pub fn DomainNav(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = &props.state;
    let catalog = &state.catalog;
    let mut tally: HashMap<&str, Tally> = HashMap::new();
    let mut names: Vec<&str> = DOMAINS.to_vec();
    for (i, e) in catalog.entries.iter().enumerate() {
        let t = tally.entry(e.domain.as_str()).or_insert_with(|| {
            if !names.contains(&e.domain.as_str()) {
                names.push(e.domain.as_str());
            }
            Tally::default()
        });
        t.entries += 1;
        for d in state.found.entry(i) {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => {}
            }
        }
    }
    let items = names.iter().map(|&name| {
        let t = tally.get(name);
        let (count, errors, warnings) = t.map_or((0, 0, 0), |t| (t.entries, t.errors, t.warnings));
        let na = catalog.not_applicable.iter().any(|n| n.domain == name);
        let guide = seeds::guide(name)
            .map(|g| g.items.iter().filter(|i| i.applies_to(&catalog.meta.level)).count())
            .unwrap_or(0);
        let current = state.domain.as_deref() == Some(name);
        let pick = {
            let (s, n) = (state.clone(), name.to_owned());
            Callback::from(move |_| s.dispatch(Action::Domain(Some(n.clone()))))
        };
        let count_tip = match lang {
            Lang::Zh => format!("已列入{count}项；标准指引本层级{guide}项"),
            Lang::En => format!("{count} items listed; the guideline has {guide} for this level"),
        };
        html! {
            <li key={name}>
                <button class={classes!("nav-item", current.then_some("current"), (count == 0).then_some("empty"))}
                    onclick={pick} aria-current={current.then_some("true")}>
                    <span class="name">{ name }</span>
                    if na { <span class="tag">{ lang.t("未涉及", "n/a") }</span> }
                    else { <span class="count" title={count_tip}>{ format!("{count}/{guide}") }</span> }
                    if errors > 0 { <span class="badge error" title={lang.t("错误", "errors")}>{ errors }</span> }
                    if warnings > 0 { <span class="badge warning" title={lang.t("警告", "warnings")}>{ warnings }</span> }
                </button>
            </li>
        }
    });
    html! { <nav class="domains" aria-label={lang.t("领域", "Domains")}><ul>{ for items }</ul></nav> }
}
