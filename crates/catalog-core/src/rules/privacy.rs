//! Personal data at risk: citizen ID numbers and bank cards anywhere in an entry, and name rosters
//! (名单/公示) of the poverty/relief/subsidy/land domains published to everyone on the website.
//! 国办《2018年政务公开工作要点》: personal information must be de-identified before publication.

use super::At;
use crate::diagnostic::{Diagnostic, Finding};
use crate::domains;
use crate::model::Entry;

/// Domains whose rosters carry personal data (reference §8.2).
const ROSTER_DOMAINS: [&str; 5] = ["社会救助", "扶贫", "农村危房改造", "涉农补贴", "农村集体土地征收"];

/// Every text field of an entry with its v1 name.
fn texts(e: &Entry) -> impl Iterator<Item = (&'static str, &str)> {
    let item = e.item.iter().map(|s| ("item", s.as_str()));
    let fields = [("content", e.content.as_str()), ("subject", e.subject.as_str()), ("basis", e.basis.as_str())];
    let group = e.audience_group.iter().map(|s| ("audience_group", s.as_str()));
    let extra = e.extra.values().map(|s| ("extra", s.as_str()));
    item.chain(fields).chain(group).chain(extra)
}

/// Runs of ASCII digits (an `X`/`x` may end an ID number); spaces inside a card number (`6222 0212 …`) join.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if (c == 'X' || c == 'x') && cur.len() == 17 {
            cur.push('X');
        } else if c == ' ' && !cur.is_empty() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
            // keep grouping spaces inside one number
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// GB 11643 citizen ID number: 18 characters, plausible birth date, ISO 7064 MOD 11-2 check character.
pub fn is_id_number(s: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = *b"10X98765432";
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(6..10), num(10..12), num(12..14));
    if !(1900..=2099).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let sum: u32 = b[..17].iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize] == b[17].to_ascii_uppercase()
}

/// A bank card number: 16 to 19 digits starting with a card-scheme digit, passing the Luhn check.
pub fn is_bank_card(s: &str) -> bool {
    let b = s.as_bytes();
    if !(16..=19).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) || !(b'3'..=b'6').contains(&b[0]) {
        return false;
    }
    let sum: u32 = b
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    sum % 10 == 0
}

/// First four and last two characters, the rest starred: enough to find it, not enough to leak it.
fn mask(s: &str) -> String {
    s.char_indices().map(|(i, c)| if i < 4 || i + 2 >= s.len() { c } else { '*' }).collect()
}

pub(super) fn check(at: &At, out: &mut Vec<Diagnostic>) {
    let e = at.entry;
    for (field, text) in texts(e) {
        for run in digit_runs(text) {
            if is_id_number(&run) {
                out.push(at.diag(Finding::PrivacyIdNumber { masked: mask(&run) }, field, None));
            } else if is_bank_card(&run) {
                out.push(at.diag(Finding::PrivacyBankCard { masked: mask(&run) }, field, None));
            }
        }
    }

    let Some(domain) = domains::canonical(&e.domain) else { return };
    let roster = e.item.iter().chain([&e.content]).any(|t| t.contains("名单") || t.contains("公示"));
    if ROSTER_DOMAINS.contains(&domain)
        && roster
        && e.audience.trim() == "全社会"
        && e.channels.iter().any(|c| c.trim() == "政府网站")
    {
        out.push(at.diag(Finding::PrivacyRoster { domain: domain.to_owned() }, "channels", None));
    }
}
