//! Controlled vocabularies (channels, levels, audience, mode), read from `seeds/vocab/*.json`.

use std::sync::OnceLock;

use crate::compact::Tokens;
use crate::text::{fold_key, folded};

/// The 13 canonical channels, written exactly as format v1 requires, in the guideline's checklist order.
pub const CANONICAL_CHANNELS: [&str; 13] = [
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
];

/// The three 公开方式 values of format v1.
pub const MODES: [&str; 3] = ["主动", "依申请", "不予公开"];
/// The two 公开对象 values of format v1.
pub const AUDIENCES: [&str; 2] = ["全社会", "特定群体"];
/// The two compiling-government levels of format v1.
pub const GOVERNMENT_LEVELS: [&str; 2] = ["县级", "乡级"];

/// How a channel name relates to the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    /// One of the 13, written exactly.
    Canonical(&'static str),
    /// A spelling variant of one of the 13.
    Variant(&'static str),
    /// A named platform seen in real catalogs, kept as written.
    Platform,
    /// Anything else: kept as written.
    Other,
}

/// A channel name the vocabulary knows, as the cell parser matches it.
#[derive(Debug)]
pub struct KnownChannel {
    /// Folded lookup key (see [`fold_key`]).
    pub key: String,
    /// The canonical name it means, or the platform's name as written.
    pub name: String,
    /// One of the 13 or a spelling variant of one (false: a named platform).
    pub standard: bool,
}

#[derive(Debug)]
struct Vocab {
    /// Canonical names, their variants and named platforms, longest key first.
    channels: Vec<KnownChannel>,
    levels: Vec<(String, Vec<String>, bool)>,
    government_levels: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    errors: Vec<String>,
}

/// The compact text of a vocabulary file (see build.rs), or why it is missing.
fn seed(name: &str, errors: &mut Vec<String>) -> Option<&'static str> {
    match crate::seeds::VOCAB_SEEDS.iter().find(|(file, _)| *file == name) {
        Some((_, Ok(text))) => Some(text),
        Some((_, Err(why))) => {
            errors.push(format!("seeds/vocab/{name}: {why}"));
            None
        }
        None => {
            errors.push(format!("seeds/vocab/{name}: missing"));
            None
        }
    }
}

/// Decode a vocabulary file; a malformed one is reported and left empty.
fn decode<T>(name: &str, errors: &mut Vec<String>, read: impl FnOnce(&mut Tokens) -> Option<T>) -> Option<T> {
    let mut tokens = Tokens::new(seed(name, errors)?);
    let value = read(&mut tokens).filter(|_| tokens.done());
    if value.is_none() {
        errors.push(format!("seeds/vocab/{name}: the embedded encoding does not decode"));
    }
    value
}

/// `[(label, means)]`, folded.
fn pairs(t: &mut Tokens) -> Option<Vec<(String, String)>> {
    t.list(|t| Some((fold_key(&t.str()?), t.str()?)))
}

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut errors = Vec::new();
        let channels_file =
            decode("channels.json", &mut errors, |t| Some((t.list(|t| Some((t.str()?, t.str()?)))?, t.strings()?)));
        let levels_file = decode("levels.json", &mut errors, |t| {
            let labels = t.list(|t| Some((fold_key(&t.str()?), t.strings()?, t.bool()?)))?;
            Some((labels, pairs(t)?))
        });
        let audiences = decode("audience.json", &mut errors, pairs).unwrap_or_default();
        let modes = decode("modes.json", &mut errors, pairs).unwrap_or_default();

        let known =
            |key: &str, name: &str, standard| KnownChannel { key: fold_key(key), name: name.to_owned(), standard };
        let mut channels: Vec<KnownChannel> = CANONICAL_CHANNELS.iter().map(|c| known(c, c, true)).collect();
        if let Some((variants, platforms)) = channels_file {
            for (variant, canonical) in variants {
                if CANONICAL_CHANNELS.contains(&canonical.as_str()) {
                    channels.push(known(&variant, &canonical, true));
                } else {
                    errors.push(format!("seeds/vocab/channels.json: {canonical} is not canonical"));
                }
            }
            channels.extend(platforms.iter().map(|p| known(p, p, false)));
        }
        // Longest keys first, file order kept among equals: `sort_by_key`'s order, counted out by key length
        // instead (a stable sort would be the only one in the wasm build, ≈ 1 KB gzip).
        let lens: Vec<usize> = channels.iter().map(|c| c.key.chars().count()).collect();
        let mut slots: Vec<Option<KnownChannel>> = channels.into_iter().map(Some).collect();
        let mut channels = Vec::with_capacity(slots.len());
        for len in (0..=lens.iter().copied().max().unwrap_or(0)).rev() {
            for (slot, _) in slots.iter_mut().zip(&lens).filter(|(_, l)| **l == len) {
                channels.extend(slot.take());
            }
        }
        let (levels, government_levels) = levels_file.unwrap_or_default();
        Vocab { channels, levels, government_levels, audiences, modes, errors }
    })
}

/// Vocabulary files that failed to load (tests keep this empty).
pub fn vocab_errors() -> &'static [String] {
    &vocab().errors
}

/// Classify one channel name.
pub fn channel_kind(name: &str) -> ChannelKind {
    if let Some(c) = CANONICAL_CHANNELS.iter().find(|c| **c == name) {
        return ChannelKind::Canonical(c);
    }
    let key = folded(name);
    match vocab().channels.iter().find(|c| *c.key == *key) {
        Some(c) if c.standard => {
            CANONICAL_CHANNELS.iter().find(|k| **k == c.name).map_or(ChannelKind::Other, |k| ChannelKind::Variant(k))
        }
        Some(_) => ChannelKind::Platform,
        None => everyday_name(&key).map_or(ChannelKind::Other, ChannelKind::Variant),
    }
}

/// Everyday names of two canonical channels, recognised by their ending: a notice board of any village, community
/// or office (村委会公示栏, 村务公开栏, 镇政府公告栏 → the 公示栏 box) and a government's own site (铁力市政府网站 → 政府网站).
/// Names the vocabulary lists are looked up first (被征收范围内公告栏 stays a named channel).
fn everyday_name(key: &str) -> Option<&'static str> {
    const BOARDS: [&str; 4] = ["公示栏", "公告栏", "公开栏", "宣传栏"];
    const SITES: [&str; 2] = ["政府网站", "政府门户网站"];
    // One plain name only: a pasted checklist or list (■…■政府网站) is not a name.
    let plain = key.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "（）()/".contains(c));
    let short = plain && key.chars().count() <= 24;
    if short && BOARDS.iter().any(|b| key.ends_with(b)) {
        return Some("社区/企事业单位/村公示栏（电子屏）");
    }
    if short && SITES.iter().any(|s| key.ends_with(s)) {
        return Some("政府网站");
    }
    None
}

/// Every channel name the vocabulary knows, longest first: the cell parser matches these greedily so names that
/// contain `/` or `、` (社区/企事业单位/村公示栏（电子屏）, 公开查阅点/政务公开专区) are not split apart.
pub fn known_channels() -> &'static [KnownChannel] {
    &vocab().channels
}

/// What a 公开层级 label means as 县级/乡级/村级 (or 市级/省级); empty when unknown.
pub fn level_means(label: &str) -> &'static [String] {
    level_label(label).0
}

/// Whether a level label names two levels at once (`乡、村级`) and should be split.
pub fn level_is_compound(label: &str) -> bool {
    level_label(label).1
}

/// [`level_means`] and [`level_is_compound`] in one look-up.
pub(crate) fn level_label(label: &str) -> (&'static [String], bool) {
    let key = folded(label);
    let mut found = vocab().levels.iter().filter(|(k, _, _)| **k == *key);
    // The first label with the key gives the meaning; any with the key marks it compound.
    let means = found.next().map(|(_, m, split)| (m.as_slice(), *split));
    match means {
        Some((m, split)) => (m, split || found.any(|(_, _, s)| *s)),
        None => (&[], false),
    }
}

/// The v1 government level (`县级`/`乡级`) a label such as `乡镇` or `街道` means.
pub fn government_level(label: &str) -> Option<&'static str> {
    let key = folded(label);
    vocab().government_levels.iter().find(|(k, _)| **k == *key).map(|(_, m)| m.as_str())
}

/// The v1 公开对象 a label such as `特定群众` means.
pub fn audience(label: &str) -> Option<&'static str> {
    let key = folded(label);
    vocab().audiences.iter().find(|(k, _)| **k == *key).map(|(_, m)| m.as_str())
}

/// The v1 公开方式 a label such as `主动公开` means.
pub fn mode(label: &str) -> Option<&'static str> {
    let key = folded(label);
    vocab().modes.iter().find(|(k, _)| **k == *key).map(|(_, m)| m.as_str())
}

/// Levels written as words in one cell, as staff type them: `县级、乡、村级` → 县级, 乡级, 村级 (a bare `乡` left by
/// the split means 乡级; compound labels such as `乡、村级` are split; other labels are kept as written).
pub fn split_levels(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(['、', '，', ',', '；', ';', '/', '\n', ' ']).map(str::trim).filter(|t| !t.is_empty()) {
        let with_ji = format!("{token}级");
        let label =
            if !token.ends_with('级') && !level_means(&with_ji).is_empty() { with_ji } else { token.to_owned() };
        let parts = if level_is_compound(&label) { level_means(&label).to_vec() } else { vec![label] };
        for part in parts {
            if !out.contains(&part) {
                out.push(part);
            }
        }
    }
    out
}
