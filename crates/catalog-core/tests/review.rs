//! The review summary: coverage of the 26 domains, expected guideline items counted as the validator counts them,
//! and the combined review report's JSON.

use catalog_core::domains::DOMAINS;
use catalog_core::model::{Catalog, Entry, NotApplicable, RemovedItem};
use catalog_core::review::{Coverage, ReviewNote, ReviewReport, ReviewStatus, summarize};
use catalog_core::{FileReport, Report, seeds, template, validate};

/// A township catalog of 社会救助 from the guideline, 义务教育 declared not applicable.
fn township() -> Catalog {
    let guide = seeds::guide("社会救助").expect("社会救助 seed is embedded");
    let mut c = template::template(guide, "乡级");
    c.meta.government = "某县某镇人民政府".into();
    c.meta.title = "某镇政务公开事项标准目录".into();
    c.meta.revision = Some("2024版".into());
    c.not_applicable.push(NotApplicable { domain: "义务教育领域".into(), reason: "本镇无学校".into() });
    c
}

fn cell<'a>(summary: &'a catalog_core::review::ReviewSummary, domain: &str) -> &'a Coverage {
    &summary.domains.iter().find(|d| d.domain == domain).expect("every pilot domain has a cell").coverage
}

fn guideline_missing(c: &Catalog) -> usize {
    validate(c).iter().filter(|d| d.code() == "guideline.missing").count()
}

#[test]
fn every_pilot_domain_has_a_cell_in_seed_order() {
    let c = township();
    let s = summarize(&c, &validate(&c));
    let names: Vec<&str> = s.domains.iter().map(|d| d.domain.as_str()).collect();
    assert_eq!(names, DOMAINS);
    assert_eq!(s.domains_covered, ["社会救助"]);
    assert_eq!(s.not_applicable, [NotApplicable { domain: "义务教育".into(), reason: "本镇无学校".into() }]);
    assert_eq!(cell(&s, "义务教育"), &Coverage::NotApplicable { reason: "本镇无学校".into() });
    assert_eq!(cell(&s, "扶贫"), &Coverage::Missing);
    assert_eq!(s.domains_handled(), 2);
    assert_eq!(
        (s.government.as_str(), s.level.as_str(), s.revision.as_deref()),
        ("某县某镇人民政府", "乡级", Some("2024版"))
    );
}

#[test]
fn a_template_catalog_has_every_expected_item() {
    let c = township();
    let guide = seeds::guide("社会救助").expect("seed");
    let expected = guide.items.iter().filter(|g| g.applies_to("乡级")).count();
    let s = summarize(&c, &validate(&c));
    assert_eq!(
        cell(&s, "社会救助"),
        &Coverage::Covered {
            entries: c.entries.len(),
            required_present: expected,
            required_total: expected,
            required_removed: 0
        }
    );
    assert_eq!(cell(&s, "社会救助").conformance(), Some(1.0));
    assert_eq!((s.required_present, s.required_total), (expected, expected));
}

#[test]
fn missing_items_lower_conformance_and_match_the_validator() {
    let mut c = township();
    // Two guideline items no other item's name could stand in for.
    c.entries.retain(|e| e.item != ["最低生活保障", "审批信息"] && e.item != ["最低生活保障", "审核信息"]);
    let s = summarize(&c, &validate(&c));
    let Coverage::Covered { required_present, required_total, required_removed, .. } = *cell(&s, "社会救助") else {
        panic!("社会救助 is covered")
    };
    assert_eq!(required_total - required_present, guideline_missing(&c));
    assert_eq!(required_total - required_present, 2);
    assert_eq!(required_removed, 0);
    assert!(cell(&s, "社会救助").conformance().is_some_and(|r| r < 1.0));
}

#[test]
fn items_removed_with_a_reason_are_not_expected_and_without_one_still_are() {
    let mut c = township();
    let e = c.entries.pop().expect("the template has entries");
    c.removed.push(RemovedItem {
        domain: e.domain.clone(), item: e.item.clone(), reason: "由县民政局统一公开".into()
    });
    let s = summarize(&c, &validate(&c));
    let Coverage::Covered { required_present, required_total, required_removed, .. } = *cell(&s, "社会救助") else {
        panic!("社会救助 is covered")
    };
    assert_eq!((required_present, required_removed), (required_total, 1));
    assert_eq!(s.removed, c.removed);

    c.removed[0].reason = " ".into();
    let s = summarize(&c, &validate(&c));
    let Coverage::Covered { required_present, required_total, required_removed, .. } = *cell(&s, "社会救助") else {
        panic!("社会救助 is covered")
    };
    assert_eq!((required_total - required_present, required_removed), (1, 0));
    assert_eq!(guideline_missing(&c), 1);
}

#[test]
fn an_unknown_level_expects_nothing() {
    let mut c = township();
    c.meta.level = "乡镇级".into();
    let s = summarize(&c, &validate(&c));
    assert!(matches!(cell(&s, "社会救助"), Coverage::Covered { required_total: 0, required_present: 0, .. }));
    assert_eq!(s.conformance(), None);
}

#[test]
fn aliases_count_for_their_domain_and_other_domains_are_listed() {
    let mut c = township();
    let entry = |domain: &str, item: &str| Entry {
        id: format!("x-{item}"),
        domain: domain.into(),
        item: vec![item.into()],
        ..Entry::default()
    };
    c.entries.push(entry("环境保护", "环境影响评价"));
    c.entries.push(entry(" 交通运输 ", "公路建设"));
    c.entries.push(entry("交通运输", "农村公路"));
    // Covered and declared not applicable at once: covered wins (the validator warns).
    c.entries.push(entry("义务教育", "招生入学"));
    let s = summarize(&c, &validate(&c));
    assert!(matches!(cell(&s, "生态环境"), Coverage::Covered { entries: 1, .. }));
    assert!(matches!(cell(&s, "义务教育"), Coverage::Covered { entries: 1, .. }));
    assert_eq!(s.domains_covered, ["生态环境", "社会救助", "义务教育"]);
    assert_eq!(s.other_domains.get("交通运输"), Some(&2));
}

#[test]
fn counts_follow_the_diagnostics_given() {
    let mut c = township();
    c.entries[0].mode = String::new();
    let found = validate(&c);
    let s = summarize(&c, &found);
    let report = FileReport::from_diagnostics("镇.json", &c, &found);
    assert_eq!((s.errors, s.warnings, s.infos), (report.stats.errors, report.stats.warnings, report.stats.infos));
    assert!(s.errors >= 1);
    assert_eq!(report.summary.as_ref(), Some(&s));
}

#[test]
fn unreadable_files_have_no_summary_and_reports_without_one_still_load() {
    let unreadable = FileReport::unreadable(
        "坏.xlsx",
        catalog_core::report::ReportError {
            code: "import.workbook".into(),
            message: "坏".into(),
            message_en: "bad".into(),
        },
    );
    assert!(unreadable.summary.is_none());
    let json = serde_json::to_value(&unreadable).expect("serialises");
    assert!(json.get("summary").is_none(), "absent, not null: {json}");
    let back: FileReport = serde_json::from_value(json).expect("a report without summary loads");
    assert_eq!(back, unreadable);
}

#[test]
fn the_review_report_carries_each_files_note_beside_its_report() {
    let c = township();
    let report = Report::new(vec![FileReport::for_catalog("甲镇.json", &c), FileReport::for_catalog("乙镇.json", &c)]);
    let note = ReviewNote { status: ReviewStatus::Return, comment: "补充临时救助事项".into() };
    let review = ReviewReport::new(report, vec![None, Some(note.clone())]);
    let json: serde_json::Value = serde_json::from_str(&review.to_json()).expect("JSON");
    assert_eq!(json["files"][0]["path"], "甲镇.json");
    assert!(json["files"][0].get("note").is_none());
    assert_eq!(json["files"][1]["note"]["status"], "return");
    assert_eq!(json["files"][1]["summary"]["domains"][14]["coverage"]["status"], "covered");
    let back: ReviewReport = serde_json::from_str(&review.to_json()).expect("reads back");
    assert_eq!(back, review);
    assert_eq!(ReviewStatus::from_code("pass"), Some(ReviewStatus::Pass));
    assert_eq!(ReviewStatus::from_code("通过"), None);
    let totals = review.domain_totals();
    assert_eq!(totals[14], ("社会救助".to_owned(), [2, 0, 0]));
    assert_eq!(totals[20], ("义务教育".to_owned(), [0, 2, 0]));
    assert_eq!(totals[0].1, [0, 0, 2]);
}
