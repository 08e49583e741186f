//! 政务公开目录编制: township staff build, check and export their 基层政务公开事项标准目录 in the browser.
//! Everything stays in this browser (IndexedDB); Excel/CSV import and export load on demand.

mod app;
mod compare;
mod dialog;
mod drop;
mod editor;
mod home;
mod i18n;
mod io;
mod later;
mod preview;
mod restore;
mod review;
mod store;
mod wizard;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
