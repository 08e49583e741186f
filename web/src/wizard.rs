//! The new-catalog wizard: who compiles it, which domains it covers, which guideline items to start from, and
//! why the other domains do not apply (未涉及领域说明).

use catalog_core::domains::DOMAINS;
use catalog_core::model::{Catalog, Meta, NotApplicable, RemovedItem};
use catalog_core::{seeds, template};
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_done: Callback<Catalog>,
    pub on_cancel: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Basics,
    Domains,
    Items,
    NotApplicable,
}

/// Domains whose guideline has items for this level: what a government of that level usually covers.
fn preset(level: &str) -> Vec<&'static str> {
    DOMAINS
        .iter()
        .copied()
        .filter(|d| seeds::guide(d).is_some_and(|g| g.items.iter().any(|i| i.applies_to(level))))
        .collect()
}

fn text(e: InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

#[component]
pub fn Wizard(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let step = use_state(|| Step::Basics);
    let government = use_state(String::new);
    let kind = use_state(|| "乡镇".to_owned());
    let region = use_state(String::new);
    let revision = use_state(|| "2024版".to_owned());
    let chosen = use_state(Vec::<&'static str>::new);
    // (domain, item index) pairs the user unticked.
    let dropped = use_state(Vec::<(&'static str, usize)>::new);
    // Why each unticked item is removed (删减事项说明), by the same (domain, item index).
    let removal = use_state(Vec::<((&'static str, usize), String)>::new);
    let reasons = use_state(Vec::<(&'static str, String)>::new);
    let level = if *kind == "县级" { "县级" } else { "乡级" };

    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(text(e)))
    };
    let go = |to: Step| {
        let step = step.clone();
        Callback::from(move |_| step.set(to))
    };

    let finish = {
        let (government, region, revision, chosen, dropped, reasons, removal) = (
            government.clone(),
            region.clone(),
            revision.clone(),
            chosen.clone(),
            dropped.clone(),
            reasons.clone(),
            removal.clone(),
        );
        let on_done = props.on_done.clone();
        Callback::from(move |_| {
            let mut catalog = Catalog::new(Meta {
                title: format!("{}政务公开事项标准目录", government.trim_end_matches("人民政府")),
                government: (*government).clone(),
                level: level.to_owned(),
                region: (!region.is_empty()).then(|| (*region).clone()),
                revision: (!revision.is_empty()).then(|| (*revision).clone()),
                ..Meta::default()
            });
            for d in chosen.iter() {
                if let Some(g) = seeds::guide(d) {
                    for (i, e) in template::entries_for(g, level, Some(government.as_str())).into_iter().enumerate() {
                        if !dropped.contains(&(*d, i)) {
                            catalog.entries.push(e);
                            continue;
                        }
                        // An unticked item is a deliberate removal: kept in 删减事项说明 (the reason, if left
                        // blank, is asked for by the validator).
                        let reason = removal.iter().find(|(k, _)| *k == (*d, i)).map(|(_, r)| r.clone());
                        catalog.removed.push(RemovedItem {
                            domain: e.domain,
                            item: e.item,
                            reason: reason.unwrap_or_default(),
                        });
                    }
                }
            }
            catalog.not_applicable = DOMAINS
                .iter()
                .filter(|d| !chosen.contains(d))
                .map(|d| NotApplicable {
                    domain: (*d).to_owned(),
                    reason: reasons.iter().find(|(x, _)| x == d).map(|(_, r)| r.clone()).unwrap_or_default(),
                })
                .collect();
            on_done.emit(catalog);
        })
    };

    let body = match *step {
        Step::Basics => {
            let set_kind = |k: &'static str| {
                let (kind, chosen) = (kind.clone(), chosen.clone());
                Callback::from(move |_| {
                    kind.set(k.to_owned());
                    chosen.set(preset(if k == "县级" { "县级" } else { "乡级" }));
                })
            };
            let next = {
                let (step, chosen) = (step.clone(), chosen.clone());
                Callback::from(move |_| {
                    if chosen.is_empty() {
                        chosen.set(preset(level));
                    }
                    step.set(Step::Domains);
                })
            };
            html! {
                <fieldset>
                    <legend>{ lang.t("第一步：编制单位", "Step 1: the government") }</legend>
                    <label>{ lang.t("编制单位（政府全称）", "Government (full name)") }<input id="government" value={(*government).clone()} oninput={field(&government)} placeholder={lang.t("如：某县某镇人民政府", "e.g. 某县某镇人民政府")} /></label>
                    <div class="radio-row" role="radiogroup" aria-label={lang.t("单位层级", "Level")}>
                        { for ["县级", "乡镇", "街道"].iter().map(|k| html! {
                            <label class="radio"><input type="radio" name="kind" checked={*kind == *k} onchange={set_kind(k)} />{ *k }</label>
                        }) }
                    </div>
                    <label>{ lang.t("所属地区", "Region") }<input id="region" value={(*region).clone()} oninput={field(&region)} placeholder={lang.t("如：某省某市某县", "e.g. 某省某市某县")} /></label>
                    <label>{ lang.t("版次", "Revision") }<input id="revision" value={(*revision).clone()} oninput={field(&revision)} /></label>
                    <div class="actions">
                        <button class="primary" onclick={next} disabled={government.trim().is_empty()}>{ lang.t("下一步：选择领域", "Next: domains") }</button>
                        <button onclick={props.on_cancel.reform(|_| ())}>{ lang.t("取消", "Cancel") }</button>
                    </div>
                </fieldset>
            }
        }
        Step::Domains => {
            let toggle = |d: &'static str| {
                let chosen = chosen.clone();
                Callback::from(move |_| {
                    let mut v = (*chosen).clone();
                    if let Some(i) = v.iter().position(|x| *x == d) {
                        v.remove(i);
                    } else {
                        v.push(d);
                    }
                    chosen.set(v);
                })
            };
            let all = {
                let c = chosen.clone();
                Callback::from(move |_| c.set(DOMAINS.to_vec()))
            };
            let typical = {
                let c = chosen.clone();
                Callback::from(move |_| c.set(preset(level)))
            };
            html! {
                <fieldset>
                    <legend>{ lang.t("第二步：本单位涉及的领域", "Step 2: the domains you cover") }</legend>
                    <p class="hint">{ lang.t("未勾选的领域将列入“未涉及领域说明”，下一步请写明理由。", "Domains left unticked go to the not-applicable statement (未涉及领域说明); give the reasons in step 4.") }</p>
                    <div class="actions"><button onclick={typical}>{ match (lang, level) { (Lang::Zh, "县级") => "按县级常用领域", (Lang::Zh, _) => "按乡镇（街道）常用领域", (Lang::En, "县级") => "Usual county domains", (Lang::En, _) => "Usual township domains" } }</button><button onclick={all}>{ lang.t("全选26个领域", "All 26 domains") }</button></div>
                    <div class="domain-grid">
                        { for DOMAINS.iter().map(|d| {
                            let count = seeds::guide(d).map_or(0, |g| g.items.iter().filter(|i| i.applies_to(level)).count());
                            let count = match lang {
                                Lang::Zh => format!("（{count}项）"),
                                Lang::En => format!(" ({count} items)"),
                            };
                            html! { <label class="check"><input type="checkbox" checked={chosen.contains(d)} onchange={toggle(d)} />{ *d }<span class="muted">{ count }</span></label> }
                        }) }
                    </div>
                    <div class="actions"><button class="primary" onclick={go(Step::Items)}>{ lang.t("下一步：选择事项", "Next: items") }</button><button onclick={go(Step::Basics)}>{ lang.t("上一步", "Back") }</button></div>
                </fieldset>
            }
        }
        Step::Items => {
            let toggle = |d: &'static str, i: usize| {
                let dropped = dropped.clone();
                Callback::from(move |_| {
                    let mut v = (*dropped).clone();
                    if let Some(p) = v.iter().position(|x| *x == (d, i)) {
                        v.remove(p);
                    } else {
                        v.push((d, i));
                    }
                    dropped.set(v);
                })
            };
            let set_removal = |d: &'static str, i: usize| {
                let removal = removal.clone();
                // `change` fires once the text is committed (after any IME composition).
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    let mut v: Vec<_> = removal.iter().filter(|(k, _)| *k != (d, i)).cloned().collect();
                    v.push(((d, i), text));
                    removal.set(v);
                })
            };
            html! {
                <fieldset>
                    <legend>{ lang.t("第三步：从标准指引选择事项", "Step 3: items from the guidelines") }</legend>
                    <p class="hint">{ lang.t("已按本单位层级勾选标准指引中的全部事项；取消勾选的事项列入“删减事项说明”，请写明删减理由。",
                        "Every guideline item for your level is ticked; an unticked item goes to the removed-items statement (删减事项说明): give the reason.") }</p>
                    { for chosen.iter().map(|d| {
                        let items = seeds::guide(d).map(|g| template::entries_for(g, level, None)).unwrap_or_default();
                        let heading = match lang {
                            Lang::Zh => format!("{d}（{}项）", items.len()),
                            Lang::En => format!("{d} ({} items)", items.len()),
                        };
                        html! {
                            <details open={chosen.len() <= 3}>
                                <summary>{ heading }</summary>
                                <ul class="items">{ for items.iter().enumerate().map(|(i, e)| {
                                    let off = dropped.contains(&(*d, i));
                                    let path = e.item.join(" / ");
                                    let reason = removal.iter().find(|(k, _)| *k == (*d, i)).map(|(_, r)| r.clone()).unwrap_or_default();
                                    html! {
                                        <li>
                                            <label class="check"><input type="checkbox" checked={!off} onchange={toggle(d, i)} />{ path.clone() }</label>
                                            if off {
                                                <input class="removal" value={reason} onchange={set_removal(d, i)}
                                                    aria-label={format!("{} {path}", lang.t("删减理由", "Reason for removing"))}
                                                    placeholder={lang.t("删减理由，如：本镇无此职能", "Reason, e.g. 本镇无此职能")} />
                                            }
                                        </li>
                                    }
                                }) }</ul>
                            </details>
                        }
                    }) }
                    <div class="actions"><button class="primary" onclick={go(Step::NotApplicable)}>{ lang.t("下一步：未涉及领域说明", "Next: domains not covered") }</button><button onclick={go(Step::Domains)}>{ lang.t("上一步", "Back") }</button></div>
                </fieldset>
            }
        }
        Step::NotApplicable => {
            let set_reason = |d: &'static str| {
                let reasons = reasons.clone();
                Callback::from(move |e: InputEvent| {
                    let mut v: Vec<(&'static str, String)> = reasons.iter().filter(|(x, _)| *x != d).cloned().collect();
                    v.push((d, text(e)));
                    reasons.set(v);
                })
            };
            let missing = DOMAINS.iter().filter(|d| !chosen.contains(d));
            html! {
                <fieldset>
                    <legend>{ lang.t("第四步：未涉及领域说明", "Step 4: why the other domains do not apply") }</legend>
                    <p class="hint">{ lang.t("请逐项写明本单位不涉及该领域的理由，如“本镇无税收管理职能，由县税务局负责”。", "For each domain, say why it does not apply, e.g. “本镇无税收管理职能，由县税务局负责”.") }</p>
                    <div class="na-list">{ for missing.map(|d| {
                        let value = reasons.iter().find(|(x, _)| x == d).map(|(_, r)| r.clone()).unwrap_or_default();
                        html! { <label>{ *d }<input value={value} oninput={set_reason(d)} placeholder={lang.t("理由", "Reason")} /></label> }
                    }) }</div>
                    <div class="actions"><button class="primary" id="create" onclick={finish}>{ lang.t("生成目录", "Create the catalog") }</button><button onclick={go(Step::Items)}>{ lang.t("上一步", "Back") }</button></div>
                </fieldset>
            }
        }
    };
    html! { <section class="wizard"><h1>{ lang.t("新建政务公开事项标准目录", "New disclosure catalog") }</h1>{ body }</section> }
}
