//! Two versions side by side (动态调整): being written.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_home: Callback<()>,
}

#[component]
pub fn Compare(props: &Props) -> Html {
    html! { <section class="compare"><button onclick={props.on_home.reform(|_| ())}>{ "返回列表" }</button></section> }
}
