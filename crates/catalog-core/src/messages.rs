//! The one place where findings become human messages, Chinese first and English second.

use crate::diagnostic::{Carry, Finding};

/// Field names of the v1 contract as the Chinese UI and catalogs call them.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "id" => "编号",
        "domain" => "领域",
        "item" => "公开事项",
        "content" => "公开内容（要素）",
        "basis" => "公开依据",
        "time_limit" => "公开时限",
        "subject" => "公开主体",
        "channels" => "公开渠道和载体",
        "audience" => "公开对象",
        "audience_group" => "特定群体说明",
        "mode" => "公开方式",
        "withheld_reason" => "不予公开理由",
        "levels" => "公开层级",
        "extra" => "其他列",
        "meta.level" => "目录层级",
        "meta.title" => "目录标题",
        "meta.government" => "编制单位",
        "meta.region" => "地区",
        "meta.compiled_on" => "编制日期",
        "meta.revision" => "版次",
        "not_applicable" => "未涉及领域说明",
        "removed" => "删减事项说明",
        _ => "字段",
    }
}

/// The Chinese message.
pub fn zh(f: &Finding) -> String {
    use Finding::*;
    match f {
        MetaLevel { value, suggestion: Some(s) } => {
            format!("目录层级“{value}”应写作“{s}”（县级或乡级，乡镇、街道均为乡级）")
        }
        MetaLevel { value, suggestion: None } if value.is_empty() => "缺少目录层级：请填写县级或乡级".into(),
        MetaLevel { value, .. } => format!("目录层级“{value}”无法识别：只能是县级或乡级"),
        MetaMissing { field } => format!("缺少{}", field_label(field)),
        Required { field } => format!("缺少必填要素“{}”", field_label(field)),
        ItemShape { levels, empty: Some(n) } => format!("公开事项第{n}级为空（共{levels}级）：请填写或删去该级"),
        ItemShape { levels, empty: None } => format!("公开事项最多3级，现为{levels}级"),
        IdMissing => "事项缺少编号：导出和比对版本时无法稳定对应".into(),
        IdDuplicate { id } => format!("编号“{id}”重复"),
        DomainUnknown { domain } => format!("“{domain}”不是26个试点领域之一，请核对领域名称"),
        DomainAlias { alias, canonical } => format!("领域“{alias}”是旧称，标准名称为“{canonical}”"),
        ItemDuplicate { path, first } => format!("公开事项“{path}”在本领域重复（首次出现于{first}）"),
        ChannelVariant { raw, canonical } => format!("公开渠道“{raw}”应写作标准名称“{canonical}”"),
        ChannelUnparsed { raw } => format!("公开渠道“{raw}”是整段勾选文字，应拆分为各个渠道"),
        ChannelOther { name } => format!("“{name}”不是13项标准渠道之一，按自定义渠道保留"),
        TimeUnrecognised { text } => {
            format!("公开时限“{text}”无法识别，请写明期限和起算点，如“信息形成或变更之日起20个工作日内”")
        }
        TimeNoTrigger { clause } => format!("公开时限“{clause}”缺少起算点，如“信息形成或变更之日起”"),
        TimeExceedsDefault { clause } => {
            format!("公开时限“{clause}”超过《政府信息公开条例》第二十六条规定的20个工作日，且未引用另有规定的依据")
        }
        BasisUnbalanced { text } => format!("公开依据中书名号不配对：“{text}”"),
        BasisGarbledNumber { raw } => format!("公开依据中的文号“{raw}”残缺，请核对原文"),
        BasisNonStandardNumber { raw, normalized } => format!("文号“{raw}”应规范为“{normalized}”"),
        BasisGenericOnly { text } => format!("公开依据只有“{text}”这样的笼统表述，请写明具体法规文件名称"),
        BasisPlaceholder { text } => format!("公开依据含模板占位“{text}”，请替换为本地实际文件"),
        AudienceUnknown { value, suggestion: Some(s) } => format!("公开对象“{value}”应写作“{s}”"),
        AudienceUnknown { value, suggestion: None } => format!("公开对象“{value}”无法识别：只能是全社会或特定群体"),
        AudienceGroupMissing => "公开对象为特定群体，但未写明是哪一群体".into(),
        ModeUnknown { value, suggestion: Some(s) } => format!("公开方式“{value}”应写作“{s}”"),
        ModeUnknown { value, suggestion: None } => format!("公开方式“{value}”无法识别：只能是主动、依申请或不予公开"),
        WithheldNoReason => {
            "不予公开的事项必须写明法定理由（如《政府信息公开条例》第十四条、第十五条、第十六条）".into()
        }
        LevelUnknown { label } => format!("公开层级“{label}”无法识别"),
        LevelCompound { label } => format!("公开层级“{label}”包含两个层级，应分开勾选"),
        LevelInconsistent { meta_level, levels } => {
            format!("本目录为{meta_level}目录，但该事项公开层级为“{levels}”，不含{meta_level}")
        }
        PrivacyIdNumber { masked } => format!("含公民身份号码（{masked}），公开前必须去标识化处理"),
        PrivacyBankCard { masked } => format!("含银行卡号（{masked}），公开前必须去标识化处理"),
        PrivacyPhone { masked } => {
            format!("含个人手机号码（{masked}），公开前必须去标识化处理；对外咨询请写办公电话（带区号的固定电话）")
        }
        PrivacyRoster { domain } => format!(
            "{domain}领域的名单公示面向全社会在政府网站公开：应去标识化（隐去身份证号、银行账号等中间位数），或改为村公示栏等特定范围"
        ),
        CoverageMissing { domain } => format!("未覆盖“{domain}”领域，也未在未涉及领域说明中写明理由"),
        NotApplicableNoReason { domain } => format!("未涉及领域“{domain}”缺少理由说明"),
        NotApplicableCovered { domain } => format!("“{domain}”已声明为未涉及领域，但目录中仍有该领域事项"),
        NotApplicableUnknown { domain } => format!("未涉及领域说明中的“{domain}”不是26个试点领域之一"),
        GuidelineMissing { domain, path, source } => {
            format!("{domain}领域标准指引事项“{path}”未列入目录（{source}）；如不适用，请列入删减事项说明并写明理由")
        }
        GuidelineLocal { domain } => format!("本事项不在{domain}领域标准指引中，属因地制宜增加的事项"),
        RemovedNoReason { domain, path } => format!("删减事项说明中{domain}领域“{path}”缺少删减理由"),
        RemovedPresent { domain, path } => {
            format!("{domain}领域“{path}”已列入删减事项说明，但目录中仍有该事项：请删去其中一处")
        }
        RemovedUnknownDomain { domain } => format!("删减事项说明中的“{domain}”不是26个试点领域之一"),
        RemovedNotGuideline { domain, path, level: Some(level) } => {
            format!("删减事项说明中的“{path}”不是{domain}领域标准指引中{level}适用的事项，请核对领域和事项名称")
        }
        RemovedNotGuideline { domain, path, level: None } => {
            format!("删减事项说明中的“{path}”不是{domain}领域标准指引中的事项，请核对领域和事项名称")
        }
        ContentGarbledNumber { raw } => format!("公开内容中的文号“{raw}”残缺，请核对原文"),
        OtherGovernment { name } if name.contains(['*', '＊']) => {
            format!("“{name}”是被遮盖的名称，请填写本单位或主管部门的实际名称")
        }
        OtherGovernment { name } => format!("“{name}”不是本目录的政府或其上级，可能是从其他地方的目录照搬而来，请核对"),
        ImportCarried { value, how } => match how {
            Carry::Ditto => format!("“同上”已按上一行的值“{value}”读取"),
            Carry::Merged => format!("合并单元格已按“{value}”读取"),
            Carry::GroupAbove => format!("一级事项为空，已沿用上方的“{value}”"),
        },
        ImportSkippedRow { text } => format!("该行不是公开事项，已跳过：“{text}”"),
        ImportExtraColumn { header } => format!("“{header}”列不属于标准目录要素，已原样保留在其他列"),
        ImportMark { header, value } => format!("“{header}”列应为√或空白，现为“{value}”，已原样保留在其他列"),
        ImportNoHeader { sheet } => format!("工作表“{sheet}”找不到表头（公开事项、公开内容、公开依据……），未导入"),
        ImportEncoding { encoding } => format!("文件编码识别为 {encoding}"),
        // importer (issue 14)
        ImportDomainInferred { domain, item } => {
            format!("表格未写明领域，已按事项“{item}”所属的标准指引认定为“{domain}”领域，请核对")
        }
        ImportLevelsInferred { level } => {
            format!("表格没有“公开层级”列，已按目录层级“{level}”填写各事项的公开层级")
        }
        ImportLevelsUnknown => "表格没有“公开层级”列，目录层级也无法确定：公开层级留空，请填写".to_owned(),
        ImportNoColumn { field } => format!("表格没有“{}”列：该要素留空，请填写", field_label(field)),
        ImportNoTick { group } => format!("“{group}”各列在该行均未勾选：该要素留空，请核对"),
        ImportTickUnresolved { header, value } => format!(
            "“{header}”列的“{value}”是勾选符号，但该列表头未标明勾选的是哪一项：该要素留空，原值保留在其他列，请核对"
        ),
        ImportChecklistNoGlyph { text } => {
            format!("公开渠道清单“{text}”没有勾选符号（■/□），无法判断勾选了哪些渠道：公开渠道和载体留空，请核对")
        }
        ImportContinuation { row } => format!("第{row}行只有上一事项的续写内容，已并入该事项"),
        ImportDomainCarried { domain } => format!("所属领域为空，已沿用上方的“{domain}”"),
        ImportMapped { header, field } => format!("“{header}”列按指定的列映射读作“{}”", field_label(field)),
        ImportMappingUnused { header } => format!("列映射中的表头“{header}”在文件中没有找到，未使用"),
    }
}

/// The English message.
pub fn en(f: &Finding) -> String {
    use Finding::*;
    match f {
        MetaLevel { value, suggestion: Some(s) } => format!("catalog level \"{value}\" should be written \"{s}\""),
        MetaLevel { value, .. } if value.is_empty() => "catalog level missing: 县级 (county) or 乡级 (township)".into(),
        MetaLevel { value, .. } => format!("catalog level \"{value}\" unknown: use 县级 or 乡级"),
        MetaMissing { field } => format!("{field} is missing"),
        Required { field } => format!("required element {field} is missing"),
        ItemShape { levels, empty: Some(n) } => format!("item level {n} of {levels} is empty; fill it in or remove it"),
        ItemShape { levels, empty: None } => format!("item has {levels} levels; at most 3"),
        IdMissing => "entry has no id; exports and version comparison cannot track it".into(),
        IdDuplicate { id } => format!("id \"{id}\" is used twice"),
        DomainUnknown { domain } => format!("\"{domain}\" is not one of the 26 pilot domains"),
        DomainAlias { alias, canonical } => format!("domain \"{alias}\" is an old name of \"{canonical}\""),
        ItemDuplicate { path, first } => format!("item \"{path}\" appears twice in this domain (first at {first})"),
        ChannelVariant { raw, canonical } => format!("channel \"{raw}\" should be the canonical \"{canonical}\""),
        ChannelUnparsed { raw } => format!("channel \"{raw}\" is a whole checklist; split it into channels"),
        ChannelOther { name } => format!("\"{name}\" is not one of the 13 standard channels; kept as a named channel"),
        TimeUnrecognised { text } => format!("time limit \"{text}\" not recognised; give a period and its trigger"),
        TimeNoTrigger { clause } => format!("time limit \"{clause}\" has no trigger (from when the period runs)"),
        TimeExceedsDefault { clause } => format!(
            "time limit \"{clause}\" exceeds the 20 working days of the Disclosure Regulation art. 26 without citing another rule"
        ),
        BasisUnbalanced { text } => format!("unbalanced title brackets 《》 in basis: \"{text}\""),
        BasisGarbledNumber { raw } => format!("garbled document number \"{raw}\" in basis"),
        BasisNonStandardNumber { raw, normalized } => format!("document number \"{raw}\" should read \"{normalized}\""),
        BasisGenericOnly { text } => {
            format!("basis is only a generic phrase (\"{text}\"); cite the actual laws or documents")
        }
        BasisPlaceholder { text } => format!("basis contains a template placeholder \"{text}\""),
        AudienceUnknown { value, suggestion: Some(s) } => format!("audience \"{value}\" should be written \"{s}\""),
        AudienceUnknown { value, .. } => format!("audience \"{value}\" unknown: use 全社会 or 特定群体"),
        AudienceGroupMissing => "audience is 特定群体 but the group is not named".into(),
        ModeUnknown { value, suggestion: Some(s) } => format!("mode \"{value}\" should be written \"{s}\""),
        ModeUnknown { value, .. } => format!("mode \"{value}\" unknown: use 主动, 依申请 or 不予公开"),
        WithheldNoReason => "withheld (不予公开) item needs its legal reason (Regulation art. 14, 15 or 16)".into(),
        LevelUnknown { label } => format!("level \"{label}\" not recognised"),
        LevelCompound { label } => format!("level \"{label}\" names two levels; list them separately"),
        LevelInconsistent { meta_level, levels } => {
            format!("a {meta_level} catalog lists an item published at \"{levels}\" only")
        }
        PrivacyIdNumber { masked } => format!("contains a citizen ID number ({masked}); de-identify before publishing"),
        PrivacyBankCard { masked } => format!("contains a bank card number ({masked}); de-identify before publishing"),
        PrivacyPhone { masked } => format!(
            "contains a personal mobile number ({masked}); de-identify before publishing, and give the office landline (with area code) for enquiries"
        ),
        PrivacyRoster { domain } => format!(
            "{domain} roster published to everyone on the website: de-identify it or limit it to the village notice board"
        ),
        CoverageMissing { domain } => format!("domain {domain} is neither covered nor declared not applicable"),
        NotApplicableNoReason { domain } => format!("not-applicable domain {domain} has no reason"),
        NotApplicableCovered { domain } => format!("{domain} is declared not applicable but has entries"),
        NotApplicableUnknown { domain } => format!("not-applicable domain \"{domain}\" is not one of the 26"),
        GuidelineMissing { domain, path, source } => {
            format!(
                "{domain} guideline item \"{path}\" is missing ({source}); if it does not apply, list it as removed (删减事项说明) with the reason"
            )
        }
        GuidelineLocal { domain } => format!("local item not in the {domain} guideline (allowed: 因地制宜)"),
        RemovedNoReason { domain, path } => format!("removed {domain} guideline item \"{path}\" has no reason"),
        RemovedPresent { domain, path } => {
            format!("{domain} item \"{path}\" is declared removed but is still in the catalog; keep one")
        }
        RemovedUnknownDomain { domain } => format!("removed item's domain \"{domain}\" is not one of the 26"),
        RemovedNotGuideline { domain, path, level: Some(level) } => {
            format!("removed item \"{path}\" is not a {domain} guideline item for a {level} catalog; check its name")
        }
        RemovedNotGuideline { domain, path, level: None } => {
            format!("removed item \"{path}\" is not a {domain} guideline item; check its name")
        }
        ContentGarbledNumber { raw } => format!("garbled document number \"{raw}\" in content"),
        OtherGovernment { name } if name.contains(['*', '＊']) => {
            format!("\"{name}\" is a masked name; write the actual body")
        }
        OtherGovernment { name } => {
            format!("\"{name}\" is not this catalog's government or a parent of it; copied from another catalog?")
        }
        ImportCarried { value, how } => match how {
            Carry::Ditto => format!("\"同上\" read as the value above, \"{value}\""),
            Carry::Merged => format!("merged cell read as \"{value}\""),
            Carry::GroupAbove => format!("blank first-level item continues \"{value}\" from above"),
        },
        ImportSkippedRow { text } => format!("row is not an entry and was skipped: \"{text}\""),
        ImportExtraColumn { header } => format!("column \"{header}\" is not a standard element; kept in extra"),
        ImportMark { header, value } => format!("tick column \"{header}\" holds \"{value}\"; kept in extra"),
        ImportNoHeader { sheet } => format!("sheet \"{sheet}\" has no recognisable header row; not imported"),
        ImportEncoding { encoding } => format!("text encoding detected: {encoding}"),
        // importer (issue 14)
        ImportDomainInferred { domain, item } => {
            format!("no domain is written; read as {domain}, the guideline domain of item \"{item}\" (check it)")
        }
        ImportLevelsInferred { level } => {
            format!("the table has no 公开层级 column; each entry's levels set to the catalog's level {level}")
        }
        ImportLevelsUnknown => {
            "the table has no 公开层级 column and the catalog's level is unknown: levels left empty".to_owned()
        }
        ImportNoColumn { field } => format!("the table has no column for {field}: left empty"),
        ImportNoTick { group } => format!("none of the {group} columns is ticked on this row: left empty"),
        ImportTickUnresolved { header, value } => format!(
            "column \"{header}\" holds the tick \"{value}\" but its header does not say which choice it ticks: left empty, kept in extra"
        ),
        ImportChecklistNoGlyph { text } => format!(
            "the channel checklist \"{text}\" has no ■/□ glyphs, so what is ticked cannot be told: channels left empty"
        ),
        ImportContinuation { row } => format!("row {row} only continues the entry above; joined to it"),
        ImportDomainCarried { domain } => format!("blank domain continues \"{domain}\" from the row above"),
        ImportMapped { header, field } => format!("column \"{header}\" read as {field}, as the column mapping says"),
        ImportMappingUnused { header } => {
            format!("header \"{header}\" of the column mapping is not in the file; unused")
        }
    }
}

use crate::load::LoadError;

/// Chinese message for a catalog that cannot be read.
pub fn load_zh(e: &LoadError) -> String {
    match e {
        LoadError::Syntax { line, column, .. } => format!("不是有效的JSON文件：第{line}行第{column}列附近格式错误"),
        LoadError::NotCatalog { found: Some(f) } => {
            format!("不是政务公开目录文件（format 为“{f}”，应为“zwgk-catalog”）")
        }
        LoadError::NotCatalog { found: None } => "不是政务公开目录文件（缺少 \"format\": \"zwgk-catalog\"）".into(),
        LoadError::NewerVersion { version } => {
            format!("文件为新版格式（第{version}版），本工具只能读取第1版：请升级工具，文件未做任何改动")
        }
        LoadError::BadVersion { .. } => "目录文件的版本号（version）缺失或无法识别，应为 1".into(),
        LoadError::Shape { line, column, detail } => {
            format!("目录文件第{line}行第{column}列的字段类型不对（{}）", shape_hint(detail))
        }
    }
}

/// English message for a catalog that cannot be read.
pub fn load_en(e: &LoadError) -> String {
    match e {
        LoadError::Syntax { line, column, detail } => {
            format!("not valid JSON at line {line}, column {column}: {detail}")
        }
        LoadError::NotCatalog { found } => {
            format!("not a zwgk-catalog file (format: \"{}\")", found.as_deref().unwrap_or("missing"))
        }
        LoadError::NewerVersion { version } => {
            format!("written in format version {version}; this build reads version 1 (file left unchanged)")
        }
        LoadError::BadVersion { detail } => format!("missing or unknown format version: {detail}"),
        LoadError::Shape { line, column, detail } => {
            format!("wrong field type at line {line}, column {column}: {detail}")
        }
    }
}

/// serde's type errors, said in Chinese terms.
fn shape_hint(detail: &str) -> &'static str {
    if detail.contains("expected a sequence") {
        "此处应为列表，如 [\"政府网站\"]"
    } else if detail.contains("expected a string") {
        "此处应为文字"
    } else if detail.contains("expected a map") || detail.contains("expected struct") {
        "此处应为对象 {…}"
    } else {
        "请对照目录格式说明"
    }
}

use crate::parse::time_limit::{DayUnit, Period, Promptness, TimeLimit, TimeRule};

fn unit_zh(unit: DayUnit) -> &'static str {
    match unit {
        DayUnit::WorkingDays => "个工作日",
        DayUnit::Days => "日",
        DayUnit::Weeks => "周",
        DayUnit::Months => "个月",
        DayUnit::Hours => "小时",
    }
}

/// How the editor's preview says what a 公开时限 was understood as, clause by clause ("；"-joined).
pub fn time_limit_summary(t: &TimeLimit) -> String {
    let clause = |rule: &TimeRule| match rule {
        TimeRule::Within { amount, unit, trigger: Some(t) } => format!("自“{}”起{amount}{}内", t.text, unit_zh(*unit)),
        TimeRule::Within { amount, unit, trigger: None } => format!("{amount}{}内（缺少起算点）", unit_zh(*unit)),
        TimeRule::Before { amount, unit, event } => format!("“{event}”前{amount}{}", unit_zh(*unit)),
        TimeRule::OnEvent { event } => format!("随“{event}”"),
        TimeRule::Periodic { period, deadline } => {
            let p = match period {
                Period::Yearly => "每年",
                Period::Quarterly => "每季度",
                Period::Monthly => "每月",
            };
            format!("{p}{}", deadline.as_deref().unwrap_or(""))
        }
        TimeRule::Display { amount, unit } => format!("公示{amount}{}", unit_zh(*unit)),
        TimeRule::MinimumPeriod { amount, unit } => format!("不少于{amount}{}", unit_zh(*unit)),
        TimeRule::Promptly { kind } => match kind {
            Promptness::Realtime => "实时",
            Promptness::Prompt => "及时",
            Promptness::LongTerm => "长期",
            Promptness::Anytime => "随时",
            Promptness::AsProgresses => "按进展",
            Promptness::DuringTerm => "任期内",
            Promptness::LatestValid => "最新有效",
        }
        .to_owned(),
        TimeRule::SameAsAbove => "同上一行".to_owned(),
        TimeRule::OtherwiseProvided => "另有规定的从其规定".to_owned(),
        TimeRule::Unrecognised => "无法识别".to_owned(),
    };
    t.clauses
        .iter()
        .map(|c| match &c.scope {
            Some(scope) => format!("{scope}：{}", clause(&c.rule)),
            None => clause(&c.rule),
        })
        .collect::<Vec<_>>()
        .join("；")
}

use crate::diagnostic::Severity;
use crate::review::{Coverage, ReviewStatus};

/// A severity as Chinese reports name it.
pub fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// A supervisor's decision as the review report writes it.
pub fn review_status_zh(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Return => "返回修改",
        ReviewStatus::Pass => "通过",
    }
}

/// A coverage cell's status as the review report writes it.
pub fn coverage_zh(c: &Coverage) -> &'static str {
    match c {
        Coverage::Covered { .. } => "已覆盖",
        Coverage::NotApplicable { .. } => "不涉及",
        Coverage::Missing => "缺失",
    }
}

use crate::privacy::{Hit, Kind};

fn personal_kind_zh(k: Kind) -> &'static str {
    match k {
        Kind::IdNumber => "公民身份号码",
        Kind::BankCard => "银行卡号",
        Kind::Mobile => "个人手机号码",
    }
}

fn personal_kind_en(k: Kind) -> &'static str {
    match k {
        Kind::IdNumber => "citizen ID number",
        Kind::BankCard => "bank card number",
        Kind::Mobile => "personal mobile number",
    }
}

/// Where a hit is, in Chinese: `事项 e3（第12行）公开内容（要素）`, `目录信息 目录标题`, `未涉及领域说明`.
fn hit_place_zh(h: &Hit) -> String {
    let row = h.row.map(|r| format!("（第{r}行）")).unwrap_or_default();
    match h.place.as_str() {
        "meta" => format!("目录信息 {}", field_label(&h.field)),
        "not_applicable" | "removed" => field_label(&h.field).to_owned(),
        label => format!("事项 {label}{row} {}", field_label(&h.field)),
    }
}

fn hit_place_en(h: &Hit) -> String {
    let row = h.row.map(|r| format!(" (row {r})")).unwrap_or_default();
    match h.place.as_str() {
        "meta" | "not_applicable" | "removed" => h.field.clone(),
        label => format!("entry {label}{row}, {}", h.field),
    }
}

/// Hits listed in a refusal message before "…".
const HITS_SHOWN: usize = 3;

/// Why a page for everyone (the HTML export) was not written: the personal data it would publish.
pub fn personal_data_refused_zh(hits: &[Hit]) -> String {
    let shown: Vec<String> = hits
        .iter()
        .take(HITS_SHOWN)
        .map(|h| format!("{}含{}（{}）", hit_place_zh(h), personal_kind_zh(h.kind), h.masked))
        .collect();
    let more = if hits.len() > HITS_SHOWN { "等" } else { "" };
    format!(
        "网页面向全社会公开，但其中有 {} 处个人信息：{}{more}。请先去标识化处理，或导出时选择“遮盖个人信息”（手机号保留前3后4位，身份证号保留前6后4位，银行卡号保留前4后4位）",
        hits.len(),
        shown.join("；")
    )
}

pub fn personal_data_refused_en(hits: &[Hit]) -> String {
    let shown: Vec<String> = hits
        .iter()
        .take(HITS_SHOWN)
        .map(|h| format!("{} holds a {} ({})", hit_place_en(h), personal_kind_en(h.kind), h.masked))
        .collect();
    let more = if hits.len() > HITS_SHOWN { "; …" } else { "" };
    format!(
        "the page is published to everyone but holds {} item(s) of personal data: {}{more}. De-identify them first, or export with masking of personal data (mobiles keep 3 + 4 digits, ID numbers 6 + 4, bank cards 4 + 4)",
        hits.len(),
        shown.join("; ")
    )
}
