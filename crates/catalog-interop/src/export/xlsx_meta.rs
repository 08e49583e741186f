//! The two side sheets the XLSX export writes, and reading them back: `目录信息` (meta) and `未涉及领域说明`.

use catalog_core::model::{Catalog, NotApplicable};

use crate::grid::Sheet;

pub const META_SHEET: &str = "目录信息";
pub const NOT_APPLICABLE_SHEET: &str = "未涉及领域说明";

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
        _ => false,
    }
}
