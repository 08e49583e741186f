//! The seed files (the 26 pilot domains, then the later national ones) load, match their schema, name their
//! sources, never shrink, and give templates that validate cleanly and carry no other government's names.

use catalog_core::domains::DOMAINS;
use catalog_core::names;
use catalog_core::schema::{catalog_schema, domain_guide_schema, to_pretty};
use catalog_core::{Severity, seeds, template, validate, vocab};

fn validator(schema: &schemars::Schema) -> jsonschema::Validator {
    jsonschema::validator_for(schema.as_value()).expect("generated schemas are valid JSON Schema")
}

#[test]
fn every_seed_and_vocabulary_file_loads() {
    assert!(seeds::seed_errors().is_empty(), "{:#?}", seeds::seed_errors());
    assert!(vocab::vocab_errors().is_empty(), "{:#?}", vocab::vocab_errors());
}

#[test]
fn the_26_domains_each_have_one_seed_in_order_then_the_later_ones() {
    let names: Vec<&str> = seeds::guides().iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names[..DOMAINS.len().min(names.len())], DOMAINS);
    for later in &names[DOMAINS.len()..] {
        assert!(!DOMAINS.contains(later), "{later} is one of the 26");
        assert_eq!(catalog_core::domains::canonical(later), Some(*later), "a later domain is a known domain");
    }
    for (i, guide) in seeds::guides().iter().enumerate() {
        assert_eq!(usize::from(guide.number), i + 1, "{} has the wrong number", guide.name);
        assert!(!guide.items.is_empty(), "{} has no sourced item", guide.name);
    }
}

fn seed_files() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/domains");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("seeds/domains")
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("readable")))
        .collect();
    files.sort();
    files
}

#[test]
fn seed_files_match_the_domain_guide_schema() {
    let v = validator(&domain_guide_schema());
    for (file, text) in seed_files() {
        let json: serde_json::Value = serde_json::from_str(&text).expect("seed files are JSON");
        let errors: Vec<String> = v.iter_errors(&json).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "seeds/domains/{file}: {errors:#?}");
    }
}

/// The embedded compact encoding (build.rs) decodes to exactly what serde reads from the JSON files.
#[test]
fn embedded_seeds_equal_the_json_files() {
    let files = seed_files();
    assert_eq!(files.len(), seeds::guides().len());
    for ((file, text), embedded) in files.iter().zip(seeds::guides()) {
        let parsed: seeds::DomainGuide = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(&parsed, embedded, "{file}");
    }
}

#[test]
fn every_item_names_its_source_and_uses_the_vocabulary() {
    for guide in seeds::guides() {
        assert!(!guide.notes.trim().is_empty(), "{}: notes say where the items come from", guide.name);
        let mut paths = std::collections::BTreeSet::new();
        for item in &guide.items {
            let at = format!("{} {}", guide.name, item.item.join("/"));
            assert!(paths.insert(&item.item), "{at}: listed twice");
            assert!(guide.sources.iter().any(|s| s.id == item.source), "{at}: unknown source {}", item.source);
            if let Some(audience) = &item.audience {
                assert!(vocab::AUDIENCES.contains(&audience.as_str()), "{at}: audience {audience}");
            }
            if let Some(mode) = &item.mode {
                assert!(vocab::MODES.contains(&mode.as_str()), "{at}: mode {mode}");
            }
            if let Some(channels) = &item.channels {
                assert!(item.partial || !channels.required.is_empty(), "{at}: no ■ channel");
            }
            let unread = [
                item.content.is_none(),
                item.basis.is_none(),
                item.time_limit.is_none(),
                item.subject.is_none(),
                item.channels.is_none(),
                item.audience.is_none(),
                item.mode.is_none(),
                item.levels.is_empty(),
            ];
            assert!(item.partial || !unread.contains(&true), "{at}: a field is unknown but the item is not partial");
            for level in &item.levels {
                assert!(!vocab::level_means(level).is_empty(), "{at}: level {level}");
            }
        }
        for source in &guide.sources {
            assert!(source.url.starts_with("http"), "{}: source {} has no address", guide.name, source.id);
        }
        if let Some(stated) = &guide.stated {
            assert!(stated.source.starts_with("http") && !stated.quote.trim().is_empty(), "{}: stated", guide.name);
            assert!(stated.first_level.is_some() || stated.items.is_some(), "{}: stated states nothing", guide.name);
        }
    }
}

/// Items per domain when this guard was last raised: a seed may grow, never shrink (raise a number when a domain
/// grows; lowering one needs a reason in the commit).
const SEEDED_AT_LEAST: &[(&str, usize)] = &[
    ("重大建设项目", 14),
    ("公共资源交易", 9),
    ("财政预决算", 4),
    ("安全生产", 10),
    ("税收管理", 6),
    ("农村集体土地征收", 11),
    ("国有土地上房屋征收与补偿", 7),
    ("生态环境", 9),
    ("公共文化服务", 11),
    ("扶贫", 6),
    ("救灾", 10),
    ("食品药品监管", 9),
    ("城市综合执法", 19),
    ("就业", 3),
    ("社会救助", 12),
    ("养老服务", 7),
    ("户籍管理", 6),
    ("涉农补贴", 5),
    ("卫生健康", 5),
    ("市政服务", 7),
    ("义务教育", 19),
    ("社会保险", 8),
    ("保障性住房", 11),
    ("农村危房改造", 9),
    ("公共法律服务", 7),
    ("城乡规划", 10),
    ("交通运输", 7),
    ("水利", 14),
    ("统计", 4),
    ("广播电视", 9),
    ("自然资源", 5),
];

#[test]
fn no_domain_holds_fewer_items_than_it_did() {
    for (name, at_least) in SEEDED_AT_LEAST {
        let guide = seeds::guide(name).unwrap_or_else(|| panic!("{name}: no seed"));
        assert!(guide.items.len() >= *at_least, "{name}: {} items, was {at_least}", guide.items.len());
    }
}

/// The 公开主体, 公开依据 and 公开渠道 of no template name another government: the seeds keep their sources'
/// names, the templates put the township's own wording in their place.
#[test]
fn no_template_carries_the_names_of_another_government() {
    for guide in seeds::guides() {
        for level in ["县级", "乡级"] {
            for e in template::template(guide, level).entries {
                let at = format!("{} {level} {}", guide.name, e.item.join("/"));
                assert_eq!(names::in_subject(&e.subject), [], "{at}: 公开主体 {}", e.subject);
                assert_eq!(names::in_basis(&e.basis), [], "{at}: 公开依据 {}", e.basis);
                let platforms: Vec<&String> = e.channels.iter().filter(|c| names::province_of(c).is_some()).collect();
                assert!(platforms.is_empty(), "{at}: {platforms:?}");
            }
            let named = template::template_for(guide, level, Some("复兴镇人民政府"));
            let validated = validate(&named);
            let foreign: Vec<_> = validated.iter().filter(|d| d.code() == "entry.other-government").collect();
            assert!(foreign.is_empty(), "{} {level}: {foreign:#?}", guide.name);
        }
    }
}

#[test]
fn templates_of_every_domain_and_level_match_the_schema_and_have_no_error() {
    let v = validator(&catalog_schema());
    for guide in seeds::guides() {
        for level in ["县级", "乡级"] {
            let catalog = template::template(guide, level);
            // A pilot domain has county items; a later domain may have none for a level (统计: 县级统计机构), and
            // items whose levels could not be read apply at none.
            let pilot = usize::from(guide.number) <= DOMAINS.len();
            assert!(
                !(pilot && level == "县级" && catalog.entries.is_empty()),
                "{} {level}: no item applies",
                guide.name
            );
            if catalog.entries.is_empty() {
                continue;
            }
            let schema_errors = schema_errors(&v, guide, &catalog);
            assert!(schema_errors.is_empty(), "{} {level}: {schema_errors:#?}", guide.name);
            // Only the fields a partial guideline item leaves unknown may be missing: the user fills them in.
            let errors: Vec<_> = validate(&catalog)
                .into_iter()
                .filter(|d| d.severity() == Severity::Error)
                .filter(|d| !(d.code() == "entry.required" && unknown_in_guideline(guide, &catalog, d)))
                .collect();
            assert!(errors.is_empty(), "{} {level}: {errors:#?}", guide.name);
        }
    }
}

/// Whether the field an `entry.required` finding names is one the entry's guideline item does not know.
fn unknown_in_guideline(
    guide: &seeds::DomainGuide,
    catalog: &catalog_core::Catalog,
    d: &catalog_core::Diagnostic,
) -> bool {
    let entry = catalog.entries.iter().position(|e| Some(e.id.as_str()) == d.entry.as_deref());
    entry.is_some_and(|i| unknown_field(guide, catalog, i, d.field.unwrap_or_default()))
}

/// Whether `field` of entry `index` is one its (partial) guideline item leaves unknown.
fn unknown_field(guide: &seeds::DomainGuide, catalog: &catalog_core::Catalog, index: usize, field: &str) -> bool {
    let Some(entry) = catalog.entries.get(index) else { return false };
    let Some(item) = guide.items.iter().find(|i| i.item == entry.item) else { return false };
    match field {
        "content" => item.content.is_none(),
        "basis" => item.basis.is_none(),
        "time_limit" => item.time_limit.is_none(),
        "subject" => item.subject.is_none(),
        "channels" => item.channels.is_none(),
        "audience" => item.audience.is_none(),
        "mode" => item.mode.is_none(),
        "levels" => item.levels.is_empty(),
        _ => false,
    }
}

/// Schema errors of a template, less those on fields a partial guideline item leaves unknown (an empty 公开对象 is
/// not one of the enum's words until the user chooses).
fn schema_errors(
    v: &jsonschema::Validator,
    guide: &seeds::DomainGuide,
    catalog: &catalog_core::Catalog,
) -> Vec<String> {
    let json = serde_json::to_value(catalog).expect("catalogs serialise");
    v.iter_errors(&json)
        .filter(|e| {
            let path = e.instance_path().to_string();
            let mut parts = path.trim_start_matches('/').split('/');
            let (Some("entries"), Some(index), Some(field)) = (parts.next(), parts.next(), parts.next()) else {
                return true;
            };
            !index.parse().is_ok_and(|i| unknown_field(guide, catalog, i, field))
        })
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The README's seed table is the one generated from the files.
#[test]
fn the_readme_seed_table_is_up_to_date() {
    let readme = include_str!("../../../README.md");
    let (begin, end) = ("<!-- seed-status:begin -->\n", "<!-- seed-status:end -->");
    let table = readme.split_once(begin).and_then(|(_, rest)| rest.split_once(end)).map(|(t, _)| t);
    assert_eq!(
        table,
        Some(seeds::status_markdown().as_str()),
        "the README's seed table is stale: run `cargo xtask schemas`"
    );
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (committed, generated) in [
        (include_str!("../schema/catalog-v1.schema.json"), catalog_schema()),
        (include_str!("../../../seeds/domain-guide.schema.json"), domain_guide_schema()),
    ] {
        assert!(committed == to_pretty(&generated), "a committed schema is stale: run `cargo xtask schemas`");
    }
}

#[test]
fn removed_items_match_the_schema_and_every_guideline_item_can_be_removed_cleanly() {
    let v = validator(&catalog_schema());
    for guide in seeds::guides() {
        for level in ["县级", "乡级"] {
            // All but the last entry of the template taken out and declared removed: nothing missing, and none
            // of the removals unknown or contradicted by the entry that stays.
            let mut catalog = template::template(guide, level);
            if catalog.entries.is_empty() {
                continue;
            }
            let kept = catalog.entries.pop();
            catalog.removed = catalog
                .entries
                .drain(..)
                .map(|e| catalog_core::RemovedItem { domain: e.domain, item: e.item, reason: "本级不承担".into() })
                .collect();
            catalog.entries.extend(kept);
            let schema_errors = schema_errors(&v, guide, &catalog);
            assert!(schema_errors.is_empty(), "{} {level}: {schema_errors:#?}", guide.name);
            let found: Vec<_> = validate(&catalog)
                .into_iter()
                .filter(|d| d.code() == "guideline.missing" || d.code().starts_with("guideline.removed"))
                .map(|d| d.code())
                .collect();
            assert!(found.is_empty(), "{} {level}: {found:?}", guide.name);
        }
    }
    let mut catalog = template::template(&seeds::guides()[0], "县级");
    catalog.removed.push(catalog_core::RemovedItem { domain: "重大建设项目".into(), ..Default::default() });
    let json = serde_json::to_value(&catalog).expect("catalogs serialise");
    assert!(!v.is_valid(&json), "a removed item without an item path is not valid v1");
}
