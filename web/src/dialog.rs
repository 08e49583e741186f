//! What every modal dialog of the app does with the keyboard: Escape closes it, and Tab stays inside it (from the
//! last control to the first and back), so the page behind a dialog is never edited by accident.

use wasm_bindgen::JsCast;
use yew::prelude::*;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex=\"-1\"])";

/// The dialog's `onkeydown` (set on the element holding the dialog): Escape runs `on_close`; Tab and Shift+Tab
/// wrap around the dialog's controls.
pub fn keys(on_close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Escape" if !e.is_composing() => {
            e.prevent_default();
            on_close.emit(());
        }
        "Tab" => {
            // Yew delegates events to the app's root: the dialog is found from the focused element, not the listener.
            let dialog = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[role=dialog]").ok().flatten());
            let Some(dialog) = dialog else { return };
            let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return };
            let (Some(first), Some(last)) = (list.get(0), list.get(list.length().saturating_sub(1))) else { return };
            let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            let at = |n: &web_sys::Node| active.as_ref().is_some_and(|a| a.is_same_node(Some(n)));
            let to = if e.shift_key() && at(&first) {
                Some(last)
            } else if !e.shift_key() && at(&last) {
                Some(first)
            } else {
                None
            };
            if let Some(el) = to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                e.prevent_default();
                let _ = el.focus();
            }
        }
        _ => {}
    })
}

/// Focus the element with `id` (the field a finding's fix asked for); false when there is none or it is disabled.
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .filter(|el| !el.has_attribute("disabled"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    el.is_some_and(|el| el.focus().is_ok())
}
