//! A starting catalog built from a domain's guideline items (what the new-catalog wizard and
//! `catalog template` produce).

use crate::model::{Catalog, Entry, Meta};
use crate::seeds::DomainGuide;

/// The guideline items that apply at `level` (`县级`/`乡级`), as v1 entries with ids `NN-001`, `NN-002`, ….
pub fn entries_for(guide: &DomainGuide, level: &str) -> Vec<Entry> {
    guide
        .items
        .iter()
        .filter(|item| item.applies_to(level))
        .enumerate()
        .map(|(i, item)| Entry {
            id: format!("{:02}-{:03}", guide.number, i + 1),
            domain: guide.name.clone(),
            item: item.item.clone(),
            content: item.content.clone(),
            basis: item.basis.clone(),
            time_limit: item.time_limit.clone(),
            subject: item.subject.clone(),
            // Canonical order, as every editor and export writes them (the seeds keep the source's order).
            channels: crate::rules::normalise_channels(&item.channels.required),
            audience: item.audience.clone(),
            audience_group: item.audience_group.clone(),
            mode: item.mode.clone(),
            withheld_reason: None,
            levels: item.levels.clone(),
            ..Entry::default()
        })
        .collect()
}

/// A one-domain starting catalog for a government of `level`.
pub fn template(guide: &DomainGuide, level: &str) -> Catalog {
    let meta = Meta {
        title: format!("{}领域基层政务公开标准目录", guide.name),
        level: level.to_owned(),
        revision: guide.guideline.document_number.as_ref().map(|n| format!("依据{n}")),
        ..Meta::default()
    };
    let mut catalog = Catalog::new(meta);
    catalog.entries = entries_for(guide, level);
    catalog
}
