//! 目录信息: the catalog's title, compiling government, level, region, revision and date, edited after the wizard
//! (an imported file often has no title row and no level). Each field is committed once typed (on `change`, so an
//! IME composition is never cut) as one undoable edit; the editor then saves and revalidates, and the navigator's
//! guideline counts follow the level.

use std::cell::RefCell;
use std::rc::Rc;

use catalog_core::model::{Catalog, Meta};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, State};
use crate::dialog;
use crate::i18n::Lang;

/// One field of the catalog information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Title,
    Government,
    Level,
    Region,
    Revision,
    CompiledOn,
}

impl MetaField {
    /// The fields typed as text (the level is chosen).
    const TYPED: [MetaField; 5] =
        [MetaField::Title, MetaField::Government, MetaField::Region, MetaField::Revision, MetaField::CompiledOn];

    /// The field a finding names (`meta.level`, `meta.title` …, as the v1 contract spells them).
    pub fn named(name: &str) -> Option<MetaField> {
        Some(match name {
            "meta.title" => MetaField::Title,
            "meta.government" => MetaField::Government,
            "meta.level" => MetaField::Level,
            "meta.region" => MetaField::Region,
            "meta.revision" => MetaField::Revision,
            "meta.compiled_on" => MetaField::CompiledOn,
            _ => return None,
        })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MetaField::Title => lang.t("目录标题", "Title"),
            MetaField::Government => lang.t("编制单位", "Compiled by"),
            MetaField::Level => lang.t("层级", "Level"),
            MetaField::Region => lang.t("地区", "Region"),
            MetaField::Revision => lang.t("版本", "Revision"),
            MetaField::CompiledOn => lang.t("编制日期", "Compiled on"),
        }
    }

    /// The id of the field's control (the first radio button for the level).
    pub fn id(self) -> &'static str {
        match self {
            MetaField::Title => "meta-title",
            MetaField::Government => "meta-government",
            MetaField::Level => "meta-level-county",
            MetaField::Region => "meta-region",
            MetaField::Revision => "meta-revision",
            MetaField::CompiledOn => "meta-compiled-on",
        }
    }

    pub fn get(self, meta: &Meta) -> String {
        match self {
            MetaField::Title => meta.title.clone(),
            MetaField::Government => meta.government.clone(),
            MetaField::Level => meta.level.clone(),
            MetaField::Region => meta.region.clone().unwrap_or_default(),
            MetaField::Revision => meta.revision.clone().unwrap_or_default(),
            MetaField::CompiledOn => meta.compiled_on.clone().unwrap_or_default(),
        }
    }

    /// Set the field from typed text (trimmed; an optional field left empty is absent).
    pub fn set(self, meta: &mut Meta, text: &str) {
        let text = text.trim().to_owned();
        let optional = (!text.is_empty()).then(|| text.clone());
        match self {
            MetaField::Title => meta.title = text,
            MetaField::Government => meta.government = text,
            MetaField::Level => meta.level = text,
            MetaField::Region => meta.region = optional,
            MetaField::Revision => meta.revision = optional,
            MetaField::CompiledOn => meta.compiled_on = optional,
        }
    }

    fn placeholder(self, lang: Lang) -> &'static str {
        match self {
            MetaField::Title => lang.t("如：某县某镇政务公开事项标准目录", "e.g. 某县某镇政务公开事项标准目录"),
            MetaField::Government => lang.t("如：某县某镇人民政府", "e.g. 某县某镇人民政府"),
            MetaField::Region => lang.t("如：某省某市某县", "e.g. 某省某市某县"),
            MetaField::Revision => lang.t("如：2026版", "e.g. 2026版"),
            MetaField::Level | MetaField::CompiledOn => "",
        }
    }
}

#[derive(Properties)]
pub struct Props {
    pub catalog: Rc<RefCell<Catalog>>,
    /// [`State::shape`]: the meta changes with it.
    pub shape: u64,
    /// The field to focus on opening (a finding's fix names it).
    pub focus: Option<MetaField>,
    pub dispatch: UseReducerDispatcher<State>,
    pub on_close: Callback<()>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &o.catalog)
            && (self.shape, self.focus) == (o.shape, o.focus)
            && self.dispatch == o.dispatch
            && self.on_close == o.on_close
    }
}

/// The 目录信息 dialog.
#[component]
pub fn MetaPanel(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    {
        let focus = props.focus.unwrap_or(MetaField::Title);
        use_effect_with(focus, move |f| {
            // The level's focus goes to the radio button already chosen, when there is one.
            let id = f.id();
            crate::later::after_paint(move || {
                let checked = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("input[name=meta-level]:checked").ok().flatten())
                    .map(|el| el.id());
                match checked {
                    Some(c) if id == MetaField::Level.id() => {
                        dialog::focus_id(&c);
                    }
                    _ => {
                        dialog::focus_id(id);
                    }
                }
            });
        });
    }
    let meta = props.catalog.borrow().meta.clone();
    let commit = |field: MetaField| {
        props.dispatch.to_callback().reform(move |e: Event| Action::Meta {
            field,
            text: e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
        })
    };
    let text_field = |field: MetaField, kind: &'static str| {
        html! {
            <label class="field">{ field.label(lang) }
                <input id={field.id()} type={kind} value={field.get(&meta)} onchange={commit(field)}
                    placeholder={field.placeholder(lang)} />
            </label>
        }
    };
    // No title yet (a file without a title row): the usual one, from the government, in one click.
    let suggest = (meta.title.trim().is_empty() && !meta.government.trim().is_empty()).then(|| {
        let title = crate::wizard::title_for(&meta.government);
        let set = {
            let title = title.clone();
            props.dispatch.to_callback().reform(move |_| Action::Meta { field: MetaField::Title, text: title.clone() })
        };
        html! {
            <p class="suggest">
                <button type="button" class="small" onclick={set}>{ format!("{}{title}", lang.t("填入：", "Use: ")) }</button>
            </p>
        }
    });
    let level = meta.level.trim().to_owned();
    let radio = |value: &'static str, id: &'static str, label: &'static str| {
        html! {
            <label class="radio">
                <input type="radio" name="meta-level" id={id} value={value} checked={level == value}
                    onchange={commit(MetaField::Level)} />
                { label }
            </label>
        }
    };
    let odd_level = (!level.is_empty() && level != "县级" && level != "乡级").then(|| match lang {
        Lang::Zh => format!("文件中填写的层级为“{level}”，请选择县级或乡级。"),
        Lang::En => format!("The file gives the level as “{level}”: choose 县级 or 乡级."),
    });
    // Enter in a field, or 完成, commits what is typed (an unchanged field makes no edit) and closes the dialog.
    let onsubmit = {
        let (close, dispatch) = (props.on_close.clone(), props.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let document = web_sys::window().and_then(|w| w.document());
            for field in MetaField::TYPED {
                let input = document
                    .as_ref()
                    .and_then(|d| d.get_element_by_id(field.id()))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(input) = input {
                    dispatch.dispatch(Action::Meta { field, text: input.value() });
                }
            }
            close.emit(());
        })
    };
    html! {
        <div class="modal" role="dialog" aria-modal="true" aria-labelledby="meta-title-h" onkeydown={dialog::keys(props.on_close.clone())}>
            <form class="modal-box wide meta-panel" {onsubmit}>
                <h2 id="meta-title-h">{ lang.t("目录信息", "Catalog information") }</h2>
                <p class="muted">{ lang.t("每项改动即时保存，可用“撤销”退回；层级决定适用的标准指引事项。",
                    "Each change is saved at once and can be undone; the level decides which guideline items apply.") }</p>
                { text_field(MetaField::Title, "text") }
                { for suggest }
                { text_field(MetaField::Government, "text") }
                <fieldset class="field">
                    <legend>{ MetaField::Level.label(lang) }</legend>
                    <div class="radio-row">
                        { radio("县级", "meta-level-county", lang.t("县级（县、市、区政府及其部门）", "县级 (county government and its departments)")) }
                        { radio("乡级", "meta-level-township", lang.t("乡级（乡镇、街道）", "乡级 (township or street office)")) }
                    </div>
                    if level.is_empty() {
                        <p class="warning-text">{ lang.t("尚未填写层级：请选择县级或乡级。", "No level yet: choose 县级 or 乡级.") }</p>
                    }
                    if let Some(t) = odd_level { <p class="warning-text">{ t }</p> }
                </fieldset>
                { text_field(MetaField::Region, "text") }
                { text_field(MetaField::Revision, "text") }
                { text_field(MetaField::CompiledOn, "date") }
                <div class="actions">
                    <button class="primary" type="submit">{ lang.t("完成", "Done") }</button>
                </div>
            </form>
        </div>
    }
}
