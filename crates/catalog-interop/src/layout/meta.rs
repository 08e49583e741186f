//! What a title row says about the catalog: `某县某镇政务公开事项标准目录` → government 某县某镇人民政府, level 乡级.

use catalog_core::domains::{self, DOMAINS};
use catalog_core::seeds;
use catalog_core::text::squash;

/// Words after which a title stops naming its government.
const STOPS: [&str; 8] = ["基层政务公开", "政务公开", "领域", "标准目录", "公开事项", "公开标准", "信息公开", "目录"];

/// The first domain named anywhere in `text` (canonical names and aliases), with where it starts.
pub fn domain_in(text: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    let mut consider = |name: &str, canonical: &'static str| {
        if let Some(at) = text.find(name)
            && best.is_none_or(|(b, _)| at < b)
        {
            best = Some((at, canonical));
        }
    };
    for d in DOMAINS {
        consider(d, d);
    }
    for guide in seeds::guides() {
        if let Some(canonical) = domains::canonical(&guide.name) {
            for alias in &guide.aliases {
                consider(alias, canonical);
            }
        }
    }
    best
}

/// The government and its level, when the title names them.
pub fn government(title: &str) -> Option<(String, &'static str)> {
    let title = squash(title);
    let mut end = title.len();
    for stop in STOPS {
        if let Some(at) = title.find(stop) {
            end = end.min(at);
        }
    }
    if let Some((at, _)) = domain_in(&title) {
        end = end.min(at);
    }
    let place = title[..end].trim_end_matches(['（', '(', '：', ':']);
    let place = place.strip_suffix("的").unwrap_or(place);
    if place.chars().count() < 2 {
        return None;
    }
    let township = |p: &str| p.ends_with('镇') || p.ends_with('乡') || p.ends_with("街道") || p.ends_with("苏木");
    let county = |p: &str| p.ends_with('县') || p.ends_with('区') || p.ends_with('市') || p.ends_with('旗');
    let (government, level) = if let Some(p) = place.strip_suffix("人民政府") {
        (place.to_owned(), if township(p) { "乡级" } else { "县级" })
    } else if place.ends_with("办事处") {
        (place.to_owned(), "乡级")
    } else if place.ends_with("街道") {
        (format!("{place}办事处"), "乡级")
    } else if township(place) {
        (format!("{place}人民政府"), "乡级")
    } else if county(place) {
        (format!("{place}人民政府"), "县级")
    } else if place.ends_with('局') || place.ends_with('委') || place.ends_with("委员会") {
        (place.to_owned(), "县级")
    } else {
        return None;
    };
    Some((government, level))
}
