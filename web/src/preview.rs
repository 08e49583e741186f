//! The import preview (issue 14): for a file whose columns the importer maps badly, the header it found, the first
//! rows and, per column, the field it reads the column as, with a choice to change it. Confirmed, the file is
//! imported with that mapping (`{"表头": "字段"}`, as the CLI's `--mapping` file), and the mapping is kept in
//! localStorage under the file's header text, to be offered again for a file of the same layout.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Deserialize;
use yew::prelude::*;

use crate::i18n::Lang;

/// One column as the core's `previewFileJson` describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviewColumn {
    pub letter: String,
    pub header: String,
    pub field: String,
}

/// What the importer makes of a file (the core's `catalog_interop::Preview`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Preview {
    #[serde(default)]
    pub sheet: String,
    pub detected: bool,
    pub header_rows: Vec<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    pub columns: Vec<PreviewColumn>,
}

/// The prefix of the localStorage keys holding a layout's mapping.
const KEY_PREFIX: &str = "zwgk.mapping.";

/// A column→field mapping: the key a column is named by → its field.
pub type Choices = BTreeMap<String, String>;

impl Preview {
    /// The key the mapping names column `c` by: its header, or its letter when it has none or shares it.
    pub fn key(&self, c: usize) -> String {
        let column = &self.columns[c];
        let shared = self.columns.iter().filter(|o| o.header == column.header).count() > 1;
        if column.header.is_empty() || shared { column.letter.clone() } else { column.header.clone() }
    }

    /// The layout's key in localStorage: its header text.
    fn storage_key(&self) -> String {
        let header: Vec<&str> = self.columns.iter().map(|c| c.header.as_str()).collect();
        format!("{KEY_PREFIX}{}", header.join("|"))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The mapping last confirmed for a file of this layout.
pub fn remembered(preview: &Preview) -> Option<Choices> {
    let text = storage()?.get_item(&preview.storage_key()).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Whether a mapping was kept for any layout (else an import needs no preview first).
pub fn any_remembered() -> bool {
    let Some(s) = storage() else { return false };
    (0..s.length().unwrap_or(0)).any(|i| s.key(i).ok().flatten().is_some_and(|k| k.starts_with(KEY_PREFIX)))
}

/// Keep the mapping for files of this layout.
pub fn remember(preview: &Preview, choices: &Choices) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(choices)) {
        let _ = s.set_item(&preview.storage_key(), &text);
    }
}

/// The fields a column may be mapped to: the mapping's name, Chinese and English labels.
const FIELDS: [(&str, &str, &str); 26] = [
    ("extra", "不属于目录（保留在其他列）", "Not a catalog column (kept in extra)"),
    ("number", "序号（不导入）", "Row number (not imported)"),
    ("id", "编号", "ID"),
    ("domain", "所属领域", "Domain"),
    ("item1", "一级事项", "Item, level 1"),
    ("item2", "二级事项", "Item, level 2"),
    ("item3", "三级事项", "Item, level 3"),
    ("item", "公开事项（不分级）", "Item (one level)"),
    ("content", "公开内容（要素）", "Content"),
    ("basis", "公开依据", "Legal basis"),
    ("time_limit", "公开时限", "Time limit"),
    ("subject", "公开主体", "Responsible body"),
    ("channels", "公开渠道和载体", "Channels"),
    ("audience", "公开对象（文字）", "Audience (as words)"),
    ("audience=全社会", "公开对象：全社会（勾选列）", "Audience: everyone (tick column)"),
    ("audience=特定群体", "公开对象：特定群体（勾选列）", "Audience: specific group (tick column)"),
    ("audience_group", "特定群体说明", "Specific group"),
    ("mode", "公开方式（文字）", "Mode (as words)"),
    ("mode=主动", "公开方式：主动（勾选列）", "Mode: proactive (tick column)"),
    ("mode=依申请", "公开方式：依申请（勾选列）", "Mode: on request (tick column)"),
    ("mode=不予公开", "公开方式：不予公开（勾选列）", "Mode: withheld (tick column)"),
    ("withheld_reason", "不予公开理由", "Reason withheld"),
    ("levels", "公开层级（文字）", "Levels (as words)"),
    ("levels=县级", "公开层级：县级（勾选列）", "Level: county (tick column)"),
    ("levels=乡级", "公开层级：乡级（勾选列）", "Level: township (tick column)"),
    ("levels=村级", "公开层级：村级（勾选列）", "Level: village (tick column)"),
];

/// The choice for each column: the remembered mapping's, else the importer's own reading.
#[hook]
fn use_choices(preview: Rc<Preview>, initial: Option<Rc<Choices>>) -> UseStateHandle<Vec<String>> {
    use_state(move || {
        (0..preview.columns.len())
            .map(|c| {
                initial
                    .as_ref()
                    .and_then(|m| m.get(&preview.key(c)).cloned())
                    .unwrap_or_else(|| preview.columns[c].field.clone())
            })
            .collect()
    })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The file's name.
    pub name: String,
    pub preview: Rc<Preview>,
    /// A mapping to start from (the one remembered for this layout).
    #[prop_or_default]
    pub initial: Option<Rc<Choices>>,
    /// Import with this mapping.
    pub on_confirm: Callback<Choices>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ImportPreview(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let preview = props.preview.clone();
    let choices = use_choices(preview.clone(), props.initial.clone());
    let width = preview.columns.len();
    let confirm = {
        let (choices, preview, on_confirm) = (choices.clone(), preview.clone(), props.on_confirm.clone());
        Callback::from(move |_| {
            let mapping: Choices = choices.iter().enumerate().map(|(c, f)| (preview.key(c), f.clone())).collect();
            on_confirm.emit(mapping);
        })
    };
    let selects = (0..width).map(|c| {
        let column = &preview.columns[c];
        let chosen = choices[c].clone();
        let pick = {
            let choices = choices.clone();
            Callback::from(move |e: Event| {
                let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
                let mut next = (*choices).clone();
                next[c] = select.value();
                choices.set(next);
            })
        };
        let name = if column.header.is_empty() { column.letter.clone() } else { column.header.clone() };
        let label = match lang {
            Lang::Zh => format!("{}列“{name}”对应的字段", column.letter),
            Lang::En => format!("Field of column {} “{name}”", column.letter),
        };
        // A field the list does not name (a tick column of another level label) is offered as the importer read it.
        let other = (!FIELDS.iter().any(|(f, _, _)| *f == chosen)).then(|| chosen.clone());
        html! {
            <td>
                <select onchange={pick} aria-label={label} class={classes!((chosen != column.field).then_some("changed"))}>
                    { for other.map(|f| html! { <option value={f.clone()} selected=true>{ f }</option> }) }
                    { for FIELDS.iter().map(|(f, zh, en)| html! {
                        <option value={*f} selected={*f == chosen}>{ lang.t(zh, en) }</option>
                    }) }
                </select>
            </td>
        }
    });
    let cells = |row: &Vec<String>, header: bool| {
        (0..width.max(row.len()))
            .map(|c| {
                let v = row.get(c).cloned().unwrap_or_default();
                if header {
                    html! { <th scope="col">{ v }</th> }
                } else {
                    html! { <td>{ v }</td> }
                }
            })
            .collect::<Html>()
    };
    html! {
        <section class="import-preview" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{ lang.t("检查列对应", "Check columns") }{ "：" }{ &props.name }</h2>
            <p>{ if preview.detected {
                lang.t("下面是导入程序识别出的表头和前几行。请检查每一列对应的目录字段，如有不对，在下拉框中改选，然后确认导入。",
                    "The header the importer found and the first rows. Check the catalog field of each column, change any that is wrong, then import.")
            } else {
                lang.t("导入程序没有识别出这个文件的表头。下面把第一个多列的行当作表头：请为每一列选择对应的目录字段，然后确认导入。",
                    "The importer did not recognise this file's header. The first row of several cells is shown as the header: choose the catalog field of each column, then import.")
            } }</p>
            <div class="preview-scroll">
                <table class="preview-table">
                    <thead>
                        <tr class="letters">{ for preview.columns.iter().map(|c| html! { <th scope="col">{ &c.letter }</th> }) }</tr>
                        { for preview.header_rows.iter().map(|r| html! { <tr class="file-header">{ cells(r, true) }</tr> }) }
                        <tr class="fields">{ for selects }</tr>
                    </thead>
                    <tbody>
                        { for preview.rows.iter().map(|r| html! { <tr>{ cells(r, false) }</tr> }) }
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button class="primary" onclick={confirm}>{ lang.t("按此对应导入", "Import with these columns") }</button>
                <button onclick={props.on_cancel.reform(|_| ())}>{ lang.t("取消", "Cancel") }</button>
            </div>
        </section>
    }
}
