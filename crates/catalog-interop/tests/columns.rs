//! Column headers as real catalogs write them (reference §3) map to the right field.

use catalog_interop::layout::columns::{Column, classify};

#[test]
fn real_headers_map_by_text() {
    let cases: Vec<((&str, &str), Column)> = vec![
        (("公开事项", "一级事项"), Column::Item(0)),
        (("公开事项", "二级事项"), Column::Item(1)),
        (("公开事项", "三级事项"), Column::Item(2)),
        (("公开事项", ""), Column::ItemSingle),
        (("一级指标", ""), Column::Item(0)),
        (("公开内容（要素）", ""), Column::Content),
        (("公开内容(要素)及要求", ""), Column::Content),
        (("公开依据", ""), Column::Basis),
        (("公开时限", ""), Column::TimeLimit),
        (("公开主体", ""), Column::Subject),
        (("公开渠道和载体（“■”表示必选项，“□”表示可选项）", ""), Column::Channels),
        (("公开对象", "全社会"), Column::AudienceTick("全社会")),
        (("公开对象", "特定群众"), Column::AudienceTick("特定群体")),
        (("公开对象", "特定群体（请写明）"), Column::AudienceTick("特定群体")),
        (("公开对象", "特定对象"), Column::AudienceTick("特定群体")),
        (("公开对象", ""), Column::AudienceText),
        (("公开方式", "主动"), Column::ModeTick("主动")),
        (("公开方式", "依申请公开"), Column::ModeTick("依申请")),
        (("公开方式", "主动公开"), Column::ModeTick("主动")),
        (("公开方式", ""), Column::ModeText),
        (("公开属性", ""), Column::ModeText),
        (("公开层级", "县级"), Column::LevelTick("县级".into())),
        (("公开层级", "乡、村级"), Column::LevelTick("乡、村级".into())),
        (("公开层级", "嘎查(社区)级"), Column::LevelTick("嘎查(社区)级".into())),
        (("公开层级", ""), Column::LevelText),
        (("相应领域", ""), Column::Domain),
        (("序号", ""), Column::Number),
        (("咨询电话", ""), Column::Extra("咨询电话".into())),
        (("责任科室", ""), Column::Extra("责任科室".into())),
        (("依据效力(位阶)", ""), Column::Extra("依据效力(位阶)".into())),
        (("条款内容", ""), Column::Extra("条款内容".into())),
    ];
    for ((top, sub), want) in cases {
        assert_eq!(classify(top, sub), want, "{top} / {sub}");
    }
}
