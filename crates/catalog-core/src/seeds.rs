//! The 26 domains' guideline items (`seeds/domains/*.json`), embedded at compile time.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::compact::Tokens;

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// One domain's national guideline (标准指引) and its standard items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Domain guideline seed (seeds/domains/*.json)")]
pub struct DomainGuide {
    /// Order in the list of 26 pilot domains (1..=26); later national domains (交通运输, 水利 …) follow from 27.
    #[schemars(range(min = 1, max = 99))]
    pub number: u8,
    /// Canonical domain name, e.g. `社会救助`.
    pub name: String,
    /// Other names seen in real catalogs (e.g. `环境保护` for 生态环境).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub guideline: Guideline,
    pub completeness: Completeness,
    /// The guideline's structure as a public text states it (how many 一级 and leaf items), when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Stated>,
    /// Where the items come from and what is missing.
    pub notes: String,
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceDoc>,
    pub items: Vec<GuideItem>,
}

/// The national guideline document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Guideline {
    pub title: String,
    pub issuer: Option<String>,
    pub document_number: Option<String>,
    /// ISO date when known.
    pub date: Option<String>,
    /// Where the title and number were confirmed.
    pub source: Option<String>,
}

/// The size of a guideline as a public text states it: the yardstick for how much of it the seed holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    /// Number of 一级事项 (类, 方面) stated, when the text states it.
    pub first_level: Option<u32>,
    /// Number of leaf items (二级事项, or 一级 where the table has no 二级) stated, when the text states it.
    pub items: Option<u32>,
    /// The sentence that states it, as written.
    pub quote: String,
    /// Where it is stated.
    pub source: String,
}

/// Whether the seed holds the guideline's whole first-level structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    Full,
    Partial,
}

/// A document the items were read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// One standard item of a guideline. A row that could be read only in part is still seeded (`partial`): its path
/// counts for the structure, and the fields not read are `None`, never guessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuideItem {
    #[schemars(length(min = 1, max = 3), inner(length(min = 1)))]
    pub item: Vec<String>,
    /// Some fields of the row could not be read (they are `null`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    pub content: Option<String>,
    /// Content elements where the source marks ●必选 / 〇可选.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<Element>,
    pub basis: Option<String>,
    pub time_limit: Option<String>,
    pub subject: Option<String>,
    pub channels: Option<GuideChannels>,
    #[schemars(extend("enum" = ["全社会", "特定群体", null]))]
    pub audience: Option<String>,
    #[serde(default)]
    pub audience_group: Option<String>,
    #[schemars(extend("enum" = ["主动", "依申请", null]))]
    pub mode: Option<String>,
    /// Empty only on a partial item whose levels were not read.
    pub levels: Vec<String>,
    /// Id of the entry in `sources` this item was read from.
    pub source: String,
}

/// A content element marked ●必选 (`required: true`) or 〇可选.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub name: String,
    pub required: bool,
}

/// Channels the guideline marks ■必选 and □可选.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuideChannels {
    pub required: Vec<String>,
    /// Listed □ boxes; empty means the rest of the 13 are optional.
    #[serde(default)]
    pub optional: Vec<String>,
}

struct Loaded {
    guides: Vec<DomainGuide>,
    errors: Vec<String>,
}

/// One domain guide from its compact encoding (field order of `build/compact.rs::domain`).
fn decode(t: &mut Tokens) -> Option<DomainGuide> {
    let number = t.count()?.try_into().ok()?;
    let name = t.str()?;
    let aliases = t.strings()?;
    let guideline =
        Guideline { title: t.str()?, issuer: t.opt()?, document_number: t.opt()?, date: t.opt()?, source: t.opt()? };
    let completeness = match t.str()?.as_str() {
        "full" => Completeness::Full,
        "partial" => Completeness::Partial,
        _ => return None,
    };
    let stated = match t.bool()? {
        false => None,
        true => Some(Stated { first_level: t.number()?, items: t.number()?, quote: t.str()?, source: t.str()? }),
    };
    let notes = t.str()?;
    let sources = t.list(|t| Some(SourceDoc { id: t.str()?, title: t.str()?, url: t.str()? }))?;
    let items = t.list(|t| {
        Some(GuideItem {
            item: t.strings()?,
            partial: t.bool()?,
            content: t.opt()?,
            elements: t.list(|t| Some(Element { name: t.str()?, required: t.bool()? }))?,
            basis: t.opt()?,
            time_limit: t.opt()?,
            subject: t.opt()?,
            channels: match t.bool()? {
                false => None,
                true => Some(GuideChannels { required: t.strings()?, optional: t.strings()? }),
            },
            audience: t.opt()?,
            audience_group: t.opt()?,
            mode: t.opt()?,
            levels: t.strings()?,
            source: t.str()?,
        })
    })?;
    let guide = DomainGuide { number, name, aliases, guideline, completeness, stated, notes, sources, items };
    t.done().then_some(guide)
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let mut guides = Vec::new();
        let mut errors = Vec::new();
        for (file, seed) in DOMAIN_SEEDS {
            match seed.map(|text| decode(&mut Tokens::new(text))) {
                Ok(Some(guide)) => guides.push(guide),
                Ok(None) => errors.push(format!("seeds/domains/{file}: the embedded encoding does not decode")),
                Err(why) => errors.push(format!("seeds/domains/{file}: {why}")),
            }
        }
        Loaded { guides, errors }
    })
}

/// Every domain guideline, in the order of the 26 pilot domains (the files' `NN-` prefixes; build.rs sorts them).
pub fn guides() -> &'static [DomainGuide] {
    &loaded().guides
}

/// Seed files that failed to load (tests keep this empty; the library never panics on them).
pub fn seed_errors() -> &'static [String] {
    &loaded().errors
}

/// The guideline for a domain name or one of its aliases.
pub fn guide(name: &str) -> Option<&'static DomainGuide> {
    let name = crate::domains::canonical(name)?;
    guides().iter().find(|g| g.name == name)
}

/// [`guide`], with its items' paths keyed by [`key_path`] (in item order). Keyed once: validation matches every
/// catalog's entries against them.
pub(crate) fn guide_keyed(name: &str) -> Option<(&'static DomainGuide, &'static [Vec<String>])> {
    static KEYED: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    let name = crate::domains::canonical(name)?;
    let at = guides().iter().position(|g| g.name == name)?;
    let keyed =
        KEYED.get_or_init(|| guides().iter().map(|g| g.items.iter().map(|i| key_path(&i.item)).collect()).collect());
    Some((guides().get(at)?, keyed.get(at)?))
}

impl GuideItem {
    /// Whether a government of `level` (`县级`/`乡级`) is expected to carry this item.
    pub fn applies_to(&self, level: &str) -> bool {
        self.levels.iter().any(|l| crate::vocab::level_means(l).iter().any(|m| m == level))
    }
}

/// An item-name key for matching catalog rows to guideline items: whitespace and punctuation ignored.
pub fn item_key(s: &str) -> String {
    // ASCII and the common CJK block first: the Unicode tables are slow, and validation keys every entry.
    let keep = |c: &char| match *c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{4e00}'..='\u{9fff}' => true,
        c => c.is_alphanumeric(),
    };
    let mut key = String::with_capacity(s.len());
    key.extend(s.chars().filter(keep));
    key
}

/// A path with each level reduced to its [`item_key`], to match many entries against many items cheaply.
pub fn key_path(path: &[String]) -> Vec<String> {
    path.iter().map(|s| item_key(s)).collect()
}

/// [`GuideItem::matches`] on paths already keyed with [`key_path`]: `item` the guideline item's, `path` the entry's.
pub fn keys_match(item: &[String], path: &[String]) -> bool {
    let (Some(g_first), Some(first)) = (item.first(), path.first()) else { return false };
    if path.len() == 1 {
        return item.last().is_some_and(|g| g == first) || (item.len() == 1 && g_first == first);
    }
    match item.get(1) {
        None => g_first == first,
        Some(g_second) => {
            let second = &path[1];
            (g_first == first && g_second == second)
                // A local catalog renames the 一级 heading but keeps the 二级 item.
                || (g_second == second && path.len() == item.len() && g_second.chars().count() >= 4)
        }
    }
}

impl GuideItem {
    /// Whether a catalog item path is this guideline item: same 一级 and (when the guideline has one) 二级
    /// 事项; a one-column catalog (单列公开事项) matches on the guideline's last level.
    pub fn matches(&self, path: &[String]) -> bool {
        keys_match(&key_path(&self.item), &key_path(path))
    }
}

/// How much of one domain's guideline the seeds hold: what `catalog domains` prints and the seeds' README table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedStatus {
    pub number: u8,
    pub name: &'static str,
    /// A domain whose guideline came after the 26 pilot domains.
    pub later: bool,
    /// Items seeded, partial ones included.
    pub items: usize,
    /// Items read only in part.
    pub partial_items: usize,
    /// Distinct 一级事项 seeded.
    pub first_level: usize,
    /// What a public text states of the guideline's size, when one does.
    pub stated_first_level: Option<u32>,
    pub stated_items: Option<u32>,
    pub completeness: Completeness,
    pub document_number: Option<&'static str>,
    pub issuer: Option<&'static str>,
}

/// [`SeedStatus`] of every domain, in seed order (the 26, then the later ones).
pub fn status() -> Vec<SeedStatus> {
    guides()
        .iter()
        .map(|g| {
            let mut firsts: Vec<String> = g.items.iter().filter_map(|i| i.item.first()).map(|s| item_key(s)).collect();
            firsts.sort();
            firsts.dedup();
            SeedStatus {
                number: g.number,
                name: g.name.as_str(),
                later: usize::from(g.number) > crate::domains::DOMAINS.len(),
                items: g.items.len(),
                partial_items: g.items.iter().filter(|i| i.partial).count(),
                first_level: firsts.len(),
                stated_first_level: g.stated.as_ref().and_then(|s| s.first_level),
                stated_items: g.stated.as_ref().and_then(|s| s.items),
                completeness: g.completeness,
                document_number: g.guideline.document_number.as_deref(),
                issuer: g.guideline.issuer.as_deref(),
            }
        })
        .collect()
}

/// The seeds' status as a Markdown table (the README's, generated from the files: a test keeps them equal).
pub fn status_markdown() -> String {
    let mut out = String::from(
        "| # | domain | items (partial) | 一级 seeded / stated | items stated | outline | guideline |\n|---|---|---|---|---|---|---|\n",
    );
    let (mut items, mut stated_sum) = (0, 0);
    for s in status() {
        items += s.items;
        stated_sum += s.stated_items.unwrap_or(0);
        let stated = |n: Option<u32>| n.map_or("—".to_owned(), |n| n.to_string());
        out.push_str(&format!(
            "| {} | {}{} | {} ({}) | {} / {} | {} | {} | {} |\n",
            s.number,
            s.name,
            if s.later { " (later)" } else { "" },
            s.items,
            s.partial_items,
            s.first_level,
            stated(s.stated_first_level),
            stated(s.stated_items),
            match s.completeness {
                Completeness::Full => "full",
                Completeness::Partial => "partial",
            },
            s.document_number.unwrap_or("number not found"),
        ));
    }
    out.push_str(&format!("| | **total** | **{items}** | | {stated_sum} (where stated) | | |\n"));
    out
}
