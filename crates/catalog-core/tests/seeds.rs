//! The 26 seed files load, match their schema, name their sources, and give templates that validate cleanly.

use catalog_core::domains::DOMAINS;
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
fn the_26_domains_each_have_one_seed_in_order() {
    let names: Vec<&str> = seeds::guides().iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, DOMAINS.to_vec());
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
        for item in &guide.items {
            let at = format!("{} {}", guide.name, item.item.join("/"));
            assert!(guide.sources.iter().any(|s| s.id == item.source), "{at}: unknown source {}", item.source);
            assert!(vocab::AUDIENCES.contains(&item.audience.as_str()), "{at}: audience {}", item.audience);
            assert!(vocab::MODES.contains(&item.mode.as_str()), "{at}: mode {}", item.mode);
            assert!(!item.channels.required.is_empty(), "{at}: no ■ channel");
            for level in &item.levels {
                assert!(!vocab::level_means(level).is_empty(), "{at}: level {level}");
            }
        }
        for source in &guide.sources {
            assert!(source.url.starts_with("http"), "{}: source {} has no address", guide.name, source.id);
        }
    }
}

#[test]
fn templates_of_every_domain_and_level_match_the_schema_and_have_no_error() {
    let v = validator(&catalog_schema());
    for guide in seeds::guides() {
        for level in ["县级", "乡级"] {
            let catalog = template::template(guide, level);
            assert!(!catalog.entries.is_empty(), "{} {level}: no item applies", guide.name);
            let json = serde_json::to_value(&catalog).expect("catalogs serialise");
            let schema_errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
            assert!(schema_errors.is_empty(), "{} {level}: {schema_errors:#?}", guide.name);
            let errors: Vec<_> = validate(&catalog).into_iter().filter(|d| d.severity() == Severity::Error).collect();
            assert!(errors.is_empty(), "{} {level}: {errors:#?}", guide.name);
        }
    }
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
            let kept = catalog.entries.pop();
            catalog.removed = catalog
                .entries
                .drain(..)
                .map(|e| catalog_core::RemovedItem { domain: e.domain, item: e.item, reason: "本级不承担".into() })
                .collect();
            catalog.entries.extend(kept);
            let json = serde_json::to_value(&catalog).expect("catalogs serialise");
            let schema_errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
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
