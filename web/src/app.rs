//! The app's screens: the home list, the new-catalog wizard, the editor. Reopens the catalog the user was
//! editing after a reload or a crashed tab.

use std::rc::Rc;

use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

use crate::{editor::Editor, home::Home, store, wizard::Wizard};

#[derive(Clone, PartialEq)]
pub enum Screen {
    Home,
    Wizard,
    /// `saved` is false when the browser refused to store the catalog: it is edited from memory and the editor
    /// offers a backup download at once.
    Editor {
        id: String,
        catalog: Rc<Catalog>,
        saved: bool,
        /// What the importer noticed (merged and 同上 cells, extra columns …), shown with the findings.
        notes: Rc<Vec<ReportDiagnostic>>,
    },
}

fn open(id: &str) -> Screen {
    match store::load(id) {
        Some(catalog) => {
            store::set_last_open(Some(id));
            Screen::Editor { id: id.to_owned(), catalog: Rc::new(catalog), saved: true, notes: Rc::default() }
        }
        None => Screen::Home,
    }
}

#[component]
pub fn App() -> Html {
    let screen = use_state(|| store::last_open().map_or(Screen::Home, |id| open(&id)));
    let go_home = {
        let screen = screen.clone();
        Callback::from(move |()| {
            store::set_last_open(None);
            screen.set(Screen::Home);
        })
    };
    let on_open = {
        let screen = screen.clone();
        Callback::from(move |id: String| screen.set(open(&id)))
    };
    let on_new = {
        let screen = screen.clone();
        Callback::from(move |()| screen.set(Screen::Wizard))
    };
    // A catalog made by the wizard or an import: saved at once, then opened.
    let on_created = {
        let screen = screen.clone();
        Callback::from(move |(catalog, notes): (Catalog, Vec<ReportDiagnostic>)| {
            let id = store::new_id();
            let saved = store::save(&id, &catalog, store::error_count(&catalog)).is_ok();
            if saved {
                store::set_last_open(Some(&id));
            }
            screen.set(Screen::Editor { id, catalog: Rc::new(catalog), saved, notes: Rc::new(notes) });
        })
    };
    html! {
        <div class="app">
            <header class="topbar">
                <button class="brand" onclick={go_home.reform(|_| ())} title="返回目录列表">{ "政务公开事项标准目录 · 编制与校验" }</button>
                <span class="offline" title="所有数据只保存在本浏览器中，不会上传">{ "离线可用 · 数据仅存本机" }</span>
            </header>
            <main>
                {
                    match &*screen {
                        Screen::Home => html! { <Home on_open={on_open} on_new={on_new} on_created={on_created.clone()} /> },
                        Screen::Wizard => html! { <Wizard on_done={on_created.reform(|c| (c, Vec::new()))} on_cancel={go_home.clone()} /> },
                        Screen::Editor { id, catalog, saved, notes } => html! {
                            <Editor key={id.clone()} id={id.clone()} initial={(**catalog).clone()} saved={*saved} notes={notes.clone()} on_home={go_home.clone()} />
                        },
                    }
                }
            </main>
        </div>
    }
}
