//! JSON Schemas generated from the Rust types: the catalog format v1 and the seed domain files.
//!
//! The model deserialises leniently (missing elements become empty so the validator can point at them); the
//! schema is the strict contract, so the transforms below mark the contract's elements required.

use schemars::{Schema, SchemaGenerator, generate::SchemaSettings};

use crate::model::Catalog;
use crate::seeds::DomainGuide;

fn require(schema: &mut Schema, fields: &[&str]) {
    schema.insert(
        "required".to_owned(),
        fields.iter().map(|f| serde_json::Value::from(*f)).collect::<serde_json::Value>(),
    );
}

pub(crate) fn require_catalog(schema: &mut Schema) {
    require(schema, &["format", "version", "meta", "entries"]);
}

pub(crate) fn require_meta(schema: &mut Schema) {
    require(schema, &["title", "government", "level"]);
}

pub(crate) fn require_entry(schema: &mut Schema) {
    require(
        schema,
        &[
            "id",
            "domain",
            "item",
            "content",
            "basis",
            "time_limit",
            "subject",
            "channels",
            "audience",
            "mode",
            "levels",
        ],
    );
}

pub(crate) fn require_not_applicable(schema: &mut Schema) {
    require(schema, &["domain", "reason"]);
}

pub(crate) fn require_removed_item(schema: &mut Schema) {
    require(schema, &["domain", "item", "reason"]);
}

/// The generator every schema of the project uses (draft 2020-12).
pub fn generator() -> SchemaGenerator {
    SchemaGenerator::new(SchemaSettings::draft2020_12())
}

/// The committed JSON Schema of catalog format v1 (`schema/catalog-v1.schema.json`; a test keeps it equal to
/// [`catalog_schema`]).
pub const CATALOG_SCHEMA_JSON: &str = include_str!("../schema/catalog-v1.schema.json");

/// JSON Schema of catalog format v1.
pub fn catalog_schema() -> Schema {
    generator().into_root_schema_for::<Catalog>()
}

/// JSON Schema of a `seeds/domains/*.json` file.
pub fn domain_guide_schema() -> Schema {
    generator().into_root_schema_for::<DomainGuide>()
}

/// Pretty JSON text of a schema, as committed in the repository (trailing newline included).
pub fn to_pretty(schema: &Schema) -> String {
    // Serialising a `Schema` (a JSON value) to a string cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
