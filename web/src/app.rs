//! The app's screens: the home list, the new-catalog wizard, the editor. On start it migrates older saved data,
//! then reopens the catalog the user was editing after a reload or a crashed tab.

use std::rc::Rc;

use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

use crate::editor::{Editor, Opened};
use crate::i18n::Lang;
use crate::{compare::Compare, home::Home, review::Review, store, wizard::Wizard};

#[derive(Clone, PartialEq)]
pub enum Screen {
    /// Reading the browser's storage.
    Loading,
    Home,
    Wizard,
    /// A supervisor's review of many files at once.
    Review,
    /// Two versions side by side (动态调整).
    Compare,
    /// `fresh`: not stored yet (just created or imported); the editor stores it first.
    Editor {
        id: String,
        catalog: Opened,
        fresh: bool,
        /// The stored revision opened (0 when fresh): saves are refused once another tab saved after it.
        rev: u64,
        /// What the importer noticed (merged and 同上 cells, extra columns …), shown with the findings.
        notes: Rc<Vec<ReportDiagnostic>>,
    },
}

async fn open(id: &str) -> Screen {
    // The revision first: a save another tab makes meanwhile then counts as newer than what is loaded.
    let rev = store::revision(id).await;
    match store::load(id).await {
        Some(catalog) => {
            store::set_last_open(Some(id));
            Screen::Editor { id: id.to_owned(), catalog: Opened::new(catalog), fresh: false, rev, notes: Rc::default() }
        }
        None => {
            store::set_last_open(None);
            Screen::Home
        }
    }
}

#[component]
pub fn App() -> Html {
    let screen = use_state(|| Screen::Loading);
    let lang = use_state(Lang::saved);
    // What the start-up migration did, for the home screen.
    let migrated = use_state(|| (0usize, 0usize));
    {
        let (screen, migrated, lang) = (screen.clone(), migrated.clone(), *lang);
        use_effect_with((), move |_| {
            lang.apply();
            wasm_bindgen_futures::spawn_local(async move {
                migrated.set(store::migrate().await);
                screen.set(match store::last_open() {
                    Some(id) => open(&id).await,
                    None => Screen::Home,
                });
                // Excel is how most catalogs arrive: once the first screen is up, the package gets ready while the
                // user looks at it.
                crate::later::when_idle(|| wasm_bindgen_futures::spawn_local(crate::io::warm_up()));
            });
        });
    }
    let go_home = {
        let screen = screen.clone();
        Callback::from(move |()| {
            store::set_last_open(None);
            screen.set(Screen::Home);
        })
    };
    let on_open = {
        let screen = screen.clone();
        Callback::from(move |id: String| {
            let screen = screen.clone();
            wasm_bindgen_futures::spawn_local(async move { screen.set(open(&id).await) });
        })
    };
    let go = |to: Screen| {
        let screen = screen.clone();
        Callback::from(move |()| screen.set(to.clone()))
    };
    // A catalog made by the wizard or an import: opened at once; the editor stores it (and says if it cannot).
    let on_created = {
        let screen = screen.clone();
        Callback::from(move |(catalog, notes): (Catalog, Vec<ReportDiagnostic>)| {
            let id = store::new_id();
            store::set_last_open(Some(&id));
            screen.set(Screen::Editor {
                id,
                catalog: Opened::new(catalog),
                fresh: true,
                rev: 0,
                notes: Rc::new(notes),
            });
        })
    };
    let toggle = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = if *lang == Lang::Zh { Lang::En } else { Lang::Zh };
            next.apply();
            lang.set(next);
        })
    };
    let l = *lang;
    html! {
        <ContextProvider<Lang> context={l}>
            <div class="app">
                <header class="topbar">
                    <button class="brand" onclick={go_home.reform(|_| ())} title={l.t("返回目录列表", "Back to the list")}>
                        { l.t("政务公开事项标准目录 · 编制与校验", "Disclosure catalog · build and check") }
                    </button>
                    <span class="top-right">
                        <span class="offline" title={l.t("所有数据只保存在本浏览器中，不会上传", "Everything stays in this browser; nothing is uploaded")}>
                            { l.t("离线可用 · 数据仅存本机", "Works offline · data stays on this computer") }
                        </span>
                        <button class="lang" onclick={toggle} lang={l.t("en", "zh-CN")}>{ l.t("English", "中文") }</button>
                    </span>
                </header>
                <main>
                    {
                        match &*screen {
                            Screen::Loading => html! { <p class="progress" role="status">{ l.t("正在读取本机保存的目录……", "Reading the catalogs saved here…") }</p> },
                            Screen::Home => html! {
                                <Home on_open={on_open} on_new={go(Screen::Wizard)} on_review={go(Screen::Review)} on_compare={go(Screen::Compare)}
                                    on_created={on_created.clone()} migrated={*migrated} />
                            },
                            Screen::Review => html! { <Review on_home={go_home.clone()} on_created={on_created.clone()} /> },
                            Screen::Compare => html! { <Compare on_home={go_home.clone()} /> },
                            Screen::Wizard => html! { <Wizard on_done={on_created.reform(|c| (c, Vec::new()))} on_cancel={go_home.clone()} /> },
                            Screen::Editor { id, catalog, fresh, rev, notes } => html! {
                                <Editor key={id.clone()} id={id.clone()} catalog={catalog.clone()} fresh={*fresh} rev={*rev} notes={notes.clone()}
                                    on_home={go_home.clone()} on_save_as={on_created.clone()} />
                            },
                        }
                    }
                </main>
            </div>
        </ContextProvider<Lang>>
    }
}
