//! Proper names of governments in catalog text (天津市, 宝坻区, 宜就镇, a masked `******局`), found without a
//! gazetteer: a province-level name from the fixed list, or a short name ending in 市/区/县/旗/镇/乡/街道 at the start
//! of a 公开主体 part. The seeds keep their sources' wording; templates put the township's own wording in its
//! place ([`own_subject`], [`own_basis`], [`own_channels`]), and the validator warns when a catalog carries the
//! names of another government ([`foreign`]).

/// Province-level divisions, short forms (how documents and platforms start: 《上海市…》, 广东政务服务网).
pub const PROVINCES: [&str; 34] = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
];

/// The suffixes a province-level name may carry, longest first.
const PROVINCE_SUFFIXES: [&str; 6] = ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"];

/// What kind of government a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Province,
    /// A city, county or district (市/区/县/旗).
    County,
    /// A township or street office (镇/乡/街道).
    Township,
    /// A name masked by the page it was copied from (`******局`): a placeholder, never a real name.
    Masked,
}

/// A name found in a text: `name` is the distinctive part (宝坻, 宜就, 上海), `text` the whole form (宝坻区).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub kind: Kind,
    pub name: String,
    pub text: String,
}

/// Characters that cannot be part of a proper name: a level word or a generic qualifier (各乡镇, 县级, 本辖区).
fn generic(c: char) -> bool {
    "县乡镇区市旗级各本该全省村社居委会部门政府机关单位所在有关相应其他".contains(c)
}

/// Two-or-more-character starts that look like a name but are generic (开发区, 高新区, 城区 …).
const GENERIC_STARTS: [&str; 9] = ["开发", "高新", "经开", "保税", "示范", "试验", "工业", "城关", "中心"];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The province-level name at the start of `s`, with its suffix: (short name, whole form).
fn province_at(s: &str) -> Option<(&'static str, &str)> {
    let short = PROVINCES.iter().find(|p| s.starts_with(*p))?;
    let rest = &s[short.len()..];
    let suffix = PROVINCE_SUFFIXES.iter().find(|x| rest.starts_with(*x)).map_or(0, |x| x.len());
    Some((short, &s[..short.len() + suffix]))
}

/// A county or township name at the start of `s` (2–4 name characters, then its level word).
fn place_at(s: &str) -> Option<(Kind, &str, &str)> {
    for (at, c) in s.char_indices().skip(2).take(3) {
        let kind = match c {
            '市' | '区' | '县' | '旗' => Kind::County,
            '镇' | '乡' => Kind::Township,
            '街' if s[at..].starts_with("街道") => Kind::Township,
            _ => continue,
        };
        let name = &s[..at];
        if !name.chars().all(|c| is_cjk(c) && !generic(c)) || GENERIC_STARTS.iter().any(|g| name.contains(g)) {
            return None;
        }
        let end = at + if c == '街' { "街道".len() } else { c.len_utf8() };
        return Some((kind, name, &s[..end]));
    }
    None
}

/// Whether `c` separates the parts of a 公开主体 cell (县民政局、宜就镇人民政府).
fn separator(c: char) -> bool {
    "、，,；;：:（）()《》“”\"'/ \n\t　和及与".contains(c)
}

/// The government names a 公开主体 text carries, in order: each part is read from its start, province, then
/// county, then township (天津市宝坻区民政局 → 天津市, 宝坻区); masked runs anywhere.
pub fn in_subject(text: &str) -> Vec<Name> {
    let mut out = Vec::new();
    if text.contains("**") || text.contains("＊＊") {
        out.push(Name { kind: Kind::Masked, name: String::new(), text: masked_run(text).to_owned() });
    }
    for part in text.split(separator) {
        let mut rest = part.trim_start_matches(['*', '＊']);
        loop {
            if let Some((short, whole)) = province_at(rest) {
                out.push(Name { kind: Kind::Province, name: short.to_owned(), text: whole.to_owned() });
                rest = &rest[whole.len()..];
            } else if let Some((kind, name, whole)) = place_at(rest) {
                out.push(Name { kind, name: name.to_owned(), text: whole.to_owned() });
                rest = &rest[whole.len()..];
            } else {
                break;
            }
        }
    }
    out
}

fn masked_run(text: &str) -> &str {
    let start = text.find(['*', '＊']).unwrap_or(0);
    let end = text[start..].find(|c| c != '*' && c != '＊').map_or(text.len(), |e| start + e);
    &text[start..end]
}

/// The titles of the documents a 公开依据 text cites (the text between 《 and 》), with their byte ranges.
fn titles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('《').map(|i| from + i) {
        let Some(close) = text[open..].find('》').map(|i| open + i) else { break };
        out.push((open, close + '》'.len_utf8()));
        from = close;
    }
    out
}

/// The province a document or platform name starts with (《上海市政府信息公开规定》, 广东政务服务网).
pub fn province_of(name: &str) -> Option<&'static str> {
    province_at(name.trim_start_matches('《')).map(|(short, _)| short)
}

/// Provinces whose own documents a 公开依据 text cites (《江西省基本公共文化服务保障实施标准》).
pub fn in_basis(text: &str) -> Vec<Name> {
    titles(text)
        .into_iter()
        .filter_map(|(a, b)| {
            let title = &text[a..b];
            province_of(title).map(|p| Name { kind: Kind::Province, name: p.to_owned(), text: title.to_owned() })
        })
        .collect()
}

/// A 公开主体 in the township's own wording: a township government the source named becomes `government` (or
/// the national table's 乡镇人民政府（街道办事处）), another body of it 乡镇（街道）…, a county body 县级…, a masked
/// name 县级主管部门.
pub fn own_subject(text: &str, government: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut part_start = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        if i < text.len() && !separator(c) {
            continue;
        }
        out.push_str(&own_part(&text[part_start..i], government));
        if i < text.len() {
            out.push(c);
        }
        part_start = i + c.len_utf8();
    }
    out
}

fn own_part(part: &str, government: Option<&str>) -> String {
    if part.contains("**") || part.contains("＊＊") {
        return "县级主管部门".to_owned();
    }
    let mut rest = part;
    let mut level = None;
    loop {
        if let Some((_, whole)) = province_at(rest) {
            rest = &rest[whole.len()..];
            level = level.or(Some(Kind::Province));
        } else if let Some((kind, _, whole)) = place_at(rest) {
            rest = &rest[whole.len()..];
            level = Some(kind);
        } else {
            break;
        }
    }
    match level {
        None => part.to_owned(),
        Some(Kind::Township) if matches!(rest, "人民政府" | "政府" | "办事处" | "街道办事处" | "") => {
            government.unwrap_or("乡镇人民政府（街道办事处）").to_owned()
        }
        Some(Kind::Township) => format!("乡镇（街道）{rest}"),
        Some(Kind::Province) if rest.is_empty() => part.to_owned(),
        Some(_) if matches!(rest, "人民政府" | "政府") => "县级人民政府".to_owned(),
        Some(_) => format!("县级{rest}"),
    }
}

/// What the national tables write where the documents are each place's own.
pub const LOCAL_DOCUMENTS: &str = "各地相关政策法规文件";

/// A 公开依据 without the documents of one province (a township elsewhere has its own; national ones stay). A
/// basis that cites nothing else becomes the national tables' [`LOCAL_DOCUMENTS`].
pub fn own_basis(text: &str) -> String {
    let mut out = text.to_owned();
    for (a, b) in titles(text).into_iter().rev() {
        if province_of(&text[a..b]).is_none() {
            continue;
        }
        // The citation, its （文号） and one separator next to it.
        let mut end = b;
        if text[end..].starts_with(['（', '(']) {
            let close = text[end..].find(['）', ')']).map(|i| end + i);
            if let Some(close) = close {
                end = close + text[close..].chars().next().map_or(0, char::len_utf8);
            }
        }
        let (mut start, after) = (a, &text[end..]);
        if let Some(c) = after.chars().next().filter(|c| "、，,；;".contains(*c)) {
            end += c.len_utf8();
        } else if let Some(c) = text[..a].chars().next_back().filter(|c| "、，,；;".contains(*c)) {
            start -= c.len_utf8();
        }
        out.replace_range(start..end, "");
    }
    if titles(&out).is_empty() && !titles(text).is_empty() {
        return LOCAL_DOCUMENTS.to_owned();
    }
    out
}

/// ■ channels without another province's name: its named platform becomes the platform every province has
/// (广东政务服务网 → 政务服务网).
pub fn own_channels(required: &[String]) -> Vec<String> {
    required
        .iter()
        .map(|c| match province_at(c) {
            Some((_, whole)) if c.len() > whole.len() => c[whole.len()..].to_owned(),
            _ => c.clone(),
        })
        .collect()
}

/// The names a catalog says it is (its title, government and region), to tell its own names from another's.
#[derive(Debug, Clone, Default)]
pub struct Own {
    text: String,
    provinces: Vec<&'static str>,
    townships: bool,
}

impl Own {
    pub fn new(meta: &crate::model::Meta) -> Own {
        let text = [meta.title.as_str(), meta.government.as_str(), meta.region.as_deref().unwrap_or_default()].concat();
        let provinces = PROVINCES.iter().copied().filter(|p| text.contains(p)).collect();
        let townships = in_subject(&meta.government).iter().any(|n| n.kind == Kind::Township)
            || in_subject(&meta.title).iter().any(|n| n.kind == Kind::Township);
        Own { text, provinces, townships }
    }

    /// Whether `name` is another government's: a masked placeholder always; a province other than the one the
    /// catalog names; a township in a catalog that names its own township; a name the seeds' sources carry (what
    /// an older template copied), unless it is the catalog's own.
    pub fn is_foreign(&self, name: &Name, seeded: &[String]) -> bool {
        if self.text.contains(name.name.as_str()) && !name.name.is_empty() {
            return false;
        }
        match name.kind {
            Kind::Masked => true,
            Kind::Province => !self.provinces.is_empty() || seeded.contains(&name.name),
            Kind::Township => self.townships || seeded.contains(&name.name),
            Kind::County => seeded.contains(&name.name),
        }
    }
}

/// The government names the seed rows carry in 公开主体 and 公开依据 (the governments the items were read from):
/// what a template of an older version, or a copy of the source's catalog, leaves in a catalog.
pub fn seeded() -> &'static [String] {
    static SEEDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDED.get_or_init(|| {
        let mut names: Vec<String> = crate::seeds::guides()
            .iter()
            .flat_map(|g| &g.items)
            .flat_map(|i| {
                let subject = i.subject.as_deref().map(in_subject).unwrap_or_default();
                let basis = i.basis.as_deref().map(in_basis).unwrap_or_default();
                subject.into_iter().chain(basis)
            })
            .filter(|n| n.kind != Kind::Masked)
            .map(|n| n.name)
            .collect();
        names.sort();
        names.dedup();
        names
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(Kind, String)> {
        in_subject(text).into_iter().map(|n| (n.kind, n.text)).collect()
    }

    #[test]
    fn proper_names_are_found_and_generic_forms_are_not() {
        assert_eq!(
            names("天津市宝坻区民政局、宜就镇人民政府"),
            [(Kind::Province, "天津市".into()), (Kind::County, "宝坻区".into()), (Kind::Township, "宜就镇".into())]
        );
        assert_eq!(
            names("鄂尔多斯市康巴什区应急管理局"),
            [(Kind::County, "鄂尔多斯市".into()), (Kind::County, "康巴什区".into())]
        );
        assert_eq!(
            names("翔安区教育局；香山街道办事处"),
            [(Kind::County, "翔安区".into()), (Kind::Township, "香山街道".into())]
        );
        for generic in [
            "县级政府民政部门、乡镇政府（街道办事处）",
            "各乡镇人民政府",
            "县（市、区）人民政府",
            "乡镇（街道）、村（社区）",
            "市场监管所",
            "经济开发区管委会、高新区管委会",
            "县人力资源和社会保障局",
            "区县住房城乡建设部门",
            "社区居委会",
        ] {
            assert_eq!(names(generic), [], "{generic}");
        }
        assert_eq!(in_subject("******局")[0].kind, Kind::Masked);
    }

    #[test]
    fn templates_get_the_townships_own_wording() {
        assert_eq!(own_subject("宜就镇人民政府", None), "乡镇人民政府（街道办事处）");
        assert_eq!(own_subject("宜就镇人民政府", Some("复兴镇人民政府")), "复兴镇人民政府");
        assert_eq!(own_subject("石羊镇中心学校", None), "乡镇（街道）中心学校");
        assert_eq!(own_subject("天津市宝坻区民政局、江上乡人民政府", None), "县级民政局、乡镇人民政府（街道办事处）");
        assert_eq!(own_subject("******局", None), "县级主管部门");
        assert_eq!(
            own_subject("县级政府民政部门、乡镇政府（街道办事处）", None),
            "县级政府民政部门、乡镇政府（街道办事处）"
        );
        assert_eq!(
            own_basis("《中华人民共和国政府信息公开条例》、《上海市政府信息公开规定》"),
            "《中华人民共和国政府信息公开条例》"
        );
        assert_eq!(
            own_basis(
                "《动物防疫法》、《广西壮族自治区农业农村厅关于调整动物疾病防控支持政策的通知》（桂农厅发〔2021〕59号）、《预算法》"
            ),
            "《动物防疫法》、《预算法》"
        );
        assert_eq!(own_basis("《江西省基本公共文化服务保障实施标准》"), LOCAL_DOCUMENTS);
        assert_eq!(own_basis("《预算法》第十四条"), "《预算法》第十四条");
        assert_eq!(
            own_channels(&["政府网站".into(), "广东政务服务网".into(), "广东省建筑市场监管公共服务平台".into()]),
            ["政府网站", "政务服务网", "建筑市场监管公共服务平台"]
        );
    }

    #[test]
    fn a_catalogs_own_names_are_not_foreign() {
        let meta = |title: &str, government: &str| crate::model::Meta {
            title: title.into(),
            government: government.into(),
            ..Default::default()
        };
        let own = Own::new(&meta("重庆市合川区双槐镇就业创业领域基层政务公开标准目录", "双槐镇人民政府"));
        let seeded = ["宜就".to_owned()];
        let found = |text: &str| in_subject(text).into_iter().filter(|n| own.is_foreign(n, &seeded)).count();
        assert_eq!(found("合川区人力社保局、双槐镇人民政府"), 0);
        assert_eq!(found("重庆市人力资源和社会保障局"), 0);
        assert_eq!(found("宜就镇人民政府"), 1);
        assert_eq!(found("复兴镇人民政府"), 1, "another township in a township's catalog");
        assert_eq!(found("上海市民政局"), 1, "another province");
        assert_eq!(found("******局"), 1);
        // A catalog that does not say where it is: only the names an older template copied are flagged.
        let own = Own::new(&meta("就业领域基层政务公开标准目录", ""));
        let found = |text: &str| in_subject(text).into_iter().filter(|n| own.is_foreign(n, &seeded)).count();
        assert_eq!(found("合川区人力社保局、复兴镇人民政府、上海市民政局"), 0);
        assert_eq!(found("宜就镇人民政府"), 1);
    }
}
