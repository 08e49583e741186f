//! 公开时限 parser against every wording collected in reference/domain.md §5.2 and the §7 example rows.

use catalog_core::parse::time_limit::{
    DayUnit, Period, Promptness, TimeClause, TimeLimit, TimeRule, Trigger, TriggerKind, parse_time_limit,
};
use proptest::prelude::*;

use DayUnit::{Days, Weeks, WorkingDays};
use TriggerKind::{
    Approved, Decided, FormedOrChanged, InvestigationEnded, MadeOrObtained, Other, Received, ResultDetermined,
};

// --- expectation helpers ------------------------------------------------------------------------------

fn within(amount: u32, unit: DayUnit, kind: TriggerKind, text: &str) -> TimeRule {
    TimeRule::Within { amount, unit, trigger: Some(Trigger { kind, text: text.to_owned() }) }
}

fn wd(amount: u32, kind: TriggerKind, text: &str) -> TimeRule {
    within(amount, WorkingDays, kind, text)
}

fn bare(amount: u32, unit: DayUnit) -> TimeRule {
    TimeRule::Within { amount, unit, trigger: None }
}

fn prompt(kind: Promptness) -> TimeRule {
    TimeRule::Promptly { kind }
}

fn on_event(event: &str) -> TimeRule {
    TimeRule::OnEvent { event: event.to_owned() }
}

fn periodic(period: Period, deadline: Option<&str>) -> TimeRule {
    TimeRule::Periodic { period, deadline: deadline.map(str::to_owned) }
}

/// A clause whose text is the whole input and which has no scope.
fn only(text: &str, rule: TimeRule) -> Vec<TimeClause> {
    vec![cl(text, None, rule)]
}

fn cl(text: &str, scope: Option<&str>, rule: TimeRule) -> TimeClause {
    TimeClause { text: text.to_owned(), scope: scope.map(str::to_owned), rule }
}

type Case = (&'static str, Vec<TimeClause>);

/// Every wording of §5.2, verbatim (the "a / b / c" lines give one entry per alternative).
fn section_5_2() -> Vec<Case> {
    let mut v = twenty_family();
    v.extend(ten_family());
    v.extend(shorter_and_event());
    v.extend(mixed());
    v.extend(qualitative());
    v
}

fn twenty_family() -> Vec<Case> {
    vec![
        (
            "信息形成或者变更之日起20个工作日内",
            only("信息形成或者变更之日起20个工作日内", wd(20, FormedOrChanged, "信息形成或者变更")),
        ),
        (
            "信息形成或变更之日起20个工作日内",
            only("信息形成或变更之日起20个工作日内", wd(20, FormedOrChanged, "信息形成或变更")),
        ),
        (
            "自该信息形成或者变更之日起20个工作日内",
            only("自该信息形成或者变更之日起20个工作日内", wd(20, FormedOrChanged, "该信息形成或者变更")),
        ),
        (
            "自该政府信息形成或者变更之日起20个工作日内及时公开",
            only(
                "自该政府信息形成或者变更之日起20个工作日内及时公开",
                wd(20, FormedOrChanged, "该政府信息形成或者变更"),
            ),
        ),
        (
            "自信息形成或者变更之日起20个工作日内予以公开",
            only("自信息形成或者变更之日起20个工作日内予以公开", wd(20, FormedOrChanged, "信息形成或者变更")),
        ),
        (
            "形成或者变更之日起20个工作日内予以公开",
            only("形成或者变更之日起20个工作日内予以公开", wd(20, FormedOrChanged, "形成或者变更")),
        ),
        (
            "信息形成或者变更之日起20个工作日内予以公开;征求意见期限不得少于30日",
            vec![
                cl("信息形成或者变更之日起20个工作日内予以公开", None, wd(20, FormedOrChanged, "信息形成或者变更")),
                cl("征求意见期限不得少于30日", None, TimeRule::MinimumPeriod { amount: 30, unit: Days }),
            ],
        ),
        ("信息形成之日起20个工作日内", only("信息形成之日起20个工作日内", wd(20, FormedOrChanged, "信息形成"))),
        ("信息形成20个工作日内公开", only("信息形成20个工作日内公开", wd(20, FormedOrChanged, "信息形成"))),
        ("信息形成之后20个工作日内", only("信息形成之后20个工作日内", wd(20, FormedOrChanged, "信息形成"))),
        ("信息形成(变更)20个工作日内", only("信息形成(变更)20个工作日内", wd(20, FormedOrChanged, "信息形成(变更)"))),
        (
            "信息形成(变更)下发至本单位20个工作日内",
            only("信息形成(变更)下发至本单位20个工作日内", wd(20, FormedOrChanged, "信息形成(变更)下发至本单位")),
        ),
        (
            "信息获取(形成变更)20个工作日内",
            only("信息获取(形成变更)20个工作日内", wd(20, FormedOrChanged, "信息获取(形成变更)")),
        ),
        (
            "公开事项信息形成或变更之日起20个工作日内公开",
            only("公开事项信息形成或变更之日起20个工作日内公开", wd(20, FormedOrChanged, "公开事项信息形成或变更")),
        ),
        (
            "信息形成或变更之日起20个工作日内公开",
            only("信息形成或变更之日起20个工作日内公开", wd(20, FormedOrChanged, "信息形成或变更")),
        ),
        (
            "自制作或获取该信息之日起20个工作日内公开",
            only("自制作或获取该信息之日起20个工作日内公开", wd(20, MadeOrObtained, "制作或获取该信息")),
        ),
        (
            "信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。",
            vec![
                cl("信息形成或者变更之日起20个工作日内", None, wd(20, FormedOrChanged, "信息形成或者变更")),
                cl("法律、法规对政府信息公开的期限另有规定的,从其规定", None, TimeRule::OtherwiseProvided),
            ],
        ),
        (
            "信息产生、变更之日起20个工作日内公开,保持长期公开(相关政策法规另有规定的应从其规定)",
            vec![
                cl("信息产生、变更之日起20个工作日内公开", None, wd(20, FormedOrChanged, "信息产生、变更")),
                cl("保持长期公开(相关政策法规另有规定的应从其规定)", None, prompt(Promptness::LongTerm)),
            ],
        ),
        ("20个工作日", only("20个工作日", bare(20, WorkingDays))),
        ("20工作日", only("20工作日", bare(20, WorkingDays))),
    ]
}

fn ten_family() -> Vec<Case> {
    vec![
        (
            "制定或获取信息之日起10个工作日内",
            only("制定或获取信息之日起10个工作日内", wd(10, MadeOrObtained, "制定或获取信息")),
        ),
        (
            "制定或获取信息之日起10个工作日内,公示7个工作日",
            vec![
                cl("制定或获取信息之日起10个工作日内", None, wd(10, MadeOrObtained, "制定或获取信息")),
                cl("公示7个工作日", None, TimeRule::Display { amount: 7, unit: WorkingDays }),
            ],
        ),
        (
            "制定或获取文件之日起10个工作日内",
            only("制定或获取文件之日起10个工作日内", wd(10, MadeOrObtained, "制定或获取文件")),
        ),
        (
            "制定或获取扶持政策措施之日起10个工作日内",
            only("制定或获取扶持政策措施之日起10个工作日内", wd(10, MadeOrObtained, "制定或获取扶持政策措施")),
        ),
        (
            "制定或获取指南之日起10个工作日内",
            only("制定或获取指南之日起10个工作日内", wd(10, MadeOrObtained, "制定或获取指南")),
        ),
    ]
}

fn shorter_and_event() -> Vec<Case> {
    vec![
        (
            "信息形成或变更之日起3个工作日内",
            only("信息形成或变更之日起3个工作日内", wd(3, FormedOrChanged, "信息形成或变更")),
        ),
        (
            "自该政府信息形成或者变更之日起5个工作日内;长期公示",
            vec![
                cl("自该政府信息形成或者变更之日起5个工作日内", None, wd(5, FormedOrChanged, "该政府信息形成或者变更")),
                cl("长期公示", None, prompt(Promptness::LongTerm)),
            ],
        ),
        (
            "拟征收土地现状调查结束后5个工作日内,在村公示栏公开",
            only(
                "拟征收土地现状调查结束后5个工作日内,在村公示栏公开",
                wd(5, InvestigationEnded, "拟征收土地现状调查结束"),
            ),
        ),
        (
            "在实地启动拟征收土地工作时,在村公示栏公开",
            only("在实地启动拟征收土地工作时,在村公示栏公开", on_event("实地启动拟征收土地工作")),
        ),
        (
            "①《听证通知书》在组织听证7个工作日前予以公开;②其他听证公开内容为依申请公开",
            vec![
                cl(
                    "《听证通知书》在组织听证7个工作日前予以公开",
                    Some("《听证通知书》"),
                    TimeRule::Before { amount: 7, unit: WorkingDays, event: "组织听证".to_owned() },
                ),
                cl("其他听证公开内容为依申请公开", None, TimeRule::Unrecognised),
            ],
        ),
        ("分配结果确定后20个工作日内", only("分配结果确定后20个工作日内", wd(20, ResultDetermined, "分配结果确定"))),
        (
            "本级人民代表大会或其常务委员会批准后20日内",
            only(
                "本级人民代表大会或其常务委员会批准后20日内",
                within(20, Days, Approved, "本级人民代表大会或其常务委员会批准"),
            ),
        ),
        (
            "本级政府财政部门批复后20日内",
            only("本级政府财政部门批复后20日内", within(20, Days, Approved, "本级政府财政部门批复")),
        ),
        (
            "部门预算经本级财政部门批复后20日内公开",
            only("部门预算经本级财政部门批复后20日内公开", within(20, Days, Approved, "部门预算经本级财政部门批复")),
        ),
        ("随采购公告、采购文件公开", only("随采购公告、采购文件公开", on_event("采购公告、采购文件"))),
        ("及时公开,公告期限为5个…", only("及时公开,公告期限为5个…", prompt(Promptness::Prompt))),
        (
            "提前一周发通知邀请",
            only("提前一周发通知邀请", TimeRule::Before { amount: 1, unit: Weeks, event: "发通知邀请".to_owned() }),
        ),
        ("按进展情况及时公开", only("按进展情况及时公开", prompt(Promptness::AsProgresses))),
        ("重大决策作出后及时公开", only("重大决策作出后及时公开", on_event("重大决策作出"))),
    ]
}

fn mixed() -> Vec<Case> {
    vec![
        (
            "信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示",
            vec![
                cl("信息形成20个工作日内公开", None, wd(20, FormedOrChanged, "信息形成")),
                cl(
                    "其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示",
                    Some("行政许可、行政处罚事项"),
                    wd(7, Decided, "作出行政决定"),
                ),
            ],
        ),
        (
            "信息形成之日起20个工作日内;行政许可和行政处罚决定作出后7个工作日内",
            vec![
                cl("信息形成之日起20个工作日内", None, wd(20, FormedOrChanged, "信息形成")),
                cl("行政许可和行政处罚决定作出后7个工作日内", None, wd(7, Decided, "行政许可和行政处罚决定作出")),
            ],
        ),
        (
            "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开",
            vec![
                cl("执法决定信息在决定作出之日起7个工作日内公开", Some("执法决定信息"), wd(7, Decided, "决定作出")),
                cl(
                    "其他相关信息形成或变更之日起20个工作日内公开",
                    None,
                    wd(20, FormedOrChanged, "其他相关信息形成或变更"),
                ),
            ],
        ),
        (
            "1.除处罚决定外其他内容:长期公开(动态调整); 2.处罚决定:20个工作日内。",
            vec![
                cl(
                    "除处罚决定外其他内容:长期公开(动态调整)",
                    Some("除处罚决定外其他内容"),
                    prompt(Promptness::LongTerm),
                ),
                cl("处罚决定:20个工作日内", Some("处罚决定"), bare(20, WorkingDays)),
            ],
        ),
        (
            "自信息形成或者变更之日起20个工作日内予以公开 自信息形成或者变更之日起7个工作日内予以公开",
            vec![
                cl("自信息形成或者变更之日起20个工作日内予以公开", None, wd(20, FormedOrChanged, "信息形成或者变更")),
                cl("自信息形成或者变更之日起7个工作日内予以公开", None, wd(7, FormedOrChanged, "信息形成或者变更")),
            ],
        ),
    ]
}

fn qualitative() -> Vec<Case> {
    vec![
        ("实时公开", only("实时公开", prompt(Promptness::Realtime))),
        ("及时公开", only("及时公开", prompt(Promptness::Prompt))),
        ("同上", only("同上", TimeRule::SameAsAbove)),
        ("长期", only("长期", prompt(Promptness::LongTerm))),
        ("长期公开", only("长期公开", prompt(Promptness::LongTerm))),
        ("随时公开", only("随时公开", prompt(Promptness::Anytime))),
        (
            "长期,最新有效",
            vec![cl("长期", None, prompt(Promptness::LongTerm)), cl("最新有效", None, prompt(Promptness::LatestValid))],
        ),
        ("任期内", only("任期内", prompt(Promptness::DuringTerm))),
        ("按年公开", only("按年公开", periodic(Period::Yearly, None))),
        ("每年1月31日前", only("每年1月31日前", periodic(Period::Yearly, Some("1月31日前")))),
        (
            "条目化展示、信息形成(变更)20个工作日内。可链接至…但要保持数据同源。",
            vec![
                cl("条目化展示、信息形成(变更)20个工作日内", None, wd(20, FormedOrChanged, "信息形成(变更)")),
                cl("可链接至…但要保持数据同源", None, TimeRule::Unrecognised),
            ],
        ),
        // Filing cadences (固东镇).
        (
            "每年的12月或更改内容后一周内",
            only("每年的12月或更改内容后一周内", periodic(Period::Yearly, Some("12月或更改内容后一周内"))),
        ),
        ("每季度第二周前…", only("每季度第二周前…", periodic(Period::Quarterly, Some("第二周前…")))),
        ("每月第一周…", only("每月第一周…", periodic(Period::Monthly, Some("第一周…")))),
    ]
}

/// 时限 cells of the §7 example rows not already listed above.
fn section_7() -> Vec<Case> {
    vec![
        (
            "自该信息形成或者变更之日起 20 个工作日内",
            only("自该信息形成或者变更之日起 20 个工作日内", wd(20, FormedOrChanged, "该信息形成或者变更")),
        ),
        (
            "信息形成或变更之日起20个工作日内",
            only("信息形成或变更之日起20个工作日内", wd(20, FormedOrChanged, "信息形成或变更")),
        ),
        (
            "形成或者变更之日起20个工作日内予以公开",
            only("形成或者变更之日起20个工作日内予以公开", wd(20, FormedOrChanged, "形成或者变更")),
        ),
        (
            "自信息形成或者变更之日起20个工作日内予以公开",
            only("自信息形成或者变更之日起20个工作日内予以公开", wd(20, FormedOrChanged, "信息形成或者变更")),
        ),
    ]
}

/// §5.1 statutory anchors.
fn section_5_1() -> Vec<Case> {
    vec![
        (
            "属于主动公开范围的政府信息,应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的,从其规定。",
            vec![
                cl(
                    "属于主动公开范围的政府信息,应当自该政府信息形成或者变更之日起20个工作日内及时公开",
                    Some("属于主动公开范围的政府信息"),
                    wd(20, FormedOrChanged, "该政府信息形成或者变更"),
                ),
                cl("法律、法规对政府信息公开的期限另有规定的,从其规定", None, TimeRule::OtherwiseProvided),
            ],
        ),
        (
            "自收到申请之日起20个工作日内予以答复",
            only("自收到申请之日起20个工作日内予以答复", wd(20, Received, "收到申请")),
        ),
        (
            "经本级政府财政部门批复的部门预算、决算及报表,应当在批复后二十日内由各部门向社会公开",
            vec![cl(
                "经本级政府财政部门批复的部门预算、决算及报表,应当在批复后二十日内由各部门向社会公开",
                Some("经本级政府财政部门批复的部门预算、决算及报表"),
                within(20, Days, Approved, "批复"),
            )],
        ),
        ("每季度的首个月20日", only("每季度的首个月20日", periodic(Period::Quarterly, Some("首个月20日")))),
        ("随时公布", only("随时公布", prompt(Promptness::Anytime))),
        (
            "(集体财务往来较多的,财务收支情况应每月公布一次)",
            only("(集体财务往来较多的,财务收支情况应每月公布一次)", periodic(Period::Monthly, None)),
        ),
        (
            "征求意见期限不得少于30日",
            only("征求意见期限不得少于30日", TimeRule::MinimumPeriod { amount: 30, unit: Days }),
        ),
    ]
}

fn check(cases: &[Case]) {
    for (input, expected) in cases {
        let got = parse_time_limit(input);
        assert_eq!(&got.clauses, expected, "input: {input}");
    }
}

#[test]
fn section_5_2_wordings_parse_as_expected() {
    check(&section_5_2());
}

#[test]
fn section_7_rows_parse_as_expected() {
    check(&section_7());
}

#[test]
fn section_5_1_anchors_parse_as_expected() {
    check(&section_5_1());
}

#[test]
fn section_5_2_recognition_share_is_at_least_95_percent() {
    let cases = section_5_2();
    let recognised = cases.iter().filter(|(t, _)| parse_time_limit(t).has_recognised_clause()).count();
    let share = recognised as f64 / cases.len() as f64;
    println!("§5.2: {recognised}/{} recognised ({:.1} %)", cases.len(), share * 100.0);
    assert!(share >= 0.95, "only {recognised} of {} recognised", cases.len());
}

#[test]
fn statutory_families_give_triggered_working_day_deadlines() {
    let families = twenty_family().into_iter().chain(ten_family());
    for (input, _) in families {
        let parsed = parse_time_limit(input);
        let first = parsed.clauses.first().map(|c| &c.rule);
        let bare_form = matches!(input, "20个工作日" | "20工作日");
        match first {
            Some(TimeRule::Within { amount, unit: WorkingDays, trigger }) if *amount == 20 || *amount == 10 => {
                let kind = trigger.as_ref().map(|t| t.kind);
                let expected_kind = if bare_form {
                    None
                } else if input.contains("制定") || input.contains("制作") {
                    Some(MadeOrObtained)
                } else {
                    Some(FormedOrChanged)
                };
                assert_eq!(kind, expected_kind, "input: {input}");
            }
            other => panic!("{input}: first clause is {other:?}"),
        }
    }
}

#[test]
fn width_numerals_and_spacing_variants() {
    let t = parse_time_limit("信息形成或者变更之日起２０个工作日内；征求意见期限不得少于三十日");
    assert_eq!(t.clauses.len(), 2);
    assert_eq!(t.clauses[0].rule, wd(20, FormedOrChanged, "信息形成或者变更"));
    assert_eq!(t.clauses[1].rule, TimeRule::MinimumPeriod { amount: 30, unit: Days });

    let t = parse_time_limit("制定或获取信息之日起十个工作日内，公示七个工作日");
    assert_eq!(t.clauses[0].rule, wd(10, MadeOrObtained, "制定或获取信息"));
    assert_eq!(t.clauses[1].rule, TimeRule::Display { amount: 7, unit: WorkingDays });

    let t = parse_time_limit("  信息形成之日起二十 个 工作日内  ");
    assert_eq!(t.clauses, only("信息形成之日起二十 个 工作日内", wd(20, FormedOrChanged, "信息形成")));

    let t = parse_time_limit("决定作出后3天内公开");
    assert_eq!(t.clauses[0].rule, within(3, Days, Decided, "决定作出"));

    let t = parse_time_limit("事件发生后24小时内");
    assert_eq!(t.clauses[0].rule, within(24, DayUnit::Hours, Other, "事件发生"));

    let t = parse_time_limit("批准后1个月内公开");
    assert_eq!(t.clauses[0].rule, within(1, DayUnit::Months, Approved, "批准"));
}

#[test]
fn cadences_seen_only_outside_catalog_cells() {
    assert_eq!(parse_time_limit("每季度").clauses, only("每季度", periodic(Period::Quarterly, None)));
    assert_eq!(parse_time_limit("每年").clauses, only("每年", periodic(Period::Yearly, None)));
    assert_eq!(parse_time_limit("常态化").clauses, only("常态化", prompt(Promptness::LongTerm)));
}

#[test]
fn huge_numbers_saturate_instead_of_overflowing() {
    let t = parse_time_limit("99999999999个工作日");
    assert_eq!(t.clauses, only("99999999999个工作日", bare(u32::MAX, WorkingDays)));
    let t = parse_time_limit("九千九百九十九万九千个工作日");
    assert!(matches!(t.clauses[0].rule, TimeRule::Within { amount: 99_999_000, .. }));
}

#[test]
fn helpers_summarise_the_cell() {
    let empty = parse_time_limit("   ");
    assert!(empty.is_empty() && !empty.is_recognised() && !empty.has_recognised_clause());
    assert_eq!(empty.longest_within(), None);

    let mixed =
        parse_time_limit("信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示");
    assert!(mixed.is_recognised());
    assert_eq!(mixed.longest_within(), Some((20, WorkingDays)));
    assert_eq!(mixed.bare_durations().count(), 0);
    assert!(!mixed.says_otherwise_provided());

    let days = parse_time_limit("本级政府财政部门批复后20日内");
    assert_eq!(days.longest_within(), Some((20, Days)));

    let abbreviated = parse_time_limit("20个工作日");
    assert_eq!(abbreviated.bare_durations().count(), 1);

    let partial = parse_time_limit("①《听证通知书》在组织听证7个工作日前予以公开;②其他听证公开内容为依申请公开");
    assert!(partial.has_recognised_clause() && !partial.is_recognised());

    let deferring =
        parse_time_limit("信息产生、变更之日起20个工作日内公开,保持长期公开(相关政策法规另有规定的应从其规定)");
    assert!(deferring.says_otherwise_provided());
    let deferring =
        parse_time_limit("信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。");
    assert!(deferring.says_otherwise_provided());

    assert!(!parse_time_limit("随便写写").has_recognised_clause());
}

#[test]
fn json_round_trip_and_schema() {
    let parsed = parse_time_limit("制定或获取信息之日起10个工作日内,公示7个工作日;及时公开");
    let json = serde_json::to_value(&parsed).unwrap_or_default();
    assert_eq!(json["clauses"][0]["rule"]["kind"], "within");
    assert_eq!(json["clauses"][0]["rule"]["unit"], "working_days");
    assert_eq!(json["clauses"][0]["rule"]["trigger"]["kind"], "made_or_obtained");
    assert_eq!(json["clauses"][2]["rule"]["kind"], "promptly");
    assert_eq!(json["clauses"][2]["rule"]["promptness"], "prompt");
    let back: Option<TimeLimit> = serde_json::from_value(json).ok();
    assert_eq!(back, Some(parsed));
    let schema = serde_json::to_string(&schemars::schema_for!(TimeLimit)).unwrap_or_default();
    assert!(schema.contains("same_as_above") && schema.contains("promptness"));
}

// --- property tests -----------------------------------------------------------------------------------

const VOCAB: &[&str] = &[
    "信息",
    "形成",
    "或者",
    "变更",
    "之日起",
    "自",
    "该",
    "20",
    "２０",
    "二十",
    "十",
    "七",
    "三十",
    "99999999999",
    "个",
    "工作日",
    "日",
    "天",
    "周",
    "个月",
    "小时",
    "内",
    "前",
    "后",
    "以内",
    "予以公开",
    "公开",
    "及时公开",
    "内公示",
    "在村公示栏公开",
    "；",
    ";",
    "。",
    "，",
    ",",
    " ",
    "　",
    "1.",
    "2、",
    "①",
    "②",
    "其中",
    "行政许可",
    "应自",
    "作出行政决定",
    "在",
    "时",
    "随",
    "提前",
    "公示",
    "公告期限为",
    "不得少于",
    "每年",
    "每季度",
    "每月",
    "按年",
    "1月31日",
    "同上",
    "长期",
    "实时",
    "随时",
    "任期内",
    "最新有效",
    "按进展情况",
    "另有规定",
    "从其规定",
    "(",
    ")",
    "（",
    "）",
    "《",
    "》",
    ":",
    "：",
    "制定或获取",
    "批复",
    "批准",
    "分配结果确定",
    "调查结束",
    "收到申请",
    "第",
];

fn assert_slices_of(input: &str, parsed: &TimeLimit) {
    for c in &parsed.clauses {
        assert!(input.contains(&c.text), "clause {:?} not in {input:?}", c.text);
        if let Some(s) = &c.scope {
            assert!(input.contains(s.as_str()), "scope {s:?} not in {input:?}");
        }
        match &c.rule {
            TimeRule::Within { trigger: Some(t), .. } => assert!(input.contains(&t.text)),
            TimeRule::Before { event, .. } | TimeRule::OnEvent { event } => {
                assert!(input.contains(event.as_str()))
            }
            TimeRule::Periodic { deadline: Some(d), .. } => assert!(input.contains(d.as_str())),
            _ => {}
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let parsed = parse_time_limit(&s);
        assert_slices_of(&s, &parsed);
        let _ = (parsed.is_recognised(), parsed.longest_within(), parsed.says_otherwise_provided());
    }

    #[test]
    fn vocabulary_soup_never_panics(parts in proptest::collection::vec(proptest::sample::select(VOCAB), 0..24)) {
        let s = parts.concat();
        let parsed = parse_time_limit(&s);
        assert_slices_of(&s, &parsed);
        prop_assert!(parsed.clauses.iter().all(|c| !c.text.is_empty()));
    }
}

#[test]
fn the_editor_preview_says_what_was_understood() {
    use catalog_core::messages::time_limit_summary;
    let say = |t: &str| time_limit_summary(&parse_time_limit(t));
    assert_eq!(say("信息形成或变更之日起20个工作日内"), "自“信息形成或变更”起20个工作日内");
    assert_eq!(say("20个工作日"), "20个工作日内（缺少起算点）");
    assert_eq!(say("实时公开"), "实时");
    assert!(say("每年1月31日前").starts_with("每年"));
    assert_eq!(say("尽快"), "无法识别");
}

/// Clear, common wordings of real catalogs (issue 14): 永久公开 is long-term; 开学前 is before an event.
#[test]
fn permanent_and_before_an_event_are_recognised() {
    for text in ["永久公开", "永久", "长期公开"] {
        let parsed = parse_time_limit(text);
        assert!(parsed.is_recognised(), "{text}: {parsed:?}");
        assert_eq!(parsed.clauses[0].rule, TimeRule::Promptly { kind: Promptness::LongTerm }, "{text}");
    }
    for (text, event) in [("开学前", "开学前"), ("每学期开学前公开", "每学期开学前"), ("招生前公布", "招生前")]
    {
        let parsed = parse_time_limit(text);
        assert!(parsed.is_recognised(), "{text}: {parsed:?}");
        assert_eq!(parsed.clauses[0].rule, TimeRule::OnEvent { event: event.into() }, "{text}");
    }
    // A date or a period before 前 stays the rule it was.
    assert!(matches!(parse_time_limit("每年1月31日前").clauses[0].rule, TimeRule::Periodic { .. }));
    assert!(matches!(parse_time_limit("在组织听证7个工作日前").clauses[0].rule, TimeRule::Before { .. }));
}
