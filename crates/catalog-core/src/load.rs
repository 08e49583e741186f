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
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

fn check_header(header: &Header) -> Result<(), LoadError> {
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        other => return Err(LoadError::NotCatalog { found: other.map(str::to_owned) }),
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(LoadError::NewerVersion { version: v }),
        _ => Err(LoadError::BadVersion { detail: format!("{:?}", header.version) }),
    }
}

/// Parse a v1 catalog from JSON text.
pub fn load_catalog(text: &str) -> Result<Catalog, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Catalog>(text) {
        Ok(catalog) => {
            check_header(&Header {
                format: Some(catalog.format.clone().into()),
                version: Some(catalog.version.into()),
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
    // A `Catalog` holds only strings, numbers, lists and string maps: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(catalog).unwrap_or_default();
    text.push('\n');
    text
}
