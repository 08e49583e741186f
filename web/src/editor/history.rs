//! Earlier saves of the catalog (kept by the store: the first save of each editing session and at most one per
//! ten minutes, the last 30), to look back at and restore. A restore is one edit: undo takes it back.

use yew::prelude::*;

use super::state::{Action, State};
use crate::i18n::Lang;
use crate::{home::date, store};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
    pub on_close: Callback<()>,
}

#[component]
pub fn History(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let versions = use_state(|| None::<Vec<store::Version>>);
    let message = use_state(|| None::<&'static str>);
    {
        let (versions, id) = (versions.clone(), props.state.id.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { versions.set(Some(store::history(&id).await)) });
        });
    }
    // None while reading; empty when nothing was saved yet.
    let rows = versions.as_ref().filter(|list| !list.is_empty()).map(|list| {
        list.iter()
            .map(|v| {
                let restore = {
                    let (state, close, message, key) =
                        (props.state.clone(), props.on_close.clone(), message.clone(), v.key);
                    Callback::from(move |_| {
                        let (state, close, message) = (state.clone(), close.clone(), message.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            match store::version(key).await {
                                Some(catalog) => {
                                    state.dispatch(Action::Restore(Box::new(catalog)));
                                    close.emit(());
                                }
                                None => message.set(Some(lang.t("无法读取该版本。", "This version cannot be read."))),
                            }
                        });
                    })
                };
                html! {
                    <tr key={v.key.to_string()}>
                        <td>{ date(v.saved) }</td>
                        <td class="num">{ v.entries }</td>
                        <td class="num">{ v.errors }</td>
                        <td><button class="small" onclick={restore}>{ lang.t("恢复此版本", "Restore") }</button></td>
                    </tr>
                }
            })
            .collect::<Html>()
    });
    let close = props.on_close.reform(|_| ());
    let onkeydown = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    html! {
        <div class="modal" role="dialog" aria-modal="true" aria-labelledby="history-title" {onkeydown}>
            <div class="modal-box wide">
                <h2 id="history-title">{ lang.t("历史版本", "Version history") }</h2>
                <p class="muted">{ lang.t("每次打开后的第一次保存、以及之后每隔十分钟的保存都会留下一个版本（保留最近30个）。恢复后可用“撤销”退回。",
                    "A version is kept at the first save after opening and every ten minutes after (the last 30). Undo takes a restore back.") }</p>
                if let Some(m) = *message { <p class="alert" role="alert">{ m }</p> }
                {
                    match (versions.is_some(), rows) {
                        (false, _) => html! { <p class="progress" role="status">{ lang.t("正在读取……", "Loading…") }</p> },
                        (true, None) => html! { <p>{ lang.t("还没有保存过的版本。", "No saved versions yet.") }</p> },
                        (true, Some(rows)) => html! {
                            <table class="list">
                                <thead><tr>
                                    <th scope="col">{ lang.t("保存时间", "Saved") }</th>
                                    <th scope="col">{ lang.t("事项数", "Items") }</th>
                                    <th scope="col">{ lang.t("错误", "Errors") }</th>
                                    <th scope="col"><span class="visually-hidden">{ lang.t("操作", "Actions") }</span></th>
                                </tr></thead>
                                <tbody>{ rows }</tbody>
                            </table>
                        },
                    }
                }
                <div class="actions"><button onclick={close} autofocus=true>{ lang.t("关闭", "Close") }</button></div>
            </div>
        </div>
    }
}
