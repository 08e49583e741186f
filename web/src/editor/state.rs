//! The editor's state and every change to it, as one reducer: each edit (a cell, a pasted block, a fix, an added
//! or deleted row) is one undo step, revalidates and autosaves.

use std::rc::Rc;

use catalog_core::diagnostic::FixValue;
use catalog_core::model::{Catalog, Entry};
use catalog_core::{ReportDiagnostic, validate};
use yew::prelude::*;

use super::fields::{COLUMNS, Field};
use crate::store;

const UNDO_LIMIT: usize = 200;

#[derive(Clone, PartialEq)]
pub enum Saved {
    Yes,
    /// The browser refused the save; the edits are still here and a backup download is offered.
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub id: String,
    pub catalog: Rc<Catalog>,
    undo: Vec<Rc<Catalog>>,
    redo: Vec<Rc<Catalog>>,
    /// Domain shown in the grid (`None`: every entry).
    pub domain: Option<String>,
    /// Selected cell: (row among the visible rows, column).
    pub cursor: (usize, usize),
    pub diagnostics: Rc<Vec<ReportDiagnostic>>,
    pub saved: Saved,
    /// Rows ticked for a bulk edit (positions among the visible rows).
    pub ticked: Vec<usize>,
}

pub enum Action {
    Set {
        row: usize,
        col: usize,
        text: String,
    },
    Paste {
        rows: Vec<Vec<String>>,
    },
    Fix {
        entry: Option<String>,
        field: String,
        value: FixValue,
    },
    FixAll {
        code: String,
    },
    Add,
    Delete,
    Undo,
    Redo,
    Domain(Option<String>),
    /// Move the selected row up or down among the visible rows.
    Move {
        up: bool,
    },
    /// Tick or untick a row for a bulk edit; `None` ticks all rows, or unticks them when all are ticked.
    Tick(Option<usize>),
    /// Set one column of every ticked row to `text`, as one undo step.
    Bulk {
        col: usize,
        text: String,
    },
    Select {
        row: usize,
        col: usize,
    },
    /// Jump to the cell a diagnostic points at.
    Reveal {
        entry: String,
        field: Option<String>,
    },
}

impl State {
    pub fn new(id: String, catalog: Catalog, saved: bool) -> State {
        let domain = catalog.entries.first().map(|e| e.domain.clone());
        let diagnostics = Rc::new(validate(&catalog).iter().map(ReportDiagnostic::from).collect());
        State {
            id,
            catalog: Rc::new(catalog),
            undo: Vec::new(),
            redo: Vec::new(),
            domain,
            cursor: (0, 0),
            diagnostics,
            ticked: Vec::new(),
            saved: if saved { Saved::Yes } else { Saved::Failed("QuotaExceededError".into()) },
        }
    }

    /// Catalog indices of the rows the grid shows.
    pub fn visible(&self) -> Vec<usize> {
        self.catalog
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.domain.as_ref().is_none_or(|d| &e.domain == d))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Apply one edit as one undo step; unchanged catalogs make no step.
    fn edit(&self, change: impl FnOnce(&mut Catalog, &[usize])) -> State {
        let mut next = (*self.catalog).clone();
        let visible = self.visible();
        change(&mut next, &visible);
        if next == *self.catalog {
            return self.clone();
        }
        let mut state = self.clone();
        state.undo.push(self.catalog.clone());
        if state.undo.len() > UNDO_LIMIT {
            state.undo.remove(0);
        }
        state.redo.clear();
        state.commit(Rc::new(next))
    }

    fn commit(mut self, catalog: Rc<Catalog>) -> State {
        self.diagnostics = Rc::new(validate(&catalog).iter().map(ReportDiagnostic::from).collect());
        // The summary's error count comes from the findings just computed: one validation per edit.
        let errors = self.diagnostics.iter().filter(|d| d.severity == catalog_core::Severity::Error).count();
        self.saved = match store::save(&self.id, &catalog, errors) {
            Ok(()) => Saved::Yes,
            Err(store::SaveError::Refused(name)) => Saved::Failed(name),
            Err(store::SaveError::NoStorage) => Saved::Failed("no storage".into()),
        };
        self.catalog = catalog;
        let rows = self.visible().len();
        self.cursor.0 = self.cursor.0.min(rows.saturating_sub(1));
        self
    }
}

fn entry_index(catalog: &Catalog, label: &str) -> Option<usize> {
    catalog.entries.iter().enumerate().position(|(i, e)| e.label(i) == label)
}

fn apply_fix(catalog: &mut Catalog, entry: Option<&str>, field: &str, value: &FixValue) {
    let text = |v: &FixValue| match v {
        FixValue::Text(t) => t.clone(),
        FixValue::List(l) => l.join("、"),
    };
    let list = |v: &FixValue| match v {
        FixValue::Text(t) => vec![t.clone()],
        FixValue::List(l) => l.clone(),
    };
    if field == "meta.level" {
        catalog.meta.level = text(value);
        return;
    }
    let Some(e) = entry.and_then(|label| entry_index(catalog, label)).and_then(|i| catalog.entries.get_mut(i)) else {
        return;
    };
    match field {
        "channels" => e.channels = list(value),
        "levels" => e.levels = list(value),
        "domain" => e.domain = text(value),
        "basis" => e.basis = text(value),
        "audience" => e.audience = text(value),
        "mode" => e.mode = text(value),
        _ => {}
    }
}

fn new_entry(domain: &str) -> Entry {
    Entry {
        id: format!("local-{}", store::new_id()),
        domain: domain.to_owned(),
        item: vec!["新增事项".to_owned()],
        audience: "全社会".to_owned(),
        mode: "主动".to_owned(),
        levels: vec!["乡级".to_owned()],
        channels: vec!["政府网站".to_owned()],
        time_limit: "信息形成或变更之日起20个工作日内".to_owned(),
        ..Entry::default()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = match action {
            Action::Set { row, col, text } => self.edit(|c, visible| {
                if let (Some(&i), Some(field)) = (visible.get(row), COLUMNS.get(col)) {
                    field.set(&mut c.entries[i], &text);
                }
            }),
            Action::Paste { rows } => {
                let (row0, col0) = self.cursor;
                let domain = self.domain.clone().unwrap_or_default();
                self.edit(|c, visible| {
                    for (r, cells) in rows.iter().enumerate() {
                        let index = match visible.get(row0 + r) {
                            Some(&i) => i,
                            None => {
                                // A block longer than the rows below adds rows, as Excel does.
                                c.entries.push(new_entry(&domain));
                                c.entries.len() - 1
                            }
                        };
                        for (k, text) in cells.iter().enumerate() {
                            if let Some(field) = COLUMNS.get(col0 + k) {
                                field.set(&mut c.entries[index], text);
                            }
                        }
                    }
                })
            }
            Action::Fix { entry, field, value } => self.edit(|c, _| apply_fix(c, entry.as_deref(), &field, &value)),
            Action::FixAll { code } => {
                let fixes: Vec<_> = self
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == code)
                    .filter_map(|d| d.fix.clone().map(|f| (d.entry.clone(), f)))
                    .collect();
                self.edit(|c, _| {
                    for (entry, fix) in &fixes {
                        apply_fix(c, entry.as_deref(), &fix.field, &fix.value);
                    }
                })
            }
            Action::Add => {
                let domain = self.domain.clone().unwrap_or_else(|| "社会救助".to_owned());
                let mut state = self.edit(|c, visible| {
                    let at = visible.last().map_or(c.entries.len(), |i| i + 1);
                    c.entries.insert(at, new_entry(&domain));
                });
                state.cursor = (state.visible().len().saturating_sub(1), 0);
                state
            }
            Action::Delete => {
                let row = self.cursor.0;
                self.edit(|c, visible| {
                    if let Some(&i) = visible.get(row) {
                        c.entries.remove(i);
                    }
                })
            }
            Action::Undo => match self.undo.last().cloned() {
                Some(previous) => {
                    let mut state = (*self).clone();
                    state.undo.pop();
                    state.redo.push(self.catalog.clone());
                    state.commit(previous)
                }
                None => return self,
            },
            Action::Redo => match self.redo.last().cloned() {
                Some(next) => {
                    let mut state = (*self).clone();
                    state.redo.pop();
                    state.undo.push(self.catalog.clone());
                    state.commit(next)
                }
                None => return self,
            },
            Action::Domain(domain) => State { domain, cursor: (0, 0), ticked: Vec::new(), ..(*self).clone() },
            Action::Move { up } => {
                let row = self.cursor.0;
                let target = if up { row.checked_sub(1) } else { Some(row + 1) };
                let Some(target) = target.filter(|t| *t < self.visible().len()) else { return self };
                let mut state = self.edit(|c, visible| c.entries.swap(visible[row], visible[target]));
                state.cursor.0 = target;
                state
            }
            Action::Tick(row) => {
                let rows = self.visible().len();
                let ticked = match row {
                    Some(r) if self.ticked.contains(&r) => self.ticked.iter().copied().filter(|x| *x != r).collect(),
                    Some(r) => self.ticked.iter().copied().chain([r]).collect(),
                    None if self.ticked.len() == rows => Vec::new(),
                    None => (0..rows).collect(),
                };
                State { ticked, ..(*self).clone() }
            }
            Action::Bulk { col, text } => {
                let rows = self.ticked.clone();
                self.edit(|c, visible| {
                    if let Some(field) = COLUMNS.get(col) {
                        for i in rows.iter().filter_map(|r| visible.get(*r)) {
                            field.set(&mut c.entries[*i], &text);
                        }
                    }
                })
            }
            Action::Select { row, col } => {
                let rows = self.visible().len();
                State { cursor: (row.min(rows.saturating_sub(1)), col.min(COLUMNS.len() - 1)), ..(*self).clone() }
            }
            Action::Reveal { entry, field } => {
                let Some(i) = entry_index(&self.catalog, &entry) else { return self };
                let domain = self.catalog.entries[i].domain.clone();
                let mut state = State { domain: Some(domain), ..(*self).clone() };
                let row = state.visible().iter().position(|&v| v == i).unwrap_or(0);
                let col = field
                    .and_then(|f| COLUMNS.iter().position(|c: &Field| c.names().contains(&f.as_str())))
                    .unwrap_or(0);
                state.cursor = (row, col);
                state
            }
        };
        Rc::new(state)
    }
}
