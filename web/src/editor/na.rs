//! The reason a domain is declared not applicable (未涉及领域说明), asked in a dialog: to declare the domain, or to
//! change the reason of its declaration. The reason is published beside the catalog, so it cannot be left empty.

use yew::prelude::*;

use crate::dialog;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub domain: String,
    /// The reason given so far (`None`: the domain is not declared yet).
    pub reason: Option<String>,
    /// How many entries the catalog lists in the domain (declaring it is then a contradiction to resolve).
    pub entries: usize,
    pub on_confirm: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn NaDialog(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let initial = props.reason.clone().unwrap_or_default();
    let reason = use_state(|| initial.clone());
    use_effect_with((), |_| {
        crate::later::after_paint(|| {
            dialog::focus_id("na-reason");
        })
    });
    // Uncontrolled (the value is written once, never back while typing), so an IME composition is never disturbed.
    let typed = {
        let r = reason.clone();
        Callback::from(move |e: InputEvent| r.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let confirm = {
        let (r, cb) = (reason.clone(), props.on_confirm.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !r.trim().is_empty() {
                cb.emit(r.trim().to_owned());
            }
        })
    };
    let domain = &props.domain;
    let declaring = props.reason.is_none();
    let text = match (lang, declaring) {
        (Lang::Zh, true) => format!("声明本单位不涉及“{domain}”领域，理由将列入未涉及领域说明并随目录公开："),
        (Lang::Zh, false) => format!("“{domain}”领域未涉及的理由（随目录公开）："),
        (Lang::En, true) => format!(
            "Declare that this government does not handle “{domain}”; the reason is published with the catalog (未涉及领域说明):"
        ),
        (Lang::En, false) => format!("Why “{domain}” does not apply (published with the catalog):"),
    };
    let listed = (props.entries > 0).then(|| match lang {
        Lang::Zh => {
            format!("注意：目录中已列有本领域{}项事项。声明未涉及后，请删除这些事项或取消声明。", props.entries)
        }
        Lang::En => {
            format!(
                "Note: the catalog lists {} items in this domain. Delete them, or withdraw the declaration.",
                props.entries
            )
        }
    });
    html! {
        <div class="modal" role="dialog" aria-modal="true" aria-labelledby="na-title" onkeydown={dialog::keys(props.on_cancel.clone())}>
            <form class="modal-box" onsubmit={confirm}>
                <h2 id="na-title">{ if declaring { lang.t("声明未涉及领域", "Declare a domain not applicable") } else { lang.t("未涉及理由", "Reason it does not apply") } }</h2>
                <p>{ text }</p>
                if let Some(t) = listed { <p class="warning-text">{ t }</p> }
                <label>{ lang.t("未涉及理由", "Reason") }
                    <input id="na-reason" value={initial} oninput={typed} class="wide-input"
                        placeholder={lang.t("如：本镇无此项职能，由县级主管部门负责", "e.g. 本镇无此项职能，由县级主管部门负责")} />
                </label>
                <div class="actions">
                    <button class="primary" type="submit" disabled={reason.trim().is_empty()}>
                        { if declaring { lang.t("声明未涉及", "Declare") } else { lang.t("保存理由", "Save the reason") } }
                    </button>
                    <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ lang.t("取消", "Cancel") }</button>
                </div>
            </form>
        </div>
    }
}
