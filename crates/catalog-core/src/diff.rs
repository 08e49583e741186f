//! Two versions of a catalog compared (动态调整): entries added, removed and changed field by field, and the
//! changes to meta, the 未涉及领域说明 and the 删减事项说明 — the 调整说明 a township files with its supervisor.
//!
//! Matching, in two passes:
//! 1. by id, when the id is unique on both sides and is a real id: an id the importer made up from the row
//!    number (`r12`, `s2r12`, for a file without a 编号 column) names a position, not an item, and would pair
//!    unrelated rows once a row is inserted;
//! 2. the rest by domain (canonical: an older name is the same domain) and item path keyed with
//!    [`seeds::item_key`] (whitespace and punctuation ignored). When one side holds the same path more than once,
//!    they pair in file order and the surplus is added or removed. Entries with no item name match by id only.
//!
//! So an item renamed under the same id is a change of `item`, an entry moved to another domain under its id a
//! change of `domain`, and an id renumbered under the same item a change of `id`.
//!
//! Comparing values: whitespace is ignored (cells pasted from Word and PDF carry line breaks and spaces that are
//! no change of content); `channels` and `levels` are sets (their order means nothing); `item` is a sequence;
//! a missing optional text equals an empty one; `domain` compares by canonical name; `source` (sheet and row) is
//! where the entry was read from, not its content, and is not compared. Output order is deterministic: added and
//! changed entries in the new file's order, removed ones in the old file's order, declarations in the order of
//! the 26 domains.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::FixValue;
use crate::domains::{self, DOMAINS};
use crate::model::{Catalog, Entry, Meta};
use crate::seeds::key_path;
use crate::text::squash;

/// What changed from `old` to `new`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CatalogDiff {
    pub old: DiffSide,
    pub new: DiffSide,
    /// Changes of `meta` (fields `meta.title`, `meta.government`, `meta.level`, `meta.region`,
    /// `meta.compiled_on`, `meta.revision`).
    pub meta: Vec<FieldChange>,
    /// Entries only in the new version, in its order.
    pub added: Vec<DiffEntry>,
    /// Entries only in the old version, in its order.
    pub removed: Vec<DiffEntry>,
    /// Entries in both whose content differs, in the new version's order.
    pub changed: Vec<EntryChange>,
    /// Entries in both with no difference.
    pub unchanged: usize,
    /// Domains declared not applicable (未涉及领域说明) newly, no longer, or with another reason.
    pub not_applicable: Vec<DeclarationChange>,
    /// Guideline items removed (删减事项说明) newly, no longer, or with another reason.
    pub removed_items: Vec<DeclarationChange>,
}

/// Which version a side is, as its meta names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffSide {
    pub title: String,
    pub government: String,
    pub revision: Option<String>,
    pub compiled_on: Option<String>,
    pub entries: usize,
}

/// An entry present on one side only, with its 0-based position in that side's `entries`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DiffEntry {
    pub index: usize,
    pub entry: Entry,
}

/// How two entries were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Id,
    Item,
}

/// One entry in both versions, with what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntryChange {
    pub old_index: usize,
    pub new_index: usize,
    pub matched_by: MatchedBy,
    pub old: Entry,
    pub new: Entry,
    /// The fields that differ, in the order of format v1 (`extra.<header>` for extra columns, by header).
    pub changes: Vec<FieldChange>,
}

/// One field's old and new value (null: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldChange {
    /// v1 field name (`basis`, `channels`, `meta.revision`, `extra.咨询电话` …).
    pub field: String,
    pub old: Option<FixValue>,
    pub new: Option<FixValue>,
}

/// A 未涉及领域说明 or 删减事项说明 line that appeared, disappeared or changed its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DeclarationChange {
    /// Canonical domain name when it is one of the 26, else as written (trimmed).
    pub domain: String,
    /// The removed guideline item's path (empty for a not-applicable domain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<String>,
    /// Null when newly declared.
    pub old_reason: Option<String>,
    /// Null when no longer declared.
    pub new_reason: Option<String>,
}

impl CatalogDiff {
    /// True when the versions do not differ in anything compared.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.not_applicable.is_empty()
            && self.removed_items.is_empty()
    }

    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        // Strings, numbers, lists and maps only: serialising cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Compare two versions of a catalog.
pub fn diff(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let pairs = pair_entries(&old.entries, &new.entries);
    let mut old_paired = vec![false; old.entries.len()];
    let mut new_pairs: Vec<Option<(usize, MatchedBy)>> = vec![None; new.entries.len()];
    for &(o, n, by) in &pairs {
        old_paired[o] = true;
        new_pairs[n] = Some((o, by));
    }
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for (n, entry) in new.entries.iter().enumerate() {
        match new_pairs[n] {
            None => added.push(DiffEntry { index: n, entry: entry.clone() }),
            Some((o, matched_by)) => {
                let changes = entry_changes(&old.entries[o], entry);
                if changes.is_empty() {
                    unchanged += 1;
                } else {
                    changed.push(EntryChange {
                        old_index: o,
                        new_index: n,
                        matched_by,
                        old: old.entries[o].clone(),
                        new: entry.clone(),
                        changes,
                    });
                }
            }
        }
    }
    let removed = old
        .entries
        .iter()
        .enumerate()
        .filter(|(o, _)| !old_paired[*o])
        .map(|(index, entry)| DiffEntry { index, entry: entry.clone() })
        .collect();
    CatalogDiff {
        old: side(old),
        new: side(new),
        meta: meta_changes(&old.meta, &new.meta),
        added,
        removed,
        changed,
        unchanged,
        not_applicable: declaration_changes(
            old.not_applicable.iter().map(|na| (na.domain.as_str(), &[][..], na.reason.as_str())),
            new.not_applicable.iter().map(|na| (na.domain.as_str(), &[][..], na.reason.as_str())),
        ),
        removed_items: declaration_changes(
            old.removed.iter().map(|r| (r.domain.as_str(), r.item.as_slice(), r.reason.as_str())),
            new.removed.iter().map(|r| (r.domain.as_str(), r.item.as_slice(), r.reason.as_str())),
        ),
    }
}

fn side(c: &Catalog) -> DiffSide {
    DiffSide {
        title: c.meta.title.clone(),
        government: c.meta.government.clone(),
        revision: c.meta.revision.clone(),
        compiled_on: c.meta.compiled_on.clone(),
        entries: c.entries.len(),
    }
}

/// Whether an id is one the importer made from the row number (`r12`, `s2r12` for the entry of row 12).
fn positional_id(entry: &Entry) -> bool {
    let Some(row) = entry.row() else { return false };
    let Some(head) = entry.id.trim().strip_suffix(&format!("r{row}")) else { return false };
    head.is_empty() || head.strip_prefix('s').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The ids that are real and unique among `entries`, with the index holding each.
fn unique_ids(entries: &[Entry]) -> HashMap<&str, Option<usize>> {
    let mut ids: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let id = e.id.trim();
        if id.is_empty() || positional_id(e) {
            continue;
        }
        ids.entry(id).and_modify(|seen| *seen = None).or_insert(Some(i));
    }
    ids
}

/// The domain as compared: canonical name, else the name without whitespace.
fn domain_key(name: &str) -> String {
    domains::canonical(name).map_or_else(|| squash(name), str::to_owned)
}

/// `(old index, new index, how)` for every paired entry.
fn pair_entries(old: &[Entry], new: &[Entry]) -> Vec<(usize, usize, MatchedBy)> {
    let mut pairs = Vec::new();
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let old_ids = unique_ids(old);
    for (id, n) in unique_ids(new) {
        if let (Some(n), Some(Some(o))) = (n, old_ids.get(id)) {
            pairs.push((*o, n, MatchedBy::Id));
            old_taken[*o] = true;
            new_taken[n] = true;
        }
    }
    // The rest by (domain, keyed path): old entries queued per key in file order, taken by new ones in theirs.
    let mut queues: HashMap<(String, Vec<String>), std::collections::VecDeque<usize>> = HashMap::new();
    for (o, e) in old.iter().enumerate().filter(|(o, _)| !old_taken[*o]) {
        let path = key_path(&e.item);
        if path.iter().all(String::is_empty) {
            continue;
        }
        queues.entry((domain_key(&e.domain), path)).or_default().push_back(o);
    }
    for (n, e) in new.iter().enumerate().filter(|(n, _)| !new_taken[*n]) {
        let key = (domain_key(&e.domain), key_path(&e.item));
        if let Some(o) = queues.get_mut(&key).and_then(|q| q.pop_front()) {
            pairs.push((o, n, MatchedBy::Item));
        }
    }
    pairs.sort_unstable_by_key(|&(_, n, _)| n);
    pairs
}

fn text(s: &str) -> Option<FixValue> {
    Some(FixValue::Text(s.to_owned()))
}

fn opt_text(s: &Option<String>) -> Option<FixValue> {
    s.as_ref().filter(|s| !s.trim().is_empty()).map(|s| FixValue::Text(s.clone()))
}

fn list(v: &[String]) -> Option<FixValue> {
    Some(FixValue::List(v.to_vec()))
}

fn same_text(a: &str, b: &str) -> bool {
    a == b || squash(a) == squash(b)
}

fn same_opt(a: &Option<String>, b: &Option<String>) -> bool {
    same_text(a.as_deref().unwrap_or(""), b.as_deref().unwrap_or(""))
}

fn same_sequence(a: &[String], b: &[String]) -> bool {
    let keep = |v: &[String]| -> Vec<String> { v.iter().map(|s| squash(s)).filter(|s| !s.is_empty()).collect() };
    keep(a) == keep(b)
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let set = |v: &[String]| -> Vec<String> {
        let mut s: Vec<String> = v.iter().map(|s| squash(s)).filter(|s| !s.is_empty()).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    set(a) == set(b)
}

fn entry_changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: &str, same: bool, old: Option<FixValue>, new: Option<FixValue>| {
        if !same {
            out.push(FieldChange { field: field.to_owned(), old, new });
        }
    };
    // Ids the importer made from row numbers change whenever a row is inserted: no change of the item.
    let ids_positional = positional_id(old) && positional_id(new);
    push("id", ids_positional || same_text(&old.id, &new.id), text(&old.id), text(&new.id));
    push("domain", domain_key(&old.domain) == domain_key(&new.domain), text(&old.domain), text(&new.domain));
    push("item", same_sequence(&old.item, &new.item), list(&old.item), list(&new.item));
    for (field, a, b) in [
        ("content", &old.content, &new.content),
        ("basis", &old.basis, &new.basis),
        ("time_limit", &old.time_limit, &new.time_limit),
        ("subject", &old.subject, &new.subject),
    ] {
        push(field, same_text(a, b), text(a), text(b));
    }
    push("channels", same_set(&old.channels, &new.channels), list(&old.channels), list(&new.channels));
    push("audience", same_text(&old.audience, &new.audience), text(&old.audience), text(&new.audience));
    push(
        "audience_group",
        same_opt(&old.audience_group, &new.audience_group),
        opt_text(&old.audience_group),
        opt_text(&new.audience_group),
    );
    push("mode", same_text(&old.mode, &new.mode), text(&old.mode), text(&new.mode));
    push(
        "withheld_reason",
        same_opt(&old.withheld_reason, &new.withheld_reason),
        opt_text(&old.withheld_reason),
        opt_text(&new.withheld_reason),
    );
    push("levels", same_set(&old.levels, &new.levels), list(&old.levels), list(&new.levels));
    let mut headers: Vec<&String> = old.extra.keys().chain(new.extra.keys()).collect();
    headers.sort();
    headers.dedup();
    for header in headers {
        let (a, b) = (old.extra.get(header).cloned(), new.extra.get(header).cloned());
        push(&format!("extra.{header}"), same_opt(&a, &b), opt_text(&a), opt_text(&b));
    }
    out
}

fn meta_changes(old: &Meta, new: &Meta) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for (field, a, b) in [
        ("meta.title", Some(&old.title), Some(&new.title)),
        ("meta.government", Some(&old.government), Some(&new.government)),
        ("meta.level", Some(&old.level), Some(&new.level)),
        ("meta.region", old.region.as_ref(), new.region.as_ref()),
        ("meta.compiled_on", old.compiled_on.as_ref(), new.compiled_on.as_ref()),
        ("meta.revision", old.revision.as_ref(), new.revision.as_ref()),
    ] {
        let (a, b) = (a.cloned(), b.cloned());
        if !same_opt(&a, &b) {
            out.push(FieldChange { field: field.to_owned(), old: opt_text(&a), new: opt_text(&b) });
        }
    }
    out
}

/// Position of a domain in the order of the 26 (others after, by name).
fn domain_order(domain: &str) -> (usize, String) {
    (DOMAINS.iter().position(|d| *d == domain).unwrap_or(DOMAINS.len()), domain.to_owned())
}

/// A declaration's place: the domain's position among the 26 (and its name), and the keyed item path.
type DeclarationKey = ((usize, String), Vec<String>);

/// Declarations keyed by (canonical domain, keyed item path); the first of duplicates counts (the validator
/// reports the contradiction of a domain declared twice through its coverage rules).
fn declarations<'a>(
    lines: impl Iterator<Item = (&'a str, &'a [String], &'a str)>,
) -> BTreeMap<DeclarationKey, (Vec<String>, String)> {
    let mut out = BTreeMap::new();
    for (domain, item, reason) in lines {
        let domain = domains::canonical(domain).map_or_else(|| domain.trim().to_owned(), str::to_owned);
        out.entry((domain_order(&domain), key_path(item))).or_insert_with(|| (item.to_vec(), reason.to_owned()));
    }
    out
}

fn declaration_changes<'a>(
    old: impl Iterator<Item = (&'a str, &'a [String], &'a str)>,
    new: impl Iterator<Item = (&'a str, &'a [String], &'a str)>,
) -> Vec<DeclarationChange> {
    let mut old = declarations(old);
    let new = declarations(new);
    let mut out = Vec::new();
    let mut keys: Vec<_> = old.keys().chain(new.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let before = old.remove(&key);
        let after = new.get(&key);
        let same = match (&before, after) {
            (Some((_, a)), Some((_, b))) => same_text(a, b),
            _ => false,
        };
        if same {
            continue;
        }
        let item =
            after.map(|(i, _)| i.clone()).or_else(|| before.as_ref().map(|(i, _)| i.clone())).unwrap_or_default();
        out.push(DeclarationChange {
            domain: key.0.1.clone(),
            item,
            old_reason: before.map(|(_, r)| r),
            new_reason: after.map(|(_, r)| r.clone()),
        });
    }
    out
}
