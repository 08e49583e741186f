//! 公开时限: recognisable, with a trigger, and within the statutory 20 working days unless a rule says otherwise.

use super::At;
use super::memo::Memo;
use crate::diagnostic::{Diagnostic, Finding};
use crate::parse::basis::Basis;
use crate::parse::time_limit::{DayUnit, TimeRule};

/// 条例第二十六条: 20 working days. Calendar periods are compared as 4 weeks (20 working days).
fn exceeds_default(amount: u32, unit: DayUnit) -> bool {
    match unit {
        DayUnit::WorkingDays => amount > 20,
        DayUnit::Days => amount > 28,
        DayUnit::Weeks => amount > 4,
        DayUnit::Months => amount >= 1,
        DayUnit::Hours => false,
    }
}

/// `basis` is the entry's 公开依据 parsed: a law it cites may set its own limit.
pub(super) fn check(at: &At, memo: &mut Memo, basis: &Basis, out: &mut Vec<Diagnostic>) {
    let text = at.entry.time_limit.trim();
    if text.is_empty() {
        return;
    }
    let parsed = memo.time_limit(text);
    if !parsed.has_recognised_clause() {
        out.push(at.diag(Finding::TimeUnrecognised { text: text.to_owned() }, "time_limit", None));
        return;
    }
    for clause in parsed.bare_durations() {
        out.push(at.diag(Finding::TimeNoTrigger { clause: clause.text.clone() }, "time_limit", None));
    }
    let cites_other_rule = parsed.says_otherwise_provided() || basis.cites_beyond_disclosure_regulation();
    if cites_other_rule {
        return;
    }
    for clause in &parsed.clauses {
        if let TimeRule::Within { amount, unit, .. } = clause.rule
            && exceeds_default(amount, unit)
        {
            out.push(at.diag(Finding::TimeExceedsDefault { clause: clause.text.clone() }, "time_limit", None));
        }
    }
}
