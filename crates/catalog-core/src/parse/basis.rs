//! TEMPORARY placeholder with the agreed API; replaced by the real parser (in progress).
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Basis {
    pub citations: Vec<Citation>,
    pub generic: Vec<String>,
    pub problems: Vec<BasisProblem>,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    pub raw: String,
    pub title: Option<String>,
    pub placeholder: bool,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BasisProblem {
    UnbalancedTitle { text: String },
    GarbledDocNumber { raw: String },
    NonStandardDocNumber { raw: String, normalized: String },
    Placeholder { text: String },
}
pub fn parse_basis(_text: &str) -> Basis {
    Basis::default()
}
impl Basis {
    pub fn is_empty(&self) -> bool {
        self.citations.is_empty() && self.generic.is_empty()
    }
    pub fn generic_only(&self) -> bool {
        false
    }
    pub fn normalized(&self, _original: &str) -> Option<String> {
        None
    }
    pub fn cites_beyond_disclosure_regulation(&self) -> bool {
        false
    }
}
