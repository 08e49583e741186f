//! Personal numbers in text: 公民身份号码, bank cards and the mobile numbers of individuals — found with their place
//! in the text, and masked. The validator's `privacy.*` rules report them; the HTML export (a page for everyone)
//! refuses text that carries them unless the caller asks for masking.
//!
//! Mobile numbers (11 digits, `1[3-9]…`, optionally `+86`/`86` and written with spaces or hyphens) belong to people.
//! Landlines with an area code (`0571-87654321`, `(0571)8765 4321`), service numbers (`12345`, `400-…`) and bare
//! 7–8 digit office numbers are the public numbers of offices and are left alone.

use crate::model::{Catalog, Entry};

/// What a personal number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    IdNumber,
    BankCard,
    Mobile,
}

impl Kind {
    /// Leading and trailing digits a masked number keeps: 110105********123X, 6222 **** **** 1234, 138****5678.
    fn kept(self) -> (usize, usize) {
        match self {
            Kind::IdNumber => (6, 4),
            Kind::BankCard => (4, 4),
            Kind::Mobile => (3, 4),
        }
    }
}

/// A personal number found in a text: its kind, its digits (X for an ID check character) and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub digits: String,
    pub start: usize,
    pub end: usize,
}

/// A group of consecutive digits (an `X`/`x` may end it, as in an ID number), its byte range, and whether a single
/// space or hyphen joins it to the next group (`138 1234 5678`, `6222-0212-…`).
struct Group {
    digits: String,
    start: usize,
    end: usize,
    joined_to_next: bool,
}

fn groups(text: &str) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_ascii_digit() {
            continue;
        }
        let mut g = Group { digits: c.to_string(), start: i, end: i + 1, joined_to_next: false };
        while let Some(&(j, n)) = chars.peek() {
            let ends_id = (n == 'X' || n == 'x') && !text[j + 1..].starts_with(|d: char| d.is_ascii_digit());
            if !n.is_ascii_digit() && !ends_id {
                break;
            }
            g.digits.push(if ends_id { 'X' } else { n });
            g.end = j + 1;
            chars.next();
            if ends_id {
                break;
            }
        }
        if let Some(prev) = out.last_mut() {
            prev.joined_to_next = matches!(&text[prev.end..g.start], " " | "-");
        }
        out.push(g);
    }
    out
}

/// GB 11643 citizen ID number: 18 characters, plausible birth date, ISO 7064 MOD 11-2 check character.
pub fn is_id_number(s: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = *b"10X98765432";
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(6..10), num(10..12), num(12..14));
    if !(1900..=2099).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let sum: u32 = b[..17].iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize] == b[17].to_ascii_uppercase()
}

/// A bank card number: 16 to 19 digits starting with a card-scheme digit, passing the Luhn check.
pub fn is_bank_card(s: &str) -> bool {
    let b = s.as_bytes();
    if !(16..=19).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) || !(b'3'..=b'6').contains(&b[0]) {
        return false;
    }
    let sum: u32 = b
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    sum % 10 == 0
}

/// A mainland mobile number: 11 digits, `1` then `3`–`9`.
pub fn is_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && b.iter().all(u8::is_ascii_digit)
}

fn classify(digits: &str) -> Option<Kind> {
    if is_id_number(digits) {
        Some(Kind::IdNumber)
    } else if is_bank_card(digits) {
        Some(Kind::BankCard)
    } else if is_mobile(digits) {
        Some(Kind::Mobile)
    } else {
        None
    }
}

/// How each kind is written when grouped: a number joined across separators counts only in these shapes, so digits
/// that merely stand next to each other (`13811 110105…`, a masked number's kept digits beside other text) are not
/// read as one number.
fn plausible(kind: Kind, lens: &[usize]) -> bool {
    let total: usize = lens.iter().sum();
    match (kind, lens) {
        (_, [_]) => true,
        (Kind::Mobile, [3, 4, 4] | [3, 8]) => true,
        (Kind::IdNumber, [6, 8, 4]) => true,
        (Kind::BankCard, [6, _]) => true,
        (Kind::BankCard, [init @ .., last]) => init.iter().all(|&l| l == 4) && (1..=4).contains(last) && total >= 16,
        _ => false,
    }
}

/// The personal number that `chain` (groups joined by separators) is, if it is one, with its byte range.
fn personal(chain: &[Group]) -> Option<(Kind, String, usize, usize)> {
    let (first, last) = (chain.first()?, chain.last()?);
    let digits: String = chain.iter().map(|g| g.digits.as_str()).collect();
    let lens: Vec<usize> = chain.iter().map(|g| g.digits.len()).collect();
    if let Some(kind) = classify(&digits).filter(|k| plausible(*k, &lens)) {
        return Some((kind, digits, first.start, last.end));
    }
    // A country code: `+86 138 1234 5678`, `8613812345678`.
    if chain.len() > 1 && first.digits == "86" {
        let rest = personal(&chain[1..]).filter(|(k, ..)| *k == Kind::Mobile);
        if rest.is_some() {
            return rest;
        }
    }
    if chain.len() == 1 && digits.len() == 13 && digits.starts_with("86") && is_mobile(&digits[2..]) {
        return Some((Kind::Mobile, digits[2..].to_owned(), first.start + 2, first.end));
    }
    None
}

/// Digits in the shortest personal number (a mobile's 11).
const SHORTEST: usize = 11;

/// How many ASCII digits `text` holds. Counted per run of at most 255 bytes in a `u8`, which the compiler turns into
/// wide vector adds (≈ 3× faster than `filter(..).count()`, which every text field of every entry goes through).
fn ascii_digits(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|run| usize::from(run.iter().fold(0u8, |n, b| n + u8::from(b.wrapping_sub(b'0') < 10))))
        .sum()
}

/// Every personal number in `text`, in order. Digit groups joined by a single space or hyphen are read as one number
/// when they form one in a usual grouping (mobile 3-4-4, ID 6-8-4, card 4-4-4-4…), the longest first; so
/// `0571-87654321` stays an office number and `13812345678 13912345678` is two mobiles. A `+86`/`86` country code is
/// not part of the mobile.
pub fn find(text: &str) -> Vec<Found> {
    const MOST_GROUPS: usize = 5;
    // The shortest personal number, a mobile, has 11 digits (an ID number 17 and a check character, a card 16): a
    // text with fewer digits in all holds none. Most cells have a few digits or none (文号, 工作日), so this one
    // pass over the bytes spares them the grouping.
    if ascii_digits(text) < SHORTEST {
        return Vec::new();
    }
    let groups = groups(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let mut last = i;
        while last + 1 < groups.len() && groups[last].joined_to_next && last + 1 - i < MOST_GROUPS {
            last += 1;
        }
        let hit = (i..=last).rev().find_map(|j| personal(&groups[i..=j]).map(|p| (p, j)));
        match hit {
            Some(((kind, digits, start, end), j)) => {
                out.push(Found { kind, digits, start, end });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The digits of a personal number masked, separators kept: `110105********123X`, `138-****-5678`.
fn masked(kind: Kind, number: &str) -> String {
    let (keep_first, keep_last) = kind.kept();
    let total = number.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    let mut seen = 0;
    number
        .chars()
        .map(|c| {
            if !c.is_ascii_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= keep_first || seen > total.saturating_sub(keep_last) { c } else { '*' }
        })
        .collect()
}

/// The masked form of one finding, as [`mask`] writes it.
pub fn masked_number(f: &Found, text: &str) -> String {
    masked(f.kind, text.get(f.start..f.end).unwrap_or(&f.digits))
}

/// `text` with every personal number masked (kept digits: ID 6 + 4, bank card 4 + 4, mobile 3 + 4).
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in find(text) {
        out.push_str(&text[at..f.start]);
        out.push_str(&masked_number(&f, text));
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Every text field of an entry that a published page shows, with its v1 name.
pub fn entry_texts(e: &Entry) -> impl Iterator<Item = (&'static str, &str)> {
    let item = e.item.iter().map(|s| ("item", s.as_str()));
    let fields = [
        ("domain", e.domain.as_str()),
        ("content", e.content.as_str()),
        ("basis", e.basis.as_str()),
        ("time_limit", e.time_limit.as_str()),
        ("subject", e.subject.as_str()),
        ("audience", e.audience.as_str()),
        ("mode", e.mode.as_str()),
    ];
    let channels = e.channels.iter().map(|s| ("channels", s.as_str()));
    let levels = e.levels.iter().map(|s| ("levels", s.as_str()));
    let optional = [("audience_group", &e.audience_group), ("withheld_reason", &e.withheld_reason)]
        .into_iter()
        .filter_map(|(f, v)| v.as_deref().map(|v| (f, v)));
    let extra = e.extra.values().map(|s| ("extra", s.as_str()));
    item.chain(fields).chain(channels).chain(levels).chain(optional).chain(extra)
}

/// Personal data in a catalog's published text: where (entry label or section, field) and the number masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry's label (its id, else `#n`), or the section (`meta`, `not_applicable`, `removed`).
    pub place: String,
    /// The spreadsheet row the entry came from, when known.
    pub row: Option<u32>,
    /// The v1 field name (`content`, `meta.title`, …).
    pub field: String,
    pub kind: Kind,
    pub masked: String,
}

fn hits_in(out: &mut Vec<Hit>, place: &str, row: Option<u32>, field: &str, text: &str) {
    for f in find(text) {
        let masked = masked_number(&f, text);
        out.push(Hit { place: place.to_owned(), row, field: field.to_owned(), kind: f.kind, masked });
    }
}

/// Every personal number in the text the published page of `catalog` (the HTML export) shows: meta title,
/// government, date and revision, every entry field except the extra columns, 未涉及领域说明 and 删减事项说明.
pub fn scan_catalog(catalog: &Catalog) -> Vec<Hit> {
    let mut out = Vec::new();
    let m = &catalog.meta;
    for (field, value) in [
        ("meta.title", Some(&m.title)),
        ("meta.government", Some(&m.government)),
        ("meta.compiled_on", m.compiled_on.as_ref()),
        ("meta.revision", m.revision.as_ref()),
    ] {
        if let Some(v) = value {
            hits_in(&mut out, "meta", None, field, v);
        }
    }
    for (i, e) in catalog.entries.iter().enumerate() {
        let label = e.label(i);
        for (field, text) in entry_texts(e).filter(|(field, _)| *field != "extra") {
            hits_in(&mut out, &label, e.row(), field, text);
        }
    }
    for na in &catalog.not_applicable {
        hits_in(&mut out, "not_applicable", None, "not_applicable", &format!("{} {}", na.domain, na.reason));
    }
    for r in &catalog.removed {
        let text = format!("{} {} {}", r.domain, r.item.join(" "), r.reason);
        hits_in(&mut out, "removed", None, "removed", &text);
    }
    out
}

/// `catalog` with every personal number masked, in every text field (extra columns and region too).
pub fn mask_catalog(catalog: &Catalog) -> Catalog {
    let mut c = catalog.clone();
    mask_catalog_in_place(&mut c);
    c
}

/// [`mask_catalog`] on a catalog the caller owns (no copy: the wasm build then links no `Catalog` clone).
pub fn mask_catalog_in_place(c: &mut Catalog) {
    let m = &mut c.meta;
    for v in [&mut m.title, &mut m.government] {
        *v = mask(v);
    }
    for v in [&mut m.region, &mut m.compiled_on, &mut m.revision].into_iter().flatten() {
        *v = mask(v);
    }
    for e in &mut c.entries {
        for v in e.item.iter_mut().chain(e.channels.iter_mut()).chain(e.levels.iter_mut()).chain(e.extra.values_mut()) {
            *v = mask(v);
        }
        for v in [
            &mut e.domain,
            &mut e.content,
            &mut e.basis,
            &mut e.time_limit,
            &mut e.subject,
            &mut e.audience,
            &mut e.mode,
        ] {
            *v = mask(v);
        }
        for v in [&mut e.audience_group, &mut e.withheld_reason].into_iter().flatten() {
            *v = mask(v);
        }
    }
    for na in &mut c.not_applicable {
        na.domain = mask(&na.domain);
        na.reason = mask(&na.reason);
    }
    for r in &mut c.removed {
        r.domain = mask(&r.domain);
        r.reason = mask(&r.reason);
        for v in &mut r.item {
            *v = mask(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid ID number built from its first 17 digits (the check character computed, not copied).
    fn id_number(first17: &str) -> String {
        const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
        format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
    }

    #[test]
    fn digits_are_counted_across_runs() {
        for text in
            ["", "国办发〔2019〕54号", &"7".repeat(255), &"7".repeat(256), &"0９1x".repeat(400), &"号1".repeat(300)]
        {
            assert_eq!(ascii_digits(text), text.bytes().filter(u8::is_ascii_digit).count(), "{text}");
        }
    }

    #[test]
    fn mobiles_are_found_and_office_numbers_are_not() {
        let kinds = |t: &str| find(t).into_iter().map(|f| (f.kind, f.digits)).collect::<Vec<_>>();
        let mobile = |d: &str| vec![(Kind::Mobile, d.to_owned())];
        assert_eq!(kinds("联系人张三，手机13812345678。"), mobile("13812345678"));
        assert_eq!(kinds("手机 138 1234 5678"), mobile("13812345678"));
        assert_eq!(kinds("手机138-1234-5678"), mobile("13812345678"));
        assert_eq!(kinds("+86 139 0000 1111"), mobile("13900001111"));
        assert_eq!(kinds("13812345678-13912345678").len(), 2);
        assert_eq!(kinds("13812345678 13912345678").len(), 2);
        for office in ["0571-87654321", "（0571）8765 4321", "12345", "400-800-1234", "87654321", "12812345678"] {
            assert!(find(office).is_empty(), "{office}");
        }
        // Document numbers and dates are not phones.
        assert!(find("国办发〔2019〕54号，2019-10-12").is_empty());
    }

    #[test]
    fn masking_keeps_the_documented_digits_and_the_text_around() {
        let id = id_number("11010519491231002");
        assert!(is_id_number(&id));
        assert_eq!(mask(&format!("身份证号{id}。")), format!("身份证号110105********{}。", &id[14..]));
        assert_eq!(mask("手机138-1234-5678，办公室0571-87654321"), "手机138-****-5678，办公室0571-87654321");
        let card = "4111111111111111";
        assert!(is_bank_card(card));
        assert_eq!(mask(&format!("卡号{card}")), "卡号4111********1111");
        assert_eq!(mask("没有个人信息"), "没有个人信息");
        // Masked text has nothing left to find.
        assert!(find(&mask(&format!("{id} {card} 13812345678"))).is_empty());
    }

    #[test]
    fn a_catalog_is_scanned_where_its_page_shows_text_and_masked_everywhere() {
        let mut c = Catalog::new(crate::model::Meta { title: "某镇目录".into(), ..Default::default() });
        c.entries.push(Entry {
            id: "e1".into(),
            content: "联系人手机13812345678".into(),
            extra: [("咨询电话".to_owned(), "13912345678".to_owned())].into(),
            ..Entry::default()
        });
        c.not_applicable
            .push(crate::model::NotApplicable { domain: "税收管理".into(), reason: "联系15012345678".into() });
        let hits = scan_catalog(&c);
        let places: Vec<(&str, &str)> = hits.iter().map(|h| (h.place.as_str(), h.field.as_str())).collect();
        // The extra columns are not on the page: not scanned.
        assert_eq!(places, vec![("e1", "content"), ("not_applicable", "not_applicable")]);
        assert_eq!(hits[0].masked, "138****5678");
        let masked = mask_catalog(&c);
        assert_eq!(masked.entries[0].content, "联系人手机138****5678");
        assert_eq!(masked.entries[0].extra["咨询电话"], "139****5678");
        assert!(scan_catalog(&masked).is_empty());
    }
}
