//! The 26 pilot domains of 国办发〔2019〕54号, in the order of the reference table, and name resolution.

use crate::seeds;
use crate::text::squashed;

/// The 26 pilot domains (试点领域), canonical names.
pub const DOMAINS: [&str; 26] = [
    "重大建设项目",
    "公共资源交易",
    "财政预决算",
    "安全生产",
    "税收管理",
    "农村集体土地征收",
    "国有土地上房屋征收与补偿",
    "生态环境",
    "公共文化服务",
    "扶贫",
    "救灾",
    "食品药品监管",
    "城市综合执法",
    "就业",
    "社会救助",
    "养老服务",
    "户籍管理",
    "涉农补贴",
    "卫生健康",
    "市政服务",
    "义务教育",
    "社会保险",
    "保障性住房",
    "农村危房改造",
    "公共法律服务",
    "城乡规划",
];

/// The later national domains the seeds know (交通运输, 水利, 统计 …: guidelines issued after the 26 pilot domains,
/// numbered from 27): known domains with guideline checks, outside the 26-domain coverage.
pub fn later() -> impl Iterator<Item = &'static str> {
    seeds::guides().iter().filter(|g| usize::from(g.number) > DOMAINS.len()).map(|g| g.name.as_str())
}

/// How a written domain name relates to the known domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainName {
    /// Written canonically (a trailing `领域` and spaces are tolerated): one of the 26 or a later national domain.
    Canonical(&'static str),
    /// An older or local name of a canonical domain (环境保护 → 生态环境).
    Alias(&'static str),
    Unknown,
}

/// Resolve a domain name as written in a catalog.
pub fn resolve(name: &str) -> DomainName {
    // Most entries name their domain exactly (no name of the 26 has whitespace or ends in 领域).
    if let Some(d) = DOMAINS.iter().find(|d| **d == name) {
        return DomainName::Canonical(d);
    }
    let key = squashed(name);
    let key = key.strip_suffix("领域").unwrap_or(&key);
    if let Some(d) = DOMAINS.iter().copied().chain(later()).find(|d| *d == key) {
        return DomainName::Canonical(d);
    }
    for guide in seeds::guides() {
        if guide.aliases.iter().any(|a| a == key) {
            return DomainName::Alias(guide.name.as_str());
        }
    }
    DomainName::Unknown
}

/// The canonical name for a written domain name, alias or not.
pub fn canonical(name: &str) -> Option<&'static str> {
    match resolve(name) {
        DomainName::Canonical(d) | DomainName::Alias(d) => Some(d),
        DomainName::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_written_exactly_resolves_as_its_squashed_form_would() {
        // The exact-name fast path of `resolve` relies on this.
        for d in DOMAINS {
            assert_eq!(squashed(d), d);
            assert!(!d.ends_with("领域"), "{d}");
        }
        assert_eq!(resolve("社会救助"), DomainName::Canonical("社会救助"));
        assert_eq!(resolve(" 社会\n救助领域"), DomainName::Canonical("社会救助"));
        assert_eq!(resolve("某某新领域"), DomainName::Unknown);
    }
}
