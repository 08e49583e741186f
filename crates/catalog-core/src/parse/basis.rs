//! 公开依据 cells → citations, generic phrases and problems.
//!
//! Cells cite laws as 《title》 lists with every separator imaginable, add 文号 and 令 numbers in any bracket
//! style, quote article text, tag legal rank, or say nothing concrete ("相关政策文件"). The parser keeps
//! each citation's text as written (for highlighting), reads the numbers a checker needs, and reports what a
//! catalog editor should fix: unbalanced 《》, garbled or non-standard 文号, template placeholders.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::scan::*;

/// A parsed 公开依据 cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Basis {
    pub citations: Vec<Citation>,
    /// Phrases that name no document ("及相关规定", "各地配套政策法规文件"), as written.
    pub generic: Vec<String>,
    pub problems: Vec<BasisProblem>,
}

/// One cited document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    /// The citation as written, including trailing 文号, articles, quoted article text and "及其实施细则".
    pub raw: String,
    /// Text inside the outermost 《》; nested 《》/〈〉/<> stay inside. `None` for bare numbers and plain names.
    pub title: Option<String>,
    /// A legal-rank tag such as 【法律】, without brackets; it carries over to later citations until the next tag.
    pub rank: Option<String>,
    pub doc_number: Option<DocNumber>,
    pub decree: Option<Decree>,
    /// Article references as written: "第二十条第二款", "第二十条(十二)".
    pub articles: Vec<String>,
    /// A template placeholder (《XX省…》) was left in.
    pub placeholder: bool,
}

/// A 发文字号 such as 国办发〔2017〕97号.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocNumber {
    pub raw: String,
    pub issuer: String,
    /// For a garbled number, the leading four digits when they look like a year.
    pub year: Option<u16>,
    pub serial: Option<u32>,
    /// The standard form (〔〕, no spaces); `None` when garbled.
    pub normalized: Option<String>,
    /// Year or serial cannot be read, e.g. "国办发〔201680号".
    pub garbled: bool,
}

/// A numbered order or announcement: 国务院令第711号, 国家发展改革委2017年第10号令, 国家税务总局公告2009年第1号.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Decree {
    pub raw: String,
    /// The issuing body without 令/公告: "国务院", "国", "中华人民共和国主席", "国家税务总局".
    pub issuer: String,
    pub number: u32,
    /// Given only by the "YYYY年第N号" forms.
    pub year: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BasisProblem {
    /// A 《 without 》 or the reverse.
    UnbalancedTitle {
        text: String,
    },
    GarbledDocNumber {
        raw: String,
    },
    /// Brackets other than 〔〕, or spaces inside; `normalized` is the standard form.
    NonStandardDocNumber {
        raw: String,
        normalized: String,
    },
    Placeholder {
        text: String,
    },
}

impl Basis {
    pub fn is_empty(&self) -> bool {
        self.citations.is_empty() && self.generic.is_empty()
    }

    /// Only phrases like "相关政策文件": a reader cannot find the rule the item relies on.
    pub fn generic_only(&self) -> bool {
        self.citations.is_empty() && !self.generic.is_empty()
    }

    /// `original` with every non-standard 文号 rewritten to its standard form, for a one-click fix.
    pub fn normalized(&self, original: &str) -> Option<String> {
        let mut out = original.to_owned();
        for p in &self.problems {
            if let BasisProblem::NonStandardDocNumber { raw, normalized } = p
                && !raw.is_empty()
            {
                out = out.replace(raw.as_str(), normalized);
            }
        }
        (out != original).then_some(out)
    }

    /// Whether anything besides the 政府信息公开条例 is cited: other laws may set their own time limits.
    pub fn cites_beyond_disclosure_regulation(&self) -> bool {
        self.citations.iter().any(|c| !is_disclosure_regulation(c))
    }
}

fn is_disclosure_regulation(c: &Citation) -> bool {
    match &c.title {
        Some(t) => t.contains("信息公开条例"),
        None => {
            c.raw.contains("信息公开条例")
                || c.decree
                    .as_ref()
                    .is_some_and(|d| d.number == 711 && (d.issuer.contains("国务院") || d.issuer == "国"))
        }
    }
}

/// Parses a 公开依据 cell. Never panics.
pub fn parse_basis(text: &str) -> Basis {
    let chars = scan(text, &PAIRS);
    let titles = Titles::new(&chars);
    let mut b = Builder { src: text, ..Builder::default() };
    for seg in segments(&chars, &titles) {
        b.segment(&chars, &titles, &seg);
    }
    b.finish()
}

// ---------------------------------------------------------------------------------------------------------
// Character model

const PAIRS: [(char, char); 10] = [
    ('(', ')'),
    ('《', '》'),
    ('〔', '〕'),
    ('﹝', '﹞'),
    ('[', ']'),
    ('【', '】'),
    ('<', '>'),
    ('〈', '〉'),
    ('“', '”'),
    ('「', '」'),
];

fn ends_with(s: &[Ch], pat: &str) -> bool {
    s.len().checked_sub(pat.chars().count()).is_some_and(|at| is_at(s, at, pat))
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn skip_ws(s: &[Ch], mut k: usize) -> usize {
    while char_at(s, k).is_some_and(char::is_whitespace) {
        k += 1;
    }
    k
}

fn digit_run(s: &[Ch], k: usize) -> usize {
    tail(s, k).iter().take_while(|c| c.c.is_ascii_digit()).count()
}

/// Digits as a number; `None` on overflow (a 文号 serial that does not fit is not a serial).
fn parse_digits(s: &[Ch]) -> Option<u64> {
    s.iter().try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(u64::from(c.c.to_digit(10)?)))
}

// ---------------------------------------------------------------------------------------------------------
// 《》 titles

/// Where titles are: outermost matched 《》 pairs plus unmatched brackets (reported, but still read).
struct Titles {
    /// open index → close index of outermost matched pairs.
    outer: Vec<(usize, usize)>,
    unmatched_open: Vec<usize>,
    unmatched_close: Vec<usize>,
}

impl Titles {
    fn new(v: &[Ch]) -> Self {
        let mut stack = Vec::new();
        let mut pairs = Vec::new();
        let mut unmatched_close = Vec::new();
        for (i, ch) in v.iter().enumerate() {
            match ch.c {
                '《' => stack.push(i),
                '》' => match stack.pop() {
                    Some(o) => pairs.push((o, i)),
                    None => unmatched_close.push(i),
                },
                _ => {}
            }
        }
        pairs.sort_unstable();
        let mut outer: Vec<(usize, usize)> = Vec::new();
        for p in pairs {
            if outer.last().is_none_or(|&(_, c)| p.0 > c) {
                outer.push(p);
            }
        }
        Titles { outer, unmatched_open: stack, unmatched_close }
    }

    /// All three lists are sorted by index, so lookups are binary searches.
    fn close_of(&self, open: usize) -> Option<usize> {
        self.outer.binary_search_by_key(&open, |p| p.0).ok().and_then(|k| self.outer.get(k)).map(|p| p.1)
    }

    fn is_unmatched_open(&self, i: usize) -> bool {
        self.unmatched_open.binary_search(&i).is_ok()
    }

    fn is_unmatched_close(&self, i: usize) -> bool {
        self.unmatched_close.binary_search(&i).is_ok()
    }

    /// A 《 that starts a title of its own (not nested in another one).
    fn opens(&self, i: usize) -> bool {
        self.close_of(i).is_some() || self.is_unmatched_open(i)
    }
}

// ---------------------------------------------------------------------------------------------------------
// Segmentation

/// A stretch of the cell holding at most one citation (or a continuation of the previous one).
#[derive(Debug)]
struct Seg {
    start: usize,
    end: usize,
    /// Preceded by a sentence/list boundary, which ends quoted article text.
    hard: bool,
}

fn is_hard_sep(c: char) -> bool {
    matches!(c, ';' | '。' | '\n' | '\r' | '●' | '•' | '▪' | '◆' | '■' | '★')
}

/// Length of a rank tag 【法律】 at `i`: short, no digits (【2017】 is a 文号 year).
fn rank_tag_len(s: &[Ch], i: usize) -> Option<usize> {
    if char_at(s, i)? != '【' {
        return None;
    }
    let close = tail(s, i).iter().take(17).position(|c| c.c == '】')?;
    let inner = sub(s, i + 1, i + close);
    let ok = !inner.is_empty() && inner.iter().all(|c| !c.c.is_ascii_digit() && c.c != '《' && c.c != '》');
    ok.then_some(close + 1)
}

fn segments(chars: &[Ch], titles: &Titles) -> Vec<Seg> {
    let mut out = Vec::new();
    let (mut start, mut i, mut hard, mut has_title) = (0, 0, true, false);
    let close = |out: &mut Vec<Seg>, start: usize, end: usize, hard: bool| {
        if start < end {
            out.push(Seg { start, end, hard });
        }
    };
    while let Some(ch) = chars.get(i).copied() {
        if ch.guarded {
            i += 1;
            continue;
        }
        if is_hard_sep(ch.c) || matches!(ch.c, '、' | ',') {
            close(&mut out, start, i, hard);
            (start, hard, has_title) = (i + 1, is_hard_sep(ch.c), false);
            i += 1;
        } else if let Some(len) = enumerator_len(chars, i).or_else(|| rank_tag_len(chars, i).map(|_| 0)) {
            // A rank tag stays in the new segment (len 0); a list marker is dropped.
            close(&mut out, start, i, hard);
            (start, hard, has_title) = (i + len, true, false);
            i += len.max(1);
        } else {
            if ch.c == '《' && titles.opens(i) {
                if has_title {
                    close(&mut out, start, conjunction_start(chars, start, i), hard);
                    (start, hard) = (i, false);
                }
                has_title = true;
            }
            if ch.c == '》' && titles.is_unmatched_close(i) {
                has_title = true;
            }
            i += 1;
        }
    }
    close(&mut out, start, chars.len(), hard);
    out
}

/// "《A》和《B》": the joining word belongs to neither citation.
fn conjunction_start(chars: &[Ch], start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && prev_char(chars, e).is_some_and(|c| c.is_whitespace() || "和及与以、,或".contains(c)) {
        e -= 1;
    }
    e
}

// ---------------------------------------------------------------------------------------------------------
// Building citations

#[derive(Debug, Default)]
struct Draft {
    start: usize,
    end: usize,
    citation: Citation,
}

#[derive(Debug, Default)]
struct Builder<'a> {
    src: &'a str,
    rank: Option<String>,
    /// The last citation ended in quoted article text, so following comma pieces belong to it.
    quote: bool,
    drafts: Vec<Draft>,
    generic: Vec<String>,
    problems: Vec<BasisProblem>,
}

/// What one segment names.
struct Found {
    title: Option<(usize, usize)>,
    docs: Vec<DocNumber>,
    decree: Option<Decree>,
    /// Index after the last 文号/令, where trailing generic text may start.
    numbers_end: usize,
}

impl Builder<'_> {
    fn segment(&mut self, chars: &[Ch], titles: &Titles, seg: &Seg) {
        let mut s = trim(sub(chars, seg.start, seg.end));
        if let Some(len) = rank_tag_len(s, 0) {
            self.rank = Some(span(self.src, sub(s, 1, len - 1)).to_owned());
            s = trim(tail(s, len));
        }
        if s.is_empty() {
            return;
        }
        let base = seg.start + offset_in(chars, seg.start, s);
        let found = find(self.src, titles, s, base);
        if found.title.is_some() || !found.docs.is_empty() || found.decree.is_some() {
            self.cite(s, found);
        } else if starts_with_article(s) && !self.drafts.is_empty() {
            self.extend(s);
            self.add_articles(s);
        } else if self.quote && !seg.hard {
            self.extend(s);
        } else if has_generic(s) {
            self.generic.push(span(self.src, s).to_owned());
        } else if !self.drafts.is_empty() && !document_like(s) {
            self.extend(s);
        } else if s.iter().any(|c| is_ideograph(c.c)) {
            // Unknown text is kept as a citation rather than silently dropped; "-" or "/" is no citation.
            self.cite(s, found);
        }
    }

    fn cite(&mut self, s: &[Ch], found: Found) {
        let src = self.src;
        let title_end = found.title.map_or(0, |(_, b)| b + 1);
        let cut = generic_tail(s, title_end.max(found.numbers_end)).unwrap_or(s.len());
        let (cited, generic) = (trim(sub(s, 0, cut)), trim(tail(s, cut)));
        let mut c = Citation { raw: span(src, cited).to_owned(), rank: self.rank.clone(), ..Citation::default() };
        if let Some((a, b)) = found.title {
            let (open_ok, close_ok) = (char_at(s, a) == Some('《'), char_at(s, b) == Some('》'));
            let inner = sub(s, if open_ok { a + 1 } else { a }, if close_ok { b } else { b + 1 });
            c.title = Some(span(src, inner).to_owned());
            if !(open_ok && close_ok) {
                self.problems.push(BasisProblem::UnbalancedTitle { text: span(src, sub(s, a, b + 1)).to_owned() });
            }
        }
        for doc in &found.docs {
            if doc.garbled {
                self.problems.push(BasisProblem::GarbledDocNumber { raw: doc.raw.clone() });
            } else if let Some(n) = doc.normalized.as_ref().filter(|n| **n != doc.raw) {
                self.problems.push(BasisProblem::NonStandardDocNumber { raw: doc.raw.clone(), normalized: n.clone() });
            }
        }
        c.doc_number = found.docs.into_iter().next();
        c.decree = found.decree;
        c.placeholder = has_placeholder(c.title.as_deref().unwrap_or(&c.raw));
        if c.placeholder {
            self.problems.push(BasisProblem::Placeholder { text: c.raw.clone() });
        }
        let outside_title = match found.title {
            Some((a, _)) => [sub(s, 0, a.min(cut)), sub(s, title_end.min(cut), cut)],
            None => [sub(s, 0, cut), &[][..]],
        };
        let (start, end) = (cited.first().map_or(0, |x| x.start), cited.last().map_or(0, |x| x.end));
        self.drafts.push(Draft { start, end, citation: c });
        self.quote = false;
        for part in outside_title {
            self.add_articles(part);
        }
        if !generic.is_empty() {
            self.generic.push(span(src, generic).to_owned());
        }
    }

    fn extend(&mut self, s: &[Ch]) {
        if let (Some(d), Some(last)) = (self.drafts.last_mut(), s.last()) {
            d.end = d.end.max(last.end);
        }
    }

    /// Article references at the start of `s` ("第二十条第二款、第三款"); any text after them is quoted
    /// article text, which puts the builder in quote mode.
    fn add_articles(&mut self, s: &[Ch]) {
        let Some(first) = (0..s.len()).find(|&i| article_end(s, i).is_some()) else {
            return;
        };
        let mut i = first;
        while let Some(end) = article_end(s, i) {
            let text = span(self.src, sub(s, i, end)).to_owned();
            if let Some(d) = self.drafts.last_mut() {
                d.citation.articles.push(text);
            }
            i = end;
            while char_at(s, i).is_some_and(|c| is_edge_punct(c) || "和及与".contains(c)) {
                i += 1;
            }
        }
        self.quote = i < s.len();
    }

    fn finish(self) -> Basis {
        let src = self.src;
        let citations = self
            .drafts
            .into_iter()
            .map(|d| {
                let mut c = d.citation;
                if let Some(raw) = src.get(d.start..d.end).filter(|r| r.len() > c.raw.len()) {
                    c.raw = raw.to_owned();
                }
                c
            })
            .collect();
        Basis { citations, generic: self.generic, problems: self.problems }
    }
}

/// Title range (relative to `s`), 文号 and 令 outside it.
fn find(src: &str, titles: &Titles, s: &[Ch], base: usize) -> Found {
    let title = title_in(titles, s, base);
    let outside = |i: usize| title.is_none_or(|(a, b)| i < a || i > b);
    let (mut docs, mut decree, mut numbers_end) = (Vec::new(), None, 0);
    let mut i = 0;
    while i < s.len() {
        if outside(i)
            && let Some((doc, end)) = doc_at(src, s, i)
        {
            docs.push(doc);
            (i, numbers_end) = (end, end);
        } else if outside(i)
            && decree.is_none()
            && let Some((d, end)) = decree_at(src, s, i)
        {
            decree = Some(d);
            (i, numbers_end) = (end, end);
        } else {
            i += 1;
        }
    }
    Found { title, docs, decree, numbers_end }
}

/// Index (in chars) of slice `s` within `chars`, counted from `from`.
fn offset_in(chars: &[Ch], from: usize, s: &[Ch]) -> usize {
    let Some(first) = s.first() else { return 0 };
    tail(chars, from).iter().position(|c| c.start == first.start).unwrap_or(0)
}

/// The title of a segment as (open, close) indices relative to `s`. For an unbalanced title the missing side
/// is the segment edge, so `s[open]`/`s[close]` is then not a bracket.
fn title_in(titles: &Titles, s: &[Ch], base: usize) -> Option<(usize, usize)> {
    let last = s.len().checked_sub(1)?;
    for (i, ch) in s.iter().enumerate() {
        let abs = base + i;
        if ch.c == '《' {
            if let Some(close) = titles.close_of(abs) {
                return Some((i, close.saturating_sub(base).min(last)));
            }
            if titles.is_unmatched_open(abs) {
                return Some((i, last));
            }
        }
        if ch.c == '》' && titles.is_unmatched_close(abs) {
            return Some((0, i));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------------------
// Articles, generic phrases, placeholders

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "零〇一二两三四五六七八九十百千".contains(c)
}

/// End of "第N条" plus "第N款/项/目" and "(十二)" parts starting at `i`.
fn article_end(s: &[Ch], i: usize) -> Option<usize> {
    let num = |k: usize| tail(s, k).iter().take_while(|c| is_numeral(c.c)).count();
    if char_at(s, i)? != '第' {
        return None;
    }
    let n = num(i + 1);
    if n == 0 || char_at(s, i + 1 + n)? != '条' {
        return None;
    }
    let mut end = i + n + 2;
    loop {
        let k = skip_ws(s, end);
        let n = num(k + 1);
        let part = match (char_at(s, k), char_at(s, k + 1 + n)) {
            (Some('第'), Some('款' | '项' | '目')) | (Some('('), Some(')')) => n > 0,
            _ => false,
        };
        if !part {
            return Some(end);
        }
        end = k + n + 2;
    }
}

fn starts_with_article(s: &[Ch]) -> bool {
    article_end(s, 0).is_some()
}

const GENERIC_WORDS: [&str; 13] = [
    "相关",
    "有关",
    "配套",
    "法律法规",
    "法律、法规",
    "政策法规",
    "法规文件",
    "政策文件",
    "文件规定",
    "公开规定",
    "其他规定",
    "上级文件",
    "规范性文件",
];

fn has_generic(s: &[Ch]) -> bool {
    GENERIC_WORDS.iter().any(|w| contains(s, w))
}

/// Where generic text trailing a title starts ("…》及相关规定", "…》等法律法规和文件规定").
fn generic_tail(s: &[Ch], from: usize) -> Option<usize> {
    // A later start only shortens the tail, so: after the last 《, up to the last generic word.
    let last_word = (0..s.len()).rev().find(|&k| GENERIC_WORDS.iter().any(|w| is_at(s, k, w)))?;
    let after_title = s.iter().rposition(|c| c.c == '《').map_or(0, |p| p + 1);
    (from.max(after_title)..=last_word).find(|&k| s.get(k).is_some_and(|c| !c.guarded && "及等和与以并".contains(c.c)))
}

/// Whether title-less text names a document ("人力资源市场暂行条例") rather than continuing the previous one
/// ("发布日期2012年05月28日").
fn document_like(s: &[Ch]) -> bool {
    const SUFFIXES: [&str; 23] = [
        "法", "条例", "办法", "规定", "意见", "通知", "方案", "规划", "细则", "标准", "决定", "规程", "规范", "指引",
        "指南", "纲要", "准则", "要点", "制度", "措施", "公告", "决议", "函",
    ];
    let mut t = trim(s);
    for _ in 0..4 {
        let before = t.len();
        for w in ["等", "…", "."] {
            if ends_with(t, w) {
                t = trim(sub(t, 0, t.len().saturating_sub(w.chars().count())));
            }
        }
        if t.last().is_some_and(|c| c.c == ')')
            && let Some(open) = t.iter().rposition(|c| c.c == '(')
        {
            t = trim(sub(t, 0, open));
        }
        if t.len() == before {
            break;
        }
    }
    SUFFIXES.iter().any(|w| ends_with(t, w))
}

/// 《XX省…》, 《××市…》, 《**县…》, 《某某…》: template text nobody filled in.
fn has_placeholder(text: &str) -> bool {
    let cs: Vec<char> = text.chars().map(fold).collect();
    let mark = |c: char| matches!(c, 'X' | 'x' | '×' | '*' | '○' | '□' | '╳' | '△');
    cs.windows(2).any(|w| match w {
        [a, b] => (mark(*a) && mark(*b)) || (mark(*a) && "省市县区乡镇村街".contains(*b)) || (*a == '某' && *b == '某'),
        _ => false,
    })
}

// ---------------------------------------------------------------------------------------------------------
// 文号 and 令

fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '〔' => '〕',
        '﹝' => '﹞',
        '(' => ')',
        '[' => ']',
        '【' => '】',
        '〈' => '〉',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '〕' | '﹞' | ')' | ']' | '】' | '〉')
}

/// Issuer before a 文号 bracket or 令: the ideographs just before `end` (at most `max`), stopping at 号/的 so
/// "发文字号住房和城乡建设部令" gives "住房和城乡建设部". Returns the start index.
fn issuer_start(s: &[Ch], end: usize, max: usize) -> Option<usize> {
    let mut k = end;
    while k > 0
        && end - k < max
        && prev_char(s, k).is_some_and(|c| is_ideograph(c) && !matches!(c, '号' | '的' | '之' | '第'))
    {
        k -= 1;
    }
    (k < end).then_some(k)
}

/// A 文号 whose bracket opens at `o`; returns it and the index after it.
fn doc_at(src: &str, s: &[Ch], o: usize) -> Option<(DocNumber, usize)> {
    let open = char_at(s, o)?;
    let expected_close = closer_of(open)?;
    let issuer_end = {
        let mut k = o;
        while k > 0 && prev_char(s, k).is_some_and(char::is_whitespace) {
            k -= 1;
        }
        k
    };
    let first = issuer_start(s, issuer_end, 10)?;
    let ys = skip_ws(s, o + 1);
    let ylen = digit_run(s, ys);
    if ylen < 2 {
        return None;
    }
    let k = skip_ws(s, ys + ylen);
    let close = char_at(s, k)?;
    let year_digits = sub(s, ys, ys + ylen);
    let (year, serial, mut end) = if is_closer(close) {
        let mut k = skip_ws(s, k + 1);
        if char_at(s, k) == Some('第') {
            k = skip_ws(s, k + 1);
        }
        let slen = digit_run(s, k);
        let after = skip_ws(s, k + slen);
        let end = match char_at(s, after) {
            Some('号') => after + 1,
            _ if slen > 0 => k + slen,
            _ => return None,
        };
        let year = (ylen == 4).then(|| parse_digits(year_digits)).flatten();
        let serial = parse_digits(sub(s, k, k + slen)).filter(|_| slen > 0);
        (year, serial, end)
    } else if close == '号' && ylen > 4 {
        (None, None, k + 1)
    } else {
        return None;
    };
    // "民发〔2018)23号〕": the proper closer written after 号 belongs to the number.
    if is_closer(close) && close != expected_close && char_at(s, end) == Some(expected_close) {
        end += 1;
    }
    let garbled = year.is_none() || serial.is_none();
    let year = year.or_else(|| parse_digits(sub(year_digits, 0, 4)).filter(|y| (1949..=2100).contains(y)));
    let year = year.and_then(|y| u16::try_from(y).ok());
    let serial = serial.and_then(|n| u32::try_from(n).ok());
    let issuer = span(src, sub(s, first, issuer_end)).to_owned();
    let normalized = match (garbled, year, serial) {
        (false, Some(y), Some(n)) => Some(format!("{issuer}〔{y}〕{n}号")),
        _ => None,
    };
    let raw = span(src, sub(s, first, end)).to_owned();
    Some((DocNumber { raw, issuer, year, serial, normalized, garbled: garbled || serial.is_none() }, end))
}

/// A decree at `i`: "…令第N号" (at the 令) or "…YYYY年第N号令" / "…公告YYYY年第N号" (at the year).
fn decree_at(src: &str, s: &[Ch], i: usize) -> Option<(Decree, usize)> {
    if char_at(s, i)? == '令' {
        let mut k = skip_ws(s, i + 1);
        if char_at(s, k) == Some('第') {
            k = skip_ws(s, k + 1);
        }
        let n = digit_run(s, k);
        let after = skip_ws(s, k + n);
        if n == 0 || char_at(s, after) != Some('号') {
            return None;
        }
        let number = u32::try_from(parse_digits(sub(s, k, k + n))?).ok()?;
        let first = issuer_start(s, i, 15)?;
        let decree = Decree {
            raw: span(src, sub(s, first, after + 1)).to_owned(),
            issuer: span(src, sub(s, first, i)).to_owned(),
            number,
            year: None,
        };
        return Some((decree, after + 1));
    }
    dated_decree_at(src, s, i)
}

fn dated_decree_at(src: &str, s: &[Ch], i: usize) -> Option<(Decree, usize)> {
    if prev_char(s, i).is_some_and(|c| c.is_ascii_digit()) || digit_run(s, i) != 4 || char_at(s, i + 4) != Some('年') {
        return None;
    }
    let mut k = skip_ws(s, i + 5);
    if char_at(s, k) != Some('第') {
        return None;
    }
    k = skip_ws(s, k + 1);
    let n = digit_run(s, k);
    let after = skip_ws(s, k + n);
    if n == 0 || char_at(s, after) != Some('号') {
        return None;
    }
    let mut end = after + 1;
    let trailing_ling = char_at(s, end) == Some('令');
    if trailing_ling {
        end += 1;
    }
    let mut issuer_end = i;
    while issuer_end > 0 && prev_char(s, issuer_end).is_some_and(char::is_whitespace) {
        issuer_end -= 1;
    }
    let word = ["公告", "令"].into_iter().find(|w| ends_with(sub(s, 0, issuer_end), w));
    if word.is_none() && !trailing_ling {
        return None;
    }
    issuer_end = issuer_end.saturating_sub(word.map_or(0, |w| w.chars().count()));
    let first = issuer_start(s, issuer_end, 15)?;
    let decree = Decree {
        raw: span(src, sub(s, first, end)).to_owned(),
        issuer: span(src, sub(s, first, issuer_end)).to_owned(),
        number: u32::try_from(parse_digits(sub(s, k, k + n))?).ok()?,
        year: parse_digits(sub(s, i, i + 4)).and_then(|y| u16::try_from(y).ok()),
    };
    Some((decree, end))
}
