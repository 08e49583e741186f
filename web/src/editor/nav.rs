//! The domain navigator: each of the 26 domains (and any other present) with its entry count against the
//! guideline's items for the catalog's level, and its error and warning badges. One pass over the entries.
//! Under the domain shown: its 未涉及 declaration (declare, change the reason, withdraw), each one undoable edit.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use catalog_core::domains::DOMAINS;
use catalog_core::{Severity, seeds};
use yew::prelude::*;

use super::state::{Action, Found, State, quieted, same_domain};
use crate::i18n::Lang;

#[derive(Properties)]
pub struct Props {
    pub catalog: Rc<RefCell<catalog_core::Catalog>>,
    pub found: Rc<Found>,
    /// [`State::shape`]: the counts change with it or with `found`.
    pub shape: u64,
    /// The domain shown.
    pub domain: Option<String>,
    pub dispatch: UseReducerDispatcher<State>,
    /// Ask for the reason to declare this domain not applicable (or to change the reason given).
    pub on_declare: Callback<String>,
    /// [`State::quiet`]: the row being filled in, whose empty required fields are not counted yet.
    pub quiet: Option<String>,
}

/// By pointer: a keystroke that changes no finding and no entry's domain renders nothing here.
impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &o.catalog)
            && Rc::ptr_eq(&self.found, &o.found)
            && (self.shape, &self.domain) == (o.shape, &o.domain)
            && self.dispatch == o.dispatch
            && self.on_declare == o.on_declare
            && self.quiet == o.quiet
    }
}

#[derive(Default)]
struct Tally {
    entries: usize,
    errors: usize,
    warnings: usize,
}

/// Add a run of one domain's counts to the tally (and the domain to the navigator when it is not one of the 26).
fn add(run: Option<(&str, Tally)>, tally: &mut HashMap<String, Tally>, names: &mut Vec<String>) {
    let Some((domain, t)) = run else { return };
    if !tally.contains_key(domain) && !names.iter().any(|n| n == domain) {
        names.push(domain.to_owned());
    }
    let total = tally.entry(domain.to_owned()).or_default();
    total.entries += t.entries;
    total.errors += t.errors;
    total.warnings += t.warnings;
}

/// Entries, errors and warnings per domain, and the domains in navigator order (the 26, then any other present).
fn tally(catalog: &catalog_core::Catalog, found: &Found, quiet: Option<&str>) -> (Vec<String>, HashMap<String, Tally>) {
    let mut tally: HashMap<String, Tally> = HashMap::new();
    let mut names: Vec<String> = DOMAINS.iter().map(|d| (*d).to_owned()).collect();
    // Entries of a domain mostly sit together: count a run of them, then add the run with one map look-up.
    let mut run: Option<(&str, Tally)> = None;
    for (i, e) in catalog.entries.iter().enumerate() {
        if run.as_ref().is_none_or(|(d, _)| *d != e.domain) {
            add(run.take(), &mut tally, &mut names);
            run = Some((e.domain.as_str(), Tally::default()));
        }
        let Some((_, t)) = run.as_mut() else { continue };
        t.entries += 1;
        for d in found.entry(i).filter(|d| !quieted(quiet, d)) {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => {}
            }
        }
    }
    add(run, &mut tally, &mut names);
    (names, tally)
}

#[component]
pub fn DomainNav(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let catalog = props.catalog.borrow();
    let counts = tally(&catalog, &props.found, props.quiet.as_deref());
    let (names, tally) = (&counts.0, &counts.1);
    let items = names.iter().map(|name| {
        let name = name.as_str();
        let t = tally.get(name);
        let (count, errors, warnings) = t.map_or((0, 0, 0), |t| (t.entries, t.errors, t.warnings));
        let declared = catalog.not_applicable.iter().find(|n| same_domain(&n.domain, name));
        let na = declared.is_some();
        let guide = seeds::guide(name)
            .map(|g| g.items.iter().filter(|i| i.applies_to(&catalog.meta.level)).count())
            .unwrap_or(0);
        let current = props.domain.as_deref() == Some(name);
        let pick = {
            let n = name.to_owned();
            props.dispatch.to_callback().reform(move |_| Action::Domain(Some(n.clone())))
        };
        let count_tip = match lang {
            Lang::Zh => format!("已列入{count}项；标准指引本层级{guide}项"),
            Lang::En => format!("{count} items listed; the guideline has {guide} for this level"),
        };
        let declaration = current.then(|| {
            let ask = {
                let (cb, n) = (props.on_declare.clone(), name.to_owned());
                Callback::from(move |_| cb.emit(n.clone()))
            };
            match declared {
                Some(d) => {
                    let withdraw = {
                        let n = name.to_owned();
                        props.dispatch.to_callback().reform(move |_| Action::Undeclare { domain: n.clone() })
                    };
                    let reason = d.reason.trim();
                    html! {
                        <div class="na-box" role="group" aria-label={format!("{}{name}", lang.t("未涉及声明：", "Not applicable: "))}>
                            <span class="muted">{ lang.t("本领域未涉及。理由：", "Not applicable here. Reason: ") }</span>
                            if reason.is_empty() {
                                <span class="warning-text">{ lang.t("（尚未写明理由）", "(no reason given yet)") }</span>
                            } else {
                                <span class="na-reason">{ reason.to_owned() }</span>
                            }
                            <span class="acts">
                                <button class="small" onclick={ask}>{ if reason.is_empty() { lang.t("填写理由", "Give the reason") } else { lang.t("修改理由", "Change the reason") } }</button>
                                <button class="small" onclick={withdraw}>{ lang.t("取消未涉及", "Withdraw") }</button>
                            </span>
                        </div>
                    }
                }
                None => html! {
                    <div class="na-box">
                        <button class="small" onclick={ask}>{ lang.t("声明本领域未涉及", "Declare not applicable") }</button>
                    </div>
                },
            }
        });
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
                { for declaration }
            </li>
        }
    });
    html! { <nav class="domains" aria-label={lang.t("领域", "Domains")}><ul>{ for items }</ul></nav> }
}
