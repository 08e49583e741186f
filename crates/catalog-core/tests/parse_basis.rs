//! 公开依据 parser against the citation patterns of reference/domain.md §6.1 and the 依据 cells of §7.

use catalog_core::parse::basis::{Basis, BasisProblem, Citation, Decree, DocNumber, parse_basis};
use proptest::prelude::*;

// --- expectation helpers ------------------------------------------------------------------------------

fn titled(raw: &str, title: &str) -> Citation {
    Citation { raw: raw.to_owned(), title: Some(title.to_owned()), ..Citation::default() }
}

/// A citation written exactly as `《title》`.
fn t(title: &str) -> Citation {
    titled(&format!("《{title}》"), title)
}

fn doc(raw: &str, issuer: &str, year: u16, serial: u32) -> DocNumber {
    let normalized = format!("{issuer}〔{year}〕{serial}号");
    DocNumber {
        raw: raw.to_owned(),
        issuer: issuer.to_owned(),
        year: Some(year),
        serial: Some(serial),
        normalized: Some(normalized),
        garbled: false,
    }
}

fn decree(raw: &str, issuer: &str, number: u32, year: Option<u16>) -> Decree {
    Decree { raw: raw.to_owned(), issuer: issuer.to_owned(), number, year }
}

fn with_doc(mut c: Citation, d: DocNumber) -> Citation {
    c.doc_number = Some(d);
    c
}

fn with_decree(mut c: Citation, d: Decree) -> Citation {
    c.decree = Some(d);
    c
}

fn with_articles(mut c: Citation, articles: &[&str]) -> Citation {
    c.articles = articles.iter().map(|a| (*a).to_owned()).collect();
    c
}

fn with_rank(mut c: Citation, rank: &str) -> Citation {
    c.rank = Some(rank.to_owned());
    c
}

fn untitled(raw: &str) -> Citation {
    Citation { raw: raw.to_owned(), ..Citation::default() }
}

fn basis(citations: Vec<Citation>) -> Basis {
    Basis { citations, ..Basis::default() }
}

fn check(input: &str, expected: Basis) {
    assert_eq!(parse_basis(input), expected, "input: {input}");
}

// --- §6.1 patterns ------------------------------------------------------------------------------------

#[test]
fn bare_title_lists() {
    check(
        "《政府信息公开条例》、《关于全面推进政务公开工作意见》、《关于推进重大建设项目批准和实施领域政府信息公开的意见》",
        basis(vec![
            t("政府信息公开条例"),
            t("关于全面推进政务公开工作意见"),
            t("关于推进重大建设项目批准和实施领域政府信息公开的意见"),
        ]),
    );
    check(
        "《政府信息公开条例》《关于全面推进政务公开工作的意见》及其实施细则",
        basis(vec![
            t("政府信息公开条例"),
            titled("《关于全面推进政务公开工作的意见》及其实施细则", "关于全面推进政务公开工作的意见"),
        ]),
    );
}

#[test]
fn titles_with_document_numbers_and_decrees() {
    check(
        "《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发〔2017〕97号)",
        basis(vec![with_doc(
            titled(
                "《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发〔2017〕97号)",
                "国务院办公厅关于推进公共资源配置领域政府信息公开的意见",
            ),
            doc("国办发〔2017〕97号", "国办发", 2017, 97),
        )]),
    );
    check(
        "《中华人民共和国政府信息公开条例》(国务院令第711号)",
        basis(vec![with_decree(
            titled("《中华人民共和国政府信息公开条例》(国务院令第711号)", "中华人民共和国政府信息公开条例"),
            decree("国务院令第711号", "国务院", 711, None),
        )]),
    );
    check(
        "《中华人民共和国政府信息公开条例》(国令第711号)",
        basis(vec![with_decree(
            titled("《中华人民共和国政府信息公开条例》(国令第711号)", "中华人民共和国政府信息公开条例"),
            decree("国令第711号", "国", 711, None),
        )]),
    );
    let title = "住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象农村危房改造若干问题的通知";
    let raw = format!("《{title}》(建村〔2017〕192号)");
    check(&raw, basis(vec![with_doc(titled(&raw, title), doc("建村〔2017〕192号", "建村", 2017, 192))]));
    check(
        "《财政部关于印发<地方预决算公开操作规程>的通知》(财预〔2016〕143号)",
        basis(vec![with_doc(
            titled(
                "《财政部关于印发<地方预决算公开操作规程>的通知》(财预〔2016〕143号)",
                "财政部关于印发<地方预决算公开操作规程>的通知",
            ),
            doc("财预〔2016〕143号", "财预", 2016, 143),
        )]),
    );
    // Full-width brackets as most catalogs write them.
    check(
        "《中华人民共和国政府信息公开条例》（国务院令第711号）",
        basis(vec![with_decree(
            titled("《中华人民共和国政府信息公开条例》（国务院令第711号）", "中华人民共和国政府信息公开条例"),
            decree("国务院令第711号", "国务院", 711, None),
        )]),
    );
}

#[test]
fn citations_with_articles_and_quoted_text() {
    for input in [
        "《中华人民共和国政府信息公开条例》国务院令第711号,第二十条第二款:机关职能、机构设置…",
        "《中华人民共和国政府信息公开条例》国务院令第711号，第二十条第二款：机关职能、机构设置…",
    ] {
        check(
            input,
            basis(vec![with_articles(
                with_decree(
                    titled(input, "中华人民共和国政府信息公开条例"),
                    decree("国务院令第711号", "国务院", 711, None),
                ),
                &["第二十条第二款"],
            )]),
        );
    }
    let input = "《户口登记条例》、第七条婴儿出生后一个月以内,由户主…";
    check(input, basis(vec![with_articles(titled(input, "户口登记条例"), &["第七条"])]));
    let input = "《中华人民共和国政府信息公开条例》第二十条(十二)突发公共事件的应急预案…";
    check(input, basis(vec![with_articles(titled(input, "中华人民共和国政府信息公开条例"), &["第二十条(十二)"])]));
    let input = "《中华人民共和国政府信息公开条例》第十九条、第二十条";
    check(
        input,
        basis(vec![with_articles(titled(input, "中华人民共和国政府信息公开条例"), &["第十九条", "第二十条"])]),
    );
}

#[test]
fn rank_tags() {
    let raw = "《中华人民共和国人口与计划生育法》(中华人民共和国主席令第41号2015年12月27日修正)";
    check(
        &format!("【法律】{raw}"),
        basis(vec![with_rank(
            with_decree(
                titled(raw, "中华人民共和国人口与计划生育法"),
                decree("中华人民共和国主席令第41号", "中华人民共和国主席", 41, None),
            ),
            "法律",
        )]),
    );
    check(
        "【行政法规】《疫苗流通和预防接种管理条例》(…国务院令第434号…)",
        basis(vec![with_rank(
            with_decree(
                titled("《疫苗流通和预防接种管理条例》(…国务院令第434号…)", "疫苗流通和预防接种管理条例"),
                decree("国务院令第434号", "国务院", 434, None),
            ),
            "行政法规",
        )]),
    );
    let second = with_rank(
        with_doc(
            titled("《国家基本公共卫生服务规范(第三版)》(国卫基层发〔2017〕13号)…", "国家基本公共卫生服务规范(第三版)"),
            doc("国卫基层发〔2017〕13号", "国卫基层发", 2017, 13),
        ),
        "部门规章及规范性文件",
    );
    check(
        "【行政法规】《疫苗流通和预防接种管理条例》…; 【部门规章及规范性文件】《国家基本公共卫生服务规范(第三版)》(国卫基层发〔2017〕13号)…",
        basis(vec![
            with_rank(titled("《疫苗流通和预防接种管理条例》…", "疫苗流通和预防接种管理条例"), "行政法规"),
            second,
        ]),
    );
    let raw = "《公共租赁住房管理办法》发文字号住房和城乡建设部令第11号,发布日期2012年05月28日,实施日期2012年07月15日,发布机关住房和城乡建设部";
    check(
        &format!("【规章】{raw}"),
        basis(vec![with_rank(
            with_decree(
                titled(raw, "公共租赁住房管理办法"),
                decree("住房和城乡建设部令第11号", "住房和城乡建设部", 11, None),
            ),
            "规章",
        )]),
    );
    // The tag carries over to the next citation until another tag appears.
    let parsed = parse_basis("【条例】《A条例》、《B条例》【规章】《C办法》");
    let ranks: Vec<_> = parsed.citations.iter().map(|c| c.rank.as_deref()).collect();
    assert_eq!(ranks, [Some("条例"), Some("条例"), Some("规章")]);
}

#[test]
fn revision_history_and_year_suffix_stay_inside() {
    let raw = "《中华人民共和国就业促进法》(2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过 根据2015年4月24日…修正)";
    check(raw, basis(vec![titled(raw, "中华人民共和国就业促进法")]));
    check(
        "《中华人民共和国教育法》(2015)",
        basis(vec![titled("《中华人民共和国教育法》(2015)", "中华人民共和国教育法")]),
    );
}

#[test]
fn generic_phrases() {
    for g in ["相关政策文件", "信息公开规定", "各地配套政策法规文件", "相关法律法规"] {
        let parsed = parse_basis(g);
        assert_eq!(parsed, Basis { generic: vec![g.to_owned()], ..Basis::default() });
        assert!(parsed.generic_only(), "{g}");
    }
    let parsed = parse_basis("《信息公开条例》及相关规定");
    assert_eq!(
        parsed,
        Basis {
            citations: vec![t("信息公开条例")], generic: vec!["及相关规定".to_owned()], problems: vec![]
        }
    );
    assert!(!parsed.generic_only());
    // Inside 《》 it is a title, not a generic phrase.
    let parsed = parse_basis("《相关政策文件汇编》");
    assert!(!parsed.generic_only() && parsed.generic.is_empty());
}

#[test]
fn placeholders_unbalanced_titles_and_bullets() {
    check(
        "《XX省农机购置补贴实施方案》",
        Basis {
            citations: vec![Citation { placeholder: true, ..t("XX省农机购置补贴实施方案") }],
            problems: vec![BasisProblem::Placeholder { text: "《XX省农机购置补贴实施方案》".to_owned() }],
            ..Basis::default()
        },
    );
    for p in ["《××市政务公开办法》", "《**县实施细则》", "《ＸＸ县方案》"] {
        assert!(parse_basis(p).citations.iter().all(|c| c.placeholder), "{p}");
    }
    check(
        "《政府信息公开条例",
        Basis {
            citations: vec![titled("《政府信息公开条例", "政府信息公开条例")],
            problems: vec![BasisProblem::UnbalancedTitle { text: "《政府信息公开条例".to_owned() }],
            ..Basis::default()
        },
    );
    check(
        "政府信息公开条例》、《预算法》",
        Basis {
            citations: vec![titled("政府信息公开条例》", "政府信息公开条例"), t("预算法")],
            problems: vec![BasisProblem::UnbalancedTitle { text: "政府信息公开条例》".to_owned() }],
            ..Basis::default()
        },
    );
    check(
        "● 《社会救助暂行办法》(国务院令第649号) …",
        basis(vec![with_decree(
            titled("《社会救助暂行办法》(国务院令第649号) …", "社会救助暂行办法"),
            decree("国务院令第649号", "国务院", 649, None),
        )]),
    );
}

// --- document numbers ---------------------------------------------------------------------------------

#[test]
fn document_number_variants() {
    check(
        "国办发〔2019〕54号",
        basis(vec![with_doc(untitled("国办发〔2019〕54号"), doc("国办发〔2019〕54号", "国办发", 2019, 54))]),
    );

    for (raw, normalized) in [
        ("国办发﹝2017﹞42号", "国办发〔2017〕42号"),
        ("国人口发(2007)78号", "国人口发〔2007〕78号"),
        ("国人口发（2007）78号", "国人口发〔2007〕78号"),
        ("民发〔2018)23号〕", "民发〔2018〕23号"),
        ("民发〔2016 )115号", "民发〔2016〕115号"),
        ("国办发[2017]97号", "国办发〔2017〕97号"),
        ("国办发【2017】97号", "国办发〔2017〕97号"),
        ("国办发〔 2017 〕 97 号", "国办发〔2017〕97号"),
    ] {
        let parsed = parse_basis(raw);
        let d = parsed.citations.first().and_then(|c| c.doc_number.clone());
        assert_eq!(d.as_ref().and_then(|d| d.normalized.as_deref()), Some(normalized), "{raw}");
        assert_eq!(d.map(|d| d.garbled), Some(false), "{raw}");
        assert_eq!(
            parsed.problems,
            [BasisProblem::NonStandardDocNumber { raw: raw.to_owned(), normalized: normalized.to_owned() }],
            "{raw}"
        );
        assert_eq!(parsed.normalized(raw).as_deref(), Some(normalized), "{raw}");
    }

    let parsed = parse_basis("(国办发〔201680号)");
    let expected = DocNumber {
        raw: "国办发〔201680号".to_owned(),
        issuer: "国办发".to_owned(),
        year: Some(2016),
        serial: None,
        normalized: None,
        garbled: true,
    };
    assert_eq!(parsed.citations.first().and_then(|c| c.doc_number.clone()), Some(expected));
    assert_eq!(parsed.problems, [BasisProblem::GarbledDocNumber { raw: "国办发〔201680号".to_owned() }]);
    assert_eq!(parsed.normalized("(国办发〔201680号)"), None);

    let text = "《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发﹝2017﹞97号)、《地方预决算公开操作规程》(财预(2016)143号)";
    assert_eq!(
        parse_basis(text).normalized(text).as_deref(),
        Some(
            "《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发〔2017〕97号)、《地方预决算公开操作规程》(财预〔2016〕143号)"
        )
    );
}

#[test]
fn bare_numbers_and_plain_names_are_citations() {
    check(
        "国家税务总局公告2009年第1号",
        basis(vec![with_decree(
            untitled("国家税务总局公告2009年第1号"),
            decree("国家税务总局公告2009年第1号", "国家税务总局", 1, Some(2009)),
        )]),
    );
    check(
        "人力资源市场暂行条例(国务院令第700号)、就业服务与就业管理规定(人社部令第23号)",
        basis(vec![
            with_decree(
                untitled("人力资源市场暂行条例(国务院令第700号)"),
                decree("国务院令第700号", "国务院", 700, None),
            ),
            with_decree(
                untitled("就业服务与就业管理规定(人社部令第23号)"),
                decree("人社部令第23号", "人社部", 23, None),
            ),
        ]),
    );
    check(
        "国发〔2012〕45号、民发〔2012〕220号",
        basis(vec![
            with_doc(untitled("国发〔2012〕45号"), doc("国发〔2012〕45号", "国发", 2012, 45)),
            with_doc(untitled("民发〔2012〕220号"), doc("民发〔2012〕220号", "民发", 2012, 220)),
        ]),
    );
    check("社会救助暂行办法、《预算法》", basis(vec![untitled("社会救助暂行办法"), t("预算法")]));
}

// --- §7 依据 cells ------------------------------------------------------------------------------------

#[test]
fn section_7_rows() {
    check(
        "《中华人民共和国政府信息公开条例》、《关于全面推进政务公开工作的意见》、《关于推进重大建设项目批准和实施领域政府信息公开的意见》",
        basis(vec![
            t("中华人民共和国政府信息公开条例"),
            t("关于全面推进政务公开工作的意见"),
            t("关于推进重大建设项目批准和实施领域政府信息公开的意见"),
        ]),
    );
    let gov = "国务院办公厅关于推进公共资源配置领域政府信息公开的意见";
    let gov_cited = || {
        with_doc(titled(&format!("《{gov}》(国办发〔2017〕97号)"), gov), doc("国办发〔2017〕97号", "国办发", 2017, 97))
    };
    check(
        "《招标投标法实施条例》《中华人民共和国政府信息公开条例》《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发〔2017〕97号)",
        basis(vec![t("招标投标法实施条例"), t("中华人民共和国政府信息公开条例"), gov_cited()]),
    );
    check(
        "《招标投标法》《招标投标法实施条例》《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》(国办发〔2017〕97号)、《招标公告和公示信息发布管理办法》(国家发展改革委2017年第10号令)",
        basis(vec![
            t("招标投标法"),
            t("招标投标法实施条例"),
            gov_cited(),
            with_decree(
                titled(
                    "《招标公告和公示信息发布管理办法》(国家发展改革委2017年第10号令)",
                    "招标公告和公示信息发布管理办法",
                ),
                decree("国家发展改革委2017年第10号令", "国家发展改革委", 10, Some(2017)),
            ),
        ]),
    );
    check(
        "《预算法》、《政府信息公开条例》、《财政部关于印发<地方预决算公开操作规程>的通知》、《财政部关于印发<地方政府债务信息公开办法(试行)>的通知》等法律法规和文件规定",
        Basis {
            citations: vec![
                t("预算法"),
                t("政府信息公开条例"),
                t("财政部关于印发<地方预决算公开操作规程>的通知"),
                t("财政部关于印发<地方政府债务信息公开办法(试行)>的通知"),
            ],
            generic: vec!["等法律法规和文件规定".to_owned()],
            problems: vec![],
        },
    );
    check(
        "《预算法》、《政府信息公开条例》、《财政部关于印发<地方预决算公开操作规程>的通知》等",
        basis(vec![
            t("预算法"),
            t("政府信息公开条例"),
            titled(
                "《财政部关于印发<地方预决算公开操作规程>的通知》等",
                "财政部关于印发<地方预决算公开操作规程>的通知",
            ),
        ]),
    );
    check("《政府信息公开条例》", basis(vec![t("政府信息公开条例")]));
    check(
        "《政府信息公开条例》《关于全面推进政务公开工作的意见》",
        basis(vec![t("政府信息公开条例"), t("关于全面推进政务公开工作的意见")]),
    );
    check(
        "《中华人民共和国环境影响评价法》《中华人民共和国海洋环境保护法》《中华人民共和国放射性污染防治法》《中华人民共和国政府信息公开条例》",
        basis(vec![
            t("中华人民共和国环境影响评价法"),
            t("中华人民共和国海洋环境保护法"),
            t("中华人民共和国放射性污染防治法"),
            t("中华人民共和国政府信息公开条例"),
        ]),
    );
    check(
        "《中华人民共和国固体废物污染环境防治法》《中华人民共和国环境噪声污染防治法》《中华人民共和国海洋环境保护法》《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)、《开展基…》",
        basis(vec![
            t("中华人民共和国固体废物污染环境防治法"),
            t("中华人民共和国环境噪声污染防治法"),
            t("中华人民共和国海洋环境保护法"),
            t("中华人民共和国政府信息公开条例"),
            with_doc(
                titled("《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)", "关于全面推进政务公开工作的意见"),
                doc("中办发〔2016〕8号", "中办发", 2016, 8),
            ),
            t("开展基…"),
        ]),
    );
    check("《环境保护法》、《政府信息公开条例》", basis(vec![t("环境保护法"), t("政府信息公开条例")]));
    check(
        "《中华人民共和国公共文化服务保障法》、《中华人民共和国政府信息公开条例》、《文化部 财政部关于推进全国美术馆、公共图书馆、文化馆(站)免费开放工作的意见》、《文化部 财政部关于做好城市社区(街道)文化中心免费开放工作的通知》",
        basis(vec![
            t("中华人民共和国公共文化服务保障法"),
            t("中华人民共和国政府信息公开条例"),
            t("文化部 财政部关于推进全国美术馆、公共图书馆、文化馆(站)免费开放工作的意见"),
            t("文化部 财政部关于做好城市社区(街道)文化中心免费开放工作的通知"),
        ]),
    );
    check(
        "《中华人民共和国残疾人保障法》、《中华人民共和国政府信息公开条例》、《中共中央办公厅 国务院办公厅印发关于加快构建现代公共文化服务体系的意见》",
        basis(vec![
            t("中华人民共和国残疾人保障法"),
            t("中华人民共和国政府信息公开条例"),
            t("中共中央办公厅 国务院办公厅印发关于加快构建现代公共文化服务体系的意见"),
        ]),
    );
    check(
        "《中华人民共和国政府信息公开条例》、《江西省基本公共文化服务保障实施标准》",
        basis(vec![t("中华人民共和国政府信息公开条例"), t("江西省基本公共文化服务保障实施标准")]),
    );
    check("《国务院扶贫办扶贫开发建档立卡工作方案》", basis(vec![t("国务院扶贫办扶贫开发建档立卡工作方案")]));
    check(
        "《中共中央办公厅、国务院办公厅关于建立贫困退出机制的意见》",
        basis(vec![t("中共中央办公厅、国务院办公厅关于建立贫困退出机制的意见")]),
    );
    check(
        "《中华人民共和国政府信息公开条例》(国令第711号)",
        basis(vec![with_decree(
            titled("《中华人民共和国政府信息公开条例》(国令第711号)", "中华人民共和国政府信息公开条例"),
            decree("国令第711号", "国", 711, None),
        )]),
    );
}

#[test]
fn section_7_rows_continued() {
    check(
        "《国务院关于进一步加强和改进最低生活保障工作的意见》、各地相关政策法规文件",
        Basis {
            citations: vec![t("国务院关于进一步加强和改进最低生活保障工作的意见")],
            generic: vec!["各地相关政策法规文件".to_owned()],
            problems: vec![],
        },
    );
    check(
        "《国务院关于进一步加强和改进最低生活保障工作的意见》、《最低生活保障审核审批办法(试行)》、各地配套政策法规文件",
        Basis {
            citations: vec![t("国务院关于进一步加强和改进最低生活保障工作的意见"), t("最低生活保障审核审批办法(试行)")],
            generic: vec!["各地配套政策法规文件".to_owned()],
            problems: vec![],
        },
    );
    check(
        "1.《户口登记条例》 2.《政府信息公开条例》 3.《江西省常住户口登记管理规定》",
        basis(vec![t("户口登记条例"), t("政府信息公开条例"), t("江西省常住户口登记管理规定")]),
    );
    check(
        "1.《户口登记条例》 2.《收养法》 3.《中国公民收养子女登记办法》 4.《国籍法》 5.《政府信息公开条例》 6.《江西省常住户口登记管理规定》",
        basis(vec![
            t("户口登记条例"),
            t("收养法"),
            t("中国公民收养子女登记办法"),
            t("国籍法"),
            t("政府信息公开条例"),
            t("江西省常住户口登记管理规定"),
        ]),
    );
    check(
        "《农业生产发展资金管理办法》、《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》",
        basis(vec![t("农业生产发展资金管理办法"), t("财政部 农业部关于全面推开农业“三项补贴”改革工作的通知")]),
    );
    check(
        "《关于引导农村土地经营权有序流转发展农业适度规模经营的意见》、《关于支持返乡下乡人员创业创新促进农村一二三产业融合发展的意见》、《农业生产发展资金管理办法》、《“十三五”全国新型职业农民培育发展规划》",
        basis(vec![
            t("关于引导农村土地经营权有序流转发展农业适度规模经营的意见"),
            t("关于支持返乡下乡人员创业创新促进农村一二三产业融合发展的意见"),
            t("农业生产发展资金管理办法"),
            t("“十三五”全国新型职业农民培育发展规划"),
        ]),
    );
    check(
        "《农业机械化促进法》、《农业生产发展资金管理办法》、《2018-2020年农机购置补贴实施指导意见》",
        basis(vec![t("农业机械化促进法"), t("农业生产发展资金管理办法"), t("2018-2020年农机购置补贴实施指导意见")]),
    );
    check("信息公开规定", Basis { generic: vec!["信息公开规定".to_owned()], ..Basis::default() });
}

#[test]
fn disclosure_regulation_only() {
    for only_711 in [
        "《政府信息公开条例》",
        "《中华人民共和国政府信息公开条例》(国令第711号)",
        "《信息公开条例》及相关规定",
        "国务院令第711号",
    ] {
        assert!(!parse_basis(only_711).cites_beyond_disclosure_regulation(), "{only_711}");
    }
    for beyond in ["《政府信息公开条例》、《预算法》", "国办发〔2017〕97号", "《社会救助暂行办法》(国务院令第649号)"]
    {
        assert!(parse_basis(beyond).cites_beyond_disclosure_regulation(), "{beyond}");
    }
}

#[test]
fn empty_and_json() {
    let empty = parse_basis("  ");
    assert!(empty.is_empty() && !empty.generic_only());
    assert!(parse_basis("-").is_empty());
    let parsed = parse_basis("《A》(国办发﹝2017﹞42号)");
    let json = serde_json::to_value(&parsed).unwrap_or_default();
    assert_eq!(json["problems"][0]["kind"], "non_standard_doc_number");
    let back: Option<Basis> = serde_json::from_value(json).ok();
    assert_eq!(back, Some(parsed));
    let schema = serde_json::to_string(&schemars::schema_for!(Basis)).unwrap_or_default();
    assert!(schema.contains("garbled_doc_number"));
}

// --- property tests -----------------------------------------------------------------------------------

const VOCAB: &[&str] = &[
    "《",
    "》",
    "〈",
    "〉",
    "<",
    ">",
    "(",
    ")",
    "（",
    "）",
    "〔",
    "〕",
    "﹝",
    "﹞",
    "[",
    "]",
    "【",
    "】",
    "、",
    "，",
    ",",
    "；",
    ";",
    "\n",
    "●",
    " ",
    "1.",
    "2、",
    "①",
    "政府信息公开条例",
    "国务院令第711号",
    "国令",
    "令",
    "第",
    "号",
    "711",
    "2017",
    "201680",
    "97",
    "国办发",
    "年",
    "条",
    "款",
    "二十",
    "(十二)",
    ":",
    "：",
    "相关规定",
    "及",
    "等",
    "XX",
    "××",
    "法律",
    "公告",
    "2009年第1号",
    "99999999999",
    "…",
];

fn assert_slices_of(input: &str, parsed: &Basis) {
    for c in &parsed.citations {
        assert!(input.contains(&c.raw), "raw {:?} not in {input:?}", c.raw);
        for a in &c.articles {
            assert!(input.contains(a.as_str()));
        }
        if let Some(d) = &c.doc_number {
            assert!(input.contains(&d.raw));
        }
        if let Some(d) = &c.decree {
            assert!(input.contains(&d.raw));
        }
    }
    for g in &parsed.generic {
        assert!(input.contains(g.as_str()));
    }
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let parsed = parse_basis(&s);
        assert_slices_of(&s, &parsed);
        let _ = (parsed.normalized(&s), parsed.generic_only(), parsed.cites_beyond_disclosure_regulation());
    }

    #[test]
    fn vocabulary_soup_never_panics(parts in proptest::collection::vec(proptest::sample::select(VOCAB), 0..24)) {
        let s = parts.concat();
        let parsed = parse_basis(&s);
        assert_slices_of(&s, &parsed);
        let _ = parsed.normalized(&s);
    }
}
