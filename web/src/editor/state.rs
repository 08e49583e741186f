//! The editor's state and every change to it, as one reducer: each edit (a cell, a pasted block, a fix, an added
//! or deleted row) is one undo step and revalidates the entries it changed; the editor saves it right after the
//! repaint (see `Editor`'s save effect), and a `Saved` action records how that went.
//!
//! A 10,000-entry catalog is edited in place (one `RefCell` shared by every state) and undo keeps the entries an
//! edit replaced, not copies of the catalog: a cell edit costs one entry, not ten thousand.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use catalog_core::diagnostic::FixValue;
use catalog_core::model::{Catalog, Entry, Meta, NotApplicable, RemovedItem};
use catalog_core::rules::{Revalidated, Revalidator};
use catalog_core::{Diagnostic, Finding, ReportDiagnostic, Severity, domains};
use yew::prelude::*;

use super::fields::{COLUMNS, Field};
use super::guide;
use super::meta::MetaField;
use super::serial::Serial;
use crate::store;

const UNDO_LIMIT: usize = 200;
/// Entries the undo history may hold in all (a whole-catalog step holds all of them).
const UNDO_WEIGHT: usize = 200_000;

/// What an edit replaced, to put back.
#[derive(Clone)]
enum Step {
    /// Entries changed in place, at their indices.
    Entries(Vec<(usize, Entry)>),
    /// The catalog information (目录信息) and the 未涉及 declarations before: no entry copied.
    Header(Box<(Meta, Vec<NotApplicable>)>),
    /// Rows added, deleted or moved: the catalog before.
    Whole(Box<Catalog>),
}

impl Step {
    fn weight(&self) -> usize {
        match self {
            Step::Entries(list) => list.len(),
            Step::Header(_) => 1,
            Step::Whole(c) => c.entries.len() + 1,
        }
    }
}

/// Which entries an edit may change: named ones (revalidated alone), none (the header only), or anything.
enum Scope {
    Entries(Vec<usize>),
    Header,
    Whole,
}

#[derive(Clone, PartialEq)]
pub enum Saved {
    Yes,
    /// An edit waits for its save (a few milliseconds, after the repaint).
    Pending,
    /// The browser refused the save; the edits are still here and a backup download is offered.
    Failed(String),
    /// Another tab saved the catalog after this one opened it: this tab's edits are not written over it (they stay
    /// here, to download or save as a copy).
    Conflict,
}

/// A finding as the editor shows it: the report's form, plus the domain a catalog-level finding names (the
/// domain's coverage or its 未涉及 declaration), so that its fix can open that domain's declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub report: ReportDiagnostic,
    pub domain: Option<String>,
}

impl Deref for Shown {
    type Target = ReportDiagnostic;
    fn deref(&self) -> &ReportDiagnostic {
        &self.report
    }
}

impl Shown {
    fn of(d: &Diagnostic) -> Shown {
        let domain = match &d.finding {
            Finding::CoverageMissing { domain }
            | Finding::NotApplicableNoReason { domain }
            | Finding::NotApplicableCovered { domain }
            | Finding::NotApplicableUnknown { domain } => Some(domain.clone()),
            _ => None,
        };
        Shown { report: ReportDiagnostic::from(d), domain }
    }
}

pub type Found = Revalidated<Shown>;

#[derive(Clone)]
pub struct State {
    pub id: String,
    /// The catalog, edited in place; `generation` says when it changed.
    pub catalog: Rc<RefCell<Catalog>>,
    /// Shared between the states a dispatch makes (each keystroke clones the state, not the steps).
    undo: Vec<Rc<Step>>,
    redo: Vec<Rc<Step>>,
    /// Domain shown in the grid (`None`: every entry).
    pub domain: Option<String>,
    /// Catalog indices of the rows the grid shows.
    pub visible: Rc<Vec<usize>>,
    /// Selected cell: (row among the visible rows, column).
    pub cursor: (usize, usize),
    /// The findings, per entry; recomputed for changed entries only.
    pub found: Rc<Found>,
    validator: Rc<RefCell<Revalidator<Shown>>>,
    pub saved: Saved,
    /// Counts catalog changes: the editor saves each new one once.
    pub generation: u64,
    /// Counts changes of the catalog's shape: which entries there are, in which order, their domains and item
    /// paths, the meta and the 未涉及 / 删减 lists. An edit of other fields (most keystrokes) leaves it, so the
    /// visible rows, the navigator's counts and the guideline panel are not worked out again.
    pub shape: u64,
    /// Rows ticked for a bulk edit (positions among the visible rows).
    pub ticked: Vec<usize>,
    /// The stored form, kept per entry between saves (told which entries each edit changed).
    pub serial: Rc<RefCell<Serial>>,
    /// The id of a row just added with 新增事项, while the selection stays in it: its empty required fields are
    /// not reported yet (three red cells before the clerk has typed anything); they are once the row is left.
    pub quiet: Option<String>,
}

/// The finding reports an empty required field of the row being filled in (see [`State::quiet`]).
pub fn quieted(quiet: Option<&str>, d: &ReportDiagnostic) -> bool {
    quiet.is_some() && d.code == "entry.required" && d.entry.as_deref() == quiet
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
    /// Add a guideline item (missing or removed) from the guideline's wording; it leaves 删减事项说明.
    Include {
        domain: String,
        item: Vec<String>,
    },
    /// List a guideline item in 删减事项说明 with `reason`, deleting the selected row when it is that item.
    Exclude {
        domain: String,
        item: Vec<String>,
        reason: String,
        delete_row: bool,
    },
    /// Change the reason of `catalog.removed[index]`.
    Reason {
        index: usize,
        reason: String,
    },
    /// Set one field of the catalog information (目录信息) from what was typed.
    Meta {
        field: MetaField,
        text: String,
    },
    /// Declare `domain` not applicable (未涉及) with `reason`, or change the reason of its declaration.
    Declare {
        domain: String,
        reason: String,
    },
    /// Withdraw the 未涉及 declaration of `domain`.
    Undeclare {
        domain: String,
    },
    /// Replace the catalog with an earlier version (one undo step).
    Restore(Box<Catalog>),
    /// Save the catalog again (after a refused save, once space is freed).
    Retry,
    /// How the save of `generation` went.
    Saved {
        generation: u64,
        result: Result<(), String>,
    },
}

/// Cheap: the catalog and findings compare by pointer (every edit makes new ones).
impl PartialEq for State {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &o.catalog)
            && Rc::ptr_eq(&self.found, &o.found)
            && Rc::ptr_eq(&self.visible, &o.visible)
            && (self.undo.len(), self.redo.len()) == (o.undo.len(), o.redo.len())
            && (self.cursor, &self.domain, &self.ticked) == (o.cursor, &o.domain, &o.ticked)
            && (&self.saved, self.generation, self.shape) == (&o.saved, o.generation, o.shape)
            && self.quiet == o.quiet
    }
}

fn visible_of(catalog: &Catalog, domain: Option<&String>) -> Rc<Vec<usize>> {
    Rc::new(
        catalog
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| domain.is_none_or(|d| &e.domain == d))
            .map(|(i, _)| i)
            .collect(),
    )
}

impl State {
    /// `fresh`: the catalog is not stored yet (just created or imported); its first generation is due for saving.
    pub fn new(id: String, catalog: Rc<RefCell<Catalog>>, fresh: bool) -> State {
        let (domain, visible, found, validator) = {
            let catalog = catalog.borrow();
            let domain = catalog.entries.first().map(|e| e.domain.clone());
            let validator = Rc::new(RefCell::new(Revalidator::new()));
            let found = Rc::new(validator.borrow_mut().run(&catalog, Shown::of));
            (domain.clone(), visible_of(&catalog, domain.as_ref()), found, validator)
        };
        State {
            id,
            visible,
            catalog,
            undo: Vec::new(),
            redo: Vec::new(),
            domain,
            cursor: (0, 0),
            found,
            validator,
            generation: u64::from(fresh),
            shape: 0,
            ticked: Vec::new(),
            saved: if fresh { Saved::Pending } else { Saved::Yes },
            serial: Rc::default(),
            quiet: None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Errors in the catalog, for its saved summary.
    pub fn errors(&self) -> usize {
        self.found.all().filter(|d| d.severity == Severity::Error).count()
    }

    /// Apply one edit as one undo step; an edit that changes nothing makes no step.
    fn edit(&self, scope: Scope, change: impl FnOnce(&mut Catalog, &[usize])) -> State {
        let step = {
            let mut catalog = self.catalog.borrow_mut();
            match scope {
                Scope::Entries(indices) => {
                    let before: Vec<(usize, Entry)> =
                        indices.iter().filter_map(|&i| Some((i, catalog.entries.get(i)?.clone()))).collect();
                    change(&mut catalog, &self.visible);
                    let changed: Vec<(usize, Entry)> =
                        before.into_iter().filter(|(i, e)| catalog.entries.get(*i) != Some(e)).collect();
                    (!changed.is_empty()).then_some(Step::Entries(changed))
                }
                Scope::Header => {
                    let before = (catalog.meta.clone(), catalog.not_applicable.clone());
                    change(&mut catalog, &self.visible);
                    ((&catalog.meta, &catalog.not_applicable) != (&before.0, &before.1))
                        .then(|| Step::Header(Box::new(before)))
                }
                Scope::Whole => {
                    let before = catalog.clone();
                    change(&mut catalog, &self.visible);
                    (*catalog != before).then(|| Step::Whole(Box::new(before)))
                }
            }
        };
        let Some(step) = step else { return self.clone() };
        let mut state = self.clone();
        let touched = touched(&step, &self.catalog.borrow());
        state.undo.push(Rc::new(step));
        while state.undo.len() > UNDO_LIMIT || state.undo.iter().map(|s| s.weight()).sum::<usize>() > UNDO_WEIGHT {
            state.undo.remove(0);
        }
        state.redo.clear();
        state.commit(touched)
    }

    /// Put back what `step` replaced; the step that puts the present back.
    fn swap(&self, step: Step) -> Step {
        let mut catalog = self.catalog.borrow_mut();
        match step {
            Step::Entries(list) => Step::Entries(
                list.into_iter()
                    .filter_map(|(i, e)| Some((i, std::mem::replace(catalog.entries.get_mut(i)?, e))))
                    .collect(),
            ),
            Step::Header(before) => {
                let (meta, declared) = *before;
                Step::Header(Box::new((
                    std::mem::replace(&mut catalog.meta, meta),
                    std::mem::replace(&mut catalog.not_applicable, declared),
                )))
            }
            Step::Whole(before) => Step::Whole(Box::new(std::mem::replace(&mut *catalog, *before))),
        }
    }

    /// Revalidate (only `touched` entries when named), show, and mark for saving.
    fn commit(mut self, touched: Touched) -> State {
        let Touched { entries: touched, reshaped } = touched;
        {
            let catalog = self.catalog.borrow();
            let make = Shown::of;
            let mut validator = self.validator.borrow_mut();
            let mut serial = self.serial.borrow_mut();
            match touched {
                Some(indices) => {
                    serial.changed(&indices);
                    let found = validator.run_changed(&catalog, &indices, make);
                    // Findings as before (most keystrokes): the same `found`, so the issues panel and the
                    // navigator need not render again.
                    let before = &self.found;
                    let same = found.own.len() == before.own.len()
                        && indices.iter().all(|&i| match (found.own.get(i), before.own.get(i)) {
                            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                            _ => false,
                        })
                        && found.across == before.across
                        && found.catalog == before.catalog;
                    if !same {
                        self.found = Rc::new(found);
                    }
                }
                None => {
                    serial.reset();
                    self.found = Rc::new(validator.run(&catalog, make));
                }
            }
            if reshaped {
                self.shape += 1;
                self.visible = visible_of(&catalog, self.domain.as_ref());
            }
        }
        self.generation += 1;
        // After a conflict nothing more is written over the other tab's save (the alert offers the ways out).
        if self.saved != Saved::Conflict {
            self.saved = Saved::Pending;
        }
        self.cursor.0 = self.cursor.0.min(self.visible.len().saturating_sub(1));
        self
    }

    fn show(mut self, domain: Option<String>) -> State {
        self.visible = visible_of(&self.catalog.borrow(), domain.as_ref());
        self.domain = domain;
        self
    }

    /// Catalog indices of visible rows (positions among the visible rows).
    fn rows(&self, rows: impl IntoIterator<Item = usize>) -> Vec<usize> {
        rows.into_iter().filter_map(|r| self.visible.get(r).copied()).collect()
    }
}

/// What an edit changed: the entries changed in place (`None`: anything), and whether the catalog's shape
/// changed (see [`State::shape`]).
struct Touched {
    entries: Option<Vec<usize>>,
    reshaped: bool,
}

/// What `step` (the other version of what it holds) and the `catalog` now differ in.
fn touched(step: &Step, catalog: &Catalog) -> Touched {
    match step {
        Step::Entries(list) => Touched {
            entries: Some(list.iter().map(|(i, _)| *i).collect()),
            reshaped: list.iter().any(|(i, other)| {
                catalog.entries.get(*i).is_none_or(|e| (&e.domain, &e.item) != (&other.domain, &other.item))
            }),
        },
        // The level picks the guideline items every entry is checked against: all are revalidated.
        Step::Header(_) | Step::Whole(_) => Touched { entries: None, reshaped: true },
    }
}

/// The entries fixes touch, or the whole catalog when one fixes the catalog's meta.
fn fix_scope<'a>(catalog: &Catalog, fixes: impl IntoIterator<Item = (Option<&'a str>, &'a str)>) -> Scope {
    let mut indices = Vec::new();
    let mut meta = false;
    for (entry, field) in fixes {
        if field.starts_with("meta.") {
            meta = true;
            continue;
        }
        match entry.and_then(|label| entry_index(catalog, label)) {
            Some(i) => indices.push(i),
            None => return Scope::Whole,
        }
    }
    match (meta, indices.is_empty()) {
        (true, true) => Scope::Header,
        (true, false) => Scope::Whole,
        (false, _) => Scope::Entries(indices),
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

/// Whether two names are the same domain (a declaration may use an older name of one of the 26).
pub fn same_domain(a: &str, b: &str) -> bool {
    a.trim() == b.trim() || domains::canonical(a).is_some_and(|c| domains::canonical(b) == Some(c))
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
            Action::Set { row, col, text } => self.edit(Scope::Entries(self.rows([row])), |c, visible| {
                if let (Some(&i), Some(field)) = (visible.get(row), COLUMNS.get(col)) {
                    field.set(&mut c.entries[i], &text);
                }
            }),
            Action::Paste { rows } => {
                let (row0, col0) = self.cursor;
                let domain = self.domain.clone().unwrap_or_default();
                // A block longer than the rows below adds rows, as Excel does.
                let scope = if row0 + rows.len() <= self.visible.len() {
                    Scope::Entries(self.rows(row0..row0 + rows.len()))
                } else {
                    Scope::Whole
                };
                self.edit(scope, |c, visible| {
                    for (r, cells) in rows.iter().enumerate() {
                        let index = match visible.get(row0 + r) {
                            Some(&i) => i,
                            None => {
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
            Action::Fix { entry, field, value } => {
                let scope = fix_scope(&self.catalog.borrow(), [(entry.as_deref(), field.as_str())]);
                self.edit(scope, |c, _| apply_fix(c, entry.as_deref(), &field, &value))
            }
            Action::FixAll { code } => {
                let fixes: Vec<_> = self
                    .found
                    .all()
                    .filter(|d| d.code == code)
                    .filter_map(|d| d.fix.clone().map(|f| (d.entry.clone(), f)))
                    .collect();
                let scope =
                    fix_scope(&self.catalog.borrow(), fixes.iter().map(|(e, f)| (e.as_deref(), f.field.as_str())));
                self.edit(scope, |c, _| {
                    for (entry, fix) in &fixes {
                        apply_fix(c, entry.as_deref(), &fix.field, &fix.value);
                    }
                })
            }
            Action::Add => {
                let domain = self.domain.clone().unwrap_or_else(|| "社会救助".to_owned());
                let entry = new_entry(&domain);
                let id = entry.id.clone();
                let mut state = self.edit(Scope::Whole, |c, visible| {
                    let at = visible.last().map_or(c.entries.len(), |i| i + 1);
                    c.entries.insert(at, entry);
                });
                state.cursor = (state.visible.len().saturating_sub(1), 0);
                state.quiet = Some(id);
                state
            }
            Action::Delete => {
                let row = self.cursor.0;
                self.edit(Scope::Whole, |c, visible| {
                    if let Some(&i) = visible.get(row) {
                        c.entries.remove(i);
                    }
                })
            }
            Action::Include { domain, item } => {
                let row = self.cursor.0;
                let mut state = self.edit(Scope::Whole, |c, _| {
                    let entry = guide::entry_for(c, &domain, &item)
                        .unwrap_or_else(|| Entry { item: item.clone(), ..new_entry(&domain) });
                    let same =
                        |d: &str| catalog_core::domains::canonical(d) == catalog_core::domains::canonical(&domain);
                    // The declaration may word the item as its source did: matched as the validator matches paths.
                    let keys = catalog_core::seeds::key_path(&item);
                    c.removed.retain(|r| {
                        !(same(&r.domain)
                            && catalog_core::seeds::keys_match(&keys, &catalog_core::seeds::key_path(&r.item)))
                    });
                    let at = c.entries.iter().rposition(|e| same(&e.domain)).map_or(c.entries.len(), |i| i + 1);
                    c.entries.insert(at, entry);
                });
                // Select the new row when it shows in the grid.
                state.cursor.0 = if state.domain.as_deref().is_some_and(|d| d == domain) {
                    state.visible.len().saturating_sub(1)
                } else {
                    row
                };
                state
            }
            Action::Exclude { domain, item, reason, delete_row } => {
                let row = self.cursor.0;
                self.edit(Scope::Whole, |c, visible| {
                    if delete_row && let Some(&i) = visible.get(row) {
                        c.entries.remove(i);
                    }
                    c.removed.push(RemovedItem { domain, item, reason });
                })
            }
            Action::Reason { index, reason } => self.edit(Scope::Whole, |c, _| {
                if let Some(r) = c.removed.get_mut(index) {
                    r.reason = reason;
                }
            }),
            Action::Undo | Action::Redo => {
                let undo = matches!(action, Action::Undo);
                let mut state = (*self).clone();
                let Some(step) = (if undo { state.undo.pop() } else { state.redo.pop() }) else { return self };
                let back = state.swap(Rc::unwrap_or_clone(step));
                let touched = touched(&back, &state.catalog.borrow());
                if undo {
                    state.redo.push(Rc::new(back))
                } else {
                    state.undo.push(Rc::new(back))
                }
                state.commit(touched)
            }
            Action::Domain(domain) => State { cursor: (0, 0), ticked: Vec::new(), ..(*self).clone() }.show(domain),
            Action::Move { up } => {
                let row = self.cursor.0;
                let target = if up { row.checked_sub(1) } else { Some(row + 1) };
                let Some(target) = target.filter(|t| *t < self.visible.len()) else { return self };
                let mut state = self.edit(Scope::Whole, |c, visible| c.entries.swap(visible[row], visible[target]));
                state.cursor.0 = target;
                state
            }
            Action::Tick(row) => {
                let rows = self.visible.len();
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
                self.edit(Scope::Entries(self.rows(rows.iter().copied())), |c, visible| {
                    if let Some(field) = COLUMNS.get(col) {
                        for i in rows.iter().filter_map(|r| visible.get(*r)) {
                            field.set(&mut c.entries[*i], &text);
                        }
                    }
                })
            }
            Action::Select { row, col } => {
                let rows = self.visible.len();
                State { cursor: (row.min(rows.saturating_sub(1)), col.min(COLUMNS.len() - 1)), ..(*self).clone() }
            }
            Action::Reveal { entry, field } => {
                let found = {
                    let catalog = self.catalog.borrow();
                    entry_index(&catalog, &entry).map(|i| (i, catalog.entries[i].domain.clone()))
                };
                let Some((i, domain)) = found else { return self };
                let mut state = (*self).clone().show(Some(domain));
                let row = state.visible.iter().position(|&v| v == i).unwrap_or(0);
                let col = field
                    .and_then(|f| COLUMNS.iter().position(|c: &Field| c.names().contains(&f.as_str())))
                    .unwrap_or(0);
                state.cursor = (row, col);
                state
            }
            Action::Meta { field, text } => self.edit(Scope::Header, |c, _| field.set(&mut c.meta, &text)),
            Action::Declare { domain, reason } => self.edit(Scope::Header, |c, _| {
                let reason = reason.trim().to_owned();
                match c.not_applicable.iter_mut().find(|n| same_domain(&n.domain, &domain)) {
                    Some(n) => n.reason = reason,
                    None => c.not_applicable.push(NotApplicable { domain, reason }),
                }
            }),
            Action::Undeclare { domain } => {
                self.edit(Scope::Header, |c, _| c.not_applicable.retain(|n| !same_domain(&n.domain, &domain)))
            }
            Action::Restore(catalog) => self.edit(Scope::Whole, |c, _| *c = *catalog),
            Action::Retry => State { generation: self.generation + 1, saved: Saved::Pending, ..(*self).clone() },
            Action::Saved { generation, result } => {
                if generation != self.generation {
                    // A newer edit is on its way to storage; its own result will say.
                    return self;
                }
                let saved = match result {
                    Ok(()) => Saved::Yes,
                    Err(name) if name == crate::store::CONFLICT => Saved::Conflict,
                    Err(name) => Saved::Failed(name),
                };
                State { saved, ..(*self).clone() }
            }
        };
        Rc::new(state.settle_quiet())
    }
}

impl State {
    /// The new row stops being quiet once the selection leaves it (or it is gone).
    fn settle_quiet(mut self) -> State {
        let left = self.quiet.as_ref().is_some_and(|id| {
            let catalog = self.catalog.borrow();
            self.visible.get(self.cursor.0).and_then(|&i| catalog.entries.get(i)).is_none_or(|e| &e.id != id)
        });
        if left {
            self.quiet = None;
        }
        self
    }
}
