//! The grid's columns: how each v1 field shows as text in a cell and how typed text goes back into the entry.

use catalog_core::model::Entry;
use catalog_core::parse::channels::parse_channels;
use catalog_core::vocab;

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Item,
    Content,
    Basis,
    TimeLimit,
    Subject,
    Channels,
    Audience,
    Mode,
    Levels,
}

pub const COLUMNS: [Field; 9] = [
    Field::Item,
    Field::Content,
    Field::Basis,
    Field::TimeLimit,
    Field::Subject,
    Field::Channels,
    Field::Audience,
    Field::Mode,
    Field::Levels,
];

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Item => lang.t("公开事项（一级 / 二级）", "Item (level 1 / 2)"),
            Field::Content => lang.t("公开内容（要素）", "Content"),
            Field::Basis => lang.t("公开依据", "Legal basis"),
            Field::TimeLimit => lang.t("公开时限", "Time limit"),
            Field::Subject => lang.t("公开主体", "Responsible body"),
            Field::Channels => lang.t("公开渠道和载体", "Channels"),
            Field::Audience => lang.t("公开对象", "Audience"),
            Field::Mode => lang.t("公开方式", "Mode"),
            Field::Levels => lang.t("公开层级", "Levels"),
        }
    }

    /// The v1 field names a diagnostic about this column may carry.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::Item => &["item", "domain"],
            Field::Content => &["content"],
            Field::Basis => &["basis"],
            Field::TimeLimit => &["time_limit"],
            Field::Subject => &["subject"],
            Field::Channels => &["channels"],
            Field::Audience => &["audience", "audience_group"],
            Field::Mode => &["mode", "withheld_reason"],
            Field::Levels => &["levels"],
        }
    }

    pub fn get(self, e: &Entry) -> String {
        match self {
            Field::Item => e.item.join(" / "),
            Field::Content => e.content.clone(),
            Field::Basis => e.basis.clone(),
            Field::TimeLimit => e.time_limit.clone(),
            Field::Subject => e.subject.clone(),
            Field::Channels => e.channels.join("、"),
            Field::Audience => match &e.audience_group {
                Some(g) if !g.is_empty() => format!("{}：{g}", e.audience),
                _ => e.audience.clone(),
            },
            Field::Mode => match &e.withheld_reason {
                Some(r) if !r.is_empty() => format!("{}：{r}", e.mode),
                _ => e.mode.clone(),
            },
            Field::Levels => e.levels.join("、"),
        }
    }

    /// Write typed text into the entry (as staff type it: `特定群体：拟征收土地所在地的村集体成员`,
    /// `政府网站、两微一端`, `县级、乡级`).
    pub fn set(self, e: &mut Entry, text: &str) {
        let text = text.trim();
        let head_tail = |s: &str| -> (String, Option<String>) {
            match s.split_once(['：', ':']) {
                Some((h, t)) => (h.trim().to_owned(), Some(t.trim().to_owned()).filter(|t| !t.is_empty())),
                None => (s.to_owned(), None),
            }
        };
        match self {
            Field::Item => {
                e.item = text.split(['/', '／']).map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
            }
            Field::Content => e.content = text.to_owned(),
            Field::Basis => e.basis = text.to_owned(),
            Field::TimeLimit => e.time_limit = text.to_owned(),
            Field::Subject => e.subject = text.to_owned(),
            Field::Channels => e.channels = parse_channels(text).channels(),
            Field::Audience => (e.audience, e.audience_group) = head_tail(text),
            Field::Mode => (e.mode, e.withheld_reason) = head_tail(text),
            Field::Levels => e.levels = vocab::split_levels(text),
        }
    }

    /// Choices offered for coded columns (a datalist under the cell editor).
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Field::Audience => &["全社会", "特定群体："],
            Field::Mode => &["主动", "依申请", "不予公开：《政府信息公开条例》第十五条"],
            Field::Levels => &["县级、乡级", "乡级", "乡级、村级", "县级"],
            Field::TimeLimit => {
                &["信息形成或变更之日起20个工作日内", "制定或获取信息之日起10个工作日内", "实时公开", "每年1月31日前"]
            }
            _ => &[],
        }
    }
}
