//! Reading format v1 JSON text into a [`Catalog`], with errors that say what is wrong and where.

use serde::Deserialize;

use crate::model::{Catalog, FORMAT, VERSION};

/// Why a text is not a readable v1 catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all (or truncated).
    Syntax { line: usize, column: usize, detail: String },
    /// JSON, but not a `zwgk-catalog` document.
    NotCatalog { found: Option<String> },
    /// Written by a newer version of the tool: refused so nothing is lost by reading it partially.
    NewerVersion { version: u64 },
    /// A version number this build does not know.
    BadVersion { detail: String },
    /// A field has the wrong JSON type (e.g. `channels` is a string, not a list).
    Shape { line: usize, column: usize, detail: String },
}

impl LoadError {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Syntax { .. } => "load.syntax",
            LoadError::NotCatalog { .. } => "load.not-catalog",
            LoadError::NewerVersion { .. } => "load.newer-version",
            LoadError::BadVersion { .. } => "load.bad-version",
            LoadError::Shape { .. } => "load.shape",
        }
    }

    pub fn message(&self) -> String {
        crate::messages::load_zh(self)
    }

    pub fn message_en(&self) -> String {
        crate::messages::load_en(self)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message(), self.message_en())
    }
}

impl std::error::Error for LoadError {}

/// Just the header, read first so a newer or foreign file is refused before its body is interpreted.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Field,
    #[serde(default)]
    version: Field,
}

/// A header field of whatever JSON type (read without building a `serde_json::Value`, which would bring map
/// and float code into the wasm build for a few error messages).
#[derive(Default)]
enum Field {
    #[default]
    Missing,
    Text(String),
    Whole(u64),
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Field;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Field, E> {
                Ok(Field::Text(v.to_owned()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Field, E> {
                Ok(Field::Whole(v))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Field, E> {
                Ok(Field::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Field, E> {
                Ok(Field::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Field, E> {
                Ok(Field::Other)
            }
            fn visit_unit<E>(self) -> Result<Field, E> {
                Ok(Field::Missing)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Field, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Field::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Field, A::Error> {
                while a.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Field::Other)
            }
        }
        d.deserialize_any(Visit)
    }
}

fn check_header(header: &Header) -> Result<(), LoadError> {
    match &header.format {
        Field::Text(f) if f == FORMAT => {}
        Field::Text(f) => return Err(LoadError::NotCatalog { found: Some(f.clone()) }),
        _ => return Err(LoadError::NotCatalog { found: None }),
    }
    match header.version {
        Field::Whole(v) if v == u64::from(VERSION) => Ok(()),
        Field::Whole(v) if v > u64::from(VERSION) => Err(LoadError::NewerVersion { version: v }),
        Field::Whole(_) => Err(LoadError::BadVersion { detail: "version is older than 1".into() }),
        Field::Missing => Err(LoadError::BadVersion { detail: "version missing".into() }),
        _ => Err(LoadError::BadVersion { detail: "version is not a whole number".into() }),
    }
}

/// Parse a v1 catalog from JSON text.
pub fn load_catalog(text: &str) -> Result<Catalog, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Catalog>(text) {
        Ok(catalog) => {
            check_header(&Header {
                format: Field::Text(catalog.format.clone()),
                version: Field::Whole(catalog.version.into()),
            })?;
            Ok(catalog)
        }
        Err(e) if e.is_syntax() || e.is_eof() => {
            Err(LoadError::Syntax { line: e.line(), column: e.column(), detail: e.to_string() })
        }
        Err(e) => {
            // The body does not fit v1: explain by the header first (foreign or newer file), else by the field.
            if let Ok(header) = serde_json::from_str::<Header>(text) {
                check_header(&header)?;
            } else {
                return Err(LoadError::NotCatalog { found: None });
            }
            Err(LoadError::Shape { line: e.line(), column: e.column(), detail: e.to_string() })
        }
    }
}

/// Serialise a catalog as pretty v1 JSON (the file format users save and exchange).
pub fn to_json(catalog: &Catalog) -> String {
    // A `Catalog` holds only strings, numbers, lists and string maps: serialising it cannot fail. Written compact
    // (as the wasm API sends catalogs) and then indented, so the wasm build has one serialiser of the catalog types,
    // not two.
    let mut text = indent(&serde_json::to_string(catalog).unwrap_or_default());
    text.push('\n');
    text
}

/// Compact JSON (serde_json's, no whitespace outside strings) laid out as `serde_json::to_string_pretty` lays it
/// out: two-space indents, `": "` after keys, empty lists and objects kept as `[]` and `{}`.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if chars.peek().is_some_and(|&n| n == '}' || n == ']') {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}
