//! The coverage matrix: catalogs × the 26 domains, each cell covered (with its share of the guideline's expected
//! items, on a colour scale that the printed percentage repeats), declared not applicable, or missing.

use std::rc::Rc;

use catalog_core::domains::DOMAINS;
use catalog_core::review::{Coverage, ReviewSummary};
use yew::prelude::*;

use super::Row;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<Row>>,
    pub on_select: Callback<Option<usize>>,
}

/// Conformance bucket for the colour scale: 0 (< 50 %) … 4 (all expected items present).
fn bucket(share: f64) -> u8 {
    match share {
        s if s >= 1.0 => 4,
        s if s >= 0.9 => 3,
        s if s >= 0.7 => 2,
        s if s >= 0.5 => 1,
        _ => 0,
    }
}

fn cell(summary: &ReviewSummary, domain: &str, lang: Lang) -> Html {
    let coverage = summary.domains.iter().find(|d| d.domain == domain).map(|d| &d.coverage);
    match coverage {
        Some(c @ Coverage::Covered { entries, required_present, required_total, .. }) => {
            let share = c.conformance();
            let tip = match lang {
                Lang::Zh => format!("{domain}：{entries}项；标准指引应列{required_total}项，已列{required_present}项"),
                Lang::En => format!(
                    "{domain}: {entries} items; {required_present} of the guideline's {required_total} expected"
                ),
            };
            let class = format!("cov covered b{}", share.map_or(4, bucket));
            let text = share.map_or_else(|| "✓".to_owned(), |s| format!("{:.0}%", s * 100.0));
            html! { <td class={class} title={tip}>{ text }</td> }
        }
        Some(Coverage::NotApplicable { reason }) => {
            let tip = match (lang, reason.trim().is_empty()) {
                (Lang::Zh, false) => format!("{domain}：未涉及（{reason}）"),
                (Lang::Zh, true) => format!("{domain}：声明未涉及，但未写理由"),
                (Lang::En, false) => format!("{domain}: not applicable ({reason})"),
                (Lang::En, true) => format!("{domain}: declared not applicable without a reason"),
            };
            html! { <td class="cov na" title={tip}>{ lang.t("未涉及", "n/a") }</td> }
        }
        _ => {
            let tip = match lang {
                Lang::Zh => format!("{domain}：既无事项，也未声明未涉及"),
                Lang::En => format!("{domain}: no items and not declared not applicable"),
            };
            html! { <td class="cov missing" title={tip}>{ lang.t("缺", "missing") }</td> }
        }
    }
}

#[component]
pub fn Matrix(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let rows = props.rows.iter().enumerate().filter_map(|(i, row)| {
        let summary = row.report.as_ref()?.summary.as_ref()?;
        let select = {
            let cb = props.on_select.clone();
            Callback::from(move |_| cb.emit(Some(i)))
        };
        let name = if summary.government.is_empty() { row.name() } else { summary.government.clone() };
        Some(html! {
            <tr key={row.key.clone()}>
                <th scope="row"><button class="link" onclick={select} title={row.name()}>{ name }</button></th>
                { for DOMAINS.iter().map(|d| cell(summary, d, lang)) }
            </tr>
        })
    });
    html! {
        <div class="matrix-wrap">
            <table class="matrix">
                <caption>{ lang.t("领域覆盖矩阵：百分比为标准指引应列事项的列入比例", "Coverage: the percentage is the share of the guideline's expected items listed") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("编制单位", "Government") }</th>
                    { for DOMAINS.iter().map(|d| html! { <th scope="col" class="vert"><span>{ *d }</span></th> }) }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="legend">
                <span class="cov covered b4">{ "100%" }</span>{ lang.t("全部列入", "all listed") }
                <span class="cov covered b2">{ "70–89%" }</span>
                <span class="cov covered b0">{ "<50%" }</span>
                <span class="cov na">{ lang.t("未涉及", "n/a") }</span>{ lang.t("已声明未涉及", "declared not applicable") }
                <span class="cov missing">{ lang.t("缺", "missing") }</span>{ lang.t("未覆盖也未声明", "neither covered nor declared") }
            </p>
        </div>
    }
}
