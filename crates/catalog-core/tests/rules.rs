//! Every validator rule with a failing and a passing example, table-driven; and the README documents every code.

use catalog_core::domains::DOMAINS;
use catalog_core::model::{Catalog, Entry, NotApplicable};
use catalog_core::{Severity, seeds, template, validate};

/// A township catalog (乡级) of 社会救助 built from the guideline, every other domain declared not applicable.
fn base() -> Catalog {
    let guide = seeds::guide("社会救助").expect("社会救助 seed is embedded");
    let mut c = template::template(guide, "乡级");
    c.meta.government = "某县某镇人民政府".into();
    c.meta.title = "某镇政务公开事项标准目录".into();
    c.not_applicable = DOMAINS
        .iter()
        .filter(|d| **d != "社会救助")
        .map(|d| NotApplicable { domain: (*d).into(), reason: "本镇无此职能".into() })
        .collect();
    let e = &mut c.entries[0];
    e.basis = "《社会救助暂行办法》（国务院令第649号）".into();
    e.time_limit = "制定或获取信息之日起10个工作日内".into();
    c
}

fn first(c: &mut Catalog) -> &mut Entry {
    &mut c.entries[0]
}

/// Where a rule's finding is expected.
#[derive(Clone, Copy)]
enum On {
    /// The first entry.
    First,
    /// The catalog as a whole (no entry).
    Catalog,
    /// Any entry or the catalog (rules comparing entries).
    Any,
}

fn fires(c: &Catalog, code: &str, on: On) -> bool {
    let id = c.entries.first().map(|e| e.id.clone());
    validate(c).iter().any(|d| {
        d.code() == code
            && match on {
                On::First => d.entry == id,
                On::Catalog => d.entry.is_none(),
                On::Any => true,
            }
    })
}

struct Case {
    code: &'static str,
    on: On,
    fail: fn(&mut Catalog),
    pass: fn(&mut Catalog),
}

fn noop(_: &mut Catalog) {}

fn cases() -> Vec<Case> {
    vec![
        Case { code: "meta.level", on: On::Catalog, fail: |c| c.meta.level = "乡镇".into(), pass: noop },
        Case { code: "meta.missing", on: On::Catalog, fail: |c| c.meta.government.clear(), pass: noop },
        Case { code: "entry.required", on: On::First, fail: |c| first(c).subject = " ".into(), pass: noop },
        Case {
            code: "entry.item-shape",
            on: On::First,
            fail: |c| first(c).item = vec!["a".into(), "b".into(), "c".into(), "d".into()],
            pass: |c| first(c).item = vec!["最低生活保障".into(), "政策".into(), "地方政策".into()],
        },
        Case { code: "entry.id-missing", on: On::Any, fail: |c| first(c).id.clear(), pass: noop },
        Case {
            code: "entry.id-duplicate",
            on: On::Any,
            fail: |c| c.entries[1].id = c.entries[0].id.clone(),
            pass: noop,
        },
        Case { code: "domain.unknown", on: On::First, fail: |c| first(c).domain = "交通运输".into(), pass: noop },
        Case {
            code: "domain.alias",
            on: On::First,
            fail: |c| first(c).domain = "环境保护".into(),
            pass: |c| first(c).domain = "生态环境".into(),
        },
        Case {
            code: "item.duplicate",
            on: On::Any,
            fail: |c| {
                let dup = Entry { id: "dup".into(), ..c.entries[0].clone() };
                c.entries.push(dup);
            },
            pass: |c| {
                let other = Entry {
                    id: "dup".into(),
                    item: vec!["综合业务".into(), "本镇补充".into()],
                    ..c.entries[0].clone()
                };
                c.entries.push(other);
            },
        },
        Case {
            code: "channel.variant",
            on: On::First,
            fail: |c| first(c).channels = vec!["政府服务中心".into()],
            pass: |c| first(c).channels = vec!["政务服务中心".into()],
        },
        Case {
            code: "channel.unparsed",
            on: On::First,
            fail: |c| first(c).channels = vec!["■政府网站 □政府公报 ■两微一端".into()],
            pass: |c| first(c).channels = vec!["政府网站".into(), "两微一端".into()],
        },
        Case {
            code: "channel.other",
            on: On::First,
            fail: |c| first(c).channels = vec!["本镇微信群".into()],
            pass: |c| first(c).channels = vec!["投资项目在线审批监管平台".into()],
        },
        Case {
            code: "time.unrecognised",
            on: On::First,
            fail: |c| first(c).time_limit = "尽快办理".into(),
            pass: |c| first(c).time_limit = "信息形成或者变更之日起20个工作日内".into(),
        },
        Case {
            code: "time.no-trigger",
            on: On::First,
            fail: |c| first(c).time_limit = "20个工作日".into(),
            pass: |c| first(c).time_limit = "信息形成或变更之日起20个工作日内".into(),
        },
        Case {
            code: "time.exceeds-default",
            on: On::First,
            fail: |c| {
                first(c).time_limit = "信息形成或变更之日起30个工作日内".into();
                first(c).basis = "《中华人民共和国政府信息公开条例》".into();
            },
            pass: |c| {
                first(c).time_limit = "信息形成或变更之日起30个工作日内".into();
                first(c).basis = "《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》".into();
            },
        },
        Case {
            code: "basis.unbalanced",
            on: On::First,
            fail: |c| first(c).basis = "《中华人民共和国政府信息公开条例".into(),
            pass: |c| first(c).basis = "《中华人民共和国政府信息公开条例》".into(),
        },
        Case {
            code: "basis.garbled-number",
            on: On::First,
            fail: |c| first(c).basis = "《关于全面推进政务公开工作的意见》(国办发〔201680号)".into(),
            pass: |c| first(c).basis = "《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)".into(),
        },
        Case {
            code: "basis.doc-number-format",
            on: On::First,
            fail: |c| first(c).basis = "《开展基层政务公开标准化规范化试点工作方案》(国办发﹝2017﹞42号)".into(),
            pass: |c| first(c).basis = "《开展基层政务公开标准化规范化试点工作方案》(国办发〔2017〕42号)".into(),
        },
        Case {
            code: "basis.generic-only",
            on: On::First,
            fail: |c| first(c).basis = "相关政策文件".into(),
            pass: |c| first(c).basis = "《信息公开条例》及相关规定".into(),
        },
        Case {
            code: "basis.placeholder",
            on: On::First,
            fail: |c| first(c).basis = "《XX省农机购置补贴实施方案》".into(),
            pass: |c| first(c).basis = "《江西省农机购置补贴实施方案》".into(),
        },
        Case {
            code: "audience.variant", on: On::First, fail: |c| first(c).audience = "全社会范围".into(), pass: noop
        },
        Case { code: "audience.unknown", on: On::First, fail: |c| first(c).audience = "老年人".into(), pass: noop },
        Case {
            code: "audience.group-missing",
            on: On::First,
            fail: |c| first(c).audience = "特定群体".into(),
            pass: |c| {
                first(c).audience = "特定群体".into();
                first(c).audience_group = Some("辖区低保对象".into());
            },
        },
        Case { code: "mode.variant", on: On::First, fail: |c| first(c).mode = "主动公开".into(), pass: noop },
        Case { code: "mode.unknown", on: On::First, fail: |c| first(c).mode = "公开".into(), pass: noop },
        Case {
            code: "mode.withheld-reason",
            on: On::First,
            fail: |c| first(c).mode = "不予公开".into(),
            pass: |c| {
                first(c).mode = "不予公开".into();
                first(c).withheld_reason = Some("《政府信息公开条例》第十五条：涉及个人隐私".into());
            },
        },
        Case { code: "level.unknown", on: On::First, fail: |c| first(c).levels = vec!["省里".into()], pass: noop },
        Case {
            code: "level.compound",
            on: On::First,
            fail: |c| first(c).levels = vec!["县级".into(), "乡、村级".into()],
            pass: |c| first(c).levels = vec!["县级".into(), "乡级".into(), "村级".into()],
        },
        Case {
            code: "level.inconsistent",
            on: On::First,
            fail: |c| first(c).levels = vec!["县级".into()],
            pass: |c| first(c).levels = vec!["县级".into(), "乡级".into()],
        },
        Case {
            code: "privacy.id-number",
            on: On::First,
            fail: |c| first(c).content = "张三，身份证号11010519491231002X，低保金300元".into(),
            pass: |c| first(c).content = "张三，身份证号110105********002X，低保金300元".into(),
        },
        Case {
            code: "privacy.bank-card",
            on: On::First,
            fail: |c| first(c).content = "补贴发放至账户 4111 1111 1111 1111".into(),
            pass: |c| first(c).content = "补贴发放至账户 4111 **** **** 1111".into(),
        },
        Case {
            code: "privacy.roster-public",
            on: On::First,
            fail: |c| {
                let e = first(c);
                e.content = "低保对象名单及相关信息".into();
                e.audience = "全社会".into();
                e.channels = vec!["政府网站".into()];
            },
            pass: |c| {
                let e = first(c);
                e.content = "低保对象名单及相关信息".into();
                e.channels = vec!["社区/企事业单位/村公示栏（电子屏）".into()];
            },
        },
        Case { code: "coverage.missing", on: On::Catalog, fail: |c| c.not_applicable.clear(), pass: noop },
        Case { code: "coverage.na-reason", on: On::Catalog, fail: |c| c.not_applicable[0].reason.clear(), pass: noop },
        Case {
            code: "coverage.na-covered",
            on: On::Catalog,
            fail: |c| c.not_applicable.push(NotApplicable { domain: "社会救助".into(), reason: "无".into() }),
            pass: noop,
        },
        Case {
            code: "coverage.na-unknown",
            on: On::Catalog,
            fail: |c| c.not_applicable.push(NotApplicable { domain: "外星事务".into(), reason: "无".into() }),
            pass: noop,
        },
        Case { code: "guideline.missing", on: On::Catalog, fail: |c| c.entries.truncate(1), pass: noop },
        Case {
            code: "guideline.local",
            on: On::First,
            fail: |c| first(c).item = vec!["本镇特色".into(), "困难群众慰问".into()],
            pass: noop,
        },
    ]
}

#[test]
fn base_catalog_is_clean_of_errors() {
    let c = base();
    let errors: Vec<_> = validate(&c).into_iter().filter(|d| d.severity() == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_rule_fires_on_its_failing_example_and_not_on_its_passing_one() {
    let mut failures = Vec::new();
    for case in cases() {
        let mut bad = base();
        (case.fail)(&mut bad);
        if !fires(&bad, case.code, case.on) {
            failures.push(format!("{}: did not fire on the failing example", case.code));
        }
        let mut good = base();
        (case.pass)(&mut good);
        if fires(&good, case.code, case.on) {
            failures.push(format!("{}: fired on the passing example", case.code));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn readme_documents_exactly_the_tested_codes() {
    let readme = include_str!("../README.md");
    let documented: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|c| c.contains('.'))
        .collect();
    let tested: Vec<&str> = cases().iter().map(|c| c.code).collect();
    for code in &tested {
        assert!(documented.contains(code), "README does not document {code}");
    }
    for code in &documented {
        assert!(tested.contains(code), "README documents {code} but no test exercises it");
    }
}

#[test]
fn mechanical_fixes_carry_the_repaired_value() {
    let fix_of = |c: &Catalog, code: &str| {
        validate(c)
            .into_iter()
            .find(|d| d.code() == code)
            .and_then(|d| d.fix)
            .map(|f| (f.field, serde_json::to_value(f.value).expect("fix values serialise")))
    };
    let mut c = base();
    first(&mut c).channels = vec!["政府网站".into(), "政府服务中心".into(), "■两微一端 □政府公报 ■政府网站".into()];
    let (field, value) = fix_of(&c, "channel.variant").expect("variant has a fix");
    assert_eq!(field, "channels");
    assert_eq!(value, serde_json::json!(["政府网站", "两微一端", "政务服务中心"]));

    let mut c = base();
    c.meta.level = "街道".into();
    assert_eq!(fix_of(&c, "meta.level"), Some(("meta.level".into(), serde_json::json!("乡级"))));

    let mut c = base();
    first(&mut c).levels = vec!["县级".into(), "乡、村级".into()];
    assert_eq!(fix_of(&c, "level.compound"), Some(("levels".into(), serde_json::json!(["县级", "乡级", "村级"]))));

    let mut c = base();
    first(&mut c).domain = "医疗卫生".into();
    assert_eq!(fix_of(&c, "domain.alias"), Some(("domain".into(), serde_json::json!("卫生健康"))));

    let mut c = base();
    first(&mut c).basis = "《试点工作方案》(国办发﹝2017﹞42号)、《意见》国人口发(2007)78号".into();
    assert_eq!(
        fix_of(&c, "basis.doc-number-format"),
        Some(("basis".into(), serde_json::json!("《试点工作方案》(国办发〔2017〕42号)、《意见》国人口发〔2007〕78号")))
    );
}

#[test]
fn diagnostics_locate_the_row_and_the_field() {
    let mut c = base();
    first(&mut c).source = Some(catalog_core::SourceRef { sheet: Some("社会救助".into()), row: Some(7) });
    first(&mut c).mode = "".into();
    let d = validate(&c).into_iter().find(|d| d.code() == "entry.required").expect("missing mode is reported");
    assert_eq!((d.row, d.sheet.as_deref(), d.field), (Some(7), Some("社会救助"), Some("mode")));
    assert_eq!(d.entry.as_deref(), Some(c.entries[0].id.as_str()));
    let r = catalog_core::ReportDiagnostic::from(&d);
    assert_eq!(r.message, "缺少必填要素“公开方式”");
    assert_eq!(r.message_en, "required element mode is missing");
}
