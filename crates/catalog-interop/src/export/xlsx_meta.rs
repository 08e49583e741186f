//! The side sheets the XLSX export writes, and reading them back: `目录信息` (meta), `未涉及领域说明` and
//! `删减事项说明` (removed guideline items).

use catalog_core::model::{Catalog, NotApplicable, RemovedItem};

use crate::grid::Sheet;

pub const META_SHEET: &str = "目录信息";
pub const NOT_APPLICABLE_SHEET: &str = "未涉及领域说明";
pub const REMOVED_SHEET: &str = "删减事项说明";
/// Header of the removed-items sheet: domain, item path, reason.
pub const REMOVED_HEADER: [&str; 3] = ["领域", "事项", "删减理由"];
/// How the removed-items sheet writes an item path (一级 / 二级) in one cell.
pub const ITEM_SEPARATOR: &str = " / ";

/// An item path as the removed-items sheet writes it.
pub fn item_cell(item: &[String]) -> String {
    item.join(ITEM_SEPARATOR)
}

/// An item path read from a removed-items cell: split at ` / `, each level trimmed, blank levels dropped.
pub fn item_path(cell: &str) -> Vec<String> {
    cell.split(ITEM_SEPARATOR).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Labels of the meta sheet, in order, with the field each fills.
pub const META_LABELS: [(&str, &str); 6] = [
    ("目录标题", "title"),
    ("编制单位", "government"),
    ("目录层级", "level"),
    ("地区", "region"),
    ("编制日期", "compiled_on"),
    ("版次", "revision"),
];

/// Read a side sheet into `catalog`; false when `sheet` is not one.
pub fn read_meta_sheet(sheet: &Sheet, catalog: &mut Catalog) -> bool {
    match sheet.name.as_str() {
        META_SHEET => {
            for r in 0..sheet.rows.len() {
                let (label, value) = (sheet.cell(r, 0).trim(), sheet.cell(r, 1).to_owned());
                let Some((_, field)) = META_LABELS.iter().find(|(l, _)| *l == label) else { continue };
                let optional = (!value.is_empty()).then(|| value.clone());
                match *field {
                    "title" => catalog.meta.title = value,
                    "government" => catalog.meta.government = value,
                    "level" => catalog.meta.level = value,
                    "region" => catalog.meta.region = optional,
                    "compiled_on" => catalog.meta.compiled_on = optional,
                    _ => catalog.meta.revision = optional,
                }
            }
            true
        }
        NOT_APPLICABLE_SHEET => {
            for r in 1..sheet.rows.len() {
                let (domain, reason) = (sheet.cell(r, 0).trim(), sheet.cell(r, 1));
                if !domain.is_empty() {
                    catalog.not_applicable.push(NotApplicable { domain: domain.to_owned(), reason: reason.to_owned() });
                }
            }
            true
        }
        REMOVED_SHEET => {
            for r in 1..sheet.rows.len() {
                let (domain, item, reason) = (sheet.cell(r, 0).trim(), sheet.cell(r, 1), sheet.cell(r, 2));
                let item = item_path(item);
                if !domain.is_empty() || !item.is_empty() || !reason.trim().is_empty() {
                    catalog.removed.push(RemovedItem { domain: domain.to_owned(), item, reason: reason.to_owned() });
                }
            }
            true
        }
        _ => false,
    }
}
