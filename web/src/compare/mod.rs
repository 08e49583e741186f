//! Two versions compared (动态调整): each side is a file (picker or drop; Excel, CSV or JSON through the
//! on-demand package) or a catalog saved in this browser, as it is now or as one of its history versions. The
//! core's diff shows what was added, removed and changed, field by field, with the meta and the 未涉及领域说明 /
//! 删减事项说明 changes; the change list (调整说明) downloads as Excel or HTML.
//!
//! Defaults: the first file goes to the old side and the second to the new one (two files dropped together fill
//! both); a saved catalog picked on one side fills an empty other side with the same catalog, so the old side is
//! its latest history version that differs from the current state and the new side is the current state.

mod pick;
mod text;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use catalog_core::Catalog;
use catalog_core::diff::diff;
use yew::prelude::*;

use crate::drop::use_drop_zone;
use crate::i18n::Lang;
use crate::{home::date, io, store};
use pick::SidePicker;
use view::DiffView;

/// The two sides: the earlier version (调整前) and the later one (调整后).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Old,
    New,
}

impl Which {
    fn other(self) -> Which {
        match self {
            Which::Old => Which::New,
            Which::New => Which::Old,
        }
    }
}

/// Where a side's catalog comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    File,
    Saved,
}

/// A catalog read for a side, compared by identity (a deep comparison of 10,000 entries on every render would
/// cost more than the render).
#[derive(Clone)]
pub struct Doc(pub Rc<Catalog>);

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One side: what was picked and, once read, its catalog.
#[derive(Clone, PartialEq, Default)]
pub struct Side {
    pub mode: Mode,
    /// The file's name, in file mode.
    pub file: Option<String>,
    /// The saved catalog's id, in saved mode.
    pub saved: Option<String>,
    /// The saved catalog's history versions, newest first.
    pub versions: Rc<Vec<store::Version>>,
    /// The history version shown (its key); None: the catalog as it is now.
    pub version: Option<f64>,
    /// The load under way (its token): a later pick or a swap makes an earlier load's result stale.
    pub pending: Option<u32>,
    pub catalog: Option<Doc>,
    pub error: Option<String>,
}

/// What a finished load brings.
pub struct Loaded {
    catalog: Catalog,
    /// For a saved catalog: its history and the version read.
    saved: Option<(Rc<Vec<store::Version>>, Option<f64>)>,
}

#[derive(Clone, PartialEq, Default)]
struct Sides {
    old: Side,
    new: Side,
}

enum Action {
    Mode(Which, Mode),
    /// A load started for a side: a file by name, or a saved catalog (and version) by id.
    Start {
        which: Which,
        token: u32,
        file: Option<String>,
        saved: Option<String>,
        version: Option<f64>,
    },
    Loaded {
        token: u32,
        result: Result<Box<Loaded>, String>,
    },
    Swap,
}

impl Sides {
    fn side_mut(&mut self, which: Which) -> &mut Side {
        match which {
            Which::Old => &mut self.old,
            Which::New => &mut self.new,
        }
    }

    fn side(&self, which: Which) -> &Side {
        match which {
            Which::Old => &self.old,
            Which::New => &self.new,
        }
    }
}

impl Reducible for Sides {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Mode(which, mode) => {
                let side = next.side_mut(which);
                if side.mode == mode {
                    return self;
                }
                *side = Side { mode, ..Side::default() };
            }
            Action::Start { which, token, file, saved, version } => {
                let side = next.side_mut(which);
                let keep_versions = saved.is_some() && saved == side.saved;
                let versions = if keep_versions { side.versions.clone() } else { Rc::default() };
                let mode = if saved.is_some() { Mode::Saved } else { Mode::File };
                *side = Side { mode, file, saved, versions, version, pending: Some(token), catalog: None, error: None };
            }
            Action::Loaded { token, result } => {
                let Some(side) = [&mut next.old, &mut next.new].into_iter().find(|s| s.pending == Some(token)) else {
                    return self;
                };
                side.pending = None;
                match result {
                    Ok(loaded) => {
                        if let Some((versions, version)) = loaded.saved {
                            side.versions = versions;
                            side.version = version;
                        }
                        side.catalog = Some(Doc(Rc::new(loaded.catalog)));
                    }
                    Err(e) => side.error = Some(e),
                }
            }
            Action::Swap => std::mem::swap(&mut next.old, &mut next.new),
        }
        Rc::new(next)
    }
}

/// Which state of a saved catalog to read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Want {
    Current,
    Version(f64),
    /// The latest history version that differs from the current state (the old side's default).
    LatestChange,
}

/// A saved catalog's name as the list shows it.
pub fn title_of(s: &store::Summary, lang: Lang) -> String {
    if s.title.trim().is_empty() {
        lang.t("（未命名目录）", "(untitled catalog)").to_owned()
    } else {
        s.title.clone()
    }
}

async fn read_saved(id: String, title: String, want: Want, lang: Lang) -> Result<Loaded, String> {
    let versions = Rc::new(store::history(&id).await);
    let unreadable = || match lang {
        Lang::Zh => format!("无法读取本机保存的目录“{title}”：它可能已被删除，或保存的数据已损坏。"),
        Lang::En => {
            format!("Cannot read the saved catalog “{title}”: it may have been deleted, or its data is damaged.")
        }
    };
    let version_unreadable = |key: f64| match lang {
        Lang::Zh => format!("无法读取目录“{title}”在{}保存的历史版本。", date(key)),
        Lang::En => format!("Cannot read the version of “{title}” saved at {}.", date(key)),
    };
    let (catalog, version) = match want {
        Want::Current => (store::load(&id).await.ok_or_else(unreadable)?, None),
        Want::Version(key) => {
            let saved = versions.iter().find(|v| v.key == key).map_or(key, |v| v.saved);
            (store::version(key).await.ok_or_else(|| version_unreadable(saved))?, Some(key))
        }
        Want::LatestChange => {
            let current = store::load(&id).await.ok_or_else(unreadable)?;
            let mut found = None;
            for v in versions.iter() {
                if let Some(c) = store::version(v.key).await
                    && !diff(&c, &current).is_empty()
                {
                    found = Some((c, Some(v.key)));
                    break;
                }
            }
            match found {
                Some(found) => found,
                // No version differs: the newest one (the comparison then says they are the same).
                None => match versions.first() {
                    Some(v) => (store::version(v.key).await.ok_or_else(|| version_unreadable(v.saved))?, Some(v.key)),
                    None => {
                        return Err(match lang {
                            Lang::Zh => format!(
                                "目录“{title}”还没有历史版本：请在另一侧选择它的当前内容，在这一侧选择别的文件或目录。"
                            ),
                            Lang::En => format!(
                                "“{title}” has no history versions yet: pick its current state on the other side and another file or catalog here."
                            ),
                        });
                    }
                },
            }
        }
    };
    Ok(Loaded { catalog, saved: Some((versions, version)) })
}

async fn read_file(file: web_sys::File, lang: Lang) -> Result<Loaded, String> {
    let name = file.name();
    let imported = match io::read_file(file).await {
        Ok((name, bytes)) => io::import_catalog(&bytes, &name).await,
        Err(e) => Err(e),
    };
    imported.map(|(catalog, _notes)| Loaded { catalog, saved: None }).map_err(|e| match lang {
        Lang::Zh => format!("无法读取文件“{name}”：{e}"),
        Lang::En => format!("Cannot read the file “{name}”: {e}"),
    })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_home: Callback<()>,
}

#[component]
pub fn Compare(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let sides = use_reducer(Sides::default);
    let tokens = use_mut_ref(|| 0u32);
    // The catalogs saved in this browser; None while reading.
    let saved = use_state(|| None::<Rc<Vec<store::Summary>>>);
    {
        let saved = saved.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { saved.set(Some(Rc::new(store::list().await))) });
        });
    }
    let next_token = {
        let tokens = tokens.clone();
        move || -> u32 {
            let mut t = RefCell::borrow_mut(&tokens);
            *t = t.wrapping_add(1);
            *t
        }
    };

    let open_file = {
        let (sides, next_token) = (sides.clone(), next_token.clone());
        Callback::from(move |(which, file): (Which, web_sys::File)| {
            let token = next_token();
            sides.dispatch(Action::Start { which, token, file: Some(file.name()), saved: None, version: None });
            let sides = sides.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = read_file(file, lang).await.map(Box::new);
                sides.dispatch(Action::Loaded { token, result });
            });
        })
    };
    // Several files at once (dropped together, or picked together on one side): the first is the old version
    // and the second the new one; one file goes to the side it was given to.
    let open_files = {
        let open_file = open_file.clone();
        Callback::from(move |(which, files): (Which, Vec<web_sys::File>)| match files.len() {
            0 => {}
            1 => {
                if let Some(file) = files.into_iter().next() {
                    open_file.emit((which, file));
                }
            }
            _ => {
                for (which, file) in [Which::Old, Which::New].into_iter().zip(files) {
                    open_file.emit((which, file));
                }
            }
        })
    };
    let title = {
        let saved = saved.clone();
        move |id: &str| -> String {
            saved
                .as_deref()
                .and_then(|list| list.iter().find(|s| s.id == id))
                .map_or_else(|| id.to_owned(), |s| title_of(s, lang))
        }
    };
    let start_saved = {
        let (sides, next_token, title) = (sides.clone(), next_token.clone(), title.clone());
        move |which: Which, id: String, want: Want| {
            let token = next_token();
            let version = match want {
                Want::Version(key) => Some(key),
                _ => None,
            };
            sides.dispatch(Action::Start { which, token, file: None, saved: Some(id.clone()), version });
            let (sides, title) = (sides.clone(), title(&id));
            wasm_bindgen_futures::spawn_local(async move {
                let result = read_saved(id, title, want, lang).await.map(Box::new);
                sides.dispatch(Action::Loaded { token, result });
            });
        }
    };
    let pick_saved = {
        let (sides, start_saved) = (sides.clone(), start_saved.clone());
        Callback::from(move |(which, id): (Which, String)| {
            let default = |w: Which| if w == Which::Old { Want::LatestChange } else { Want::Current };
            start_saved(which, id.clone(), default(which));
            let other = sides.side(which.other());
            let untouched = other.file.is_none() && other.saved.is_none() && other.pending.is_none();
            if untouched {
                start_saved(which.other(), id, default(which.other()));
            }
        })
    };
    let pick_version = {
        let start_saved = start_saved.clone();
        Callback::from(move |(which, id, version): (Which, String, Option<f64>)| {
            start_saved(which, id, version.map_or(Want::Current, Want::Version));
        })
    };
    let set_mode = {
        let sides = sides.clone();
        Callback::from(move |(which, mode): (Which, Mode)| sides.dispatch(Action::Mode(which, mode)))
    };
    let swap = {
        let sides = sides.clone();
        Callback::from(move |_| sides.dispatch(Action::Swap))
    };
    // A file dropped anywhere else on the screen: to the old side while it is empty, else the new side.
    let drop = {
        let (open_files, sides) = (open_files.clone(), sides.clone());
        use_drop_zone(Callback::from(move |files: Vec<web_sys::File>| {
            let old = &sides.old;
            let which = if old.catalog.is_none() && old.pending.is_none() { Which::Old } else { Which::New };
            open_files.emit((which, files));
        }))
    };

    let label = |side: &Side| -> String {
        match (&side.file, &side.saved) {
            (Some(name), _) => name.clone(),
            (None, Some(id)) => {
                let when = match side.version {
                    None => lang.t("当前内容", "current state").to_owned(),
                    Some(key) => {
                        let saved = side.versions.iter().find(|v| v.key == key).map_or(key, |v| v.saved);
                        match lang {
                            Lang::Zh => format!("{}保存的版本", date(saved)),
                            Lang::En => format!("version saved {}", date(saved)),
                        }
                    }
                };
                format!("{}（{when}）", title(id))
            }
            (None, None) => String::new(),
        }
    };
    let old_label = label(&sides.old);
    let new_label = label(&sides.new);
    let ready = match (&sides.old.catalog, &sides.new.catalog) {
        (Some(o), Some(n)) if sides.old.pending.is_none() && sides.new.pending.is_none() => {
            Some((o.clone(), n.clone()))
        }
        _ => None,
    };
    let result = use_memo(ready, |ready| ready.as_ref().map(|(o, n)| Rc::new(diff(&o.0, &n.0))));
    let list = saved.as_ref().cloned();
    let picker = |which: Which| {
        html! {
            <SidePicker which={which} side={sides.side(which).clone()} saved={list.clone()}
                on_mode={set_mode.clone()} on_files={open_files.clone()} on_saved={pick_saved.clone()}
                on_version={pick_version.clone()} />
        }
    };
    let loading = sides.old.pending.is_some() || sides.new.pending.is_some();
    html! {
        <section class={classes!("compare", drop.dragging.then_some("dragging"))}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <div class="cmp-head">
                <button onclick={props.on_home.reform(|_| ())}>{ lang.t("← 返回目录列表", "← Back to the list") }</button>
                <h1>{ lang.t("比较两个版本（动态调整）", "Compare two versions (annual revision)") }</h1>
            </div>
            <p class="hint">{ lang.t(
                "选择调整前和调整后的两个版本：Excel、CSV、JSON 文件（可一次拖入两个文件），或本浏览器中保存的目录及其历史版本。比较结果可导出为调整说明，报送上级审核。",
                "Pick the version before and after the revision: Excel, CSV or JSON files (drop two at once), or a catalog saved in this browser and its history versions. Export the result as the change list for the supervising office.") }</p>
            <div class="cmp-sides">
                { picker(Which::Old) }
                <div class="cmp-swap">
                    <button onclick={swap} title={lang.t("交换新旧版本", "Swap old and new")}
                        disabled={sides.old == Side::default() && sides.new == Side::default()}>
                        <span aria-hidden="true">{ "⇄ " }</span>{ lang.t("交换新旧", "Swap") }
                    </button>
                </div>
                { picker(Which::New) }
            </div>
            if loading { <p class="progress" role="status">{ lang.t("正在读取……", "Reading…") }</p> }
            {
                match &*result {
                    Some(d) => html! { <DiffView diff={d.clone()} old_label={old_label} new_label={new_label} /> },
                    None if !loading => html! {
                        <p class="cmp-wait muted">{ lang.t("两侧都选好后，这里显示比较结果。", "The comparison shows here once both sides are picked.") }</p>
                    },
                    None => html! {},
                }
            }
        </section>
    }
}
