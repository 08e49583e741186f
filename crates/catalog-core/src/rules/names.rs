//! Another government's names left in a catalog (`entry.other-government`): see [`crate::names`].

use super::At;
use super::memo::Memo;
use crate::diagnostic::{Diagnostic, Finding};
use crate::model::Meta;
use crate::names::{self, Name};

pub(super) fn check(at: &At, meta: &Meta, memo: &mut Memo, out: &mut Vec<Diagnostic>) {
    let e = at.entry;
    let found: [(&'static str, Vec<Name>); 3] = [
        ("subject", names::in_subject(&e.subject)),
        ("basis", names::in_basis(&e.basis)),
        (
            "channels",
            e.channels
                .iter()
                .filter_map(|c| {
                    let p = names::province_of(c)?;
                    Some(Name { kind: names::Kind::Province, name: p.to_owned(), text: c.clone() })
                })
                .collect(),
        ),
    ];
    if found.iter().all(|(_, n)| n.is_empty()) {
        return;
    }
    // Most entries name no government: the catalog's own names are read only for those that do, once per catalog.
    let own = memo.own(meta);
    let seeded = names::seeded();
    for (field, list) in found {
        for name in list.iter().filter(|n| own.is_foreign(n, seeded)) {
            out.push(at.diag(Finding::OtherGovernment { name: name.text.clone() }, field, None));
        }
    }
}
