//! Work put off until the browser has painted, or is idle.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Run `f` once the browser has painted the current frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let later = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(Closure::once_into_js(f).unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(later.unchecked_ref());
}

/// Run `f` when the browser is idle after painting (so that a large catalog's save, say, never delays the next
/// keystroke), and within half a second in any case.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &500.into());
            let _ = request.call2(&window, &Closure::once_into_js(f), &options);
        }
        None => after_paint(f),
    }
}

/// Yield to the browser (a task boundary), so that long work in pieces lets the page respond between them.
pub async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
