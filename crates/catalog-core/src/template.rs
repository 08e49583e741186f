//! A starting catalog built from a domain's guideline items (what the new-catalog wizard and
//! `catalog template` produce).
//!
//! Seed rows keep their source's wording, and many were read from one government's catalog; a template is the
//! township's own, so its rows carry the user's government (or the national table's neutral forms) instead of
//! the source's names, and leave out other provinces' documents and platforms ([`crate::names`]).

use crate::model::{Catalog, Entry, Meta};
use crate::names;
use crate::seeds::DomainGuide;

/// The guideline items that apply at `level` (`县级`/`乡级`), as v1 entries with ids `NN-001`, `NN-002`, ….
/// Fields a partial guideline item leaves unknown stay empty, for the user to fill in. `government`, when known,
/// takes the place of the source's township government in 公开主体.
pub fn entries_for(guide: &DomainGuide, level: &str, government: Option<&str>) -> Vec<Entry> {
    guide
        .items
        .iter()
        .filter(|item| item.applies_to(level))
        .enumerate()
        .map(|(i, item)| {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let channels = item.channels.as_ref().map(|c| names::own_channels(&c.required)).unwrap_or_default();
            Entry {
                id: format!("{:02}-{:03}", guide.number, i + 1),
                domain: guide.name.clone(),
                item: item.item.clone(),
                content: text(&item.content),
                basis: item.basis.as_deref().map(names::own_basis).unwrap_or_default(),
                time_limit: text(&item.time_limit),
                subject: item.subject.as_deref().map(|s| names::own_subject(s, government)).unwrap_or_default(),
                // Canonical order, as every editor and export writes them (the seeds keep the source's order).
                channels: crate::rules::normalise_channels(&channels),
                audience: text(&item.audience),
                audience_group: item.audience_group.clone(),
                mode: text(&item.mode),
                withheld_reason: None,
                levels: item.levels.clone(),
                ..Entry::default()
            }
        })
        .collect()
}

/// A one-domain starting catalog for a government of `level`, in the national table's neutral wording.
pub fn template(guide: &DomainGuide, level: &str) -> Catalog {
    template_for(guide, level, None)
}

/// [`template`] for a named government: its name goes where the source named its own.
pub fn template_for(guide: &DomainGuide, level: &str, government: Option<&str>) -> Catalog {
    let meta = Meta {
        title: format!("{}领域基层政务公开标准目录", guide.name),
        government: government.unwrap_or_default().to_owned(),
        level: level.to_owned(),
        revision: guide.guideline.document_number.as_ref().map(|n| format!("依据{n}")),
        ..Meta::default()
    };
    let mut catalog = Catalog::new(meta);
    catalog.entries = entries_for(guide, level, government);
    catalog
}
