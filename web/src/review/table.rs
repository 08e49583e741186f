//! The table of reviewed catalogs: one row per file, sortable by any column and filtered by text and status.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

use catalog_core::review::{ReviewNote, ReviewStatus};
use yew::prelude::*;

use super::Row;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<Row>>,
    pub notes: Rc<BTreeMap<String, ReviewNote>>,
    pub selected: Option<usize>,
    pub on_select: Callback<Option<usize>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Col {
    File,
    Government,
    Level,
    Entries,
    Errors,
    Warnings,
    Covered,
    NotApplicable,
    Conformance,
    Status,
}

const COLS: [Col; 10] = [
    Col::File,
    Col::Government,
    Col::Level,
    Col::Entries,
    Col::Errors,
    Col::Warnings,
    Col::Covered,
    Col::NotApplicable,
    Col::Conformance,
    Col::Status,
];

impl Col {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Col::File => lang.t("文件", "File"),
            Col::Government => lang.t("编制单位", "Government"),
            Col::Level => lang.t("层级", "Level"),
            Col::Entries => lang.t("事项数", "Items"),
            Col::Errors => lang.t("错误", "Errors"),
            Col::Warnings => lang.t("警告", "Warnings"),
            Col::Covered => lang.t("覆盖领域", "Domains covered"),
            Col::NotApplicable => lang.t("未涉及领域", "Not applicable"),
            Col::Conformance => lang.t("指引符合度", "Guideline conformance"),
            Col::Status => lang.t("状态", "Status"),
        }
    }

    fn numeric(self) -> bool {
        !matches!(self, Col::File | Col::Government | Col::Level | Col::Status)
    }
}

/// What the status column says and filters on.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Reading,
    Unreadable,
    Pending,
    Returned,
    Passed,
}

impl State {
    fn of(row: &Row, note: Option<&ReviewNote>) -> State {
        match (&row.report, note.map(|n| n.status)) {
            (None, _) => State::Reading,
            (Some(r), _) if r.error.is_some() => State::Unreadable,
            (_, Some(ReviewStatus::Pass)) => State::Passed,
            (_, Some(ReviewStatus::Return)) => State::Returned,
            _ => State::Pending,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            State::Reading => lang.t("校验中", "checking"),
            State::Unreadable => lang.t("无法读取", "unreadable"),
            State::Pending => lang.t("待审核", "to review"),
            State::Returned => lang.t("返回修改", "returned"),
            State::Passed => lang.t("通过", "approved"),
        }
    }

    fn class(self) -> &'static str {
        match self {
            State::Reading => "st-reading",
            State::Unreadable => "st-unreadable",
            State::Pending => "st-pending",
            State::Returned => "st-returned",
            State::Passed => "st-passed",
        }
    }
}

/// A row's value in a numeric column (`None` while reading or unreadable: sorts last).
fn number(row: &Row, col: Col) -> Option<f64> {
    let report = row.report.as_ref()?;
    let summary = report.summary.as_ref();
    Some(match col {
        Col::Entries => report.stats.entries as f64,
        Col::Errors => report.stats.errors as f64,
        Col::Warnings => report.stats.warnings as f64,
        Col::Covered => summary?.domains_covered.len() as f64,
        Col::NotApplicable => summary?.not_applicable.len() as f64,
        Col::Conformance => summary?.conformance()?,
        _ => return None,
    })
}

fn text(row: &Row, col: Col, lang: Lang, note: Option<&ReviewNote>) -> String {
    let summary = row.report.as_ref().and_then(|r| r.summary.as_ref());
    match col {
        Col::File => row.name(),
        // An unreadable file says why where its government would be.
        Col::Government => match row.report.as_ref().and_then(|r| r.error.as_ref()) {
            Some(e) => {
                if lang == Lang::Zh {
                    e.message.clone()
                } else {
                    e.message_en.clone()
                }
            }
            None => summary.map(|s| s.government.clone()).unwrap_or_default(),
        },
        Col::Level => summary.map(|s| s.level.clone()).unwrap_or_default(),
        Col::Status => State::of(row, note).label(lang).to_owned(),
        Col::Conformance => number(row, col).map(|c| format!("{:.0}%", c * 100.0)).unwrap_or_default(),
        _ => number(row, col).map(|n| n.to_string()).unwrap_or_default(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Show {
    All,
    Errors,
    Unreadable,
    Pending,
    Returned,
    Passed,
}

const SHOWS: [Show; 6] = [Show::All, Show::Errors, Show::Unreadable, Show::Pending, Show::Returned, Show::Passed];

impl Show {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Show::All => lang.t("全部", "All"),
            Show::Errors => lang.t("有错误", "With errors"),
            Show::Unreadable => lang.t("无法读取", "Unreadable"),
            Show::Pending => lang.t("待审核", "To review"),
            Show::Returned => lang.t("返回修改", "Returned"),
            Show::Passed => lang.t("通过", "Approved"),
        }
    }

    fn keeps(self, row: &Row, state: State) -> bool {
        match self {
            Show::All => true,
            Show::Errors => row.report.as_ref().is_some_and(|r| r.stats.errors > 0 || r.error.is_some()),
            Show::Unreadable => state == State::Unreadable,
            Show::Pending => state == State::Pending,
            Show::Returned => state == State::Returned,
            Show::Passed => state == State::Passed,
        }
    }
}

#[component]
pub fn Table(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // (column, ascending); files start in the order given.
    let sort = use_state(|| None::<(Col, bool)>);
    let query = use_state(String::new);
    let show = use_state(|| Show::All);

    let note = |row: &Row| props.notes.get(&row.key);
    let mut order: Vec<usize> = (0..props.rows.len())
        .filter(|&i| {
            let row = &props.rows[i];
            let q = query.trim();
            let matches = q.is_empty() || row.name().contains(q) || text(row, Col::Government, lang, None).contains(q);
            matches && show.keeps(row, State::of(row, note(row)))
        })
        .collect();
    if let Some((col, ascending)) = *sort {
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&props.rows[a], &props.rows[b]);
            let ord = if col.numeric() {
                match (number(ra, col), number(rb, col)) {
                    (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                    (Some(_), None) => return Ordering::Less,
                    (None, Some(_)) => return Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            } else {
                text(ra, col, lang, note(ra)).cmp(&text(rb, col, lang, note(rb)))
            };
            if ascending { ord } else { ord.reverse() }
        });
    }

    let header = COLS.iter().map(|&col| {
        let state = sort.and_then(|(c, asc)| (c == col).then_some(asc));
        let aria = match state {
            Some(true) => "ascending",
            Some(false) => "descending",
            None => "none",
        };
        let click = {
            let sort = sort.clone();
            // Numbers sort largest first on the first click (most errors on top); text A→Z.
            Callback::from(move |_| sort.set(Some((col, state.map_or(!col.numeric(), |asc| !asc)))))
        };
        let mark = match state {
            Some(true) => " ▲",
            Some(false) => " ▼",
            None => "",
        };
        html! { <th scope="col" aria-sort={aria}><button class="sort" onclick={click}>{ col.label(lang) }{ mark }</button></th> }
    });
    let body = order.iter().map(|&i| {
        let row = &props.rows[i];
        let state = State::of(row, note(row));
        let select = {
            let cb = props.on_select.clone();
            Callback::from(move |_| cb.emit(Some(i)))
        };
        let current = props.selected == Some(i);
        let cells = COLS.iter().skip(1).map(|&col| {
            let class = classes!(
                col.numeric().then_some("num"),
                (col == Col::Errors && number(row, col).is_some_and(|n| n > 0.0)).then_some("has-errors"),
                (col == Col::Status).then_some(state.class())
            );
            html! { <td class={class}>{ text(row, col, lang, note(row)) }</td> }
        });
        html! {
            <tr key={row.key.clone()} class={classes!(current.then_some("current"))} aria-selected={current.to_string()}>
                <th scope="row"><button class="link" onclick={select}>{ row.name() }</button></th>
                { for cells }
            </tr>
        }
    });
    let on_query = {
        let q = query.clone();
        Callback::from(move |e: InputEvent| q.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let on_show = {
        let s = show.clone();
        Callback::from(move |e: Event| {
            let v: usize = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0);
            s.set(SHOWS.get(v).copied().unwrap_or(Show::All));
        })
    };
    let shown = match lang {
        Lang::Zh => format!("显示{}/{}个", order.len(), props.rows.len()),
        Lang::En => format!("{} of {} shown", order.len(), props.rows.len()),
    };
    html! {
        <div class="review-table">
            <div class="filters">
                <label>{ lang.t("查找", "Find") }<input type="search" oninput={on_query} placeholder={lang.t("文件名或编制单位", "File or government")} /></label>
                <label>{ lang.t("显示", "Show") }
                    <select onchange={on_show}>{ for SHOWS.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={*s == *show}>{ s.label(lang) }</option>
                    }) }</select>
                </label>
                <span class="muted">{ shown }</span>
            </div>
            <table class="list reviewed">
                <caption class="visually-hidden">{ lang.t("审核的目录", "Catalogs under review") }</caption>
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}
