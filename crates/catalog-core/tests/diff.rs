//! Comparing two versions of a catalog (动态调整): matching by id and by domain + item path, field-level changes,
//! and the changes of meta, 未涉及领域说明 and 删减事项说明.

use catalog_core::diagnostic::FixValue;
use catalog_core::diff::{DeclarationChange, FieldChange, MatchedBy, diff};
use catalog_core::model::{Catalog, Entry, NotApplicable, RemovedItem, SourceRef};
use catalog_core::{seeds, template};

fn township() -> Catalog {
    let guide = seeds::guide("社会救助").expect("社会救助 seed is embedded");
    let mut c = template::template(guide, "乡级");
    c.meta.government = "某县某镇人民政府".into();
    c.meta.revision = Some("2023版".into());
    c
}

fn fields(c: &catalog_core::diff::EntryChange) -> Vec<&str> {
    c.changes.iter().map(|f| f.field.as_str()).collect()
}

fn text(s: &str) -> Option<FixValue> {
    Some(FixValue::Text(s.into()))
}

#[test]
fn a_catalog_does_not_differ_from_itself() {
    let c = township();
    let d = diff(&c, &c);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.unchanged, c.entries.len());
    assert_eq!((d.old.entries, d.new.revision.as_deref()), (c.entries.len(), Some("2023版")));
}

#[test]
fn a_changed_field_is_reported_with_both_values() {
    let old = township();
    let mut new = old.clone();
    new.entries[2].time_limit = "信息形成之日起5个工作日内".into();
    let d = diff(&old, &new);
    assert_eq!(d.changed.len(), 1);
    let c = &d.changed[0];
    assert_eq!((c.old_index, c.new_index, c.matched_by), (2, 2, MatchedBy::Id));
    assert_eq!(
        c.changes,
        [FieldChange {
            field: "time_limit".into(),
            old: text(&old.entries[2].time_limit),
            new: text("信息形成之日起5个工作日内")
        }]
    );
    assert_eq!(d.unchanged, old.entries.len() - 1);
}

#[test]
fn an_item_renamed_under_its_id_is_a_change_of_item() {
    let old = township();
    let mut new = old.clone();
    new.entries[0].item = vec!["低保".into(), "政策文件".into()];
    let d = diff(&old, &new);
    assert!(d.added.is_empty() && d.removed.is_empty());
    assert_eq!(fields(&d.changed[0]), ["item"]);
    assert_eq!(d.changed[0].changes[0].old, Some(FixValue::List(old.entries[0].item.clone())));
}

#[test]
fn an_entry_moved_to_another_domain_under_its_id_is_a_change_of_domain() {
    let old = township();
    let mut new = old.clone();
    new.entries[1].domain = "养老服务".into();
    let d = diff(&old, &new);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(fields(&d.changed[0]), ["domain"]);
    assert_eq!(d.changed[0].matched_by, MatchedBy::Id);
}

#[test]
fn without_ids_entries_match_by_domain_and_item_path() {
    let mut old = township();
    for e in &mut old.entries {
        e.id.clear();
    }
    let mut new = old.clone();
    new.entries.swap(0, 3);
    new.entries[0].subject = "某镇民政办".into();
    let d = diff(&old, &new);
    assert_eq!(d.changed.len(), 1);
    let c = &d.changed[0];
    assert_eq!((c.old_index, c.new_index, c.matched_by), (3, 0, MatchedBy::Item));
    assert_eq!(fields(c), ["subject"]);
    assert!(d.added.is_empty() && d.removed.is_empty());
}

#[test]
fn an_id_renumbered_under_the_same_item_is_a_change_of_id() {
    let old = township();
    let mut new = old.clone();
    new.entries[4].id = "SJ-005-新".into();
    let d = diff(&old, &new);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].matched_by, MatchedBy::Item);
    assert_eq!(
        d.changed[0].changes,
        [FieldChange { field: "id".into(), old: text(&old.entries[4].id), new: text("SJ-005-新") }]
    );
}

#[test]
fn ids_made_from_row_numbers_do_not_pair_rows_once_a_row_is_inserted() {
    // Two imports of a sheet without a 编号 column: ids are r<row>, and the new file has a row inserted at row 4.
    let at = |mut e: Entry, row: u32| {
        e.id = format!("r{row}");
        e.source = Some(SourceRef { sheet: Some("社会救助".into()), row: Some(row) });
        e
    };
    let base = township();
    let mut old = base.clone();
    old.entries = base.entries.iter().take(3).cloned().enumerate().map(|(i, e)| at(e, 4 + i as u32)).collect();
    let mut new = old.clone();
    let inserted = Entry { item: vec!["本镇特色".into(), "慈善超市".into()], ..base.entries[0].clone() };
    new.entries = std::iter::once(inserted)
        .chain(base.entries.iter().take(3).cloned())
        .enumerate()
        .map(|(i, e)| at(e, 4 + i as u32))
        .collect();
    let d = diff(&old, &new);
    assert!(d.changed.is_empty(), "{:?}", d.changed);
    assert!(d.removed.is_empty());
    assert_eq!(d.added.len(), 1);
    assert_eq!((d.added[0].index, d.added[0].entry.item[1].as_str()), (0, "慈善超市"));
    assert_eq!(d.unchanged, 3);
}

#[test]
fn duplicates_pair_in_file_order_and_the_surplus_is_added_or_removed() {
    let mut old = township();
    for e in &mut old.entries {
        e.id.clear();
    }
    let mut twice = old.entries[0].clone();
    twice.content = "第二行".into();
    old.entries.push(twice);
    let mut new = old.clone();
    new.entries.pop();
    let d = diff(&old, &new);
    assert!(d.changed.is_empty());
    assert_eq!(d.removed.len(), 1);
    assert_eq!((d.removed[0].index, d.removed[0].entry.content.as_str()), (old.entries.len() - 1, "第二行"));

    // Duplicate ids are no identity: those entries match by item path instead.
    let mut old = township();
    old.entries[1].id = old.entries[0].id.clone();
    let mut new = old.clone();
    new.entries[1].content = "改".into();
    let d = diff(&old, &new);
    assert_eq!(d.changed.len(), 1);
    assert_eq!((d.changed[0].new_index, d.changed[0].matched_by), (1, MatchedBy::Item));
}

#[test]
fn whitespace_order_of_sets_and_older_domain_names_are_no_change() {
    let old = township();
    let mut new = old.clone();
    let e = &mut new.entries[0];
    e.content = format!(" {}\n", e.content.replace('、', "、 "));
    e.channels.reverse();
    e.channels.push(" ".into());
    e.item[1] = format!("{} ", e.item[1]);
    e.audience_group = Some(String::new());
    new.entries[1].extra.insert("备注".into(), "  ".into());
    let d = diff(&old, &new);
    assert!(d.is_empty(), "{:?}", d.changed);

    let mut old = township();
    for e in &mut old.entries {
        e.domain = "环境保护".into();
    }
    let mut new = old.clone();
    for e in &mut new.entries {
        e.domain = "生态环境领域".into();
    }
    assert!(diff(&old, &new).is_empty());
}

#[test]
fn extra_columns_compare_by_header() {
    let old = township();
    let mut new = old.clone();
    new.entries[0].extra.insert("咨询电话".into(), "0871-1234567".into());
    let d = diff(&old, &new);
    assert_eq!(
        d.changed[0].changes,
        [FieldChange { field: "extra.咨询电话".into(), old: None, new: text("0871-1234567") }]
    );
}

#[test]
fn added_and_removed_entries_keep_their_file_order() {
    let old = township();
    let mut new = old.clone();
    let gone: Vec<Entry> = vec![new.entries.remove(5), new.entries.remove(1)];
    let mut extra = old.entries[0].clone();
    extra.id = "NEW-1".into();
    extra.item = vec!["临时救助".into(), "急难型救助".into()];
    new.entries.insert(0, extra.clone());
    extra.id = "NEW-2".into();
    extra.item = vec!["临时救助".into(), "支出型救助".into()];
    new.entries.push(extra);
    let d = diff(&old, &new);
    let removed: Vec<&str> = d.removed.iter().map(|r| r.entry.id.as_str()).collect();
    assert_eq!(removed, [gone[1].id.as_str(), gone[0].id.as_str()]);
    assert_eq!((d.removed[0].index, d.removed[1].index), (1, 5));
    let added: Vec<(usize, &str)> = d.added.iter().map(|a| (a.index, a.entry.id.as_str())).collect();
    assert_eq!(added, [(0, "NEW-1"), (new.entries.len() - 1, "NEW-2")]);
}

#[test]
fn meta_and_declarations_changes() {
    let mut old = township();
    old.not_applicable = vec![
        NotApplicable { domain: "义务教育".into(), reason: "本镇无学校".into() },
        NotApplicable { domain: "扶贫".into(), reason: "已脱贫".into() },
    ];
    old.removed = vec![RemovedItem {
        domain: "社会救助".into(),
        item: vec!["最低生活保障".into(), "审批信息".into()],
        reason: "县级审批".into(),
    }];
    let mut new = old.clone();
    new.meta.revision = Some("2024版".into());
    new.meta.region = Some("云南省".into());
    new.not_applicable = vec![
        NotApplicable { domain: "户籍管理领域".into(), reason: "派出所负责".into() },
        NotApplicable { domain: "义务教育领域".into(), reason: "本镇 无学校".into() },
        NotApplicable { domain: "扶贫".into(), reason: "并入乡村振兴".into() },
    ];
    new.removed.clear();
    let d = diff(&old, &new);
    assert_eq!(
        d.meta,
        [
            FieldChange { field: "meta.region".into(), old: None, new: text("云南省") },
            FieldChange { field: "meta.revision".into(), old: text("2023版"), new: text("2024版") },
        ]
    );
    let na = |domain: &str, old: Option<&str>, new: Option<&str>| DeclarationChange {
        domain: domain.into(),
        item: Vec::new(),
        old_reason: old.map(Into::into),
        new_reason: new.map(Into::into),
    };
    // In the order of the 26 domains: 扶贫 (10), 户籍管理 (17); 义务教育 differs in whitespace only.
    assert_eq!(
        d.not_applicable,
        [na("扶贫", Some("已脱贫"), Some("并入乡村振兴")), na("户籍管理", None, Some("派出所负责"))]
    );
    assert_eq!(
        d.removed_items,
        [DeclarationChange {
            domain: "社会救助".into(),
            item: vec!["最低生活保障".into(), "审批信息".into()],
            old_reason: Some("县级审批".into()),
            new_reason: None
        }]
    );
}

#[test]
fn the_diff_is_deterministic_and_its_json_reads_back() {
    let old = township();
    let mut new = old.clone();
    for (i, e) in new.entries.iter_mut().enumerate() {
        if i % 2 == 0 {
            e.id = format!("N{i}");
            e.basis.push_str("、《社会救助暂行办法》");
        }
    }
    let first = diff(&old, &new);
    assert_eq!(first.to_json(), diff(&old, &new).to_json());
    let back: catalog_core::diff::CatalogDiff = serde_json::from_str(&first.to_json()).expect("reads back");
    assert_eq!(back, first);
    assert!(first.changed.windows(2).all(|w| w[0].new_index < w[1].new_index));
}
