//! 公开时限 cells → structured rules.
//!
//! Hundreds of county and township offices write this column by hand, so the parser is lenient: it cuts a
//! cell into clauses, recognises the shapes that occur in real catalogs (statutory "N个工作日内" from a
//! trigger, publicity periods, periodic reports, qualitative words) and marks anything else `Unrecognised`
//! rather than guessing. Every string it returns is an exact slice of the input so a UI can highlight it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::scan::*;

/// A parsed 公开时限 cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeLimit {
    /// The clauses in the order written; empty for a blank cell.
    pub clauses: Vec<TimeClause>,
}

/// One rule of a cell; cells such as "…20个工作日内;其中行政许可…7个工作日内" hold several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeClause {
    /// The clause as written (trimmed, list markers and separators removed).
    pub text: String,
    /// What the clause applies to when it says so ("其中X…", "X:…", "X在…").
    pub scope: Option<String>,
    pub rule: TimeRule,
}

/// What a clause requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeRule {
    /// N (working) days from a trigger; `trigger` is `None` for a bare "20个工作日(内)", which checkers flag.
    Within {
        amount: u32,
        unit: DayUnit,
        trigger: Option<Trigger>,
    },
    /// "在组织听证7个工作日前", "提前一周发通知邀请" (for 提前 the anchor is implicit and `event` holds the
    /// action written after the period).
    Before {
        amount: u32,
        unit: DayUnit,
        event: String,
    },
    /// Tied to an event without a period: "在实地启动…时", "随采购公告、采购文件公开", "重大决策作出后及时公开".
    OnEvent {
        event: String,
    },
    /// "每年1月31日前", "按年公开", "每季度的首个月20日".
    Periodic {
        period: Period,
        deadline: Option<String>,
    },
    /// A publicity period ("公示7个工作日"), not a deadline.
    Display {
        amount: u32,
        unit: DayUnit,
    },
    /// "征求意见期限不得少于30日".
    MinimumPeriod {
        amount: u32,
        unit: DayUnit,
    },
    /// Qualitative timing. The JSON field is `promptness` because `kind` is the variant tag.
    Promptly {
        #[serde(rename = "promptness")]
        kind: Promptness,
    },
    /// "同上" / "同左": the value of the row above.
    SameAsAbove,
    /// "法律、法规对…期限另有规定的,从其规定" written as its own sentence.
    OtherwiseProvided,
    Unrecognised,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    WorkingDays,
    Days,
    Weeks,
    Months,
    Hours,
}

/// The event a deadline runs from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Trigger {
    pub kind: TriggerKind,
    /// The trigger phrase as written, without 自/之日起/后 ("信息形成或者变更", "本级财政部门批复").
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// 信息形成或者变更 (条例第二十六条) and its many spellings, including 下发至本单位.
    FormedOrChanged,
    /// 制定或获取 / 制作或获取 (民政 catalogs).
    MadeOrObtained,
    /// 批准 / 批复 (预决算).
    Approved,
    /// 决定作出 / 作出行政决定 (执法公示).
    Decided,
    /// 分配结果确定.
    ResultDetermined,
    /// 调查结束.
    InvestigationEnded,
    /// 收到申请 (依申请).
    Received,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Yearly,
    Quarterly,
    Monthly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Promptness {
    Realtime,
    Prompt,
    LongTerm,
    Anytime,
    AsProgresses,
    DuringTerm,
    LatestValid,
}

impl TimeLimit {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Every clause was understood (a trailing remark such as "可链接至…" makes this false).
    pub fn is_recognised(&self) -> bool {
        !self.is_empty() && self.clauses.iter().all(|c| c.rule != TimeRule::Unrecognised)
    }

    pub fn has_recognised_clause(&self) -> bool {
        self.clauses.iter().any(|c| c.rule != TimeRule::Unrecognised)
    }

    /// Deadlines without a trigger ("20个工作日"): the clock has no start, so checkers report them.
    pub fn bare_durations(&self) -> impl Iterator<Item = &TimeClause> {
        self.clauses.iter().filter(|c| matches!(c.rule, TimeRule::Within { trigger: None, .. }))
    }

    /// The longest `Within` deadline. Units are not converted into each other: the maximum among working-day
    /// clauses wins, else among calendar days, then weeks, months and hours (the first unit that occurs).
    pub fn longest_within(&self) -> Option<(u32, DayUnit)> {
        const ORDER: [DayUnit; 5] =
            [DayUnit::WorkingDays, DayUnit::Days, DayUnit::Weeks, DayUnit::Months, DayUnit::Hours];
        ORDER.iter().find_map(|u| {
            self.clauses
                .iter()
                .filter_map(|c| match c.rule {
                    TimeRule::Within { amount, unit, .. } if unit == *u => Some(amount),
                    _ => None,
                })
                .max()
                .map(|a| (a, *u))
        })
    }

    /// Whether the cell defers to other rules (另有规定 / 从其规定), which lifts the 20-working-day default.
    pub fn says_otherwise_provided(&self) -> bool {
        self.clauses.iter().any(|c| {
            c.rule == TimeRule::OtherwiseProvided || c.text.contains("另有规定") || c.text.contains("从其规定")
        })
    }
}

/// Parses a 公开时限 cell. Never panics; blank text gives no clauses.
pub fn parse_time_limit(text: &str) -> TimeLimit {
    let chars = scan(text, &BRACKETS);
    let mut clauses = Vec::new();
    for seg in hard_segments(&chars) {
        for piece in merge_pieces(text, seg) {
            let (rule, scope) = classify(text, piece);
            clauses.push(TimeClause { text: span(text, piece).to_owned(), scope, rule });
        }
    }
    TimeLimit { clauses }
}

// ---------------------------------------------------------------------------------------------------------
// Character model

fn starts(s: &[Ch], pat: &str) -> bool {
    is_at(s, 0, pat)
}

fn contains_unguarded(s: &[Ch], pat: &str) -> bool {
    (0..s.len()).any(|i| s.get(i).is_some_and(|c| !c.guarded) && is_at(s, i, pat))
}

fn strip_suffix<'a>(s: &'a [Ch], pat: &str) -> Option<&'a [Ch]> {
    let n = pat.chars().count();
    let at = s.len().checked_sub(n)?;
    is_at(s, at, pat).then(|| sub(s, 0, at))
}

fn strip_suffix_any<'a>(s: &'a [Ch], pats: &[&str]) -> Option<&'a [Ch]> {
    pats.iter().find_map(|p| strip_suffix(s, p))
}

fn is_cn_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万".contains(c)
}

// ---------------------------------------------------------------------------------------------------------
// Clause splitting

fn push_trimmed<'a>(out: &mut Vec<&'a [Ch]>, s: &'a [Ch]) {
    let t = trim(s);
    if !t.is_empty() {
        out.push(t);
    }
}

/// Sentences and list items: always separate clauses.
fn hard_segments(chars: &[Ch]) -> Vec<&[Ch]> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < chars.len() {
        let guarded = chars.get(i).is_some_and(|c| c.guarded);
        if !guarded && matches!(char_at(chars, i), Some(';' | '。' | '\n' | '\r')) {
            push_trimmed(&mut out, sub(chars, start, i));
            i += 1;
            start = i;
        } else if let Some(len) = enumerator_len(chars, i).filter(|_| !guarded) {
            push_trimmed(&mut out, sub(chars, start, i));
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut out, tail(chars, start));
    out
}

/// Candidate cut points inside a sentence: commas, whitespace runs and "其中". They only become clause
/// boundaries when both sides are rules (see `merge_pieces`), because "自…之日起 20 个工作日内" and
/// "…5个工作日内,在村公示栏公开" are single clauses.
fn soft_pieces(seg: &[Ch]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in seg.iter().enumerate() {
        if ch.guarded {
            continue;
        }
        if ch.c == ',' || ch.c.is_whitespace() {
            out.push((start, i));
            start = i + 1;
        } else if i > start && is_at(seg, i, "其中") {
            out.push((start, i));
            start = i;
        }
    }
    out.push((start, seg.len()));
    out
}

fn is_rule(src: &str, s: &[Ch]) -> bool {
    classify(src, s).0 != TimeRule::Unrecognised
}

/// Longer sentences are not soft-split: merging re-reads the growing chunk, which is quadratic, and real
/// cells are a few dozen characters.
const MAX_SOFT_SPLIT: usize = 1000;

fn merge_pieces<'a>(src: &str, seg: &'a [Ch]) -> Vec<&'a [Ch]> {
    if seg.len() > MAX_SOFT_SPLIT {
        return vec![seg];
    }
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, bool)> = None;
    for (a, b) in soft_pieces(seg) {
        let piece = trim(sub(seg, a, b));
        if piece.is_empty() {
            continue;
        }
        let piece_rule = is_rule(src, piece);
        cur = match cur {
            None => Some((a, b, piece_rule)),
            Some((ca, cb, true)) if piece_rule => {
                push_trimmed(&mut out, sub(seg, ca, cb));
                Some((a, b, true))
            }
            // Appending never removes a rule already found, so only a rule-less chunk is re-examined.
            Some((ca, _, true)) => Some((ca, b, true)),
            Some((ca, _, false)) => Some((ca, b, is_rule(src, sub(seg, ca, b)))),
        };
    }
    if let Some((a, b, _)) = cur {
        push_trimmed(&mut out, sub(seg, a, b));
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Clause classification

type Found = (TimeRule, Option<String>);

/// Brackets whose content belongs to the bracketed text: (…), 《…》, 【…】.
const BRACKETS: [(char, char); 3] = [('(', ')'), ('《', '》'), ('【', '】')];

fn classify(src: &str, clause: &[Ch]) -> Found {
    let mut s: Vec<Ch> = clause.iter().copied().filter(|c| !c.c.is_whitespace()).collect();
    unwrap_parens(&mut s);
    guard(&mut s, &BRACKETS);
    let mut body: &[Ch] = &s;
    if starts(body, "其中") {
        body = tail(body, 2);
    }
    if ["同上", "同左", "同前"].iter().any(|p| starts(body, p)) {
        return (TimeRule::SameAsAbove, None);
    }
    let mut scope = None;
    if let Some(k) = body.iter().position(|c| c.c == ':' && !c.guarded) {
        let left = trim(sub(body, 0, k));
        if !left.is_empty() && core(src, left).is_none() {
            scope = Some(span(src, left).to_owned());
            body = tail(body, k + 1);
        }
    }
    match core(src, body) {
        Some((rule, inner)) => (rule, scope.or(inner)),
        None => (TimeRule::Unrecognised, scope),
    }
}

/// "(集体财务往来较多的,财务收支情况应每月公布一次)": a clause wholly in parentheses is read as its content.
fn unwrap_parens(s: &mut Vec<Ch>) {
    if s.len() < 2 || s.first().map(|c| c.c) != Some('(') || s.last().map(|c| c.c) != Some(')') {
        return;
    }
    let mut depth = 0i64;
    for ch in sub(s, 1, s.len() - 1) {
        match ch.c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return;
        }
    }
    if depth == 0 {
        s.pop();
        s.remove(0);
    }
}

/// The rule of a clause body, most specific shape first.
fn core(src: &str, s: &[Ch]) -> Option<Found> {
    if let Some(rule) = periodic_at(src, s, 0) {
        return Some((rule, None));
    }
    if let Some(found) = duration_rule(src, s) {
        return Some(found);
    }
    if let Some(rule) = (0..s.len()).find_map(|i| s.get(i).filter(|c| !c.guarded).and_then(|_| periodic_at(src, s, i)))
    {
        return Some((rule, None));
    }
    if let Some(found) = on_event(src, s) {
        return Some(found);
    }
    if let Some(kind) = promptness(s) {
        return Some((TimeRule::Promptly { kind }, None));
    }
    contains(s, "另有规定").then_some((TimeRule::OtherwiseProvided, None))
}

// --- durations -------------------------------------------------------------------------------------------

struct Duration {
    start: usize,
    end: usize,
    amount: u32,
    unit: DayUnit,
}

fn duration_rule(src: &str, s: &[Ch]) -> Option<Found> {
    (0..s.len()).find_map(|i| duration_at(s, i)).map(|d| rule_from_duration(src, s, &d))
}

/// A number followed by a day unit at `i`. Ordinals (第二周) and dates (1月31日) are not durations.
fn duration_at(s: &[Ch], i: usize) -> Option<Duration> {
    let first = char_at(s, i)?;
    let prev = prev_char(s, i);
    let (amount, mut k) = if first.is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_digit() || p == '.') {
            return None;
        }
        read_arabic(s, i)
    } else if is_cn_numeral(first) {
        if prev.is_some_and(is_cn_numeral) {
            return None;
        }
        read_chinese(s, i)
    } else {
        return None;
    };
    if prev == Some('第') {
        return None;
    }
    let counted = matches!(char_at(s, k), Some('个' | '個'));
    if counted {
        k += 1;
    }
    let (unit, len) = unit_at(s, k, counted)?;
    if unit == DayUnit::Days && prev == Some('月') {
        return None;
    }
    Some(Duration { start: i, end: k + len, amount, unit })
}

/// Saturates rather than overflowing: "99999999999个工作日" is a typo that checkers should see as huge.
fn read_arabic(s: &[Ch], i: usize) -> (u32, usize) {
    let mut value: u64 = 0;
    let mut k = i;
    while let Some(d) = char_at(s, k).and_then(|c| c.to_digit(10)) {
        value = value.saturating_mul(10).saturating_add(u64::from(d));
        k += 1;
    }
    (u32::try_from(value).unwrap_or(u32::MAX), k)
}

fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 七, 十, 二十, 三十, 一百二十; digit strings without 十/百 (二〇) are read positionally.
fn read_chinese(s: &[Ch], i: usize) -> (u32, usize) {
    let (mut total, mut section, mut digit, mut plain) = (0u64, 0u64, None::<u64>, 0u64);
    let mut has_multiplier = false;
    let mut k = i;
    while let Some(c) = char_at(s, k) {
        if let Some(d) = cn_digit(c) {
            digit = Some(d);
            plain = plain.saturating_mul(10).saturating_add(d);
        } else {
            let mult = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                _ => break,
            };
            has_multiplier = true;
            if mult == 10_000 {
                total = total.saturating_add(section).saturating_add(digit.unwrap_or(0)).saturating_mul(mult);
                section = 0;
            } else {
                section = section.saturating_add(digit.unwrap_or(1).saturating_mul(mult));
            }
            digit = None;
        }
        k += 1;
    }
    let value = if has_multiplier { total.saturating_add(section).saturating_add(digit.unwrap_or(0)) } else { plain };
    (u32::try_from(value).unwrap_or(u32::MAX), k)
}

/// "月" counts as a unit only after 个: a bare "1月" is a date.
fn unit_at(s: &[Ch], k: usize, counted: bool) -> Option<(DayUnit, usize)> {
    const UNITS: [(&str, DayUnit); 9] = [
        ("工作日", DayUnit::WorkingDays),
        ("工作天", DayUnit::WorkingDays),
        ("自然日", DayUnit::Days),
        ("日历日", DayUnit::Days),
        ("小时", DayUnit::Hours),
        ("星期", DayUnit::Weeks),
        ("周", DayUnit::Weeks),
        ("日", DayUnit::Days),
        ("天", DayUnit::Days),
    ];
    if let Some((p, u)) = UNITS.iter().find(|(p, _)| is_at(s, k, p)) {
        return Some((*u, p.chars().count()));
    }
    (counted && char_at(s, k) == Some('月')).then_some((DayUnit::Months, 1))
}

const MIN_CUES: [&str; 6] = ["不得少于", "不得低于", "不少于", "不低于", "至少", "最少"];
const PERIOD_WORDS: [&str; 9] = ["期限为", "期限是", "期为", "时间为", "时长为", "期限", "期", "时间", "为"];
const DISPLAY_CUES: [&str; 3] = ["公示", "公告", "公布"];

fn rule_from_duration(src: &str, s: &[Ch], d: &Duration) -> Found {
    let (amount, unit) = (d.amount, d.unit);
    let prefix = sub(s, 0, d.start);
    let after = tail(s, d.end);
    let before = ["以前", "之前", "前"].iter().any(|p| starts(after, p));
    if let Some(p) = strip_suffix(prefix, "提前") {
        let (scope, ev) = split_marker(src, p);
        let ev = strip_anchor(ev);
        let event = if ev.is_empty() { trim_filler(trim(after)) } else { ev };
        return (TimeRule::Before { amount, unit, event: span(src, event).to_owned() }, scope);
    }
    let (cue, minimum) = match strip_suffix_any(prefix, &MIN_CUES) {
        Some(p) => (p, true),
        None => (prefix, false),
    };
    let cue = strip_suffix_any(cue, &PERIOD_WORDS).unwrap_or(cue);
    if !before && DISPLAY_CUES.iter().any(|p| strip_suffix(cue, p).is_some()) {
        return (TimeRule::Display { amount, unit }, None);
    }
    if minimum {
        return (TimeRule::MinimumPeriod { amount, unit }, None);
    }
    let (scope, rest) = split_marker(src, prefix);
    let rest = strip_anchor(rest);
    if before {
        return (TimeRule::Before { amount, unit, event: span(src, rest).to_owned() }, scope);
    }
    let rest = drop_leading_non_trigger(rest);
    let trigger = (!rest.is_empty() && !is_lead_in(rest))
        .then(|| Trigger { kind: trigger_kind(rest), text: span(src, rest).to_owned() });
    (TimeRule::Within { amount, unit, trigger }, scope)
}

/// Words that start a subject/trigger phrase: "X应自Y之日起", "X在Y时", "自Y之日起". `X` becomes the scope.
const MARKERS: [&str; 10] = ["应当自", "应当在", "应当于", "应自", "应在", "应于", "自", "在", "于", "从"];

/// Whether the marker char at `i` really is one, not part of 自治区 / 所在 / 关于 / 从其规定.
fn marker_ok(s: &[Ch], i: usize, c: char) -> bool {
    let prev = prev_char(s, i).unwrap_or(' ');
    let next = char_at(s, i + 1).unwrap_or(' ');
    match c {
        '自' => !"治然行主愿身动己觉由".contains(next),
        '在' => !"所现存正实好".contains(prev) && next != '线',
        '于' => !"关对属由等位基至鉴处用限归免".contains(prev),
        '从' => !"服遵听依".contains(prev) && !"其事而中严速".contains(next),
        _ => true,
    }
}

fn split_marker<'a>(src: &str, p: &'a [Ch]) -> (Option<String>, &'a [Ch]) {
    split_marker_with(src, p, &MARKERS)
}

fn split_marker_with<'a>(src: &str, p: &'a [Ch], markers: &[&str]) -> (Option<String>, &'a [Ch]) {
    for i in 0..p.len() {
        if p.get(i).is_some_and(|c| c.guarded) {
            continue;
        }
        for m in markers {
            let n = m.chars().count();
            let key = m.chars().last().unwrap_or(' ');
            if is_at(p, i, m) && marker_ok(p, i + n - 1, key) {
                let left = trim(sub(p, 0, i));
                let scope = (!left.is_empty()).then(|| span(src, left).to_owned());
                return (scope, trim(tail(p, i + n)));
            }
        }
    }
    (None, p)
}

fn strip_anchor(s: &[Ch]) -> &[Ch] {
    const ANCHORS: [&str; 8] = ["之日以后", "之日起", "之日后", "之日", "以后", "之后", "起", "后"];
    trim(strip_suffix_any(s, &ANCHORS).unwrap_or(s))
}

/// Trailing words that say "publish" and nothing about timing.
fn trim_filler(s: &[Ch]) -> &[Ch] {
    const FILLER: [&str; 8] = ["予以公开", "及时公开", "公开", "公布", "公示", "发布", "更新", "一次"];
    let mut s = trim(s);
    while let Some(t) = strip_suffix_any(s, &FILLER) {
        s = trim(t);
    }
    s
}

const TRIGGER_WORDS: [&str; 16] = [
    "形成", "变更", "产生", "下发", "制定", "制作", "获取", "批准", "批复", "作出", "做出", "确定", "结束", "收到",
    "受理", "印发",
];

/// "条目化展示、信息形成(变更)": leading list items that name no event are not part of the trigger.
fn drop_leading_non_trigger(s: &[Ch]) -> &[Ch] {
    let has_word = |t: &[Ch]| TRIGGER_WORDS.iter().any(|w| contains(t, w));
    let mut starts: Vec<usize> = vec![0];
    starts.extend(s.iter().enumerate().filter(|(_, c)| c.c == '、' && !c.guarded).map(|(i, _)| i + 1));
    let ends = starts.iter().skip(1).map(|&k| k - 1).chain([s.len()]);
    match starts.iter().zip(ends).position(|(&a, b)| has_word(sub(s, a, b))) {
        Some(k) => starts.get(k).map_or(s, |&a| trim(tail(s, a))),
        None => s,
    }
}

/// "时限为20个工作日": a label, not a trigger.
fn is_lead_in(s: &[Ch]) -> bool {
    const LEAD_INS: [&str; 11] =
        ["时限", "期限", "公开时限", "公开期限", "办理时限", "时间", "应", "须", "需", "应当", "必须"];
    let s = strip_suffix_any(s, &["为", "是"]).unwrap_or(s);
    LEAD_INS.iter().any(|w| s.len() == w.chars().count() && starts(s, w))
}

fn trigger_kind(s: &[Ch]) -> TriggerKind {
    let any = |ws: &[&str]| ws.iter().any(|w| contains(s, w));
    if any(&["形成", "变更", "产生", "下发"]) {
        TriggerKind::FormedOrChanged
    } else if any(&["制定", "制作", "获取", "获得"]) {
        TriggerKind::MadeOrObtained
    } else if any(&["批准", "批复"]) {
        TriggerKind::Approved
    } else if any(&["作出", "做出"]) {
        TriggerKind::Decided
    } else if any(&["结果确定", "确定后", "确定"]) {
        TriggerKind::ResultDetermined
    } else if contains(s, "调查") && any(&["结束", "完成", "终结"]) {
        TriggerKind::InvestigationEnded
    } else if any(&["收到", "受理"]) {
        TriggerKind::Received
    } else {
        TriggerKind::Other
    }
}

// --- periods, events, qualitative words -----------------------------------------------------------------

fn periodic_at(src: &str, s: &[Ch], i: usize) -> Option<TimeRule> {
    const PERIODS: [(&str, Period); 11] = [
        ("每年度", Period::Yearly),
        ("按年度", Period::Yearly),
        ("每年", Period::Yearly),
        ("按年", Period::Yearly),
        ("每季度", Period::Quarterly),
        ("按季度", Period::Quarterly),
        ("每季", Period::Quarterly),
        ("按季", Period::Quarterly),
        ("每个月", Period::Monthly),
        ("每月", Period::Monthly),
        ("按月", Period::Monthly),
    ];
    let (word, period) = PERIODS.iter().find(|(w, _)| is_at(s, i, w))?;
    let mut rest = trim(tail(s, i + word.chars().count()));
    if starts(rest, "的") {
        rest = tail(rest, 1);
    }
    let rest = trim_filler(rest);
    let hinted = rest.iter().any(|c| c.c.is_ascii_digit() || is_cn_numeral(c.c) || "前底末初内第".contains(c.c));
    let deadline = hinted.then(|| span(src, rest).to_owned());
    Some(TimeRule::Periodic { period: *period, deadline })
}

fn on_event(src: &str, s: &[Ch]) -> Option<Found> {
    follows(src, s).or_else(|| at_time(src, s)).or_else(|| after_event(src, s)).or_else(|| before_event(src, s))
}

/// "开学前", "招生前公开", "每学期开学前": before an event, with no period (a period before an event, "会议7日前",
/// is [`TimeRule::Before`]). The event is kept with its 前.
fn before_event(src: &str, s: &[Ch]) -> Option<Found> {
    let j = s.iter().position(|c| c.c == '前' && !c.guarded)?;
    let rest = trim(tail(s, j + 1));
    const PUBLISH: [&str; 8] = ["公开", "公布", "公示", "发布", "完成", "及时", "向社会", "予以"];
    if !rest.is_empty() && !PUBLISH.iter().any(|w| starts(rest, w)) {
        return None;
    }
    let (scope, event) = split_marker(src, sub(s, 0, j));
    let event = trim(event);
    // A date or period before 前 (1月31日前, 7个工作日前) is another rule's; the event is words.
    let words = event.len() >= 2 && event.iter().all(|c| !c.c.is_ascii_digit() && !is_cn_numeral(c.c));
    words.then(|| (TimeRule::OnEvent { event: span(src, sub(s, 0, j + 1)).to_owned() }, scope))
}

/// "随采购公告、采购文件公开" / "与X同步公开": published together with something else.
fn follows(src: &str, s: &[Ch]) -> Option<Found> {
    const STOPS: [&str; 8] = ["公开", "公布", "公示", "发布", "一并", "一起", "同步", "同时"];
    // next_stop[i]: the first stop word at or after i (one backward pass keeps this linear).
    let mut next_stop = vec![None; s.len() + 1];
    for i in (0..s.len()).rev() {
        let here = STOPS.iter().any(|w| is_at(s, i, w)).then_some(i);
        next_stop[i] = here.or(next_stop.get(i + 1).copied().flatten());
    }
    let has_sync = next_stop.iter().flatten().any(|&k| is_at(s, k, "同步"));
    for (i, ch) in s.iter().enumerate() {
        let next = char_at(s, i + 1).unwrap_or(' ');
        let opens = (ch.c == '随' && !"时后即着之".contains(next)) || (ch.c == '与' && has_sync);
        if ch.guarded || !opens {
            continue;
        }
        // Only "随X公开"-shaped text counts; a bare 随 starts many ordinary words.
        let Some(cut) = next_stop.get(i + 1).copied().flatten() else {
            continue;
        };
        let event = trim(sub(s, i + 1, cut));
        if !event.is_empty() {
            let left = trim(sub(s, 0, i));
            let scope = (!left.is_empty()).then(|| span(src, left).to_owned());
            return Some((TimeRule::OnEvent { event: span(src, event).to_owned() }, scope));
        }
    }
    None
}

/// "在实地启动拟征收土地工作时".
fn at_time(src: &str, s: &[Ch]) -> Option<Found> {
    let (scope, rest) = split_marker_with(src, s, &["应当在", "应在", "在"]);
    if rest.len() == s.len() {
        return None;
    }
    let j = rest.iter().enumerate().position(|(j, c)| {
        c.c == '时' && !c.guarded && !"及实随小同临适按定准当".contains(prev_char(rest, j).unwrap_or(' '))
    })?;
    let event = trim(sub(rest, 0, j));
    (!event.is_empty()).then(|| (TimeRule::OnEvent { event: span(src, event).to_owned() }, scope))
}

/// "重大决策作出后及时公开": an event with no period.
fn after_event(src: &str, s: &[Ch]) -> Option<Found> {
    let j = s.iter().enumerate().position(|(j, c)| {
        c.c == '后' && !c.guarded && j > 0 && !"前最然随今此落".contains(prev_char(s, j).unwrap_or(' '))
    })?;
    let (scope, rest) = split_marker(src, sub(s, 0, j + 1));
    let event = strip_anchor(rest);
    (!event.is_empty()).then(|| (TimeRule::OnEvent { event: span(src, event).to_owned() }, scope))
}

fn promptness(s: &[Ch]) -> Option<Promptness> {
    const WORDS: [(&str, Promptness); 17] = [
        ("按进展", Promptness::AsProgresses),
        ("进展情况", Promptness::AsProgresses),
        ("根据进展", Promptness::AsProgresses),
        ("实时", Promptness::Realtime),
        ("任期内", Promptness::DuringTerm),
        ("任期", Promptness::DuringTerm),
        ("最新有效", Promptness::LatestValid),
        ("长期", Promptness::LongTerm),
        ("永久", Promptness::LongTerm),
        ("常态化", Promptness::LongTerm),
        ("持续公开", Promptness::LongTerm),
        ("随时", Promptness::Anytime),
        ("及时", Promptness::Prompt),
        ("即时", Promptness::Prompt),
        ("第一时间", Promptness::Prompt),
        ("立即", Promptness::Prompt),
        ("适时", Promptness::Prompt),
    ];
    WORDS.iter().find(|(w, _)| contains_unguarded(s, w)).map(|(_, p)| *p)
}
