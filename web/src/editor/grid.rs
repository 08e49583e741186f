//! The spreadsheet grid of the shown domain's entries. Rows have one fixed height (text past three lines is
//! clipped, as Excel clips it; the selected cell opens in full), so only the rows in view are rendered: a
//! 10,000-entry catalog costs what 30 rows cost. Spacer rows above and below keep the scroll bar true.

use std::rc::Rc;

use catalog_core::{ReportDiagnostic, Severity, seeds};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::cell::{CellEditor, Move};
use super::fields::COLUMNS;
use super::state::{Action, State};
use crate::i18n::Lang;

/// One row's height in pixels; style.css gives `tr.row` the same.
pub const ROW_H: f64 = 62.0;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 6;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
    /// Render every row (printing).
    #[prop_or_default]
    pub all: bool,
}

fn set_height(node: &NodeRef, px: f64) {
    if let Some(el) = node.cast::<HtmlElement>() {
        // Through the CSSOM: the Content-Security-Policy forbids style attributes.
        let _ = el.style().set_property("height", &format!("{px}px"));
    }
}

#[component]
pub fn Grid(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = &props.state;
    let wrap = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    // (first row in view, rows that fit): updated on scroll, only when it changes.
    let view = use_state_eq(|| (0usize, 20usize));
    let measure = {
        let (wrap, view) = (wrap.clone(), view.clone());
        move || {
            if let Some(el) = wrap.cast::<HtmlElement>() {
                let first = (f64::from(el.scroll_top()) / ROW_H) as usize;
                let rows = (f64::from(el.client_height()) / ROW_H).ceil() as usize + 1;
                view.set((first, rows.max(1)));
            }
        }
    };
    {
        let measure = measure.clone();
        use_effect_with((), move |_| measure());
    }
    let onscroll = Callback::from(move |_: Event| measure());

    let n = state.visible.len();
    let (row, col) = state.cursor;
    // Keep the selected row in view (keyboard moves, jumps from the issues panel).
    {
        let wrap = wrap.clone();
        use_effect_with((row, state.domain.clone()), move |(row, _)| {
            if let Some(el) = wrap.cast::<HtmlElement>() {
                let header =
                    el.query_selector("thead").ok().flatten().map_or(0.0, |h| h.get_bounding_client_rect().height());
                let (top, height) = (f64::from(el.scroll_top()), f64::from(el.client_height()) - header);
                let at = *row as f64 * ROW_H;
                if at < top {
                    el.set_scroll_top(at as i32);
                } else if at + ROW_H > top + height {
                    el.set_scroll_top((at + ROW_H - height).ceil() as i32);
                }
            }
        });
    }

    let (first, rows) = *view;
    let (mut start, mut end) = (first.saturating_sub(OVERSCAN), (first + rows + OVERSCAN).min(n));
    if n > 0 && !(start..end).contains(&row) {
        // The selection is out of view (a jump): render around it; the scroll effect brings it into view.
        start = row.saturating_sub(rows / 2 + OVERSCAN);
        end = (start + rows + 2 * OVERSCAN).min(n);
    }
    if props.all {
        (start, end) = (0, n);
    }
    {
        let (t, b) = (top_spacer.clone(), bottom_spacer.clone());
        use_effect_with((start, end, n), move |&(start, end, n)| {
            set_height(&t, start as f64 * ROW_H);
            set_height(&b, (n - end) as f64 * ROW_H);
        });
    }

    let catalog = state.catalog.borrow();
    let rows_html = (start..end).map(|r| {
        let i = state.visible[r];
        let e = &catalog.entries[i];
        let found: Vec<&ReportDiagnostic> = state.found.entry(i).filter(|d| d.severity != Severity::Info).collect();
        let cells = COLUMNS.iter().enumerate().map(|(c, field)| {
            let hits: Vec<&&ReportDiagnostic> =
                found.iter().filter(|d| d.field.as_deref().is_some_and(|f| field.names().contains(&f))).collect();
            let level = if hits.iter().any(|d| d.severity == Severity::Error) {
                Some("has-error")
            } else if hits.is_empty() {
                None
            } else {
                Some("has-warning")
            };
            let tip = hits.iter().map(|d| lang.message(d)).collect::<Vec<_>>().join("\n");
            let text = field.get(e);
            if (r, c) == (row, col) {
                let commit = {
                    let s = state.clone();
                    Callback::from(move |(text, m): (String, Move)| {
                        s.dispatch(Action::Set { row: r, col: c, text });
                        let page = rows.max(2) - 1;
                        let (r2, c2) = match m {
                            Move::Stay => (r, c),
                            Move::Up => (r.saturating_sub(1), c),
                            Move::Down => (r + 1, c),
                            Move::Left => (r, c.saturating_sub(1)),
                            Move::Right => (r, c + 1),
                            Move::PageUp => (r.saturating_sub(page), c),
                            Move::PageDown => (r + page, c),
                            Move::First => (0, c),
                            Move::Last => (usize::MAX, c),
                        };
                        s.dispatch(Action::Select { row: r2, col: c2 });
                    })
                };
                let paste = {
                    let s = state.clone();
                    Callback::from(move |rows| s.dispatch(Action::Paste { rows }))
                };
                let (u, re) = {
                    let (a, b) = (state.clone(), state.clone());
                    (Callback::from(move |()| a.dispatch(Action::Undo)), Callback::from(move |()| b.dispatch(Action::Redo)))
                };
                let required = Rc::new(
                    seeds::guide(&e.domain)
                        .and_then(|g| g.items.iter().find(|g| g.matches(&e.item)))
                        .map(|g| g.channels.required.clone())
                        .unwrap_or_default(),
                );
                let label = match lang {
                    Lang::Zh => format!("第{}行 {}", r + 1, field.label(lang)),
                    Lang::En => format!("Row {} {}", r + 1, field.label(lang)),
                };
                html! {
                    <td class={classes!("cell", "active", level)} title={tip} role="gridcell" aria-selected="true">
                        <div class="cell-pop">
                            <CellEditor text={AttrValue::from(text)} field={*field} {label}
                                on_commit={commit} on_paste={paste} on_undo={u} on_redo={re} required_channels={required} />
                        </div>
                    </td>
                }
            } else {
                let select = {
                    let s = state.clone();
                    Callback::from(move |_| s.dispatch(Action::Select { row: r, col: c }))
                };
                html! {
                    <td class={classes!("cell", level)} title={tip} onclick={select} role="gridcell">
                        <div class="clip">{ text }</div>
                    </td>
                }
            }
        });
        let tick = {
            let s = state.clone();
            Callback::from(move |_| s.dispatch(Action::Tick(Some(r))))
        };
        let ticked = state.ticked.contains(&r);
        let tick_label = match lang {
            Lang::Zh => format!("选择第{}行", r + 1),
            Lang::En => format!("Select row {}", r + 1),
        };
        html! {
            <tr key={e.label(i)} class={classes!("row", (r == row).then_some("current-row"), ticked.then_some("ticked"))}
                aria-rowindex={(r + 2).to_string()}>
                <th scope="row" class="rownum">
                    <label><input type="checkbox" checked={ticked} onchange={tick} aria-label={tick_label} />{ r + 1 }</label>
                </th>
                { for cells }
            </tr>
        }
    });

    let tick_all = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::Tick(None)))
    };
    let header = COLUMNS.iter().map(|f| html! { <th scope="col" role="columnheader">{ f.label(lang) }</th> });
    let domain = state.domain.clone().unwrap_or_else(|| lang.t("全部领域", "All domains").to_owned());
    let caption = match lang {
        Lang::Zh => format!("{domain}事项"),
        Lang::En => format!("{domain} items"),
    };
    html! {
        <div class="grid-wrap" ref={wrap} {onscroll}>
            <table class="grid" aria-label={caption} aria-rowcount={(n + 1).to_string()}>
                <thead><tr aria-rowindex="1">
                    <th scope="col" class="rownum">
                        <label><input type="checkbox" onchange={tick_all} checked={n > 0 && state.ticked.len() == n}
                            aria-label={lang.t("全选本领域", "Select all rows")} />{ lang.t("序号", "No.") }</label>
                    </th>
                    { for header }
                </tr></thead>
                <tbody>
                    <tr class="spacer" ref={top_spacer} aria-hidden="true"><td colspan="10" /></tr>
                    { for rows_html }
                    <tr class="spacer" ref={bottom_spacer} aria-hidden="true"><td colspan="10" /></tr>
                </tbody>
            </table>
            if n == 0 {
                <p class="empty">{ lang.t("本领域还没有事项。点击“新增事项”，或从 Excel 复制后粘贴到表格中。",
                    "No items in this domain yet. Click “Add item”, or paste rows copied from Excel.") }</p>
            }
        </div>
    }
}
