//! The interface language: Chinese first, English on request (the toggle in the top bar, remembered in
//! localStorage). Components read it from the context; findings carry both messages from the core.

use catalog_core::ReportDiagnostic;

const KEY: &str = "zwgk.lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The text in this language.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn message(self, d: &ReportDiagnostic) -> &str {
        match self {
            Lang::Zh => &d.message,
            Lang::En => &d.message_en,
        }
    }

    fn code(self) -> &'static str {
        self.t("zh-CN", "en")
    }

    pub fn saved() -> Lang {
        let stored = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(KEY).ok().flatten());
        if stored.as_deref() == Some("en") { Lang::En } else { Lang::Zh }
    }

    /// Remember the choice and tell the page (screen readers, fonts) which language it is in.
    pub fn apply(self) {
        let Some(w) = web_sys::window() else { return };
        if let Some(s) = w.local_storage().ok().flatten() {
            let _ = s.set_item(KEY, if self == Lang::En { "en" } else { "zh" });
        }
        if let Some(html) = w.document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", self.code());
        }
    }
}
