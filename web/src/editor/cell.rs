//! The selected cell: a real, focused `<textarea>`, so the first keystroke (and the first pinyin keystroke of
//! an IME) lands in it. Yew has no composition events, so they are listened to by hand; while composing, Enter and
//! the arrows belong to the IME. The text is not re-rendered while typing (the node owns it) and is committed on
//! Enter, Tab, an arrow at the edge, or leaving the cell — one undo step per commit.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use catalog_core::parse::basis::{Basis, parse_basis};
use catalog_core::parse::channels::parse_channels;
use catalog_core::parse::time_limit::parse_time_limit;
use catalog_core::rules::normalise_channels;
use catalog_core::vocab::CANONICAL_CHANNELS;

use super::fields::Field;
use super::tsv;
use crate::i18n::Lang;

fn time_preview(text: &str) -> String {
    if text.trim().is_empty() {
        "（空）".to_owned()
    } else {
        catalog_core::messages::time_limit_summary(&parse_time_limit(text))
    }
}

/// The citations a 公开依据 holds, as chips: 《title》 with its 文号 or decree and articles; a garbled or
/// non-standard 文号 marked; generic phrases ("相关政策文件") shown as such.
fn basis_chips(basis: &Basis, lang: Lang) -> Html {
    let chips = basis.citations.iter().map(|c| {
        let mut text = c.title.as_ref().map_or_else(|| c.raw.clone(), |t| format!("《{t}》"));
        if let Some(d) = &c.doc_number {
            text.push_str(d.normalized.as_deref().unwrap_or(&d.raw));
        }
        if let Some(d) = &c.decree {
            text.push_str(&format!("（{}第{}号令）", d.issuer, d.number));
        }
        if !c.articles.is_empty() {
            text.push_str(&c.articles.join("、"));
        }
        let bad = c.placeholder || c.doc_number.as_ref().is_some_and(|d| d.garbled);
        let tip = if bad {
            lang.t("需核对：占位或文号有误", "Check: placeholder or garbled document number")
        } else {
            lang.t("已识别的依据", "Recognised citation")
        };
        html! { <span class={classes!("cite", bad.then_some("bad"))} title={tip}>{ text }</span> }
    });
    let generic = basis.generic.iter().map(|g| {
        html! { <span class="cite generic" title={lang.t("泛指，读者无法据此找到依据", "Generic: a reader cannot find the rule")}>{ g }</span> }
    });
    html! { <>{ for chips }{ for generic }</> }
}

/// Where the selection goes after a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Stay,
    /// The editor lost focus (a click elsewhere, or the selection already moved): commit, select nothing.
    Away,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    /// Ctrl+Home / Ctrl+End: the first or last row.
    First,
    Last,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub field: Field,
    pub label: AttrValue,
    pub on_commit: Callback<(String, Move)>,
    pub on_paste: Callback<Vec<Vec<String>>>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    /// Channels the entry's guideline item marks ■必选 (shown as such in the checklist).
    #[prop_or_default]
    pub required_channels: Rc<Vec<String>>,
}

#[component]
pub fn CellEditor(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let node = use_node_ref();
    let composing = use_memo((), |_| Rc::new(Cell::new(false)));
    // What the 公开时限 being typed is understood as, updated as the user types.
    let preview = use_state(|| time_preview(&props.text));

    // Fill and focus the editor when the cell (or its committed text) changes; select all so typing replaces,
    // as in Excel.
    {
        let (node, preview) = (node.clone(), preview.clone());
        use_effect_with(props.text.clone(), move |text| {
            preview.set(time_preview(text));
            if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                area.set_value(text);
                // Focusing an element that has focus still costs a style recalculation: only when needed. The grid
                // scrolls the selected row into view itself; focus without scrolling skips a forced layout.
                let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
                if focused.as_ref() != Some(area.as_ref()) {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = area.focus_with_options(&options);
                }
                area.select();
            }
        });
    }
    // compositionstart / compositionend, registered by hand.
    {
        let (node, composing) = (node.clone(), (*composing).clone());
        use_effect_with((), move |_| {
            let area = node.cast::<HtmlTextAreaElement>();
            let start = {
                let c = composing.clone();
                Closure::<dyn Fn()>::new(move || c.set(true))
            };
            let end = {
                let c = composing.clone();
                Closure::<dyn Fn()>::new(move || c.set(false))
            };
            if let Some(area) = &area {
                let _ = area.add_event_listener_with_callback("compositionstart", start.as_ref().unchecked_ref());
                let _ = area.add_event_listener_with_callback("compositionend", end.as_ref().unchecked_ref());
            }
            move || {
                if let Some(area) = &area {
                    let _ =
                        area.remove_event_listener_with_callback("compositionstart", start.as_ref().unchecked_ref());
                    let _ = area.remove_event_listener_with_callback("compositionend", end.as_ref().unchecked_ref());
                }
            }
        });
    }

    // The text a key last committed from this editor.
    let committed = use_mut_ref(|| None::<String>);
    let value = {
        let node = node.clone();
        move || node.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default()
    };
    let onkeydown = {
        let (composing, value, node, committed) =
            ((*composing).clone(), value.clone(), node.clone(), committed.clone());
        let (commit, undo, redo, original) =
            (props.on_commit.clone(), props.on_undo.clone(), props.on_redo.clone(), props.text.clone());
        Callback::from(move |e: KeyboardEvent| {
            // 229 is the key code browsers give keys an IME is handling.
            if composing.get() || e.is_composing() || e.key_code() == 229 {
                return;
            }
            let Some(area) = node.cast::<HtmlTextAreaElement>() else { return };
            let text = value();
            let len = text.encode_utf16().count() as u32;
            let (start, end) =
                (area.selection_start().ok().flatten().unwrap_or(0), area.selection_end().ok().flatten().unwrap_or(0));
            let all = start == 0 && end == len;
            let ctrl = e.ctrl_key() || e.meta_key();
            let go = |m: Move| {
                e.prevent_default();
                let text = value();
                *committed.borrow_mut() = Some(text.clone());
                commit.emit((text, m));
            };
            match e.key().as_str() {
                "Enter" if !e.shift_key() && !e.alt_key() => go(Move::Down),
                "Tab" => go(if e.shift_key() { Move::Left } else { Move::Right }),
                "ArrowUp" if !text.contains('\n') || all => go(Move::Up),
                "ArrowDown" if !text.contains('\n') || all => go(Move::Down),
                "ArrowLeft" if (start == 0 && end == 0) || all => go(Move::Left),
                "ArrowRight" if (start == len && end == len) || all => go(Move::Right),
                "PageUp" => go(Move::PageUp),
                "PageDown" => go(Move::PageDown),
                "Home" if ctrl => go(Move::First),
                "End" if ctrl => go(Move::Last),
                "Escape" => {
                    e.prevent_default();
                    area.set_value(&original);
                    area.select();
                }
                "z" | "Z" if ctrl && !e.shift_key() && text == *original => {
                    e.prevent_default();
                    undo.emit(());
                }
                "y" | "Y" if ctrl && text == *original => {
                    e.prevent_default();
                    redo.emit(());
                }
                "z" | "Z" if ctrl && e.shift_key() && text == *original => {
                    e.prevent_default();
                    redo.emit(());
                }
                _ => {}
            }
        })
    };
    // Leaving the cell keeps what was typed, unless a key already committed it (the editor of the old cell still
    // blurs when the next cell's editor takes the focus).
    let onblur = {
        let (value, commit, original, committed) =
            (value.clone(), props.on_commit.clone(), props.text.clone(), committed.clone());
        Callback::from(move |_: FocusEvent| {
            let text = value();
            if text != *original && committed.borrow().as_deref() != Some(text.as_str()) {
                commit.emit((text, Move::Away));
            }
        })
    };
    // A block copied from Excel (tabs or several lines) fills the cells from here; plain text pastes as usual.
    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: Event| {
            let Some(text) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            let rows = tsv::parse(&text);
            if rows.len() > 1 || rows.first().is_some_and(|r| r.len() > 1) {
                e.prevent_default();
                on_paste.emit(rows);
            }
        })
    };
    // 公开依据 being typed, parsed as the user types (citations as chips, a one-click normalisation).
    let basis = use_state(|| (props.text.to_string(), parse_basis(&props.text)));
    {
        let basis = basis.clone();
        use_effect_with(props.text.clone(), move |text| basis.set((text.to_string(), parse_basis(text))));
    }
    let oninput = {
        let (preview, basis, field) = (preview.clone(), basis.clone(), props.field);
        Callback::from(move |e: InputEvent| {
            if e.is_composing() {
                return;
            }
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            match field {
                Field::TimeLimit => preview.set(time_preview(&text)),
                Field::Basis => basis.set((text.clone(), parse_basis(&text))),
                _ => {}
            }
        })
    };
    let basis_panel = (props.field == Field::Basis).then(|| {
        let (text, parsed) = &*basis;
        let normalise = parsed.normalized(text).map(|fixed| {
            let commit = props.on_commit.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                commit.emit((fixed.clone(), Move::Stay));
            })
        });
        html! {
            <div class="basis" role="group" aria-label={lang.t("识别出的依据", "Citations recognised")}>
                { basis_chips(parsed, lang) }
                if parsed.is_empty() { <span class="muted">{ lang.t("未识别出依据", "No citation recognised") }</span> }
                if let Some(cb) = normalise {
                    <button class="chip primary" tabindex="-1" onmousedown={cb}>{ lang.t("规范文号写法", "Normalise document numbers") }</button>
                }
            </div>
        }
    });
    // The 13 canonical channels as a checklist: ticking one commits the cell with it added or removed.
    let checklist = (props.field == Field::Channels).then(|| {
        let current = parse_channels(&props.text).channels();
        let boxes = CANONICAL_CHANNELS.iter().map(|c| {
            let on = current.iter().any(|x| x == c);
            let required = props.required_channels.iter().any(|x| x == c);
            let toggle = {
                let (commit, current, c) = (props.on_commit.clone(), current.clone(), (*c).to_owned());
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    let mut next: Vec<String> = current.iter().filter(|x| **x != c).cloned().collect();
                    if !on {
                        next.push(c.clone());
                    }
                    commit.emit((normalise_channels(&next).join("、"), Move::Stay));
                })
            };
            html! {
                <button class={classes!("box", on.then_some("on"))} role="checkbox" aria-checked={on.to_string()} tabindex="-1"
                    title={if required { lang.t("标准指引必选（■）", "Required by the guideline (■)") } else { lang.t("可选（□）", "Optional (□)") }} onmousedown={toggle}>
                    { format!("{}{}{c}", if on { "☑" } else { "☐" }, if required { "■" } else { "" }) }
                </button>
            }
        });
        html! { <div class="checklist" role="group" aria-label={lang.t("公开渠道清单", "Channel checklist")}>{ for boxes }</div> }
    });
    html! {
        <>
            <textarea ref={node} class="cell-editor" aria-label={props.label.clone()} rows="3"
                {onkeydown} {onblur} {onpaste} {oninput} spellcheck="false" />
            if props.field == Field::TimeLimit { <div class="preview" role="status">{ format!("{}{}", lang.t("识别为：", "Understood as: "), *preview) }</div> }
            { for basis_panel }
            { for checklist }
            if !props.field.choices().is_empty() {
                <div class="choices" role="group" aria-label={lang.t("常用写法", "Common wordings")}>
                    { for props.field.choices().iter().map(|c| {
                        let (commit, text) = (props.on_commit.clone(), (*c).to_owned());
                        html! { <button class="chip" tabindex="-1" onmousedown={Callback::from(move |e: MouseEvent| { e.prevent_default(); commit.emit((text.clone(), Move::Stay)); })}>{ *c }</button> }
                    }) }
                </div>
            }
        </>
    }
}
