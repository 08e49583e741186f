//! The bridge to `review.js`: files go to a few module workers (each loads the catalog-wasm package), and each
//! file's report comes back as it is ready, so the page stays responsive through a hundred files.

use catalog_core::FileReport;
use catalog_core::report::ReportError;
use wasm_bindgen::prelude::*;

/// `(index, report JSON, error)` for each file, from review.js.
type OnReport = Closure<dyn FnMut(u32, Option<String>, Option<String>)>;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = zwgkReview, js_name = run)]
    fn run_js(files: &js_sys::Array, on_report: &OnReport) -> JsValue;
}

/// A running review: dropping it (or `cancel`) stops the workers.
pub struct Running {
    handle: JsValue,
    // Kept alive while the workers may still call back.
    _on_report: OnReport,
}

impl Running {
    pub fn cancel(&self) {
        if let Ok(cancel) = js_sys::Reflect::get(&self.handle, &"cancel".into()) {
            if let Ok(f) = cancel.dyn_into::<js_sys::Function>() {
                let _ = f.call0(&self.handle);
            }
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Validate `files`; `on_report(index, report)` gets each file's report (an unreadable file's says why).
pub fn start(files: &[web_sys::File], mut on_report: impl FnMut(usize, FileReport) + 'static) -> Running {
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    let closure = OnReport::new(move |index: u32, json: Option<String>, error: Option<String>| {
        let index = index as usize;
        let name = names.get(index).cloned().unwrap_or_default();
        on_report(index, report_of(&name, json, error));
    });
    let list: js_sys::Array = files.iter().collect();
    let handle = run_js(&list, &closure);
    Running { handle, _on_report: closure }
}

/// The file's report from the package's JSON (a `Report` of one file), or an unreadable-file report saying why.
fn report_of(name: &str, json: Option<String>, error: Option<String>) -> FileReport {
    let parsed = json.as_deref().map(serde_json::from_str::<catalog_core::Report>);
    match parsed {
        Some(Ok(mut report)) if !report.files.is_empty() => report.files.swap_remove(0),
        Some(Ok(_)) => failed(name, "报告为空", "the report is empty"),
        Some(Err(e)) => failed(name, &format!("报告无法读取：{e}"), &format!("the report cannot be read: {e}")),
        None => {
            let why = error.unwrap_or_default();
            failed(name, &format!("校验中断：{why}"), &format!("validation stopped: {why}"))
        }
    }
}

fn failed(name: &str, zh: &str, en: &str) -> FileReport {
    FileReport::unreadable(
        name,
        ReportError {
            code: "review.failed".into(),
            message: format!("{name}：{zh}"),
            message_en: format!("{name}: {en}"),
        },
    )
}
