//! Seeds → a compact token stream the library reads without a JSON parser (keeps serde_json's deserializers for
//! these types out of the wasm build). Tokens are separated by U+001F; lists are a count followed by their items;
//! an optional value is a list of zero or one. `src/compact.rs` reads it back; a test compares the two paths.

use serde_json::Value;

pub const SEP: char = '\u{1F}';

pub struct Writer {
    tokens: Vec<String>,
}

type Encode = Result<(), String>;

impl Writer {
    pub fn new() -> Writer {
        Writer { tokens: Vec::new() }
    }

    pub fn finish(self) -> String {
        self.tokens.join(&SEP.to_string())
    }

    pub fn token(&mut self, s: &str) -> Encode {
        if s.contains(SEP) {
            return Err("text contains U+001F".into());
        }
        self.tokens.push(s.to_owned());
        Ok(())
    }

    pub fn str(&mut self, v: &Value, field: &str) -> Encode {
        match v.get(field) {
            Some(Value::String(s)) => self.token(s),
            _ => Err(format!("`{field}` must be a string")),
        }
    }

    pub fn opt(&mut self, v: &Value, field: &str) -> Encode {
        match v.get(field) {
            None | Some(Value::Null) => self.token("0"),
            Some(Value::String(s)) => {
                self.token("1")?;
                self.token(s)
            }
            _ => Err(format!("`{field}` must be a string or null")),
        }
    }

    /// An optional whole number, written as an optional string token.
    pub fn opt_number(&mut self, v: &Value, field: &str) -> Encode {
        match v.get(field) {
            None | Some(Value::Null) => self.token("0"),
            Some(n) if n.as_u64().is_some() => {
                self.token("1")?;
                self.token(&n.to_string())
            }
            _ => Err(format!("`{field}` must be a whole number or null")),
        }
    }

    pub fn bool(&mut self, v: &Value, field: &str, default: Option<bool>) -> Encode {
        match (v.get(field).map(Value::as_bool), default) {
            (Some(Some(b)), _) | (None, Some(b)) => self.token(if b { "1" } else { "0" }),
            _ => Err(format!("`{field}` must be true or false")),
        }
    }

    pub fn number(&mut self, v: &Value, field: &str) -> Encode {
        match v.get(field).and_then(Value::as_u64) {
            Some(n) => self.token(&n.to_string()),
            None => Err(format!("`{field}` must be a whole number")),
        }
    }

    /// A list field (absent = empty when `required` is false), each item written by `item`.
    pub fn list(
        &mut self,
        v: &Value,
        field: &str,
        required: bool,
        mut item: impl FnMut(&mut Writer, &Value) -> Encode,
    ) -> Encode {
        let items = match v.get(field) {
            Some(Value::Array(a)) => a.as_slice(),
            None if !required => &[],
            _ => return Err(format!("`{field}` must be a list")),
        };
        self.token(&items.len().to_string())?;
        for x in items {
            item(self, x).map_err(|e| format!("{field}: {e}"))?;
        }
        Ok(())
    }

    /// A list of strings.
    pub fn strings(&mut self, v: &Value, field: &str, required: bool) -> Encode {
        self.list(v, field, required, |w, x| match x {
            Value::String(s) => w.token(s),
            _ => Err("items must be strings".into()),
        })
    }
}

/// The domain guide encoding; its field order is mirrored by `seeds::decode`.
pub fn domain(v: &Value) -> Result<String, String> {
    let mut w = Writer::new();
    w.number(v, "number")?;
    w.str(v, "name")?;
    w.strings(v, "aliases", false)?;
    let g = v.get("guideline").ok_or("`guideline` missing")?;
    w.str(g, "title")?;
    for f in ["issuer", "document_number", "date", "source"] {
        w.opt(g, f)?;
    }
    w.str(v, "completeness")?;
    match v.get("stated") {
        None | Some(Value::Null) => w.token("0")?,
        Some(st) => {
            w.token("1")?;
            w.opt_number(st, "first_level")?;
            w.opt_number(st, "items")?;
            w.str(st, "quote")?;
            w.str(st, "source")?;
        }
    }
    w.str(v, "notes")?;
    w.list(v, "sources", true, |w, s| {
        w.str(s, "id")?;
        w.str(s, "title")?;
        w.str(s, "url")
    })?;
    w.list(v, "items", true, |w, it| {
        w.strings(it, "item", true)?;
        w.bool(it, "partial", Some(false))?;
        w.opt(it, "content")?;
        w.list(it, "elements", false, |w, e| {
            w.str(e, "name")?;
            w.bool(e, "required", None)
        })?;
        for f in ["basis", "time_limit", "subject"] {
            w.opt(it, f)?;
        }
        match it.get("channels") {
            None | Some(Value::Null) => w.token("0")?,
            Some(c) => {
                w.token("1")?;
                w.strings(c, "required", true)?;
                w.strings(c, "optional", false)?;
            }
        }
        w.opt(it, "audience")?;
        w.opt(it, "audience_group")?;
        w.opt(it, "mode")?;
        w.strings(it, "levels", true)?;
        w.str(it, "source")
    })?;
    Ok(w.finish())
}

/// The vocabulary encodings, mirrored by `vocab`: channels (variants, platforms), levels (labels,
/// government levels), and the label files (audience, modes).
pub fn vocab(name: &str, v: &Value) -> Result<String, String> {
    let mut w = Writer::new();
    let pair = |a: &'static str, b: &'static str| {
        move |w: &mut Writer, x: &Value| -> Encode {
            w.str(x, a)?;
            w.str(x, b)
        }
    };
    match name {
        "channels.json" => {
            w.list(v, "variants", true, pair("variant", "canonical"))?;
            w.list(v, "platforms", true, |w, x| w.str(x, "name"))?;
        }
        "levels.json" => {
            w.list(v, "labels", true, |w, x| {
                w.str(x, "label")?;
                w.strings(x, "means", true)?;
                w.bool(x, "split", Some(false))
            })?;
            w.list(v, "government_levels", true, pair("label", "means"))?;
        }
        _ => w.list(v, "labels", true, pair("label", "means"))?,
    }
    Ok(w.finish())
}
