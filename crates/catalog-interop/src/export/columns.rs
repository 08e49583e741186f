//! Which columns an export needs for a set of entries: the standard ones, plus 三级事项, 不予公开, extra level
//! labels and extra columns only when some entry uses them.

use catalog_core::model::{Catalog, Entry};

/// The shape of an exported table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub third_level: bool,
    pub withheld: bool,
    /// Level tick columns: 县级, 乡级 always; 村级 and other labels when used; in a stable order.
    pub levels: Vec<String>,
    /// Extra column headers in first-seen order.
    pub extra: Vec<String>,
}

const LEVEL_ORDER: [&str; 5] = ["省级", "市级", "县级", "乡级", "村级"];

impl Shape {
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a Entry> + Clone) -> Shape {
        let mut levels: Vec<String> = vec!["县级".into(), "乡级".into()];
        let mut extra: Vec<String> = Vec::new();
        let (mut third_level, mut withheld) = (false, false);
        for e in entries {
            third_level |= e.item.len() > 2;
            withheld |= e.mode == "不予公开" || e.withheld_reason.is_some();
            for l in &e.levels {
                if !levels.contains(l) {
                    levels.push(l.clone());
                }
            }
            for k in e.extra.keys() {
                if !extra.contains(k) {
                    extra.push(k.clone());
                }
            }
        }
        let rank = |l: &String| LEVEL_ORDER.iter().position(|k| k == l).unwrap_or(LEVEL_ORDER.len());
        levels.sort_by_key(rank);
        Shape { third_level, withheld, levels, extra }
    }

    /// How many 公开事项 columns.
    pub fn item_columns(&self) -> usize {
        if self.third_level { 3 } else { 2 }
    }
}

/// Entries grouped by domain, domains in order of first appearance.
pub fn by_domain(catalog: &Catalog) -> Vec<(String, Vec<&Entry>)> {
    let mut groups: Vec<(String, Vec<&Entry>)> = Vec::new();
    for e in &catalog.entries {
        match groups.iter_mut().find(|(d, _)| *d == e.domain) {
            Some((_, list)) => list.push(e),
            None => groups.push((e.domain.clone(), vec![e])),
        }
    }
    groups
}
