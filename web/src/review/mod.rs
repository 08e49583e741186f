//! The supervisor's review of many catalogs: being written.

use catalog_core::{Catalog, ReportDiagnostic};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_home: Callback<()>,
    /// Open a reviewed catalog in the editor as a copy.
    pub on_created: Callback<(Catalog, Vec<ReportDiagnostic>)>,
}

#[component]
pub fn Review(props: &Props) -> Html {
    html! { <section class="review"><button onclick={props.on_home.reform(|_| ())}>{ "返回列表" }</button></section> }
}
