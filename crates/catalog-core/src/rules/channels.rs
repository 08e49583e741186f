//! Channels: the 13 canonical names written exactly; variants and pasted checklists get a one-click fix.

use super::{At, fix};
use crate::diagnostic::{Diagnostic, Finding};
use crate::parse::channels::parse_channels;
use crate::vocab::{CANONICAL_CHANNELS, ChannelKind, channel_kind};

/// The channel list with every variant made canonical and every pasted checklist split: canonical channels in
/// checklist order, then the named others as they came.
pub fn normalise_channels(channels: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in channels {
        let names = match channel_kind(raw.trim()) {
            ChannelKind::Canonical(c) | ChannelKind::Variant(c) => vec![c.to_owned()],
            ChannelKind::Platform => vec![raw.trim().to_owned()],
            ChannelKind::Other => parse_channels(raw).channels(),
        };
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    let mut ordered: Vec<String> =
        CANONICAL_CHANNELS.iter().filter(|c| out.iter().any(|o| o == *c)).map(|c| (*c).to_owned()).collect();
    ordered.extend(out.into_iter().filter(|o| !CANONICAL_CHANNELS.contains(&o.as_str())));
    ordered
}

pub(super) fn check(at: &At, out: &mut Vec<Diagnostic>) {
    let channels = &at.entry.channels;
    let mut findings = Vec::new();
    for raw in channels.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        match channel_kind(raw) {
            ChannelKind::Canonical(_) | ChannelKind::Platform => {}
            ChannelKind::Variant(c) => {
                findings.push(Finding::ChannelVariant { raw: raw.to_owned(), canonical: c.to_owned() })
            }
            ChannelKind::Other => {
                let cell = parse_channels(raw);
                if cell.checklist || cell.ticked.len() > 1 {
                    findings.push(Finding::ChannelUnparsed { raw: raw.to_owned() });
                } else {
                    findings.push(Finding::ChannelOther { name: raw.to_owned() });
                }
            }
        }
    }
    // Most entries have no finding here: the repair is worked out only when one needs it.
    let mut fixed: Option<Vec<String>> = None;
    for finding in findings {
        let repair = match finding {
            Finding::ChannelOther { .. } => None,
            _ => fix("channels", fixed.get_or_insert_with(|| normalise_channels(channels)).clone()),
        };
        out.push(at.diag(finding, "channels", repair));
    }
}
