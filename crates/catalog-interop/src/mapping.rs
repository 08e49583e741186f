//! A column mapping the user chose (issue 14): header text as the file prints it → the catalog field it holds.
//! For a file whose header the detector reads wrong, the user names the column and imports again. The CLI takes
//! `--map 表头=字段` (repeatable) or `--mapping FILE.json` (`{"表头": "字段", …}`); the wasm API takes the same JSON.
//!
//! A header is matched by its text with white space removed: the top header cell (`公开内容`), a sub-header cell
//! (`全社会`), both joined by `/` (`公开对象/全社会`), or the column letter (`C`, `C列`). A field is named in English
//! or as the catalog names it: `content` / `公开内容`, `item1` / `一级事项`, `audience` / `公开对象` (the column holds
//! words), `audience=全社会` (a tick column), `levels=县级`, `extra` / `其他列` (not a column of the catalog: kept
//! in `extra`).

use catalog_core::text::squash;
use catalog_core::vocab;

use crate::layout::columns::Column;

/// Header → column, in the order given (a later entry for the same header wins).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<(String, Column)>,
}

/// Why a mapping cannot be used, said in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError {
    pub message: String,
    pub message_en: String,
}

impl MappingError {
    fn new(message: String, message_en: String) -> MappingError {
        MappingError { message, message_en }
    }
}

/// The fields a column may be mapped to, as `--help` lists them.
pub const FIELD_NAMES: &str = "id/编号, domain/领域, item1/一级事项, item2/二级事项, item3/三级事项, content/公开内容, \
basis/公开依据, time_limit/公开时限, subject/公开主体, channels/公开渠道和载体, audience/公开对象, \
audience=全社会|特定群体, audience_group/特定群体说明, mode/公开方式, mode=主动|依申请|不予公开, \
withheld_reason/不予公开理由, levels/公开层级, levels=县级|乡级|村级…, number/序号, extra/其他列";

/// A field name → the column it makes; `header` names the column for `extra`.
pub fn parse_field(field: &str, header: &str) -> Result<Column, MappingError> {
    let f = squash(field);
    if let Some((group, choice)) = f.split_once(['=', ':', '：']) {
        let column = match group {
            "audience" | "公开对象" => vocab::audience(choice).map(Column::AudienceTick),
            "mode" | "公开方式" => vocab::mode(choice).map(Column::ModeTick),
            "levels" | "公开层级" if !choice.is_empty() => Some(Column::LevelTick(choice.to_owned())),
            _ => None,
        };
        return column.ok_or_else(|| unknown(field));
    }
    let column = match f.as_str() {
        "id" | "编号" => Column::Id,
        "domain" | "领域" | "所属领域" => Column::Domain,
        "item1" | "一级事项" => Column::Item(0),
        "item2" | "二级事项" => Column::Item(1),
        "item3" | "三级事项" => Column::Item(2),
        "item" | "公开事项" => Column::ItemSingle,
        "content" | "公开内容" | "公开内容（要素）" | "公开内容(要素)" => Column::Content,
        "basis" | "公开依据" => Column::Basis,
        "time_limit" | "公开时限" => Column::TimeLimit,
        "subject" | "公开主体" => Column::Subject,
        "channels" | "公开渠道" | "公开渠道和载体" => Column::Channels,
        "audience" | "公开对象" => Column::AudienceText,
        "audience_group" | "特定群体说明" => Column::AudienceGroup,
        "mode" | "公开方式" => Column::ModeText,
        "withheld_reason" | "不予公开理由" => Column::WithheldReason,
        "levels" | "公开层级" => Column::LevelText,
        "number" | "序号" => Column::Number,
        "extra" | "其他列" | "其他" => Column::Extra(squash(header)),
        _ => return Err(unknown(field)),
    };
    Ok(column)
}

/// The field name [`parse_field`] reads back as `column`: what a preview shows a column mapped to.
pub fn field_name(column: &Column) -> String {
    match column {
        Column::Number => "number".to_owned(),
        Column::Id => "id".to_owned(),
        Column::Domain => "domain".to_owned(),
        Column::Item(n) => format!("item{}", n + 1),
        Column::ItemSingle => "item".to_owned(),
        Column::Content => "content".to_owned(),
        Column::Basis => "basis".to_owned(),
        Column::TimeLimit => "time_limit".to_owned(),
        Column::Subject => "subject".to_owned(),
        Column::Channels => "channels".to_owned(),
        Column::AudienceText => "audience".to_owned(),
        Column::AudienceTick(a) => format!("audience={a}"),
        Column::AudienceGroup => "audience_group".to_owned(),
        Column::ModeText => "mode".to_owned(),
        Column::ModeTick(m) => format!("mode={m}"),
        Column::WithheldReason => "withheld_reason".to_owned(),
        Column::LevelText => "levels".to_owned(),
        Column::LevelTick(l) => format!("levels={l}"),
        Column::Extra(_) => "extra".to_owned(),
    }
}

fn unknown(field: &str) -> MappingError {
    MappingError::new(
        format!("无法识别的字段“{field}”，可用：{FIELD_NAMES}"),
        format!("unknown field \"{field}\"; one of: {FIELD_NAMES}"),
    )
}

impl Mapping {
    /// Add `header` → `field`.
    pub fn add(&mut self, header: &str, field: &str) -> Result<(), MappingError> {
        let key = squash(header);
        if key.is_empty() {
            return Err(MappingError::new(
                format!("映射“{header}={field}”缺少表头"),
                format!("mapping \"{header}={field}\" names no header"),
            ));
        }
        let column = parse_field(field, header)?;
        self.columns.retain(|(k, _)| *k != key);
        self.columns.push((key, column));
        Ok(())
    }

    /// `表头=字段`, as `--map` takes it (the first `=` splits; the field may hold another: `全社会=audience=全社会`).
    pub fn add_arg(&mut self, arg: &str) -> Result<(), MappingError> {
        let Some((header, field)) = arg.split_once('=') else {
            return Err(MappingError::new(
                format!("映射“{arg}”应写成 表头=字段"),
                format!("mapping \"{arg}\" should read HEADER=FIELD"),
            ));
        };
        self.add(header, field)
    }

    /// `{"表头": "字段", …}`, as `--mapping FILE.json` and the wasm API take it.
    pub fn from_json(text: &str) -> Result<Mapping, MappingError> {
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
            MappingError::new(format!("映射文件不是有效的JSON：{e}"), format!("the mapping is not valid JSON: {e}"))
        })?;
        let Some(object) = value.as_object() else {
            return Err(MappingError::new(
                "映射文件应为 {\"表头\": \"字段\"} 形式的对象".to_owned(),
                "the mapping should be an object {\"header\": \"field\"}".to_owned(),
            ));
        };
        let mut mapping = Mapping::default();
        for (header, field) in object {
            let Some(field) = field.as_str() else {
                return Err(unknown(&field.to_string()));
            };
            mapping.add(header, field)?;
        }
        Ok(mapping)
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The column a header maps to: its labels top to bottom (`公开对象`, `全社会`) and its letter (`I`). The most
    /// specific name wins: both labels joined, then the lowest label, the ones above it, the letter.
    pub fn column_for(&self, labels: &[&str], letter: &str) -> Option<(&str, &Column)> {
        let labels: Vec<String> = labels.iter().map(|l| squash(l)).filter(|l| !l.is_empty()).collect();
        let mut keys: Vec<String> = Vec::new();
        if labels.len() > 1 {
            keys.push(labels.join("/"));
        }
        keys.extend(labels.iter().rev().cloned());
        keys.extend([letter.to_owned(), format!("{letter}列")]);
        keys.iter().find_map(|key| self.columns.iter().rev().find(|(k, _)| k == key)).map(|(k, c)| (k.as_str(), c))
    }

    /// How many cells of a row are headers this mapping names (a header row the detector does not know).
    pub fn headers_in(&self, cells: &[String]) -> usize {
        cells.iter().filter(|c| !c.trim().is_empty() && self.columns.iter().any(|(k, _)| *k == squash(c))).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_in_english_or_chinese() {
        assert_eq!(parse_field("content", "说明").ok(), Some(Column::Content));
        assert_eq!(parse_field("公开内容", "说明").ok(), Some(Column::Content));
        assert_eq!(parse_field("audience=全社会", "").ok(), Some(Column::AudienceTick("全社会")));
        assert_eq!(parse_field("公开方式:依申请公开", "").ok(), Some(Column::ModeTick("依申请")));
        assert_eq!(parse_field("levels=镇街级", "").ok(), Some(Column::LevelTick("镇街级".into())));
        assert_eq!(parse_field("extra", "备 注").ok(), Some(Column::Extra("备注".into())));
        assert!(parse_field("audience=谁", "").is_err());
        assert!(parse_field("颜色", "").is_err_and(|e| e.message.contains("content/公开内容")));
    }

    #[test]
    fn args_and_json() {
        let mut m = Mapping::default();
        m.add_arg("事项说明=content").expect("maps");
        m.add_arg("全社会=audience=全社会").expect("maps");
        assert!(m.add_arg("没有等号").is_err());
        assert!(m.add_arg("=content").is_err());
        assert_eq!(
            m.column_for(&["公开对象", "全社会"], "I").map(|(_, c)| c.clone()),
            Some(Column::AudienceTick("全社会"))
        );
        assert_eq!(m.column_for(&["事项 说明"], "D").map(|(_, c)| c.clone()), Some(Column::Content));
        let j = Mapping::from_json(r#"{"C": "item2", "事项说明": "公开内容"}"#).expect("json");
        assert_eq!(j.column_for(&[""], "C").map(|(_, c)| c.clone()), Some(Column::Item(1)));
        assert!(Mapping::from_json("[1]").is_err());
        assert!(Mapping::from_json(r#"{"a": 1}"#).is_err());
    }
}
