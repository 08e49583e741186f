//! Files dropped on a screen or picked with a file input: the drop zone the home, review and compare screens share.

use yew::prelude::*;

/// The files of a picker or a drop, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A drop zone's handlers, and whether files are being dragged over it (the screen shows an outline).
pub struct DropZone {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Handlers that pass the dropped files to `on_files` (the browser's own drop, opening the file, is prevented).
#[hook]
pub fn use_drop_zone(on_files: Callback<Vec<web_sys::File>>) -> DropZone {
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
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(false);
            on_files.emit(files_of(e.data_transfer().and_then(|t| t.files())));
        })
    };
    DropZone { dragging: *dragging, ondragover, ondragleave, ondrop }
}
