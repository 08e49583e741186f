//! One reviewed catalog: its findings grouped by domain and code with the source sheet and row, the supervisor's
//! note (通过 / 返回修改 with a comment), and opening it in the editor as a copy.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use catalog_core::review::{ReviewNote, ReviewStatus};
use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

use super::Row;
use crate::i18n::Lang;
use crate::io;

/// Findings shown per code before "and N more".
const PER_CODE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub row: Row,
    pub index: usize,
    pub note: Option<ReviewNote>,
    pub on_note: Callback<(String, Option<ReviewNote>)>,
    pub on_created: Callback<(Catalog, Vec<ReportDiagnostic>)>,
    pub on_close: Callback<()>,
}

type Imported = Result<Rc<(Catalog, Vec<ReportDiagnostic>)>, String>;

/// Findings by domain (the entry's; catalog-level ones under the catalog) then by code.
fn grouped<'a>(
    diagnostics: &'a [ReportDiagnostic],
    domains: &HashMap<String, String>,
    lang: Lang,
) -> BTreeMap<String, BTreeMap<&'a str, Vec<&'a ReportDiagnostic>>> {
    let mut out: BTreeMap<String, BTreeMap<&str, Vec<&ReportDiagnostic>>> = BTreeMap::new();
    for d in diagnostics {
        let domain = d
            .entry
            .as_ref()
            .and_then(|e| domains.get(e).cloned())
            .unwrap_or_else(|| lang.t("目录整体", "The catalog as a whole").to_owned());
        out.entry(domain).or_default().entry(d.code.as_str()).or_default().push(d);
    }
    out
}

fn place(d: &ReportDiagnostic, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(s) = &d.sheet {
        parts.push(format!("“{s}”"));
    }
    if let Some(r) = d.row {
        parts.push(match lang {
            Lang::Zh => format!("第{r}行"),
            Lang::En => format!("row {r}"),
        });
    }
    if let Some(f) = &d.field {
        parts.push(f.clone());
    }
    parts.join(" ")
}

#[component]
pub fn Detail(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // The file read again in full, for the entries' domains and for opening a copy.
    let imported = use_state(|| None::<Imported>);
    {
        let (imported, file) = (imported.clone(), props.row.file.clone());
        let readable = props.row.report.as_ref().is_some_and(|r| r.error.is_none());
        use_effect_with((), move |_| {
            if readable {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match io::read_file(file).await {
                        Ok((name, bytes)) => io::import_catalog(&bytes, &name).await,
                        Err(e) => Err(e),
                    };
                    imported.set(Some(result.map(Rc::new)));
                });
            }
        });
    }
    let status = use_state(|| props.note.as_ref().map(|n| n.status));
    let comment = use_state(|| props.note.as_ref().map(|n| n.comment.clone()).unwrap_or_default());

    let Some(report) = props.row.report.clone() else {
        return html! { <section class="detail"><p class="progress" role="status">{ lang.t("正在校验……", "Checking…") }</p></section> };
    };
    let name = props.row.name();
    let close = props.on_close.reform(|_| ());
    if let Some(error) = &report.error {
        return html! {
            <section class="detail" aria-label={name.clone()}>
                <div class="detail-head"><h2>{ name.clone() }</h2><button onclick={close}>{ lang.t("关闭", "Close") }</button></div>
                <p class="alert" role="alert">{ if lang == Lang::Zh { &error.message } else { &error.message_en } }{ format!("（{}）", error.code) }</p>
            </section>
        };
    }

    let domains: HashMap<String, String> = match &*imported {
        Some(Ok(done)) => done.0.entries.iter().enumerate().map(|(i, e)| (e.label(i), e.domain.clone())).collect(),
        _ => HashMap::new(),
    };
    let groups = grouped(&report.diagnostics, &domains, lang);
    let group_html = groups.iter().map(|(domain, codes)| {
        let count: usize = codes.values().map(Vec::len).sum();
        html! {
            <details class="group" open={groups.len() <= 3}>
                <summary>{ format!("{domain}（{count}）") }</summary>
                { for codes.iter().map(|(code, list)| html! {
                    <div class="code-group">
                        <h3><code>{ *code }</code>{ format!(" × {}", list.len()) }</h3>
                        <ul>
                            { for list.iter().take(PER_CODE).map(|d| html! {
                                <li class={classes!("finding", format!("{:?}", d.severity).to_lowercase())}>
                                    <span class="where">{ place(d, lang) }</span>
                                    { lang.message(d) }
                                </li>
                            }) }
                            if list.len() > PER_CODE {
                                <li class="muted">{ match lang { Lang::Zh => format!("另有{}条", list.len() - PER_CODE), Lang::En => format!("and {} more", list.len() - PER_CODE) } }</li>
                            }
                        </ul>
                    </div>
                }) }
            </details>
        }
    });

    let set_status = |s: ReviewStatus| {
        let status = status.clone();
        Callback::from(move |_| status.set(Some(s)))
    };
    let on_comment = {
        let c = comment.clone();
        Callback::from(move |e: InputEvent| c.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
    };
    let save = {
        let (status, comment, cb, key) =
            (status.clone(), comment.clone(), props.on_note.clone(), props.row.key.clone());
        Callback::from(move |_| {
            let note = status.map(|s| ReviewNote { status: s, comment: comment.trim().to_owned() });
            cb.emit((key.clone(), note));
        })
    };
    let open_copy = match &*imported {
        Some(Ok(done)) => {
            let (done, cb) = (done.clone(), props.on_created.clone());
            Some(Callback::from(move |_| cb.emit((done.0.clone(), done.1.clone()))))
        }
        _ => None,
    };
    let summary = report.summary.as_ref();
    let head = match (lang, summary) {
        (Lang::Zh, Some(s)) => format!(
            "{} · {} · {}项 · 错误{} · 警告{} · 覆盖{}个领域，未涉及{}个",
            s.government,
            s.level,
            s.entries,
            s.errors,
            s.warnings,
            s.domains_covered.len(),
            s.not_applicable.len()
        ),
        (Lang::En, Some(s)) => format!(
            "{} · {} · {} items · {} errors · {} warnings · {} domains covered, {} not applicable",
            s.government,
            s.level,
            s.entries,
            s.errors,
            s.warnings,
            s.domains_covered.len(),
            s.not_applicable.len()
        ),
        _ => String::new(),
    };
    let saved = props.note.as_ref().map(|n| n.status) == *status
        && props.note.as_ref().map_or(String::new(), |n| n.comment.clone()) == comment.trim();
    html! {
        <section class="detail" aria-label={name.clone()}>
            <div class="detail-head">
                <div><h2>{ name.clone() }</h2><p class="muted">{ head }</p></div>
                <div class="actions">
                    <button onclick={open_copy.clone().unwrap_or_default()} disabled={open_copy.is_none()}>{ lang.t("在编辑器中打开副本", "Open a copy in the editor") }</button>
                    <button onclick={close}>{ lang.t("关闭", "Close") }</button>
                </div>
            </div>
            <fieldset class="note">
                <legend>{ lang.t("审核意见", "Review decision") }</legend>
                <div class="radio-row">
                    <label class="radio"><input type="radio" name={format!("decision-{}", props.index)} checked={*status == Some(ReviewStatus::Pass)} onchange={set_status(ReviewStatus::Pass)} />{ lang.t("通过", "Approve") }</label>
                    <label class="radio"><input type="radio" name={format!("decision-{}", props.index)} checked={*status == Some(ReviewStatus::Return)} onchange={set_status(ReviewStatus::Return)} />{ lang.t("返回修改", "Return for revision") }</label>
                </div>
                <label>{ lang.t("意见说明", "Comment") }<textarea rows="2" oninput={on_comment} value={(*comment).clone()} /></label>
                <button class="primary" onclick={save} disabled={status.is_none() || saved}>{ if saved && status.is_some() { lang.t("意见已保存", "Saved") } else { lang.t("保存意见", "Save the decision") } }</button>
            </fieldset>
            {
                match &*imported {
                    Some(Err(e)) => html! { <p class="alert" role="alert">{ e.clone() }</p> },
                    None => html! { <p class="progress" role="status">{ lang.t("正在按领域归类……", "Grouping by domain…") }</p> },
                    Some(Ok(_)) => html! {},
                }
            }
            if report.diagnostics.is_empty() {
                <p class="status">{ lang.t("没有发现问题。", "No findings.") }</p>
            } else {
                <div class="groups">{ for group_html }</div>
            }
        </section>
    }
}
