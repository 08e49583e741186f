//! Revalidation after an edit: an editor holding a large catalog reruns the one-entry rules only for the entries
//! that changed, and the (cheap) rules reading the whole catalog in full. The result equals [`super::validate`].

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use super::memo::Memo;
use super::{validate_across, validate_entry_with};
use crate::diagnostic::Diagnostic;
use crate::model::{Catalog, Entry, Meta, NotApplicable, RemovedItem};

/// Keeps each entry's one-entry findings, made into `T` (e.g. a rendered report line), keyed by the entry's label
/// and content and the catalog's level; the last result, for edits the caller can name; and the parsed 依据/时限
/// texts (bounded), so an edit that changes many entries parses each distinct text once.
#[derive(Debug, Clone)]
pub struct Revalidator<T> {
    level: String,
    cache: HashMap<String, Cached<T>>,
    last: Option<Last<T>>,
    memo: Memo,
}

/// The last run: its result and what the rules reading the whole catalog read besides the entries.
#[derive(Debug, Clone)]
struct Last<T> {
    result: Revalidated<T>,
    meta: Meta,
    not_applicable: Vec<NotApplicable>,
    removed: Vec<RemovedItem>,
}

/// An entry's findings, with what the entry was when they were made: fingerprints, not a copy (copying 10,000
/// entries costs more than validating them in the browser).
#[derive(Debug, Clone)]
struct Cached<T> {
    /// Of the whole entry.
    entry: u64,
    /// Of what the rules comparing entries read (see [`compared`]).
    compared: u64,
    found: Rc<Vec<T>>,
}

fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// What of an entry the rules comparing entries read (besides where it came from).
fn compared(e: &Entry) -> (&str, &str, &[String], &Option<crate::model::SourceRef>) {
    (&e.id, &e.domain, &e.item, &e.source)
}

impl<T> Cached<T> {
    /// `print`: the entry's [`fingerprint`], when the caller has it already.
    fn new(entry: &Entry, print: Option<u64>, found: Rc<Vec<T>>) -> Self {
        let print = print.unwrap_or_else(|| fingerprint(entry));
        Cached { entry: print, compared: fingerprint(&compared(entry)), found }
    }
}

/// Findings in [`super::validate`]'s order: the catalog's, then per entry its own and those comparing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Revalidated<T> {
    pub catalog: Vec<T>,
    /// Per entry, what the one-entry rules found (shared with the cache: unchanged entries cost nothing).
    pub own: Vec<Rc<Vec<T>>>,
    /// Per entry, what the rules comparing entries found.
    pub across: Vec<Vec<T>>,
}

impl<T> Default for Revalidator<T> {
    fn default() -> Self {
        Revalidator { level: String::new(), cache: HashMap::new(), last: None, memo: Memo::default() }
    }
}

impl<T: Clone> Revalidator<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Validate `catalog`, reusing the findings of entries unchanged since the last run.
    pub fn run(&mut self, catalog: &Catalog, make: impl Fn(&Diagnostic) -> T) -> Revalidated<T> {
        if self.level != catalog.meta.level {
            // The level rules read the catalog's level: every entry is rechecked.
            self.cache.clear();
            self.level.clone_from(&catalog.meta.level);
        }
        let mut old = std::mem::take(&mut self.cache);
        let mut own = Vec::with_capacity(catalog.entries.len());
        for (index, entry) in catalog.entries.iter().enumerate() {
            let label = entry.label(index);
            let print = fingerprint(entry);
            let found = match old.remove(&label) {
                Some(cached) if cached.entry == print => {
                    let found = cached.found.clone();
                    self.cache.insert(label, cached);
                    found
                }
                _ => {
                    let found = Rc::new(
                        validate_entry_with(catalog, index, &mut self.memo).iter().map(&make).collect::<Vec<T>>(),
                    );
                    self.cache.insert(label, Cached::new(entry, Some(print), found.clone()));
                    found
                }
            };
            own.push(found);
        }
        let across = validate_across(catalog);
        let result = Revalidated {
            catalog: across.catalog.iter().map(&make).collect(),
            own,
            across: across.entries.iter().map(|list| list.iter().map(&make).collect()).collect(),
        };
        self.remember(catalog, &result);
        result
    }

    /// Like [`Revalidator::run`], for a catalog that differs from the last one run only in the entries at
    /// `changed` (none added, removed or moved): only those are rechecked, and the rules comparing entries rerun
    /// only when a changed entry's id, domain or item did change (or the catalog's meta, 未涉及 or 删减 lists).
    /// Anything else falls back to a full [`Revalidator::run`]. An entry whose findings come out as before keeps
    /// the same shared list, so a caller can tell at a glance (`Rc::ptr_eq`) what it need not show again.
    pub fn run_changed(
        &mut self,
        catalog: &Catalog,
        changed: &[usize],
        make: impl Fn(&Diagnostic) -> T,
    ) -> Revalidated<T>
    where
        T: Clone + PartialEq,
    {
        let usable = self.last.as_ref().is_some_and(|l| {
            l.result.own.len() == catalog.entries.len()
                && l.meta == catalog.meta
                && changed.iter().all(|&i| i < catalog.entries.len())
        });
        let Some(last) = self.last.take().filter(|_| usable) else { return self.run(catalog, make) };
        let mut result = last.result;
        let mut across_changed = last.not_applicable != catalog.not_applicable || last.removed != catalog.removed;
        for &index in changed {
            let entry = &catalog.entries[index];
            let label = entry.label(index);
            let before = self.cache.get(&label).map(|c| c.compared);
            across_changed |= before != Some(fingerprint(&compared(entry)));
            let found: Vec<T> = validate_entry_with(catalog, index, &mut self.memo).iter().map(&make).collect();
            let found = match result.own.get(index) {
                Some(before) if **before == found => before.clone(),
                _ => Rc::new(found),
            };
            self.cache.insert(label, Cached::new(entry, None, found.clone()));
            result.own[index] = found;
        }
        if across_changed {
            let across = validate_across(catalog);
            result.catalog = across.catalog.iter().map(&make).collect();
            result.across = across.entries.iter().map(|list| list.iter().map(&make).collect()).collect();
        }
        self.remember(catalog, &result);
        result
    }

    fn remember(&mut self, catalog: &Catalog, result: &Revalidated<T>)
    where
        T: Clone,
    {
        self.last = Some(Last {
            result: result.clone(),
            meta: catalog.meta.clone(),
            not_applicable: catalog.not_applicable.clone(),
            removed: catalog.removed.clone(),
        });
    }
}

impl<T> Revalidated<T> {
    /// The findings on entry `index`.
    pub fn entry(&self, index: usize) -> impl Iterator<Item = &T> {
        let own = self.own.get(index).map(|v| v.as_slice()).unwrap_or_default();
        let across = self.across.get(index).map(Vec::as_slice).unwrap_or_default();
        own.iter().chain(across)
    }

    /// Every finding, in [`super::validate`]'s order.
    pub fn all(&self) -> impl Iterator<Item = &T> {
        self.catalog.iter().chain((0..self.own.len()).flat_map(|i| self.entry(i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::validate;

    fn catalog() -> Catalog {
        let text = include_str!("../../../../tests/fixtures/example-township.json");
        crate::load_catalog(text).expect("the example township catalog loads")
    }

    fn same(r: &mut Revalidator<Diagnostic>, c: &Catalog) {
        let got: Vec<Diagnostic> = r.run(c, Diagnostic::clone).all().cloned().collect();
        assert_eq!(got, validate(c));
    }

    #[test]
    fn equals_a_full_validation_through_a_series_of_edits() {
        let mut c = catalog();
        assert!(c.entries.len() > 3);
        let mut r = Revalidator::new();
        same(&mut r, &c);
        c.entries[1].time_limit = "20个工作日".into();
        same(&mut r, &c);
        c.entries[2].mode = "主动公开".into();
        c.entries[0].id.clear();
        same(&mut r, &c);
        let copy = c.entries[1].clone();
        c.entries.insert(0, copy);
        same(&mut r, &c);
        c.entries.remove(3);
        c.entries.swap(0, 1);
        same(&mut r, &c);
        c.meta.level = "县级".into();
        same(&mut r, &c);
        c.entries.clear();
        same(&mut r, &c);
    }

    #[test]
    fn named_edits_equal_a_full_validation() {
        let mut c = catalog();
        let mut r = Revalidator::new();
        let check = |r: &mut Revalidator<Diagnostic>, c: &Catalog, changed: &[usize]| {
            let got: Vec<Diagnostic> = r.run_changed(c, changed, Diagnostic::clone).all().cloned().collect();
            assert_eq!(got, validate(c), "after changing {changed:?}");
        };
        check(&mut r, &c, &[]);
        c.entries[1].subject = "城关镇人民政府".into();
        check(&mut r, &c, &[1]);
        c.entries[2].item = c.entries[0].item.clone();
        check(&mut r, &c, &[2]);
        c.entries[0].id = c.entries[3].id.clone();
        c.entries[3].time_limit = "20个工作日".into();
        check(&mut r, &c, &[0, 3]);
        c.not_applicable.clear();
        check(&mut r, &c, &[]);
        c.meta.level = "县级".into();
        check(&mut r, &c, &[]);
        c.entries.pop();
        check(&mut r, &c, &[]);
    }

    #[test]
    fn unchanged_entries_are_not_rechecked() {
        let mut c = catalog();
        let mut r = Revalidator::new();
        let first = r.run(&c, Diagnostic::clone);
        c.entries[0].content.push('。');
        let second = r.run(&c, Diagnostic::clone);
        for i in 1..c.entries.len() {
            assert!(Rc::ptr_eq(&first.own[i], &second.own[i]), "entry {i} reused");
        }
        assert!(!Rc::ptr_eq(&first.own[0], &second.own[0]));
    }

    #[test]
    fn an_edit_that_finds_the_same_keeps_the_shared_list() {
        let mut c = catalog();
        let mut r = Revalidator::new();
        let first = r.run_changed(&c, &[], Diagnostic::clone);
        // A new wording of the subject: nothing new to find.
        c.entries[1].subject.push_str("办公室");
        let second = r.run_changed(&c, &[1], Diagnostic::clone);
        assert!(Rc::ptr_eq(&first.own[1], &second.own[1]));
        // No time limit: a new finding, a new list.
        c.entries[1].time_limit.clear();
        let third = r.run_changed(&c, &[1], Diagnostic::clone);
        assert!(!Rc::ptr_eq(&second.own[1], &third.own[1]));
        assert_ne!(second.own[1], third.own[1]);
    }
}
