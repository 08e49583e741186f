//! Channel cells as real catalogs write them (reference §4.1 and §7).

use catalog_core::parse::channels::parse_channels;

fn ticked(cell: &str) -> Vec<String> {
    parse_channels(cell).channels()
}

#[test]
fn the_canonical_checklist_with_one_box_ticked() {
    let cell = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 □其他_";
    let parsed = parse_channels(cell);
    assert!(parsed.checklist);
    assert_eq!(parsed.channels(), ["政府网站"]);
    assert_eq!(parsed.unticked.len(), 12);
    assert!(parsed.unticked.iter().any(|m| m.name == "社区/企事业单位/村公示栏（电子屏）" && m.variant));
}

#[test]
fn ticked_lists_with_named_platforms() {
    assert_eq!(
        ticked("■政府网站 ■两微一端 ■纸质媒体 ■公开查阅点 ■政务服务中心 ■便民服务站 ■投资项目在线审批监管平台"),
        ["政府网站", "两微一端", "纸质媒体", "公开查阅点", "政务服务中心", "便民服务站", "投资项目在线审批监管平台"]
    );
    assert_eq!(
        ticked("■政府网站 ■两微一端 ■发布会听证会 ■政务服务中心 ■公共资源交易平台"),
        ["政府网站", "两微一端", "发布会/听证会", "政务服务中心", "公共资源交易平台"]
    );
    assert_eq!(ticked("■政府网站 ■办事窗口"), ["政府网站", "办事窗口"]);
}

#[test]
fn look_alike_glyphs() {
    // 口 for □ (OCR/typing; 锡林浩特, 腾冲), ◆ as the checked mark (qianlima), √.
    assert_eq!(
        ticked("◆政府网站 口政府公报 口两微一端 ◆社区/企事业单位/村公示栏（电子屏）"),
        ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]
    );
    assert_eq!(ticked("√政府网站 □政府公报"), ["政府网站"]);
}

#[test]
fn spelling_variants_become_canonical() {
    let cases = [
        (
            "■政府网站□政府公报■两微一端□发布会/听证会 □广播电视□纸质媒体□公开查阅点 ■政府服务中心",
            vec!["政府网站", "两微一端", "政务服务中心"],
        ),
        ("■社区/企事业单位、村公示栏(电子屏)", vec!["社区/企事业单位/村公示栏（电子屏）"]),
        ("■社区/企事业单位/村公示栏 (电子屏)", vec!["社区/企事业单位/村公示栏（电子屏）"]),
        ("■一微一端 ■纸质载体 ■行政服务中心", vec!["两微一端", "纸质媒体", "政务服务中心"]),
        ("■发布会 ■村居/企事业单位公示栏(电子屏)", vec!["发布会/听证会", "社区/企事业单位/村公示栏（电子屏）"]),
    ];
    for (cell, expected) in cases {
        assert_eq!(ticked(cell), expected, "{cell}");
    }
}

#[test]
fn numbered_comma_and_slash_lists() {
    assert_eq!(
        ticked("1.政府网站 2.两微一端 3.政务服务中心 4.便民服务站"),
        ["政府网站", "两微一端", "政务服务中心", "便民服务站"]
    );
    assert_eq!(
        ticked("政府网站、政务服务中心、其他基层公共服务平台"),
        ["政府网站", "政务服务中心", "基层公共服务平台"]
    );
    assert_eq!(ticked("政府网站/被征收范围内公告栏"), ["政府网站", "被征收范围内公告栏"]);
    assert_eq!(ticked("行政村公示栏 乡镇公示栏"), ["行政村公示栏", "乡镇公示栏"]);
    assert_eq!(ticked("发布会/听证会，入户/现场"), ["发布会/听证会", "入户/现场"]);
}

#[test]
fn other_with_a_name() {
    assert_eq!(ticked("■政府网站 ■其他:办税服务厅"), ["政府网站", "办税服务厅"]);
    assert_eq!(ticked("■其他：国家企业信用信息公示系统"), ["国家企业信用信息公示系统"]);
    assert_eq!(ticked("■其他"), ["其他"]);
    assert_eq!(ticked("□其他_"), Vec::<String>::new());
}

#[test]
fn prose_style() {
    assert_eq!(
        ticked("政府公报、政府网站、新闻发布会、报刊、广播、电视或其他便于公众知晓的方式"),
        ["政府网站", "政府公报", "发布会/听证会", "广播电视", "纸质媒体", "其他"]
    );
}

#[test]
fn labels_before_the_first_box_are_not_channels() {
    assert_eq!(ticked("公开渠道：■政府网站 □政府公报"), ["政府网站"]);
    assert!(ticked("").is_empty());
}

#[test]
fn every_vocabulary_variant_and_platform_of_the_reference() {
    use catalog_core::vocab::{ChannelKind, channel_kind};
    let vocab: serde_json::Value =
        serde_json::from_str(include_str!("../../../seeds/vocab/channels.json")).expect("vocabulary is JSON");
    for v in vocab["variants"].as_array().expect("variants") {
        let (variant, canonical) = (v["variant"].as_str().unwrap_or(""), v["canonical"].as_str().unwrap_or(""));
        assert_eq!(channel_kind(variant), ChannelKind::Variant(canonical_static(canonical)), "{variant}");
        assert_eq!(ticked(&format!("■{variant} □政府公报")), [canonical], "{variant} in a checklist");
    }
    for p in vocab["platforms"].as_array().expect("platforms") {
        let name = p["name"].as_str().unwrap_or("");
        assert_eq!(channel_kind(name), ChannelKind::Platform, "{name}");
        assert_eq!(ticked(&format!("■政府网站 ■{name}")), ["政府网站", name], "{name} in a checklist");
    }
}

fn canonical_static(name: &str) -> &'static str {
    catalog_core::vocab::CANONICAL_CHANNELS.iter().find(|c| **c == name).copied().unwrap_or("")
}

const BOARD: &str = "社区/企事业单位/村公示栏（电子屏）";

/// Typos of the canonical names seen on published pages are variants of them, not unknown channels.
#[test]
fn typos_of_canonical_names_are_variants() {
    // 宜就镇's 公共文化服务 table (corpus b-13): 存 for 村, 广播电台; 入户/现场宣传 (a-05, a-25).
    assert_eq!(ticked("■社区/企事业单位/存公示栏(电子屏) ■广播电台"), ["广播电视", BOARD]);
    assert_eq!(ticked("■入户/现场宣传 口政府公报"), ["入户/现场"]);
    assert_eq!(ticked("入户/现场宣传、广播电台"), ["广播电视", "入户/现场"]);
    for (raw, canonical) in [("广播电台", "广播电视"), ("入户/现场宣传", "入户/现场"), ("查询点", "公开查阅点")]
    {
        assert_eq!(
            catalog_core::vocab::channel_kind(raw),
            catalog_core::vocab::ChannelKind::Variant(canonical_static(canonical))
        );
    }
}

/// Everyday names of the 公示栏 box and of 政府网站, listed in the vocabulary or recognised by their ending.
#[test]
fn everyday_names_of_canonical_channels() {
    for cell in ["■公示栏", "■村委会公示栏", "■村务公开栏", "■镇村公示公开栏", "■镇政府公告栏", "■嘎查(社区)公示栏"]
    {
        assert_eq!(ticked(cell), [BOARD], "{cell}");
    }
    assert_eq!(ticked("■铁力市政府网站 ■办事大厅"), ["政府网站", "政务服务中心"]);
    assert_eq!(ticked("高新区(掇刀区)政府网站、公示栏"), ["政府网站", BOARD]);
    // A board the vocabulary names as its own channel stays that channel.
    assert_eq!(ticked("■被征收范围内公告栏"), ["被征收范围内公告栏"]);
}

/// A `/` inside a named channel does not split it; a `/` between channels still does.
#[test]
fn a_slash_inside_a_named_channel_keeps_it_whole() {
    assert_eq!(ticked("■街道文化站/（社区）综合性文化服务中心公示栏"), [BOARD]);
    assert_eq!(
        parse_channels("■街道文化站/（社区）综合性文化服务中心").ticked[0].name,
        "街道文化站/（社区）综合性文化服务中心"
    );
    assert_eq!(ticked("政府网站/被征收范围内公告栏"), ["政府网站", "被征收范围内公告栏"]);
    assert_eq!(ticked("党群服务中心/便民服务站"), ["便民服务站", "党群服务中心"]);
}
