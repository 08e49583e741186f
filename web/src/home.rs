//! The home screen: catalogs saved in this browser, with New, Open file, Delete (confirmed) and Export backup.

use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

use crate::{io, store};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_open: Callback<String>,
    pub on_new: Callback<()>,
    /// A catalog read from a file, with what the importer noticed.
    pub on_created: Callback<(Catalog, Vec<ReportDiagnostic>)>,
}

fn date(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn Home(props: &Props) -> Html {
    let list = use_state(store::list);
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let confirm = use_state(|| None::<String>);

    // Read the picked or dropped file and import it through the core (Excel/CSV code loads on first use).
    let import = {
        let (message, busy, on_created) = (message.clone(), busy.clone(), props.on_created.clone());
        Callback::from(move |file: web_sys::File| {
            let (message, busy, on_created) = (message.clone(), busy.clone(), on_created.clone());
            busy.set(true);
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match io::read_file(file).await {
                    Ok((name, bytes)) => io::import_file(&bytes, &name).await,
                    Err(e) => Err(e),
                };
                busy.set(false);
                let parsed = result.and_then(|mut v| {
                    let notes: Vec<ReportDiagnostic> =
                        serde_json::from_value(v["diagnostics"].take()).unwrap_or_default();
                    serde_json::from_value::<Catalog>(v["catalog"].take())
                        .map(|c| (c, notes))
                        .map_err(|e| e.to_string())
                });
                match parsed {
                    Ok(done) => on_created.emit(done),
                    Err(e) => message.set(Some(format!("无法打开该文件：{e}"))),
                }
            });
        })
    };
    let on_file = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            if let Some(file) =
                e.target_dyn_into::<web_sys::HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0))
            {
                import.emit(file);
            }
        })
    };
    let dragging = use_state(|| false);
    let ondragover = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(true);
        })
    };
    let ondragleave = {
        let d = dragging.clone();
        Callback::from(move |_: DragEvent| d.set(false))
    };
    let ondrop = {
        let (import, dragging) = (import.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                import.emit(file);
            }
        })
    };
    let backup =
        Callback::from(|_| io::download("政务公开目录备份.json", "application/json", store::backup().as_bytes()));

    let rows = list.iter().map(|s| {
        let open = { let (cb, id) = (props.on_open.clone(), s.id.clone()); Callback::from(move |_| cb.emit(id.clone())) };
        let ask = { let (c, id) = (confirm.clone(), s.id.clone()); Callback::from(move |_| c.set(Some(id.clone()))) };
        let title = if s.title.is_empty() { "（未命名目录）".to_owned() } else { s.title.clone() };
        html! {
            <tr key={s.id.clone()}>
                <td><button class="link" onclick={open}>{ title }</button></td>
                <td>{ &s.government }</td>
                <td>{ date(s.updated) }</td>
                <td class="num">{ s.entries }</td>
                <td class="num">{ if s.errors > 0 { html!{ <span class="badge error">{ s.errors }</span> } } else { html!{ <span class="badge ok">{ "0" }</span> } } }</td>
                <td><button class="danger small" onclick={ask}>{ "删除" }</button></td>
            </tr>
        }
    });
    let dialog = confirm.as_ref().map(|id| {
        let yes = {
            let (id, list, confirm) = (id.clone(), list.clone(), confirm.clone());
            Callback::from(move |_| {
                store::delete(&id);
                list.set(store::list());
                confirm.set(None);
            })
        };
        let no = { let c = confirm.clone(); Callback::from(move |_| c.set(None)) };
        html! {
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
                <div class="modal-box">
                    <h2 id="confirm-title">{ "确认删除这份目录？" }</h2>
                    <p>{ "删除后无法恢复。建议先导出备份。" }</p>
                    <div class="actions"><button class="danger" onclick={yes}>{ "确认删除" }</button><button onclick={no}>{ "取消" }</button></div>
                </div>
            </div>
        }
    });
    let on_new = props.on_new.reform(|_| ());
    html! {
        <section class={classes!("home", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <div class="home-actions">
                <button class="primary" onclick={on_new}>{ "新建目录" }</button>
                <label class="button">{ "打开文件（Excel / CSV / JSON）" }
                    <input type="file" accept=".xlsx,.xls,.csv,.json" onchange={on_file} class="visually-hidden" aria-label="打开文件" />
                </label>
                <button onclick={backup} disabled={list.is_empty()}>{ "导出全部备份" }</button>
            </div>
            if *busy { <p class="progress" role="status">{ "正在读取文件……" }</p> }
            if let Some(m) = &*message { <p class="alert" role="alert">{ m }</p> }
            if list.is_empty() {
                <div class="empty">
                    <h2>{ "还没有目录" }</h2>
                    <p>{ "点击“新建目录”，按26个试点领域的标准指引生成本单位的政务公开事项标准目录；或打开已有的 Excel 目录，也可以把文件拖到这里。" }</p>
                </div>
            } else {
                <table class="list">
                    <caption>{ "本浏览器中保存的目录" }</caption>
                    <thead><tr><th scope="col">{ "目录" }</th><th scope="col">{ "编制单位" }</th><th scope="col">{ "最后修改" }</th><th scope="col">{ "事项数" }</th><th scope="col">{ "错误" }</th><th scope="col"><span class="visually-hidden">{ "操作" }</span></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            { for dialog }
        </section>
    }
}
