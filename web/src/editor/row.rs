//! One grid row, its own component so that a keystroke re-renders only the rows it changed: the row compares its
//! cell texts, its findings and whether it holds the selection, and skips rendering when none changed (at 10,000
//! entries the other thirty rows in view cost nothing).

use std::cell::RefCell;
use std::rc::Rc;

use catalog_core::model::Catalog;
use catalog_core::{ReportDiagnostic, Severity, seeds};
use yew::prelude::*;

use super::cell::{CellEditor, Move};
use super::fields::COLUMNS;
use super::state::{Action, Found, State};
use crate::i18n::Lang;

#[derive(Properties)]
pub struct Props {
    /// Read for the selected cell's guideline channels (the texts below say what the row shows).
    pub catalog: Rc<RefCell<Catalog>>,
    pub found: Rc<Found>,
    /// The entry's index in the catalog.
    pub index: usize,
    /// The row's position among the visible rows.
    pub row: usize,
    /// The cells' texts, in `COLUMNS` order.
    pub texts: Vec<String>,
    /// The selected column, when the selection is in this row.
    pub active: Option<usize>,
    pub ticked: bool,
    /// Rows a PageUp / PageDown moves.
    pub page: usize,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The row's findings: the ones the one-entry rules made (shared, so compared by pointer first) and the ones
/// comparing entries.
fn same_findings(a: &Found, b: &Found, i: usize) -> bool {
    let own = match (a.own.get(i), b.own.get(i)) {
        (Some(x), Some(y)) => Rc::ptr_eq(x, y) || x == y,
        (x, y) => x.is_none() && y.is_none(),
    };
    own && a.across.get(i) == b.across.get(i)
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        (self.index, self.row, self.active, self.ticked, self.page) == (o.index, o.row, o.active, o.ticked, o.page)
            && self.texts == o.texts
            && self.dispatch == o.dispatch
            && Rc::ptr_eq(&self.catalog, &o.catalog)
            && same_findings(&self.found, &o.found, self.index)
    }
}

/// Where the selection goes from (`row`, `col`) after a commit that moves `m`.
fn moved(row: usize, col: usize, m: Move, page: usize) -> (usize, usize) {
    match m {
        Move::Stay | Move::Away => (row, col),
        Move::Up => (row.saturating_sub(1), col),
        Move::Down => (row + 1, col),
        Move::Left => (row, col.saturating_sub(1)),
        Move::Right => (row, col + 1),
        Move::PageUp => (row.saturating_sub(page), col),
        Move::PageDown => (row + page, col),
        Move::First => (0, col),
        Move::Last => (usize::MAX, col),
    }
}

#[component]
pub fn Row(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (r, i) = (props.row, props.index);
    let found: Vec<&ReportDiagnostic> = props.found.entry(i).filter(|d| d.severity != Severity::Info).collect();
    let cells = COLUMNS.iter().zip(&props.texts).enumerate().map(|(c, (field, text))| {
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
        if props.active == Some(c) {
            let commit = {
                let (d, page) = (props.dispatch.clone(), props.page);
                Callback::from(move |(text, m): (String, Move)| {
                    d.dispatch(Action::Set { row: r, col: c, text });
                    if m != Move::Away {
                        let (row, col) = moved(r, c, m, page);
                        d.dispatch(Action::Select { row, col });
                    }
                })
            };
            let paste = props.dispatch.to_callback().reform(|rows| Action::Paste { rows });
            let undo = props.dispatch.to_callback().reform(|()| Action::Undo);
            let redo = props.dispatch.to_callback().reform(|()| Action::Redo);
            let required = Rc::new({
                let catalog = props.catalog.borrow();
                catalog
                    .entries
                    .get(i)
                    .and_then(|e| seeds::guide(&e.domain)?.items.iter().find(|g| g.matches(&e.item)))
                    .and_then(|g| g.channels.as_ref().map(|c| c.required.clone()))
                    .unwrap_or_default()
            });
            let label = match lang {
                Lang::Zh => format!("第{}行 {}", r + 1, field.label(lang)),
                Lang::En => format!("Row {} {}", r + 1, field.label(lang)),
            };
            html! {
                <td class={classes!("cell", "active", level)} title={tip} role="gridcell" aria-selected="true">
                    <div class="cell-pop">
                        <CellEditor text={AttrValue::from(text.clone())} field={*field} {label}
                            on_commit={commit} on_paste={paste} on_undo={undo} on_redo={redo} required_channels={required} />
                    </div>
                </td>
            }
        } else {
            let select = props.dispatch.to_callback().reform(move |_: MouseEvent| Action::Select { row: r, col: c });
            html! {
                <td class={classes!("cell", level)} title={tip} onclick={select} role="gridcell">
                    <div class="clip">{ text }</div>
                </td>
            }
        }
    });
    let tick = props.dispatch.to_callback().reform(move |_: Event| Action::Tick(Some(r)));
    let tick_label = match lang {
        Lang::Zh => format!("选择第{}行", r + 1),
        Lang::En => format!("Select row {}", r + 1),
    };
    html! {
        <tr class={classes!("row", props.active.is_some().then_some("current-row"), props.ticked.then_some("ticked"))}
            aria-rowindex={(r + 2).to_string()}>
            <th scope="row" class="rownum">
                <label><input type="checkbox" checked={props.ticked} onchange={tick} aria-label={tick_label} />{ r + 1 }</label>
            </th>
            { for cells }
        </tr>
    }
}
