//! Crossing the boundary. Values go out as JSON text parsed by the JS engine (plain objects, not ES `Map`s, as
//! jsonschema-rs does); catalogs come in through the same loader as files, so errors carry the same codes.

use catalog_core::Catalog;
use js_sys::{Error, JSON, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A JS `Error` whose `message` is Chinese, with `code` (stable) and `messageEn`.
pub fn error(code: &str, message: &str, message_en: &str) -> Error {
    let e = Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&e, &"code".into(), &code.into());
    let _ = Reflect::set(&e, &"messageEn".into(), &message_en.into());
    e
}

/// A boolean option of an options object JS may leave out: true only when `options[name] === true`.
pub fn flag(options: &JsValue, name: &str) -> bool {
    options.is_object() && Reflect::get(options, &name.into()).is_ok_and(|v| v.as_bool() == Some(true))
}

pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| error("internal.serialize", "内部错误：无法序列化结果", &e.to_string()))?;
    JSON::parse(&text).map_err(|_| error("internal.serialize", "内部错误：无法解析结果", "cannot parse own JSON"))
}

pub fn catalog_from_js(value: &JsValue) -> Result<Catalog, Error> {
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error("load.not-catalog", "传入的不是目录对象", "not a catalog object"))?;
    catalog_core::load_catalog(&text).map_err(|e| error(e.code(), &e.message(), &e.message_en()))
}

/// A value JS passed back in the shape this package gave it (a report, a diff); `what` names the type in the error.
#[cfg(feature = "interop")]
pub fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, Error> {
    let text = JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| {
        error("load.not-report", &format!("传入的不是{what}对象：{e}"), &format!("not a {what} object: {e}"))
    })
}
