//! What a title row says about the catalog: `某县某镇政务公开事项标准目录` → government 某县某镇人民政府, level 乡级.

use catalog_core::domains::{self, DOMAINS};
use catalog_core::seeds;
use catalog_core::text::squash;

use super::fold::simplify;

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
    let title = squash(&simplify(title));
    // `复兴镇试点领域…`, `某县13个试点领域…`: the pilot is not part of the name.
    let title = match title.find("试点") {
        Some(at) => {
            let place =
                title[..at].trim_end_matches(|c: char| c.is_ascii_digit() || "个一二三四五六七八九十".contains(c));
            format!("{place}领域")
        }
        None => title,
    };
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

fn is_township(p: &str) -> bool {
    p.ends_with('镇') || p.ends_with('乡') || p.ends_with("街道") || p.ends_with("苏木")
}

/// A government as a legend row names it (`发布机构：某区应急管理局`, `编制单位：某镇人民政府`), with its level when
/// the name tells it (a development zone's 组织人事部 does not).
pub fn government_named(name: &str) -> Option<(String, Option<&'static str>)> {
    let name = squash(&simplify(name));
    let name = name.trim_end_matches(['。', '.', '；', ';']);
    if name.chars().count() < 2 || name.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let township = name.strip_suffix("人民政府").is_some_and(is_township)
        || name.ends_with("办事处")
        || name.ends_with("街道")
        || is_township(name);
    let county = ["人民政府", "局", "委", "委员会", "县", "区", "市", "旗"].iter().any(|s| name.ends_with(s));
    let level = if township {
        Some("乡级")
    } else if county {
        Some("县级")
    } else {
        None
    };
    Some((name.to_owned(), level))
}

/// The level the 公开主体 cells imply, and whether they tell it strongly: every subject that names a government
/// names a township (`江上乡人民政府` strongly, the generic `乡镇人民政府` weakly), or every one names a county
/// government or department (`某县人民政府`, `某县民政局`, `应急管理部门`: weakly, a township's catalog lists county
/// departments as subjects too). Vague subjects (`相关审批部门`) and mixed ones tell nothing.
pub fn level_of_subjects<'a>(subjects: impl Iterator<Item = &'a str>) -> Option<(&'static str, bool)> {
    let (mut township, mut named_township, mut county) = (0, 0, 0);
    for subject in subjects {
        for part in subject.split(['、', '，', ',', '；', ';', '/', '\n']).map(squash) {
            let part = simplify(&part).into_owned();
            let part = part.split(['（', '(']).next().unwrap_or("");
            if ["相关", "有关", "或", "及", "等"].iter().any(|w| part.contains(w)) || part.starts_with('各') {
                continue;
            }
            let place = ["人民政府", "政府", "办事处"].iter().find_map(|s| part.strip_suffix(s));
            match place {
                Some("乡镇" | "镇街" | "乡" | "镇" | "街道") => township += 1,
                Some(p) if is_township(p) => {
                    township += 1;
                    named_township += 1;
                }
                Some(p) if (p.ends_with('县') || p.ends_with('区') || p.ends_with('旗')) && p.chars().count() > 1 => {
                    county += 1
                }
                // A township's own offices (公共服务办, 党政办, 社会事务办): a county's are 办公室 or 局.
                None if part.ends_with('办')
                    && part.chars().count() >= 3
                    && !part.contains(['县', '区', '市', '旗'])
                    && !part.ends_with("政府办") =>
                {
                    township += 1
                }
                // Departments (局, 委员会, 部门) are the county's: a township has offices (办, 所, 站).
                None if (part.ends_with('局') || part.ends_with("委员会") || part.ends_with("部门"))
                    && !part.contains("乡镇")
                    && !part.ends_with("村委会") =>
                {
                    county += 1
                }
                _ => {}
            }
        }
    }
    match (township, county) {
        (t, 0) if t > 0 => Some(("乡级", named_township > 0)),
        (0, c) if c > 0 => Some(("县级", false)),
        _ => None,
    }
}

/// A county department the title names (`…标准目录(自然资源局)`, `某县应急管理局…`).
pub fn department_in_title(title: &str) -> Option<String> {
    let title = squash(&simplify(title));
    let inner = title
        .rsplit_once(['（', '('])
        .map(|(_, rest)| rest.trim_end_matches(['）', ')']))
        .filter(|inner| inner.ends_with('局') || inner.ends_with('委') || inner.ends_with("委员会"));
    if let Some(inner) = inner {
        return Some(inner.to_owned());
    }
    government(&title).filter(|(g, _)| g.ends_with('局') || g.ends_with('委')).map(|(g, _)| g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_a_pilot_give_government_and_level() {
        assert_eq!(government("复兴镇试点领域基层政务公开标准目录"), Some(("复兴镇人民政府".into(), "乡级")));
        assert_eq!(government("某县13个试点领域基层政务公开标准目录"), Some(("某县人民政府".into(), "县级")));
        assert_eq!(government("双槐镇26个试点领域政务公开事项标准目录"), Some(("双槐镇人民政府".into(), "乡级")));
    }

    #[test]
    fn legends_name_the_government() {
        assert_eq!(government_named("某区应急管理局"), Some(("某区应急管理局".into(), Some("县级"))));
        assert_eq!(government_named("某镇人民政府"), Some(("某镇人民政府".into(), Some("乡级"))));
        assert_eq!(government_named("城东街道办事处"), Some(("城东街道办事处".into(), Some("乡级"))));
        assert_eq!(government_named("经开区组织人事部"), Some(("经开区组织人事部".into(), None)));
        assert_eq!(government_named("2021-12-20"), None);
    }

    #[test]
    fn subjects_imply_a_level_only_when_they_name_one_kind_of_government() {
        let level = |s: &[&str]| level_of_subjects(s.iter().copied());
        assert_eq!(level(&["江上乡人民政府"]), Some(("乡级", true)));
        assert_eq!(level(&["西南舁乡人民政府", ""]), Some(("乡级", true)));
        assert_eq!(level(&["乡镇人民政府"]), Some(("乡级", false)));
        assert_eq!(level(&["县级政府民政部门、乡镇政府(街道办事处)"]), None);
        assert_eq!(level(&["枣庄高新区应急管理局"]), Some(("县级", false)));
        assert_eq!(level(&["应急管理部门", "住房和城乡建设部门"]), Some(("县级", false)));
        assert_eq!(level(&["公共服务办"]), Some(("乡级", false)));
        assert_eq!(level(&["县政府办"]), None);
        assert_eq!(level(&["相关审批部门"]), None);
        assert_eq!(level(&["招标人及其招标代理机构或相关行政监督部门"]), None);
        assert_eq!(level(&["某县人民政府", "江上乡人民政府"]), None);
        assert_eq!(level(&["某县人民政府"]), Some(("县级", false)));
    }

    #[test]
    fn departments_in_titles() {
        assert_eq!(
            department_in_title("重大建设项目领域基层政务公开标准目录(自然资源局)").as_deref(),
            Some("自然资源局")
        );
        assert_eq!(department_in_title("社会救助领域基层政务公开标准目录"), None);
    }
}
