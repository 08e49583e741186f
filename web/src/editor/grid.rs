//! The spreadsheet grid of the shown domain's entries. Rows have one fixed height (text past three lines is
//! clipped, as Excel clips it; the selected cell opens in full), so only the rows in view are rendered: a
//! 10,000-entry catalog costs what 30 rows cost. Spacer rows above and below keep the scroll bar true.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::fields::COLUMNS;
use super::row::Row;
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
    let dispatch = state.dispatcher();
    let page = rows.max(2) - 1;
    let rows_html = (start..end).map(|r| {
        let i = state.visible[r];
        let e = &catalog.entries[i];
        // Keyed by the entry's place in the catalog, not its id: imported catalogs may repeat an id.
        html! {
            <Row key={i} catalog={state.catalog.clone()} found={state.found.clone()} index={i} row={r}
                texts={COLUMNS.iter().map(|f| f.get(e)).collect::<Vec<_>>()} active={(r == row).then_some(col)}
                ticked={state.ticked.contains(&r)} quiet={state.quiet.as_deref() == Some(e.id.as_str())}
                {page} dispatch={dispatch.clone()} />
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
                // The rows in a body of their own: a list with only keyed children is matched by key, so
                // scrolling by a row adds one and drops one instead of rendering every row again.
                <tbody aria-hidden="true"><tr class="spacer" ref={top_spacer}><td colspan="10" /></tr></tbody>
                <tbody>{ for rows_html }</tbody>
                <tbody aria-hidden="true"><tr class="spacer" ref={bottom_spacer}><td colspan="10" /></tr></tbody>
            </table>
            if n == 0 {
                <p class="empty">{ lang.t("本领域还没有事项。点击“新增事项”，或从 Excel 复制后粘贴到表格中。",
                    "No items in this domain yet. Click “Add item”, or paste rows copied from Excel.") }</p>
            }
        </div>
    }
}
