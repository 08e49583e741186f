//! Catalog file format v1 (`"format": "zwgk-catalog", "version": 1`): a public contract.
//!
//! Field names are fixed by the contract. Loading is lenient on purpose: a missing element deserialises to an
//! empty value so the validator can say *which* element is missing and where, instead of the whole file failing
//! to parse. The JSON Schema (see [`crate::schema`]) is the strict form and marks these fields required.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `format` tag every v1 file carries.
pub const FORMAT: &str = "zwgk-catalog";
/// The newest format version this build reads and writes.
pub const VERSION: u32 = 1;

/// A government's 政务公开事项标准目录.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "基层政务公开事项标准目录 (zwgk-catalog v1)", transform = crate::schema::require_catalog)]
pub struct Catalog {
    /// Always `zwgk-catalog`.
    #[schemars(extend("const" = "zwgk-catalog"))]
    pub format: String,
    /// Format version; this build reads 1.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// Domains the government declares not applicable (未涉及领域说明).
    #[serde(default)]
    pub not_applicable: Vec<NotApplicable>,
    /// Guideline items the government leaves out, with the reasons it publishes (删减事项说明). Optional: absent
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<RemovedItem>,
}

/// Who compiled the catalog and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = crate::schema::require_meta)]
pub struct Meta {
    /// e.g. `某县某镇政务公开事项标准目录`.
    #[serde(default)]
    pub title: String,
    /// e.g. `某县某镇人民政府`.
    #[serde(default)]
    pub government: String,
    /// The compiling government's level: `县级` or `乡级` (乡镇 and 街道 are 乡级).
    #[serde(default)]
    #[schemars(extend("enum" = ["县级", "乡级"]))]
    pub level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub compiled_on: Option<String>,
    /// e.g. `2024版`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
}

/// One disclosure item (one row of the catalog table).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = crate::schema::require_entry)]
pub struct Entry {
    /// Stable id, unique within the catalog.
    #[serde(default)]
    pub id: String,
    /// One of the 26 pilot domains (or a later-added one such as 交通运输).
    #[serde(default)]
    pub domain: String,
    /// 一级, 二级 (, 三级) 事项: 1 to 3 non-empty strings.
    #[serde(default)]
    #[schemars(length(min = 1, max = 3), inner(length(min = 1)))]
    pub item: Vec<String>,
    /// 公开内容（要素）, as written.
    #[serde(default)]
    pub content: String,
    /// 公开依据, as written; the citations are derived by [`crate::parse::basis`].
    #[serde(default)]
    pub basis: String,
    /// 公开时限, as written; the rules are derived by [`crate::parse::time_limit`].
    #[serde(default)]
    pub time_limit: String,
    /// 公开主体.
    #[serde(default)]
    pub subject: String,
    /// 公开渠道和载体: the 13 canonical names written exactly, other channels kept as their own strings.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub channels: Vec<String>,
    /// 公开对象: `全社会` or `特定群体`.
    #[serde(default)]
    #[schemars(extend("enum" = ["全社会", "特定群体"]))]
    pub audience: String,
    /// Who, when `audience` is `特定群体`.
    #[serde(default)]
    pub audience_group: Option<String>,
    /// 公开方式: `主动`, `依申请` or `不予公开`.
    #[serde(default)]
    #[schemars(extend("enum" = ["主动", "依申请", "不予公开"]))]
    pub mode: String,
    /// The legal reason when `mode` is `不予公开` (e.g. 条例第十四条).
    #[serde(default)]
    pub withheld_reason: Option<String>,
    /// 公开层级: a non-empty set such as `县级`, `乡级`, `村级` (others such as `市级` kept as written).
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub levels: Vec<String>,
    /// Columns the standard does not define, kept verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// Where an imported entry came from, so every message points at a cell the user can open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A place in the file an entry was imported from, numbered as Excel shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct SourceRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
}

/// A domain the government does not handle, with the reason it publishes (未涉及领域说明).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = crate::schema::require_not_applicable)]
pub struct NotApplicable {
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub reason: String,
}

/// A guideline item the government leaves out, with the reason it publishes (删减事项说明): 因地制宜 allows dropping
/// an item that does not apply, but not silently.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = crate::schema::require_removed_item)]
pub struct RemovedItem {
    /// The guideline's domain (one of the 26, or an older name of one).
    #[serde(default)]
    pub domain: String,
    /// The guideline item's path: 一级 (, 二级) 事项, as the guideline names it.
    #[serde(default)]
    #[schemars(length(min = 1, max = 3), inner(length(min = 1)))]
    pub item: Vec<String>,
    /// Why the item does not apply here.
    #[serde(default)]
    pub reason: String,
}

impl Catalog {
    /// An empty v1 catalog.
    pub fn new(meta: Meta) -> Self {
        Catalog {
            format: FORMAT.to_owned(),
            version: VERSION,
            meta,
            entries: Vec::new(),
            not_applicable: Vec::new(),
            removed: Vec::new(),
        }
    }
}

impl Entry {
    /// How reports name the entry at `index`: its id, or `#N` (1-based) when it has none.
    pub fn label(&self, index: usize) -> String {
        if self.id.trim().is_empty() { format!("#{}", index + 1) } else { self.id.clone() }
    }

    /// The spreadsheet row this entry came from, when known.
    pub fn row(&self) -> Option<u32> {
        self.source.as_ref().and_then(|s| s.row)
    }
}
