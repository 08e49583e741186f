//! TEMPORARY placeholder with the agreed API; replaced by the real parser (in progress).
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeLimit {
    pub clauses: Vec<TimeClause>,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeClause {
    pub text: String,
    pub scope: Option<String>,
    pub rule: TimeRule,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeRule {
    Within { amount: u32, unit: DayUnit, trigger: Option<Trigger> },
    Unrecognised,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    WorkingDays,
    Days,
    Weeks,
    Months,
    Hours,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Trigger {
    pub text: String,
}
pub fn parse_time_limit(text: &str) -> TimeLimit {
    if text.trim().is_empty() {
        return TimeLimit::default();
    }
    TimeLimit { clauses: vec![TimeClause { text: text.to_owned(), scope: None, rule: TimeRule::Unrecognised }] }
}
impl TimeLimit {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
    pub fn is_recognised(&self) -> bool {
        false
    }
    pub fn has_recognised_clause(&self) -> bool {
        false
    }
    pub fn bare_durations(&self) -> impl Iterator<Item = &TimeClause> {
        self.clauses.iter().filter(|c| matches!(c.rule, TimeRule::Within { trigger: None, .. }))
    }
    pub fn longest_within(&self) -> Option<(u32, DayUnit)> {
        None
    }
    pub fn says_otherwise_provided(&self) -> bool {
        false
    }
}
