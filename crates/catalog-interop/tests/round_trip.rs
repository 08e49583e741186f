//! JSON → XLSX → JSON and JSON → CSV → JSON keep every entry field (XLSX also keeps meta, 未涉及领域 and 删减事项),
//! over random catalogs with 三级事项, extra columns, line breaks, quotes and formula-like text.

use catalog_core::domains::DOMAINS;
use catalog_core::model::{Catalog, Entry, Meta, NotApplicable, RemovedItem};
use catalog_core::vocab::CANONICAL_CHANNELS;
use catalog_interop::{ExportFormat, export, import};
use proptest::prelude::*;

/// Text as cells hold it: Chinese, punctuation, digits, quotes, commas, line breaks, leading = + - @.
fn text() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(
        prop::sample::select(vec![
            "政务",
            "公开",
            "信息",
            "《条例》",
            "〔2019〕",
            "54号",
            "，",
            "、",
            "；",
            "\"",
            "\n",
            ",",
            "（",
            "）",
            "20",
            "个工作日",
            "X",
            "a b",
            "<b>",
            "&",
            "%",
        ]),
        1..8,
    )
    .prop_map(|v| v.concat());
    (prop::sample::select(vec!["", "=", "+", "-", "@", "1"]), body)
        .prop_map(|(lead, body)| format!("{lead}{body}").trim().to_owned())
        .prop_filter("non-empty", |s| !s.is_empty())
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["政策", "文件", "最低", "生活", "保障", "办事", "指南", "名单"]),
        1..4,
    )
    .prop_map(|v| v.concat())
}

/// An entry of any shape; its named channels are ones kept as written (an everyday name of a canonical channel, such
/// as 村委会公示栏, is read as that channel).
fn entry() -> impl Strategy<Value = Entry> {
    let platforms = vec!["投资项目在线审批监管平台", "办税服务厅", "基层公共服务平台", "被征收范围内公告栏"];
    (
        prop::sample::select(DOMAINS.to_vec()),
        prop::collection::vec(name(), 1..=3),
        (text(), text(), text(), text()),
        (prop::sample::subsequence(CANONICAL_CHANNELS.to_vec(), 1..5), prop::sample::subsequence(platforms, 0..2)),
        (prop::bool::ANY, prop::option::of(name())),
        (0..3usize, prop::option::of(text())),
        prop::sample::subsequence(vec!["市级", "县级", "乡级", "村级"], 1..4),
        prop::collection::btree_map(prop::sample::select(vec!["咨询电话", "责任科室", "备注"]), text(), 0..3),
    )
        .prop_map(
            |(
                domain,
                item,
                (content, basis, time_limit, subject),
                (canonical, named),
                (everyone, group),
                (mode, reason),
                levels,
                extra,
            )| {
                let mode = ["主动", "依申请", "不予公开"][mode];
                Entry {
                    id: String::new(),
                    domain: domain.to_owned(),
                    item,
                    content,
                    basis,
                    time_limit,
                    subject,
                    channels: canonical.into_iter().chain(named).map(str::to_owned).collect(),
                    audience: if everyone { "全社会" } else { "特定群体" }.to_owned(),
                    audience_group: if everyone { None } else { group },
                    mode: mode.to_owned(),
                    withheld_reason: if mode == "不予公开" { reason } else { None },
                    levels: levels.into_iter().map(str::to_owned).collect(),
                    extra: extra.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                    source: None,
                }
            },
        )
}

/// A removed guideline item: 一级 (/ 二级) names, a reason as cells hold text, or none yet.
fn removed() -> impl Strategy<Value = RemovedItem> {
    (prop::sample::select(DOMAINS.to_vec()), prop::collection::vec(name(), 1..=2), prop::option::of(text())).prop_map(
        |(domain, item, reason)| RemovedItem { domain: domain.to_owned(), item, reason: reason.unwrap_or_default() },
    )
}

fn catalog() -> impl Strategy<Value = Catalog> {
    (
        prop::collection::vec(entry(), 1..12),
        text(),
        prop::sample::select(vec!["县级", "乡级"]),
        prop::option::of(text()),
        prop::collection::vec(removed(), 0..4),
    )
        .prop_map(|(mut entries, government, level, revision, removed)| {
            for (i, e) in entries.iter_mut().enumerate() {
                e.id = format!("e{}", i + 1);
            }
            let mut c = Catalog::new(Meta {
                title: format!("{government}政务公开事项标准目录"),
                government,
                level: level.to_owned(),
                revision,
                ..Meta::default()
            });
            c.entries = entries;
            c.not_applicable =
                vec![NotApplicable { domain: "税收管理".into(), reason: "本镇无税收管理职能".into() }];
            c.removed = removed;
            c
        })
}

/// The XLSX writes one sheet per domain: entries come back grouped by domain, in order of first appearance.
fn grouped(entries: &[Entry]) -> Vec<Entry> {
    let mut domains: Vec<&str> = Vec::new();
    for e in entries {
        if !domains.contains(&e.domain.as_str()) {
            domains.push(&e.domain);
        }
    }
    domains.iter().flat_map(|d| entries.iter().filter(move |e| e.domain == *d).cloned()).collect()
}

fn without_source(mut entries: Vec<Entry>) -> Vec<Entry> {
    for e in &mut entries {
        e.source = None;
    }
    entries
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn xlsx_round_trip_is_lossless(c in catalog()) {
        let bytes = export(&c, ExportFormat::Xlsx).expect("exports");
        let back = import(&bytes, "目录.xlsx").expect("imports").catalog;
        prop_assert_eq!(&back.meta, &c.meta);
        prop_assert_eq!(&back.not_applicable, &c.not_applicable);
        prop_assert_eq!(&back.removed, &c.removed);
        prop_assert_eq!(without_source(back.entries), grouped(&c.entries));
    }

    #[test]
    fn csv_round_trip_keeps_every_entry(c in catalog()) {
        let bytes = export(&c, ExportFormat::Csv).expect("exports");
        let back = import(&bytes, "目录.csv").expect("imports").catalog;
        prop_assert_eq!(without_source(back.entries), c.entries.clone());
    }

    #[test]
    fn json_round_trip_is_identity(c in catalog()) {
        let bytes = export(&c, ExportFormat::Json).expect("exports");
        prop_assert_eq!(import(&bytes, "目录.json").expect("imports").catalog, c);
    }
}

/// A 删减事项说明 sheet filled by hand in Excel reads back: levels split at ` / ` and trimmed, blank rows skipped,
/// and the removals excuse their guideline items.
#[test]
fn a_hand_filled_removed_sheet_reads_back() {
    use catalog_interop::grid::Sheet;
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<String>>();
    let mut c = catalog_core::template::template(catalog_core::seeds::guide("社会救助").expect("seed"), "乡级");
    c.entries.retain(|e| e.item != ["最低生活保障", "审批信息"] && e.item != ["临时救助", "审核审批信息"]);
    let meta = Sheet::new("目录信息", vec![row(&["目录标题", "某镇目录"]), row(&["目录层级", "乡级"])], &[]);
    let removed = Sheet::new(
        "删减事项说明",
        vec![
            row(&["领域", "事项", "删减理由"]),
            row(&[" 社会救助 ", " 最低生活保障 / 审批信息 ", "由县民政局审批并公开"]),
            row(&["", "", "  "]),
            row(&["社会救助领域", "临时救助 /  / 审核审批信息", ""]),
        ],
        &[],
    );
    let imported = catalog_interop::import::from_sheets(&[meta, removed], true).expect("reads the sheets");
    assert_eq!(
        imported.catalog.removed,
        vec![
            RemovedItem {
                domain: "社会救助".into(),
                item: vec!["最低生活保障".into(), "审批信息".into()],
                reason: "由县民政局审批并公开".into(),
            },
            RemovedItem {
                domain: "社会救助领域".into(),
                item: vec!["临时救助".into(), "审核审批信息".into()],
                reason: String::new(),
            },
        ]
    );
    c.removed = imported.catalog.removed;
    let codes: Vec<&str> = catalog_core::validate(&c).iter().map(|d| d.code()).collect();
    let missing: Vec<String> = catalog_core::validate(&c)
        .into_iter()
        .filter_map(|d| match d.finding {
            catalog_core::Finding::GuidelineMissing { path, .. } => Some(path),
            _ => None,
        })
        .collect();
    assert_eq!(missing, ["临时救助/审核审批信息"], "the one without a reason is still missing");
    assert!(codes.contains(&"guideline.removed-reason"), "{codes:?}");
}
