//! 公开对象 and 公开方式 use the v1 words; 特定群体 names who; 不予公开 gives its legal reason.

use super::{At, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::text::is_blank;
use crate::vocab::{self, AUDIENCES, MODES};

pub(super) fn check(at: &At, out: &mut Vec<Diagnostic>) {
    let e = at.entry;
    let audience = e.audience.trim();
    if !audience.is_empty() && !AUDIENCES.contains(&audience) {
        let suggestion = vocab::audience(audience);
        let repair = suggestion.and_then(|s| fix("audience", s));
        out.push(at.diag(Finding::AudienceUnknown { value: audience.to_owned(), suggestion }, "audience", repair));
    }
    let audience = vocab::audience(audience).unwrap_or(audience);
    if audience == "特定群体" && e.audience_group.as_deref().is_none_or(is_blank) {
        out.push(at.diag(Finding::AudienceGroupMissing, "audience_group", None));
    }

    let mode = e.mode.trim();
    if !mode.is_empty() && !MODES.contains(&mode) {
        let suggestion = vocab::mode(mode);
        let repair = suggestion.and_then(|s| fix("mode", s));
        out.push(at.diag(Finding::ModeUnknown { value: mode.to_owned(), suggestion }, "mode", repair));
    }
    let mode = vocab::mode(mode).unwrap_or(mode);
    if mode == "不予公开" && e.withheld_reason.as_deref().is_none_or(is_blank) {
        out.push(at.diag(Finding::WithheldNoReason, "withheld_reason", None));
    }
}
