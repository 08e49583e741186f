//! Controlled vocabularies (channels, levels, audience, mode), read from `seeds/vocab/*.json`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::text::fold_key;

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

#[derive(Debug, Deserialize)]
struct ChannelFile {
    variants: Vec<ChannelVariant>,
    platforms: Vec<Platform>,
}

#[derive(Debug, Deserialize)]
struct ChannelVariant {
    variant: String,
    canonical: String,
}

#[derive(Debug, Deserialize)]
struct Platform {
    name: String,
}

#[derive(Debug, Deserialize)]
struct LevelFile {
    labels: Vec<LevelLabel>,
    government_levels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct LevelLabel {
    label: String,
    means: Vec<String>,
    #[serde(default)]
    split: bool,
}

#[derive(Debug, Deserialize)]
struct LabelFile {
    labels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    label: String,
    means: String,
}

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

#[derive(Debug)]
struct Vocab {
    /// (folded key, canonical name) for canonical names and variants, longest key first.
    channel_names: Vec<(String, &'static str)>,
    /// Named platforms: (folded key, name as written in the vocabulary), longest first.
    platforms: Vec<(String, String)>,
    levels: Vec<(String, Vec<String>, bool)>,
    government_levels: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    errors: Vec<String>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
    serde_json::from_str(text).map_err(|e| errors.push(format!("seeds/vocab/{name}: {e}"))).ok()
}

fn labels(file: Option<LabelFile>) -> Vec<(String, String)> {
    file.map(|f| f.labels.into_iter().map(|l| (fold_key(&l.label), l.means)).collect()).unwrap_or_default()
}

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut errors = Vec::new();
        let channels: Option<ChannelFile> =
            parse("channels.json", include_str!("../../../seeds/vocab/channels.json"), &mut errors);
        let levels: Option<LevelFile> =
            parse("levels.json", include_str!("../../../seeds/vocab/levels.json"), &mut errors);
        let audiences = labels(parse("audience.json", include_str!("../../../seeds/vocab/audience.json"), &mut errors));
        let modes = labels(parse("modes.json", include_str!("../../../seeds/vocab/modes.json"), &mut errors));

        let mut channel_names: Vec<(String, &'static str)> =
            CANONICAL_CHANNELS.iter().map(|c| (fold_key(c), *c)).collect();
        let mut platforms = Vec::new();
        if let Some(file) = channels {
            for v in file.variants {
                match CANONICAL_CHANNELS.iter().find(|c| **c == v.canonical) {
                    Some(c) => channel_names.push((fold_key(&v.variant), c)),
                    None => errors.push(format!("seeds/vocab/channels.json: {} is not canonical", v.canonical)),
                }
            }
            platforms = file.platforms.into_iter().map(|p| (fold_key(&p.name), p.name)).collect();
            platforms.sort_by_key(|(key, _)| std::cmp::Reverse(key.chars().count()));
        }
        channel_names.sort_by_key(|(key, _)| std::cmp::Reverse(key.chars().count()));

        let (levels, government_levels) = match levels {
            Some(file) => (
                file.labels.into_iter().map(|l| (fold_key(&l.label), l.means, l.split)).collect(),
                file.government_levels.into_iter().map(|l| (fold_key(&l.label), l.means)).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Vocab { channel_names, platforms, levels, government_levels, audiences, modes, errors }
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
    let key = fold_key(name);
    if let Some((_, c)) = vocab().channel_names.iter().find(|(k, _)| *k == key) {
        return ChannelKind::Variant(c);
    }
    if vocab().platforms.iter().any(|(k, _)| *k == key) { ChannelKind::Platform } else { ChannelKind::Other }
}

/// Canonical and variant channel names as (folded key, canonical), longest first: the channel-cell parser
/// matches these greedily so names that contain `/` or `、` are not split apart.
pub fn channel_names() -> &'static [(String, &'static str)] {
    &vocab().channel_names
}

/// Named platforms as (folded key, name), longest first: matched whole so `公开查阅点/政务公开专区` stays one channel.
pub fn platform_names() -> &'static [(String, String)] {
    &vocab().platforms
}

/// What a 公开层级 label means as 县级/乡级/村级 (or 市级/省级); empty when unknown.
pub fn level_means(label: &str) -> &'static [String] {
    let key = fold_key(label);
    vocab().levels.iter().find(|(k, _, _)| *k == key).map(|(_, m, _)| m.as_slice()).unwrap_or(&[])
}

/// Whether a level label names two levels at once (`乡、村级`) and should be split.
pub fn level_is_compound(label: &str) -> bool {
    let key = fold_key(label);
    vocab().levels.iter().any(|(k, _, split)| *k == key && *split)
}

/// The v1 government level (`县级`/`乡级`) a label such as `乡镇` or `街道` means.
pub fn government_level(label: &str) -> Option<&'static str> {
    let key = fold_key(label);
    vocab().government_levels.iter().find(|(k, _)| *k == key).map(|(_, m)| m.as_str())
}

/// The v1 公开对象 a label such as `特定群众` means.
pub fn audience(label: &str) -> Option<&'static str> {
    let key = fold_key(label);
    vocab().audiences.iter().find(|(k, _)| *k == key).map(|(_, m)| m.as_str())
}

/// The v1 公开方式 a label such as `主动公开` means.
pub fn mode(label: &str) -> Option<&'static str> {
    let key = fold_key(label);
    vocab().modes.iter().find(|(k, _)| *k == key).map(|(_, m)| m.as_str())
}
