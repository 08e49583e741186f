//! JSON Schema (as schemars writes it from the Rust types) → TypeScript declarations.
//! Covers what the project's types produce: objects, maps, arrays, nullable types, string enums and consts,
//! internally tagged enums (oneOf of objects), `$ref`s to `$defs`.

use std::collections::BTreeMap;

use serde_json::Value;

fn doc(schema: &Value, indent: &str) -> String {
    match schema.get("description").and_then(Value::as_str) {
        Some(d) => {
            let lines: Vec<String> = d.lines().map(|l| format!("{indent} * {}", l.replace("*/", "* /"))).collect();
            format!("{indent}/**\n{}\n{indent} */\n", lines.join("\n"))
        }
        None => String::new(),
    }
}

fn literal(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "unknown".into())
}

/// The TypeScript type of one schema.
pub fn ty(schema: &Value, indent: &str) -> String {
    if schema == &Value::Bool(true) || schema.as_object().is_some_and(|o| o.is_empty()) {
        return "unknown".into();
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or("unknown").to_owned();
    }
    if let Some(c) = schema.get("const") {
        return literal(c);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(literal).collect::<Vec<_>>().join(" | ");
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(variants) = schema.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = variants.iter().map(|v| ty(v, indent)).collect();
            return parts.join(" | ");
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array)
        && all.len() == 1
    {
        return ty(&all[0], indent);
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec!["object"],
    };
    let parts: Vec<String> = types
        .iter()
        .map(|t| match *t {
            "string" => "string".into(),
            "integer" | "number" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => {
                let item = schema.get("items").map_or_else(|| "unknown".into(), |i| ty(i, indent));
                if item.contains(' ') { format!("({item})[]") } else { format!("{item}[]") }
            }
            _ => object(schema, indent),
        })
        .collect();
    parts.join(" | ")
}

fn object(schema: &Value, indent: &str) -> String {
    let props = schema.get("properties").and_then(Value::as_object);
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match props {
        None => match schema.get("additionalProperties") {
            Some(v) if v.is_object() => format!("{{ [key: string]: {} }}", ty(v, indent)),
            _ => "Record<string, unknown>".into(),
        },
        Some(props) => {
            let inner = format!("{indent}  ");
            let mut out = String::from("{\n");
            for (name, p) in props {
                let optional = if required.contains(&name.as_str()) { "" } else { "?" };
                out.push_str(&doc(p, &inner));
                out.push_str(&format!("{inner}{name}{optional}: {};\n", ty(p, &inner)));
            }
            out.push_str(indent);
            out.push('}');
            out
        }
    }
}

/// Declarations for named root schemas and all their `$defs`, each type once, sorted by name.
pub fn declarations(roots: &[(&str, Value)]) -> String {
    let mut types: BTreeMap<String, Value> = BTreeMap::new();
    for (name, schema) in roots {
        if let Some(defs) = schema.get("$defs").and_then(Value::as_object) {
            for (k, v) in defs {
                types.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        let mut root = schema.clone();
        if let Some(o) = root.as_object_mut() {
            o.remove("$defs");
            o.remove("$schema");
        }
        types.insert((*name).to_owned(), root);
    }
    let mut out = String::new();
    for (name, schema) in &types {
        out.push_str(&doc(schema, ""));
        let body = ty(schema, "");
        let union = ["oneOf", "anyOf", "enum", "const"].iter().any(|k| schema.get(*k).is_some());
        if body.starts_with('{') && !union {
            out.push_str(&format!("export interface {name} {body}\n\n"));
        } else {
            out.push_str(&format!("export type {name} = {body};\n\n"));
        }
    }
    out
}
