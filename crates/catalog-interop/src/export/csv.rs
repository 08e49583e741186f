//! CSV export: UTF-8 with BOM (so Excel opens Chinese text correctly), one row per entry, one header row.

use catalog_core::model::Catalog;

use super::columns::Shape;
use super::guard;

/// The flattened header row.
pub fn headers(shape: &Shape) -> Vec<String> {
    let mut h: Vec<String> = ["序号", "领域", "一级事项", "二级事项"].map(String::from).to_vec();
    if shape.third_level {
        h.push("三级事项".into());
    }
    h.extend(
        [
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "公开对象",
            "特定群体说明",
            "公开方式",
        ]
        .map(String::from),
    );
    if shape.withheld {
        h.push("不予公开理由".into());
    }
    h.push("公开层级".into());
    h.extend(shape.extra.iter().cloned());
    h.push("编号".into());
    h
}

pub fn write(catalog: &Catalog) -> Vec<u8> {
    let shape = Shape::of(&catalog.entries);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(&mut out);
        // Writing into a Vec cannot fail.
        let _ = w.write_record(headers(&shape));
        for (i, e) in catalog.entries.iter().enumerate() {
            let mut row: Vec<String> = vec![(i + 1).to_string(), e.domain.clone()];
            for n in 0..shape.item_columns() {
                row.push(e.item.get(n).cloned().unwrap_or_default());
            }
            row.extend([
                e.content.clone(),
                e.basis.clone(),
                e.time_limit.clone(),
                e.subject.clone(),
                e.channels.join("、"),
                e.audience.clone(),
                e.audience_group.clone().unwrap_or_default(),
                e.mode.clone(),
            ]);
            if shape.withheld {
                row.push(e.withheld_reason.clone().unwrap_or_default());
            }
            row.push(e.levels.join("、"));
            for k in &shape.extra {
                row.push(e.extra.get(k).cloned().unwrap_or_default());
            }
            row.push(e.id.clone());
            let _ = w.write_record(row.iter().map(|v| guard(v).into_owned()));
        }
        let _ = w.flush();
    }
    out
}
