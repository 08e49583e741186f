//! 公开依据: well-formed citations, normalised document numbers, no generic-only text, no template placeholders.

use super::{At, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::parse::basis::{Basis, BasisProblem};

/// `parsed` is the entry's 公开依据 parsed.
pub(super) fn check(at: &At, parsed: &Basis, out: &mut Vec<Diagnostic>) {
    let text = at.entry.basis.as_str();
    if text.trim().is_empty() {
        return;
    }
    let normalised = parsed.normalized(text);
    for problem in &parsed.problems {
        let (finding, repair) = match problem {
            BasisProblem::UnbalancedTitle { text } => (Finding::BasisUnbalanced { text: text.clone() }, None),
            BasisProblem::GarbledDocNumber { raw } => (Finding::BasisGarbledNumber { raw: raw.clone() }, None),
            BasisProblem::NonStandardDocNumber { raw, normalized } => (
                Finding::BasisNonStandardNumber { raw: raw.clone(), normalized: normalized.clone() },
                normalised.clone().and_then(|n| fix("basis", n)),
            ),
            BasisProblem::Placeholder { text } => (Finding::BasisPlaceholder { text: text.clone() }, None),
        };
        out.push(at.diag(finding, "basis", repair));
    }
    if parsed.generic_only() {
        out.push(at.diag(Finding::BasisGenericOnly { text: quoted(text) }, "basis", None));
    }
}

/// A cell's words for a message: trimmed, at most 40 characters.
fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// 公开内容 that lists documents (政策法规文件 rows): a garbled 文号 there is as wrong as in the 依据. Only content
/// with a 文号 bracket is parsed.
pub(super) fn check_content(at: &At, memo: &mut super::memo::Memo, out: &mut Vec<Diagnostic>) {
    let text = at.entry.content.as_str();
    if !text.contains(['〔', '[', '［', '【']) {
        return;
    }
    for problem in &memo.basis(text).problems {
        if let BasisProblem::GarbledDocNumber { raw } = problem {
            out.push(at.diag(Finding::ContentGarbledNumber { raw: raw.clone() }, "content", None));
        }
    }
}
