//! Parsed free-text cells shared within a validation run. Catalogs repeat the same 公开依据 and 公开时限 texts
//! across hundreds of entries (a 10k-entry county catalog has ≈ 200 distinct 依据 and ≈ 50 distinct 时限), and the
//! parsers are most of the validator's time, so each distinct text is parsed once per run (or once per batch of
//! catalogs, with a [`super::Validator`]). Bounded: a map that fills up is emptied and refilled, so a memo kept
//! between runs (the [`super::Revalidator`]'s, a batch worker's) cannot grow with every text ever typed.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::parse::basis::{Basis, parse_basis};
use crate::parse::time_limit::{TimeLimit, parse_time_limit};

/// Distinct texts kept per column: more than real catalogs hold (a few hundred), and little memory.
const CAPACITY: usize = 4096;

/// Parsed cells by their text.
#[derive(Debug, Clone)]
pub(crate) struct Memo {
    basis: Cells<Basis>,
    time_limit: Cells<TimeLimit>,
    /// The names the catalog being validated says it is: read once, not for every entry that names a government.
    own: Option<(crate::model::Meta, Rc<crate::names::Own>)>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo::with_capacity(CAPACITY)
    }
}

impl Memo {
    pub fn with_capacity(capacity: usize) -> Self {
        Memo { basis: Cells::new(capacity), time_limit: Cells::new(capacity), own: None }
    }

    /// The 公开依据 cell parsed (`parse_basis`).
    pub fn basis(&mut self, text: &str) -> Rc<Basis> {
        self.basis.get(text, parse_basis)
    }

    /// The catalog's own names ([`crate::names::Own`]) for `meta`, kept while the meta stays the same.
    pub fn own(&mut self, meta: &crate::model::Meta) -> Rc<crate::names::Own> {
        match &self.own {
            Some((seen, own)) if seen == meta => Rc::clone(own),
            _ => {
                let own = Rc::new(crate::names::Own::new(meta));
                self.own = Some((meta.clone(), Rc::clone(&own)));
                own
            }
        }
    }

    /// The 公开时限 cell parsed (`parse_time_limit`).
    pub fn time_limit(&mut self, text: &str) -> Rc<TimeLimit> {
        self.time_limit.get(text, parse_time_limit)
    }
}

/// The texts map to positions in `values`: the map's code is then one instance for both columns (and the same
/// `BTreeMap<String, usize>` the report counts with), and no hasher is linked into the wasm build.
#[derive(Debug, Clone)]
struct Cells<V> {
    map: BTreeMap<String, usize>,
    values: Vec<Rc<V>>,
    capacity: usize,
}

impl<V> Cells<V> {
    fn new(capacity: usize) -> Self {
        Cells { map: BTreeMap::new(), values: Vec::new(), capacity: capacity.max(1) }
    }

    fn get(&mut self, text: &str, parse: fn(&str) -> V) -> Rc<V> {
        // Not `entry`: it would need an owned key on every hit.
        if let Some(parsed) = self.map.get(text).and_then(|&at| self.values.get(at)) {
            return parsed.clone();
        }
        if self.map.len() >= self.capacity {
            self.map.clear();
            self.values.clear();
        }
        let parsed = Rc::new(parse(text));
        self.map.insert(text.to_owned(), self.values.len());
        self.values.push(parsed.clone());
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::model::Catalog;
    use crate::rules::{validate, validate_across, validate_entry, validate_entry_with};

    #[test]
    fn a_full_memo_starts_again_and_still_answers() {
        let mut memo = Memo::with_capacity(2);
        let texts = ["《中华人民共和国政府信息公开条例》", "国办发〔2019〕54号", "相关政策文件"];
        for _ in 0..3 {
            for text in texts {
                assert_eq!(*memo.basis(text), parse_basis(text), "{text}");
                assert!(memo.basis.map.len() <= 2);
            }
        }
        assert_eq!(*memo.time_limit("20个工作日"), parse_time_limit("20个工作日"));
    }

    /// Real rows and the example township, repeated with each entry's 依据 and 时限 paired with other entries'
    /// (the 时限 rule reads the 依据 too), plus defective texts, so every text recurs in different entries.
    fn repeated_texts() -> Catalog {
        let load = |text| crate::load_catalog(text).expect("fixture is v1");
        let mut catalog = load(include_str!("../../../../tests/fixtures/real-rows.json"));
        let township = load(include_str!("../../../../tests/fixtures/example-township.json"));
        catalog.entries.extend(township.entries);
        let mut bases: Vec<String> = catalog.entries.iter().map(|e| e.basis.clone()).collect();
        bases.extend(["国办发〔201680号".into(), "相关政策文件".into(), "《XX省政务公开办法".into()]);
        let mut limits: Vec<String> = catalog.entries.iter().map(|e| e.time_limit.clone()).collect();
        limits.extend(["20个工作日".into(), "信息形成之日起30个工作日内".into(), "随时".into()]);
        let originals = catalog.entries.clone();
        for round in 1..4 {
            for (i, entry) in originals.iter().enumerate() {
                let mut e = entry.clone();
                e.id = format!("{}-{round}", e.id);
                e.basis.clone_from(&bases[(i * round) % bases.len()]);
                e.time_limit.clone_from(&limits[(i + round * 7) % limits.len()]);
                catalog.entries.push(e);
            }
        }
        catalog
    }

    #[test]
    fn sharing_parsed_texts_changes_no_finding() {
        let catalog = repeated_texts();
        let distinct: std::collections::HashSet<&str> = catalog.entries.iter().map(|e| e.basis.as_str()).collect();
        assert!(distinct.len() * 2 < catalog.entries.len(), "texts repeat");

        // Without sharing: each entry validated alone, with its own memo.
        let across = validate_across(&catalog);
        let mut alone: Vec<Diagnostic> = across.catalog.clone();
        for (index, found) in across.entries.iter().enumerate() {
            alone.extend(validate_entry(&catalog, index));
            alone.extend(found.iter().cloned());
        }
        let codes: std::collections::HashSet<&str> = alone.iter().map(Diagnostic::code).collect();
        for code in ["basis.garbled-number", "basis.placeholder", "time.no-trigger", "time.exceeds-default"] {
            assert!(codes.contains(code), "{code} found");
        }
        assert_eq!(validate(&catalog), alone);

        // Sharing a memo too small for the catalog (filled and emptied over and over).
        let mut memo = Memo::with_capacity(3);
        let mut small: Vec<Diagnostic> = across.catalog.clone();
        for (index, found) in across.entries.iter().enumerate() {
            small.extend(validate_entry_with(&catalog, index, &mut memo));
            small.extend(found.iter().cloned());
        }
        assert_eq!(small, alone);
    }

    #[test]
    fn a_validator_kept_across_catalogs_finds_what_validate_finds() {
        let load = |text| crate::load_catalog(text).expect("fixture is v1");
        let catalogs = [
            repeated_texts(),
            load(include_str!("../../../../tests/fixtures/example-township.json")),
            load(include_str!("../../../../tests/fixtures/real-rows.json")),
            repeated_texts(),
        ];
        let mut validator = crate::rules::Validator::new();
        for catalog in &catalogs {
            assert_eq!(validator.validate(catalog), validate(catalog));
        }
    }
}
