//! Personal data at risk: citizen ID numbers, bank cards and individuals' mobile numbers anywhere in an entry
//! (found by [`crate::privacy`]), and name rosters (名单/公示) of the poverty/relief/subsidy/land domains published
//! to everyone on the website.
//! 国办《2018年政务公开工作要点》: personal information must be de-identified before publication.

use super::At;
use crate::diagnostic::{Diagnostic, Finding};
use crate::domains;
use crate::privacy::Kind;

/// Domains whose rosters carry personal data (reference §8.2).
const ROSTER_DOMAINS: [&str; 5] = ["社会救助", "扶贫", "农村危房改造", "涉农补贴", "农村集体土地征收"];

/// First four and last two characters, the rest starred: enough to find it, not enough to leak it.
fn mask(s: &str) -> String {
    s.char_indices().map(|(i, c)| if i < 4 || i + 2 >= s.len() { c } else { '*' }).collect()
}

pub(super) fn check(at: &At, out: &mut Vec<Diagnostic>) {
    let e = at.entry;
    for (field, text) in crate::privacy::entry_texts(e) {
        for found in crate::privacy::find(text) {
            let finding = match found.kind {
                Kind::IdNumber => Finding::PrivacyIdNumber { masked: mask(&found.digits) },
                Kind::BankCard => Finding::PrivacyBankCard { masked: mask(&found.digits) },
                Kind::Mobile => Finding::PrivacyPhone { masked: crate::privacy::masked_number(&found, text) },
            };
            out.push(at.diag(finding, field, None));
        }
    }

    let Some(domain) = domains::canonical(&e.domain) else { return };
    // The cheap tests first: the text search runs only for the few entries it can matter for.
    let roster = || e.item.iter().chain([&e.content]).any(|t| t.contains("名单") || t.contains("公示"));
    if ROSTER_DOMAINS.contains(&domain)
        && e.audience.trim() == "全社会"
        && e.channels.iter().any(|c| c.trim() == "政府网站")
        && roster()
    {
        out.push(at.diag(Finding::PrivacyRoster { domain: domain.to_owned() }, "channels", None));
    }
}
