//! Restoring a backup (导出全部备份's file): every catalog in it, each marked new or already in this browser, and
//! for those already here a choice: keep both (the backup's as a copy), replace (the one here stays in its
//! history), or skip. Nothing is written until 恢复 is pressed.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::store::{self, Backup, BackupItem, Summary};
use crate::{dialog, home::date};

/// What to do with one catalog of the backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// Store it (a catalog not in this browser).
    Add,
    /// Store it beside the one here, as a copy.
    KeepBoth,
    /// Store it over the one here (which stays in that catalog's history).
    Replace,
    Skip,
}

impl Choice {
    fn key(self) -> &'static str {
        match self {
            Choice::Add => "add",
            Choice::KeepBoth => "both",
            Choice::Replace => "replace",
            Choice::Skip => "skip",
        }
    }

    fn of(key: &str) -> Choice {
        match key {
            "add" => Choice::Add,
            "both" => Choice::KeepBoth,
            "replace" => Choice::Replace,
            _ => Choice::Skip,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Choice::Add => lang.t("恢复", "Restore"),
            Choice::KeepBoth => lang.t("保留两份（备份另存为副本）", "Keep both (the backup's as a copy)"),
            Choice::Replace => {
                lang.t("用备份替换（原目录留在历史版本中）", "Replace (the one here stays in its history)")
            }
            Choice::Skip => lang.t("跳过", "Skip"),
        }
    }
}

/// A catalog of the backup against this browser's.
#[derive(Clone, PartialEq)]
struct Row {
    item: BackupItem,
    /// The catalog here it clashes with: the same id, or (a backup without ids) the same title and government.
    here: Option<Summary>,
    /// The one here has the same content.
    same: bool,
}

async fn compare(backup: &Backup) -> Vec<Row> {
    let stored = store::list().await;
    let mut rows = Vec::new();
    for item in &backup.items {
        let here = stored
            .iter()
            .find(|s| match &item.id {
                Some(id) => &s.id == id,
                None => s.title == item.catalog.meta.title && s.government == item.catalog.meta.government,
            })
            .cloned();
        let same = match &here {
            Some(s) => store::load(&s.id).await.is_some_and(|c| c == item.catalog),
            None => false,
        };
        rows.push(Row { item: item.clone(), here, same });
    }
    rows
}

fn default_choice(row: &Row) -> Choice {
    match (&row.here, row.same) {
        (None, _) => Choice::Add,
        (Some(_), true) => Choice::Skip,
        (Some(_), false) => Choice::KeepBoth,
    }
}

/// Carry out the choices; the line that says what was done.
async fn apply(rows: &[Row], choices: &[Choice], lang: Lang) -> String {
    let (mut added, mut copied, mut replaced, mut skipped, mut failed) = (0, 0, 0, 0, 0);
    for (row, choice) in rows.iter().zip(choices) {
        let item = &row.item;
        let result = match (choice, &row.here) {
            (Choice::Skip, _) => {
                skipped += 1;
                continue;
            }
            (Choice::Replace, Some(here)) => {
                // The one here goes into its own history first, so the replacement can be undone from there.
                if let Some(old) = store::load(&here.id).await {
                    let _ = store::restore(&here.id, &old, Some(here.updated)).await;
                }
                let r = store::restore(&here.id, &item.catalog, item.updated).await;
                replaced += usize::from(r.is_ok());
                r
            }
            (Choice::KeepBoth, Some(_)) => {
                let mut copy = item.catalog.clone();
                copy.meta.title = format!("{}（备份）", copy.meta.title);
                let r = store::restore(&store::new_id(), &copy, item.updated).await;
                copied += usize::from(r.is_ok());
                r
            }
            _ => {
                let id = item.id.clone().filter(|_| row.here.is_none()).unwrap_or_else(store::new_id);
                let r = store::restore(&id, &item.catalog, item.updated).await;
                added += usize::from(r.is_ok());
                r
            }
        };
        failed += usize::from(result.is_err());
    }
    let mut line = match lang {
        Lang::Zh => format!("已从备份恢复{}份目录", added + copied + replaced),
        Lang::En => format!("Restored {} catalogs from the backup", added + copied + replaced),
    };
    let parts: Vec<String> = [
        (copied, lang.t("另存为副本", "kept as copies")),
        (replaced, lang.t("替换", "replaced")),
        (skipped, lang.t("跳过", "skipped")),
        (failed, lang.t("未能保存", "could not be saved")),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| match lang {
        Lang::Zh => format!("{what}{n}份"),
        Lang::En => format!("{n} {what}"),
    })
    .collect();
    if !parts.is_empty() {
        line += &match lang {
            Lang::Zh => format!("（{}）", parts.join("，")),
            Lang::En => format!(" ({})", parts.join(", ")),
        };
    }
    line += lang.t("。", ".");
    line
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The file's name.
    pub name: String,
    pub backup: Rc<Backup>,
    /// Done, with the line saying what was restored.
    pub on_done: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn RestoreDialog(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // None while comparing with this browser's catalogs.
    let rows = use_state(|| None::<Rc<Vec<Row>>>);
    let choices = use_state(Vec::<Choice>::new);
    let busy = use_state(|| false);
    {
        let (rows, choices, backup) = (rows.clone(), choices.clone(), props.backup.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let found = compare(&backup).await;
                choices.set(found.iter().map(default_choice).collect());
                rows.set(Some(Rc::new(found)));
                crate::later::after_paint(|| {
                    if !dialog::focus_id("restore-go") {
                        dialog::focus_id("restore-cancel");
                    }
                });
            });
        });
    }
    let list: Vec<Row> = rows.as_deref().map(|r| r.to_vec()).unwrap_or_default();
    let clashes = list.iter().filter(|r| r.here.is_some()).count();
    let restore = {
        let (rows, choices, busy, done) = (rows.clone(), choices.clone(), busy.clone(), props.on_done.clone());
        Callback::from(move |_| {
            let Some(rows) = (*rows).clone() else { return };
            let (choices, busy, done) = ((*choices).clone(), busy.clone(), done.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let line = apply(&rows, &choices, lang).await;
                busy.set(false);
                done.emit(line);
            });
        })
    };
    // One choice for every catalog already here.
    let all = {
        let (rows, choices) = (rows.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let choice = Choice::of(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
            let Some(rows) = rows.as_deref() else { return };
            choices.set(
                rows.iter().zip(choices.iter()).map(|(r, c)| if r.here.is_some() { choice } else { *c }).collect(),
            );
        })
    };
    let items = list.iter().enumerate().map(|(i, row)| {
        let meta = &row.item.catalog.meta;
        let title = if meta.title.is_empty() { lang.t("（未命名目录）", "(untitled catalog)").to_owned() } else { meta.title.clone() };
        let pick = {
            let choices = choices.clone();
            Callback::from(move |e: Event| {
                let mut list = (*choices).clone();
                if let Some(c) = list.get_mut(i) {
                    *c = Choice::of(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
                }
                choices.set(list);
            })
        };
        let chosen = choices.get(i).copied().unwrap_or(Choice::Skip);
        let options: &[Choice] =
            if row.here.is_some() { &[Choice::KeepBoth, Choice::Replace, Choice::Skip] } else { &[Choice::Add, Choice::Skip] };
        let here = match (&row.here, row.same, lang) {
            (None, _, _) => lang.t("无（新目录）", "no (new)").to_owned(),
            (Some(_), true, _) => lang.t("已有，内容相同", "yes, the same content").to_owned(),
            (Some(s), false, Lang::Zh) => format!("已有，内容不同（本机最后修改 {}）", date(s.updated)),
            (Some(s), false, Lang::En) => format!("yes, different (last edited here {})", date(s.updated)),
        };
        html! {
            <tr key={i}>
                <td>{ title.clone() }</td>
                <td>{ &meta.government }</td>
                <td class="num">{ row.item.catalog.entries.len() }</td>
                <td class={classes!(row.here.is_some().then_some("warning-text"))}>{ here }</td>
                <td>
                    <select onchange={pick} aria-label={format!("{}{title}", lang.t("处理方式：", "What to do: "))}>
                        { for options.iter().map(|o| html! { <option value={o.key()} selected={*o == chosen}>{ o.label(lang) }</option> }) }
                    </select>
                </td>
            </tr>
        }
    });
    let count = choices.iter().filter(|c| **c != Choice::Skip).count();
    let intro = match lang {
        Lang::Zh => {
            format!("备份文件“{}”中有{}份目录，其中{clashes}份本浏览器中已有。", props.name, props.backup.items.len())
        }
        Lang::En => format!(
            "The backup “{}” holds {} catalogs; {clashes} of them are already in this browser.",
            props.name,
            props.backup.items.len()
        ),
    };
    let unreadable = (!props.backup.unreadable.is_empty()).then(|| match lang {
        Lang::Zh => format!("另有{}份无法读取：{}", props.backup.unreadable.len(), props.backup.unreadable.join("；")),
        Lang::En => {
            format!("{} more could not be read: {}", props.backup.unreadable.len(), props.backup.unreadable.join("; "))
        }
    });
    let go = match lang {
        Lang::Zh => format!("恢复（{count}份）"),
        Lang::En => format!("Restore ({count})"),
    };
    html! {
        <div class="modal" role="dialog" aria-modal="true" aria-labelledby="restore-title" onkeydown={dialog::keys(props.on_cancel.clone())}>
            <div class="modal-box wide">
                <h2 id="restore-title">{ lang.t("从备份恢复目录", "Restore from a backup") }</h2>
                <p>{ intro }</p>
                if let Some(t) = unreadable { <p class="warning-text">{ t }</p> }
                if rows.is_none() {
                    <p class="progress" role="status">{ lang.t("正在比对本浏览器中的目录……", "Comparing with the catalogs here…") }</p>
                } else {
                    if clashes > 1 {
                        <label class="restore-all">{ lang.t("本浏览器中已有的目录全部：", "Every catalog already here: ") }
                            <select onchange={all}>
                                <option value="" selected=true disabled=true>{ lang.t("（逐份选择）", "(choose one by one)") }</option>
                                { for [Choice::KeepBoth, Choice::Replace, Choice::Skip].iter().map(|o| html! { <option value={o.key()}>{ o.label(lang) }</option> }) }
                            </select>
                        </label>
                    }
                    <table class="list restore-list">
                        <thead><tr>
                            <th scope="col">{ lang.t("目录", "Catalog") }</th>
                            <th scope="col">{ lang.t("编制单位", "Government") }</th>
                            <th scope="col">{ lang.t("事项数", "Items") }</th>
                            <th scope="col">{ lang.t("本浏览器中", "Already here") }</th>
                            <th scope="col">{ lang.t("处理", "Action") }</th>
                        </tr></thead>
                        <tbody>{ for items }</tbody>
                    </table>
                }
                <div class="actions">
                    <button id="restore-go" class="primary" onclick={restore} disabled={rows.is_none() || *busy || count == 0}>{ go }</button>
                    <button id="restore-cancel" onclick={props.on_cancel.reform(|_| ())} disabled={*busy}>{ lang.t("取消", "Cancel") }</button>
                </div>
                if *busy { <p class="progress" role="status">{ lang.t("正在恢复……", "Restoring…") }</p> }
            </div>
        </div>
    }
}
