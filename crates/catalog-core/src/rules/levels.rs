//! 公开层级: known labels, compound labels split, and consistent with the compiling government's level.

use super::{At, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::vocab::level_label;

/// Levels a catalog of `meta_level` may list: a township publishes at 乡 and 村 level; a county at 县, 乡 and 村.
fn allowed(meta_level: &str) -> &'static [&'static str] {
    match meta_level {
        "乡级" => &["乡级", "村级"],
        "县级" => &["县级", "乡级", "村级"],
        _ => &[],
    }
}

pub(super) fn check(at: &At, meta_level: &str, out: &mut Vec<Diagnostic>) {
    let levels: Vec<&str> = at.entry.levels.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    if levels.is_empty() {
        return;
    }
    // Each label looked up once (every look-up folds the label anew).
    let looked_up: Vec<(&str, &'static [String], bool)> = levels
        .iter()
        .map(|label| {
            let (means, compound) = level_label(label);
            (*label, means, compound)
        })
        .collect();
    let mut split: Vec<String> = Vec::new();
    let mut compound = Vec::new();
    for &(label, means, is_compound) in &looked_up {
        if means.is_empty() {
            out.push(at.diag(Finding::LevelUnknown { label: label.to_owned() }, "levels", None));
        }
        let parts: Vec<String> = if is_compound { means.to_vec() } else { vec![label.to_owned()] };
        if is_compound {
            compound.push(label);
        }
        for part in parts {
            if !split.contains(&part) {
                split.push(part);
            }
        }
    }
    for label in compound {
        out.push(at.diag(Finding::LevelCompound { label: label.to_owned() }, "levels", fix("levels", split.clone())));
    }

    let allowed = allowed(meta_level.trim());
    let known: Vec<&String> = looked_up.iter().flat_map(|(_, means, _)| means.iter()).collect();
    if !allowed.is_empty() && !known.is_empty() && !known.iter().any(|m| allowed.contains(&m.as_str())) {
        out.push(at.diag(
            Finding::LevelInconsistent { meta_level: meta_level.trim().to_owned(), levels: levels.join("、") },
            "levels",
            None,
        ));
    }
}
