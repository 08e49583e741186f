//! `cargo xtask gen --entries N --out DIR`: deterministic, realistic catalogs of any size for benchmarks.
//!
//! Rows come from the 26 domains' guideline items (`catalog_core::seeds::guides()`) and the real published rows
//! (`tests/fixtures/real-rows.json`): their own wording (内容, 依据, 时限, 主体), the guideline's ■ channels plus a
//! varying share of its □ ones and of named platforms from the vocabulary, and 公开时限 wordings real catalogs use.
//! A large catalog repeats each item per township and village (a 三级事项 such as `城关镇东村`), as county-wide
//! catalogs do, so item paths stay unique. A controlled share of entries carries exactly one defect of a kind real
//! catalogs show (a missing element, 主动公开 for 主动, an unclosed 《, a garbled 〔 〕 number, an unmasked
//! 身份证号, a pasted ■□ checklist …); every other entry validates without errors or warnings.
//!
//! Same options → same catalog, byte for byte (a SplitMix64 generator, no clock, no platform dependence).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use catalog_core::model::{Catalog, Entry, Meta};
use catalog_core::names;
use catalog_core::rules::normalise_channels;
use catalog_core::seeds::{guides, item_key};
use catalog_core::vocab::{self, CANONICAL_CHANNELS};
use catalog_interop::{ExportFormat, export};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub entries: usize,
    pub seed: u64,
    /// Share of entries (0.0–1.0) carrying one defect.
    pub defect_share: f64,
    /// The compiling government's level: `县级` (a county catalog) or `乡级` (a township's).
    pub level: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        // The seed recalls 国办发〔2019〕54号.
        Options { entries: 1000, seed: 201_954, defect_share: 0.05, level: "县级" }
    }
}

/// A defect planted in one entry, and the rule code the validator must report for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    /// 公开主体 left empty.
    MissingSubject,
    /// 公开依据 left empty.
    MissingBasis,
    /// 公开方式 not one of the three (a draft's 待定).
    UnknownMode,
    /// A 《 without its 》.
    UnbalancedBasis,
    /// A document number whose 〕 was lost in retyping (国办发〔201954号).
    GarbledNumber,
    /// An unmasked 公民身份号码 in 公开内容.
    IdNumber,
    /// 主动公开 instead of 主动.
    ModeVariant,
    /// 特定群众 / 全社会范围 instead of the v1 words.
    AudienceVariant,
    /// The guideline's whole ■□ checklist pasted as one channel.
    PastedChecklist,
    /// A bare period without its trigger (20个工作日内).
    TimeNoTrigger,
    /// A document number in square brackets (国办发[2019]54号).
    DocNumberBrackets,
    /// A compound level label (乡、村级).
    CompoundLevel,
}

impl Defect {
    pub const ALL: [Defect; 12] = [
        Defect::MissingSubject,
        Defect::MissingBasis,
        Defect::UnknownMode,
        Defect::UnbalancedBasis,
        Defect::GarbledNumber,
        Defect::IdNumber,
        Defect::ModeVariant,
        Defect::AudienceVariant,
        Defect::PastedChecklist,
        Defect::TimeNoTrigger,
        Defect::DocNumberBrackets,
        Defect::CompoundLevel,
    ];

    /// The rule code the validator reports for this defect.
    pub fn code(self) -> &'static str {
        match self {
            Defect::MissingSubject | Defect::MissingBasis => "entry.required",
            Defect::UnknownMode => "mode.unknown",
            Defect::UnbalancedBasis => "basis.unbalanced",
            Defect::GarbledNumber => "basis.garbled-number",
            Defect::IdNumber => "privacy.id-number",
            Defect::ModeVariant => "mode.variant",
            Defect::AudienceVariant => "audience.variant",
            Defect::PastedChecklist => "channel.unparsed",
            Defect::TimeNoTrigger => "time.no-trigger",
            Defect::DocNumberBrackets => "basis.doc-number-format",
            Defect::CompoundLevel => "level.compound",
        }
    }

    /// Whether the defect makes the catalog invalid (an `error` finding).
    pub fn is_error(self) -> bool {
        matches!(
            self,
            Defect::MissingSubject
                | Defect::MissingBasis
                | Defect::UnknownMode
                | Defect::UnbalancedBasis
                | Defect::GarbledNumber
                | Defect::IdNumber
        )
    }
}

/// A generated catalog and the defects planted in it (entry index, kind).
#[derive(Debug, Clone)]
pub struct Generated {
    pub catalog: Catalog,
    pub defects: Vec<(usize, Defect)>,
}

/// SplitMix64: small, fast, and the same sequence on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Townships and villages for the 三级事项 of repeated items (common Chinese place names).
const TOWNSHIPS: [&str; 40] = [
    "城关镇",
    "东关街道",
    "新华街道",
    "石桥镇",
    "柳林乡",
    "杨集镇",
    "白沙镇",
    "大王庄乡",
    "河口镇",
    "青山乡",
    "李家店镇",
    "黄土岗镇",
    "马坊乡",
    "龙泉镇",
    "双河镇",
    "太平乡",
    "永安镇",
    "长岭乡",
    "三里桥街道",
    "高庄镇",
    "张湾乡",
    "西坪镇",
    "南塘镇",
    "北山乡",
    "金鸡镇",
    "桃源乡",
    "洪山镇",
    "沙河街道",
    "古城镇",
    "红旗乡",
    "兴隆镇",
    "平安乡",
    "五里墩街道",
    "朝阳镇",
    "官桥镇",
    "花园乡",
    "新店镇",
    "枣林乡",
    "凤凰镇",
    "莲花乡",
];

const VILLAGES: [&str; 50] = [
    "东村",
    "西村",
    "南庄村",
    "北庄村",
    "前进村",
    "红星村",
    "光明村",
    "胜利村",
    "团结村",
    "和平村",
    "新民村",
    "幸福村",
    "富强村",
    "联合村",
    "建设村",
    "民主村",
    "向阳村",
    "东风村",
    "永丰村",
    "大柳树村",
    "小河村",
    "王家村",
    "李家村",
    "张庄村",
    "刘庄村",
    "陈家湾村",
    "杨树沟村",
    "石门村",
    "水口村",
    "桥头村",
    "新街社区",
    "中心社区",
    "滨河社区",
    "站前社区",
    "文化路社区",
    "解放路社区",
    "工农社区",
    "上坪村",
    "下坪村",
    "马家村",
    "何家村",
    "周庄村",
    "吴家岭村",
    "郑家店村",
    "孙家坪村",
    "赵庄村",
    "钱家沟村",
    "林场社区",
    "老街社区",
    "果园村",
];

/// The province a generated catalog fills the guideline's 《XX省…》 placeholders with.
const PROVINCE: &str = "江西省";

/// 公开时限 as real catalogs write them (every one names its trigger and stays within the statutory default).
const TIME_LIMITS: [&str; 8] = [
    "信息形成或变更之日起20个工作日内",
    "信息形成或者变更之日起20个工作日内",
    "自信息形成或者变更之日起20个工作日内予以公开",
    "形成或者变更之日起20个工作日内予以公开",
    "制定或获取信息之日起10个工作日内",
    "信息形成或变更之日起20个工作日内公开",
    "自该信息形成或者变更之日起 20 个工作日内",
    "信息形成(变更)20个工作日内",
];

/// One row shape the generator repeats: a guideline item or a real published row.
#[derive(Debug, Clone)]
struct Template {
    domain: String,
    number: u8,
    item: Vec<String>,
    content: String,
    basis: String,
    time_limit: String,
    subject: String,
    required: Vec<String>,
    optional: Vec<String>,
    audience: String,
    audience_group: Option<String>,
    mode: String,
    levels: Vec<String>,
    phone: bool,
}

const REAL_ROWS: &str = include_str!("../../../tests/fixtures/real-rows.json");

/// Every guideline item and real row that applies at `level`, one per (domain, item path), in domain order.
fn templates(level: &str) -> Vec<Template> {
    let applies = |levels: &[String]| levels.iter().any(|l| vocab::level_means(l).iter().any(|m| m == level));
    // A generated catalog is one government's own: the seeds' and real rows' names of their source governments
    // are put in its wording, as templates do (`catalog_core::names`).
    let fill = |s: &str| names::own_basis(&s.replace("XX省", PROVINCE));
    let subject = |s: &str| names::own_subject(s, None);
    let mut out: Vec<Template> = Vec::new();
    for g in guides() {
        // Partial items (fields not read from any source) make no realistic rows.
        for it in g.items.iter().filter(|it| !it.partial && applies(&it.levels)) {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let channels = it.channels.clone().unwrap_or_default();
            out.push(Template {
                domain: g.name.clone(),
                number: g.number,
                item: it.item.clone(),
                content: text(&it.content),
                basis: fill(it.basis.as_deref().unwrap_or_default()),
                time_limit: text(&it.time_limit),
                subject: subject(it.subject.as_deref().unwrap_or_default()),
                required: names::own_channels(&channels.required),
                optional: if channels.optional.is_empty() {
                    CANONICAL_CHANNELS
                        .iter()
                        .filter(|c| **c != "其他" && !channels.required.iter().any(|r| r == *c))
                        .map(|c| (*c).to_owned())
                        .collect()
                } else {
                    channels.optional.clone()
                },
                audience: text(&it.audience),
                audience_group: it.audience_group.clone(),
                mode: text(&it.mode),
                levels: it.levels.clone(),
                phone: false,
            });
        }
    }
    if let Ok(real) = catalog_core::load_catalog(REAL_ROWS) {
        for e in real.entries.into_iter().filter(|e| applies(&e.levels)) {
            let Some(guide) = catalog_core::seeds::guide(&e.domain) else { continue };
            out.push(Template {
                domain: guide.name.clone(),
                number: guide.number,
                item: e.item,
                content: e.content,
                basis: fill(&e.basis),
                time_limit: e.time_limit,
                subject: subject(&e.subject),
                required: names::own_channels(&e.channels),
                optional: Vec::new(),
                audience: e.audience,
                audience_group: e.audience_group,
                mode: e.mode,
                levels: e.levels,
                phone: e.extra.contains_key("咨询电话"),
            });
        }
    }
    // One template per item path in a domain: two with one path would make every copy a duplicate.
    let mut seen = BTreeSet::new();
    out.retain(|t| seen.insert((t.domain.clone(), t.item.iter().map(|i| item_key(i)).collect::<Vec<_>>())));
    out.sort_by_key(|t| t.number); // stable: guideline items first, then the real rows, per domain
    // Clean rows are clean: what the validator would flag in a template's own wording is repaired the way its
    // one-click fixes and hints say; a template still flagged is left out.
    out.into_iter().filter_map(|t| repaired(t, level)).collect()
}

/// The error and warning codes the validator gives a template's plain row in a catalog of `level`.
fn findings(t: &Template, level: &str) -> Vec<&'static str> {
    let mut catalog = Catalog::new(Meta { level: level.to_owned(), ..Meta::default() });
    // Every channel a copy may tick (a 名单 on 政府网站 is a finding).
    let mut e = entry(t, 0, 1, &mut Rng::new(0));
    e.channels = normalise_channels(&[t.required.clone(), t.optional.clone()].concat());
    catalog.entries.push(e);
    let mut codes: Vec<&'static str> = catalog_core::rules::validate_entry(&catalog, 0)
        .iter()
        .filter(|d| d.severity() != catalog_core::Severity::Info)
        .map(|d| d.code())
        .collect();
    codes.dedup();
    codes
}

fn repaired(mut t: Template, level: &str) -> Option<Template> {
    for code in findings(&t, level) {
        match code {
            "level.compound" => {
                let mut levels: Vec<String> = Vec::new();
                for l in &t.levels {
                    for part in vocab::split_levels(l) {
                        if !levels.contains(&part) {
                            levels.push(part);
                        }
                    }
                }
                t.levels = levels;
            }
            "time.no-trigger" | "time.unrecognised" | "time.exceeds-default" => {
                t.time_limit = TIME_LIMITS[0].to_owned();
            }
            "audience.group-missing" => t.audience_group = Some("行政相对人".into()),
            "basis.generic-only" => t.basis = format!("《中华人民共和国政府信息公开条例》、{}", t.basis),
            "privacy.roster-public" => {
                t.audience = "特定群体".into();
                t.audience_group = Some("申请人所在村（社区）群众".into());
            }
            _ => {}
        }
    }
    findings(&t, level).is_empty().then_some(t)
}

/// The township/village a repeated item is about: copy 0 is the county's own row.
fn place(copy: usize) -> Option<String> {
    let c = copy.checked_sub(1)?;
    let township = TOWNSHIPS[c % TOWNSHIPS.len()];
    let v = c / TOWNSHIPS.len();
    Some(match v {
        0 => township.to_owned(),
        v => {
            let village = VILLAGES[(v - 1) % VILLAGES.len()];
            match (v - 1) / VILLAGES.len() {
                0 => format!("{township}{village}"),
                group => format!("{township}{village}第{group}组"),
            }
        }
    })
}

/// A 公民身份号码 with a valid check digit (GB 11643): what an unmasked roster leaks.
fn id_number(rng: &mut Rng) -> String {
    let mut digits = format!(
        "3601{:02}19{:02}{:02}{:02}{:03}",
        1 + rng.below(30),
        50 + rng.below(50),
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(1000)
    );
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits.chars().zip(W).map(|(c, w)| c.to_digit(10).unwrap_or(0) * w).sum();
    digits.push(b"10X98765432"[(sum % 11) as usize] as char);
    digits
}

fn entry(t: &Template, copy: usize, seq: usize, rng: &mut Rng) -> Entry {
    let mut item = t.item.clone();
    if let Some(place) = place(copy) {
        if item.len() < 3 {
            item.push(place);
        } else if let Some(last) = item.last_mut() {
            *last = format!("{last}（{place}）");
        }
    }
    // The guideline's ■ channels, a varying share of its □ ones, now and then a named platform.
    let mut channels = t.required.clone();
    for c in &t.optional {
        if rng.percent(25) {
            channels.push(c.clone());
        }
    }
    if rng.percent(5) {
        channels.push(rng.pick(&PLATFORMS).to_string());
    }
    let channels = normalise_channels(&channels);
    let time_limit = if rng.percent(30) { (*rng.pick(&TIME_LIMITS)).to_owned() } else { t.time_limit.clone() };
    let mut extra = std::collections::BTreeMap::new();
    if t.phone || rng.percent(10) {
        extra.insert("咨询电话".to_owned(), format!("0791-8{:06}", rng.below(1_000_000)));
    }
    Entry {
        id: format!("{:02}-{seq:06}", t.number),
        domain: t.domain.clone(),
        item,
        content: t.content.clone(),
        basis: t.basis.clone(),
        time_limit,
        subject: t.subject.clone(),
        channels,
        audience: t.audience.clone(),
        audience_group: t.audience_group.clone(),
        mode: t.mode.clone(),
        withheld_reason: None,
        levels: t.levels.clone(),
        extra,
        source: None,
    }
}

/// Named platforms real catalogs tick beside the 13 channels (in the vocabulary, so they draw no finding).
const PLATFORMS: [&str; 4] = ["基层公共服务平台", "12345政务服务热线", "国家企业信用信息公示系统", "法律服务网"];

fn plant(e: &mut Entry, defect: Defect, rng: &mut Rng) {
    match defect {
        Defect::MissingSubject => e.subject.clear(),
        Defect::MissingBasis => e.basis.clear(),
        Defect::UnknownMode => e.mode = "待定".into(),
        Defect::UnbalancedBasis => e.basis = format!("《中华人民共和国政府信息公开条例、{}", e.basis),
        Defect::GarbledNumber => {
            e.basis.push_str("、《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔201954号）")
        }
        Defect::IdNumber => {
            let id = id_number(rng);
            e.content.push_str(&format!("（附：申请人王某某，身份证号{id}）"));
        }
        Defect::ModeVariant => e.mode = format!("{}公开", e.mode),
        Defect::AudienceVariant => {
            e.audience = if e.audience == "特定群体" { "特定群众".into() } else { "全社会范围".into() };
        }
        Defect::PastedChecklist => {
            let list: Vec<String> = CANONICAL_CHANNELS
                .iter()
                .map(|c| format!("{}{c}", if e.channels.iter().any(|x| x == c) { '■' } else { '□' }))
                .collect();
            e.channels = vec![list.join(" ")];
        }
        Defect::TimeNoTrigger => e.time_limit = "20个工作日内".into(),
        Defect::DocNumberBrackets => {
            e.basis.push_str("、《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发[2019]54号）")
        }
        Defect::CompoundLevel => {
            e.levels = if e.levels.iter().any(|l| l == "县级") {
                vec!["县级".into(), "乡、村级".into()]
            } else {
                vec!["乡、村级".into()]
            };
        }
    }
}

/// Generate a catalog: entries grouped by domain in the order of the 26, each domain's items repeated round-robin
/// (the county's row, then one per township and village); exactly `round(entries × defect_share)` entries, spread
/// evenly, carry one defect each, kinds drawn in turn from a shuffled cycle of [`Defect::ALL`].
pub fn generate(opts: &Options) -> Generated {
    let pool = templates(opts.level);
    let mut rng = Rng::new(opts.seed);
    let n = opts.entries;
    // How many copies of each template: as even as possible.
    let (base, extra) = (n / pool.len().max(1), n % pool.len().max(1));
    let counts: Vec<usize> = (0..pool.len()).map(|i| base + usize::from(i < extra)).collect();
    let mut entries = Vec::with_capacity(n);
    let mut start = 0;
    while start < pool.len() {
        let number = pool[start].number;
        let end = start + pool[start..].iter().take_while(|t| t.number == number).count();
        let most = counts[start..end].iter().copied().max().unwrap_or(0);
        let mut seq = 0;
        for copy in 0..most {
            for (t, count) in pool[start..end].iter().zip(&counts[start..end]) {
                if copy < *count {
                    seq += 1;
                    entries.push(entry(t, copy, seq, &mut rng));
                }
            }
        }
        start = end;
    }
    let share = opts.defect_share.clamp(0.0, 1.0);
    let wanted = (n as f64 * share).round() as usize;
    let mut defects = Vec::with_capacity(wanted);
    let mut cycle = Defect::ALL;
    for (i, e) in entries.iter_mut().enumerate() {
        // Bresenham: exactly `wanted` indices, evenly spread.
        if (i + 1) * wanted / n.max(1) > i * wanted / n.max(1) {
            let k = defects.len() % cycle.len();
            if k == 0 {
                for j in (1..cycle.len()).rev() {
                    cycle.swap(j, rng.below(j + 1));
                }
            }
            let kind = cycle[k];
            plant(e, kind, &mut rng);
            defects.push((i, kind));
        }
    }
    let county = "江西省某某县";
    let (title, government) = match opts.level {
        "乡级" => {
            let township = TOWNSHIPS[(opts.seed as usize) % TOWNSHIPS.len()];
            (format!("{county}{township}政务公开事项标准目录"), format!("{county}{township}人民政府"))
        }
        _ => (format!("{county}基层政务公开事项标准目录"), format!("{county}人民政府")),
    };
    let mut catalog = Catalog::new(Meta {
        title,
        government,
        level: opts.level.to_owned(),
        compiled_on: Some("2024-06-30".into()),
        revision: Some("2024版".into()),
        ..Meta::default()
    });
    catalog.entries = entries;
    Generated { catalog, defects }
}

/// Formats `gen` can write.
pub const FORMATS: [&str; 3] = ["json", "csv", "xlsx"];

/// Above this many rows the importers refuse a sheet (crates/catalog-interop limits): no XLSX is written.
pub const XLSX_MAX_ROWS: usize = 200_000;

/// Write `catalog` as `DIR/NAME.{json,csv,xlsx}` with the app's own exporters; returns the files written.
pub fn write(catalog: &Catalog, dir: &Path, name: &str, formats: &[&str]) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for format in formats {
        let kind = ExportFormat::from_name(format).ok_or_else(|| format!("unknown format {format}"))?;
        if kind == ExportFormat::Xlsx && catalog.entries.len() > XLSX_MAX_ROWS {
            eprintln!(
                "gen: no XLSX for {} entries (the importers read at most {XLSX_MAX_ROWS} rows)",
                catalog.entries.len()
            );
            continue;
        }
        let bytes = export(catalog, kind).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{name}.{format}"));
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(path);
    }
    Ok(out)
}

/// `cargo xtask gen --entries N --out DIR [--seed S] [--defects SHARE] [--level 县级|乡级] [--formats json,csv,xlsx]
/// [--count K]` (K catalogs with seeds S, S+1, …).
pub fn run(args: &[String]) -> Result<(), String> {
    let mut opts = Options::default();
    let mut out = crate::root().join("target/bench/data");
    let mut formats: Vec<String> = FORMATS.iter().map(|f| (*f).to_owned()).collect();
    let mut count: Option<usize> = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--entries" => opts.entries = parse_count(&value()?)?,
            "--out" => out = PathBuf::from(value()?),
            "--seed" => opts.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--defects" => opts.defect_share = value()?.parse().map_err(|e| format!("--defects: {e}"))?,
            "--level" => {
                opts.level = match value()?.as_str() {
                    "县级" => "县级",
                    "乡级" => "乡级",
                    other => return Err(format!("--level must be 县级 or 乡级, not {other}")),
                }
            }
            "--formats" => formats = value()?.split(',').map(str::to_owned).collect(),
            "--count" => count = Some(parse_count(&value()?)?),
            other => return Err(format!("gen: unknown option {other}")),
        }
    }
    let formats: Vec<&str> = formats.iter().map(String::as_str).collect();
    let Some(count) = count else {
        let generated = generate(&opts);
        let name = format!("catalog-{}", opts.entries);
        for path in write(&generated.catalog, &out, &name, &formats)? {
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            println!("{} ({} entries, {size} bytes)", path.display(), opts.entries);
        }
        let mut kinds = std::collections::BTreeMap::new();
        for (_, d) in &generated.defects {
            *kinds.entry(d.code()).or_insert(0) += 1;
        }
        let errors = generated.defects.iter().filter(|(_, d)| d.is_error()).count();
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!("{} defects ({errors} errors): {}", generated.defects.len(), list.join(", "));
        return Ok(());
    };
    // Many catalogs (a province's townships): seeds seed, seed+1, …; files NAME-0001.EXT ….
    for i in 0..count {
        let one = Options { seed: opts.seed.wrapping_add(i as u64), ..opts.clone() };
        let generated = generate(&one);
        write(&generated.catalog, &out, &format!("catalog-{}-{:04}", opts.entries, i + 1), &formats)?;
    }
    println!("{count} catalogs of {} entries in {}", opts.entries, out.display());
    Ok(())
}

/// `10000`, `10k`, `1m`, `1M`.
pub fn parse_count(s: &str) -> Result<usize, String> {
    let lower = s.to_ascii_lowercase().replace('_', "");
    let (digits, factor) = match lower.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match lower.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (lower.as_str(), 1),
        },
    };
    digits.parse::<usize>().map(|n| n * factor).map_err(|_| format!("not a count: {s}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalog_core::Severity;
    use catalog_core::rules::{validate_across, validate_entry};

    fn small(entries: usize, share: f64) -> Options {
        Options { entries, seed: 7, defect_share: share, level: "县级" }
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = generate(&small(600, 0.05));
        let b = generate(&small(600, 0.05));
        let json = |g: &Generated| export(&g.catalog, ExportFormat::Json).unwrap_or_default();
        let csv = |g: &Generated| export(&g.catalog, ExportFormat::Csv).unwrap_or_default();
        assert_eq!(json(&a), json(&b));
        assert_eq!(csv(&a), csv(&b));
        // The app's XLSX writer stamps the export time (docProps/core.xml): compare what the file holds.
        let xlsx = |g: &Generated| {
            let bytes = export(&g.catalog, ExportFormat::Xlsx).unwrap_or_default();
            catalog_interop::import(&bytes, "x.xlsx").map(|i| i.catalog).ok()
        };
        assert!(xlsx(&a).is_some_and(|c| c.entries.len() == 600));
        assert_eq!(xlsx(&a), xlsx(&b));
        let c = generate(&Options { seed: 8, ..small(600, 0.05) });
        assert_ne!(json(&a), json(&c));
    }

    #[test]
    fn requested_size_and_defect_share() {
        for (n, share) in [(1, 0.0), (173, 0.1), (1000, 0.05), (2500, 0.2)] {
            let g = generate(&small(n, share));
            assert_eq!(g.catalog.entries.len(), n);
            assert_eq!(g.defects.len(), (n as f64 * share).round() as usize, "{n} × {share}");
        }
        let g = generate(&Options { level: "乡级", ..small(300, 0.05) });
        assert_eq!(g.catalog.entries.len(), 300);
        assert_eq!(g.defects.len(), 15);
    }

    /// Every planted defect is found under its own code, and nothing else is wrong: the clean entries draw no
    /// error and no warning, so the share of defective entries is exactly the share asked for.
    #[test]
    fn defects_are_found_and_the_rest_is_clean() {
        for level in ["县级", "乡级"] {
            let g = generate(&Options { level, ..small(2000, 0.06) });
            let across = validate_across(&g.catalog);
            let serious = |s: Severity| s == Severity::Error || s == Severity::Warning;
            assert!(across.catalog.iter().all(|d| !serious(d.severity())), "{level}: {:?}", across.catalog);
            let planted: std::collections::BTreeMap<usize, Defect> = g.defects.iter().copied().collect();
            for (i, found) in across.entries.iter().enumerate() {
                let mut codes: Vec<&str> = validate_entry(&g.catalog, i)
                    .iter()
                    .chain(found)
                    .filter(|d| serious(d.severity()))
                    .map(|d| d.code())
                    .collect();
                codes.dedup();
                match planted.get(&i) {
                    None => {
                        assert!(codes.is_empty(), "{level}: clean entry {i} has {codes:?}: {:?}", g.catalog.entries[i])
                    }
                    Some(d) => assert!(codes.contains(&d.code()), "{level}: entry {i} planted {d:?}, found {codes:?}"),
                }
            }
            let kinds: BTreeSet<&str> = g.defects.iter().map(|(_, d)| d.code()).collect();
            assert_eq!(kinds.len(), 11, "every kind of defect occurs");
        }
    }

    #[test]
    fn unique_item_paths_at_a_million_scale_qualifiers() {
        let names: BTreeSet<String> = (0..50_000).filter_map(place).collect();
        assert_eq!(names.len(), 49_999);
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("10k"), Ok(10_000));
        assert_eq!(parse_count("1M"), Ok(1_000_000));
        assert_eq!(parse_count("1800"), Ok(1800));
        assert!(parse_count("x").is_err());
    }
}
