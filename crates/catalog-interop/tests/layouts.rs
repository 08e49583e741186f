//! The failure classes seen on published catalogs (issue 14), each in at least two variants: small tables written
//! here in the wordings real pages use, imported as a user's CSV or XLSX file. What the importer cannot tell it
//! leaves empty with a located `import.*` finding; it never guesses silently.

use catalog_core::model::Entry;
use catalog_core::{Severity, validate};
use catalog_interop::corpus::{CorpusFile, render};
use catalog_interop::{Imported, import};

const HEADER: [&str; 14] = [
    "序号",
    "公开事项",
    "",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "",
    "公开方式",
    "",
    "公开层级",
    "",
];

fn owned(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
}

/// A table rendered as a real file (`render`: xlsx, csv-gbk, csv-utf8-bom, csv-utf8), with merges for XLSX.
fn import_as(render_as: &str, rows: &[&[&str]], merges: &[[usize; 4]]) -> Imported {
    let file = serde_json::json!({
        "render": render_as,
        "sheets": [{ "name": "Sheet1", "rows": owned(rows), "merges": merges }],
        "expected": { "entries": [] },
    });
    let file: CorpusFile = serde_json::from_value(file).expect("a table");
    let (bytes, name) = render(&file, "table").expect("renders");
    import(&bytes, &name).expect("imports")
}

fn csv(rows: &[&[&str]]) -> Imported {
    import_as("csv-utf8", rows, &[])
}

/// One data row of the national two-row layout, with the given tick cells (全社会, 特定, 主动, 依申请, two levels).
fn row<'a>(n: &'a str, channels: &'a str, ticks: [&'a str; 6]) -> Vec<&'a str> {
    let mut r = vec![
        n,
        "最低生活保障",
        "审批信息",
        "低保对象名单",
        "《社会救助暂行办法》",
        "信息形成之日起20个工作日内",
        "某镇人民政府",
        channels,
    ];
    r.extend(ticks);
    r
}

fn codes_at(imported: &Imported, row: u32) -> Vec<&'static str> {
    imported.diagnostics.iter().filter(|d| d.row == Some(row)).map(|d| d.code()).collect()
}

fn codes(imported: &Imported) -> Vec<&'static str> {
    imported.diagnostics.iter().map(|d| d.code()).collect()
}

fn errors(imported: &Imported) -> Vec<String> {
    validate(&imported.catalog)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error && d.entry.is_some())
        .map(|d| format!("{:?} {:?} {}", d.row, d.field, d.code()))
        .collect()
}

fn entry(imported: &Imported, i: usize) -> &Entry {
    &imported.catalog.entries[i]
}

fn ticks_right(e: &Entry) {
    assert_eq!(e.audience, "全社会", "{e:?}");
    assert_eq!(e.audience_group, None, "{e:?}");
    assert_eq!(e.mode, "主动", "{e:?}");
    assert!(e.extra.is_empty(), "nothing moved into extra: {e:?}");
}

#[test]
fn sub_headers_with_level_words_without_ji_are_read() {
    // 街道 / 社区 (a street office's catalog), 村 and a broken-off 、村级, and 序号 standing in the second row.
    for levels in [["街道", "社区"], ["镇", "、村级"], ["乡级", "村"]] {
        let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群众", "主动", "依申请公开"];
        let mut sub: Vec<&str> = sub.to_vec();
        sub.extend(levels);
        let imported = csv(&[&HEADER, &sub, &row("1", "■政府网站", ["√", "", "√", "", "√", "√"])]);
        let e = entry(&imported, 0);
        ticks_right(e);
        assert_eq!(e.item, ["最低生活保障", "审批信息"]);
        assert_eq!(e.levels.len(), 2, "{levels:?}: {:?}", e.levels);
        assert!(errors(&imported).is_empty(), "{levels:?}: {:?}", errors(&imported));
    }
    let mut sub = vec!["序号", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群众", "主动", "依申请公开"];
    sub.extend(["县级", "乡级"]);
    let header_with_domain: Vec<&str> = HEADER.to_vec();
    let imported = csv(&[&header_with_domain, &sub, &row("1", "■政府网站", ["√", "", "√", "", "", "√"])]);
    ticks_right(entry(&imported, 0));
    assert_eq!(entry(&imported, 0).levels, ["乡级"]);
}

#[test]
fn headers_over_three_rows_are_read() {
    // A grand header over the groups, then the groups, then the tick words.
    let top = [
        "序号",
        "公开事项",
        "",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开要求",
        "",
        "",
        "",
        "",
        "",
    ];
    let mid = ["", "一级事项", "二级事项", "", "", "", "", "", "公开对象", "", "公开方式", "", "公开层级", ""];
    let low = ["", "", "", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    let imported = csv(&[&top, &mid, &low, &row("1", "■政府网站", ["√", "", "√", "", "", "√"])]);
    assert_eq!(imported.catalog.entries.len(), 1, "{:?}", codes(&imported));
    ticks_right(entry(&imported, 0));
    assert_eq!(entry(&imported, 0).levels, ["乡级"]);
}

#[test]
fn a_tick_under_a_column_whose_sub_header_is_lost_is_not_guessed() {
    // The second header row is missing: 公开对象 and 公开方式 head two columns each with nothing to tell them apart.
    for ticks in [["√", "", "√", "", "√", ""], ["", "✔", "", "✔", "", "✔"]] {
        let imported = csv(&[&HEADER, &row("1", "■政府网站", ticks)]);
        let e = entry(&imported, 0);
        assert_eq!(e.audience, "", "never 特定群体 with group √: {e:?}");
        assert_eq!(e.audience_group, None);
        assert_eq!(e.mode, "");
        let at = codes_at(&imported, 2);
        assert!(at.iter().filter(|c| **c == "import.tick-unresolved").count() >= 2, "{at:?}");
        assert!(e.extra.values().all(|v| v.contains('√') || v.contains('✔')), "the ticks are kept: {e:?}");
    }
}

#[test]
fn tick_glyphs_and_empty_boxes_are_read() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    for (tick, empty) in [("▄", "口"), ("█", "☐"), ("☑", "○"), ("✓", "〇"), ("●", "□"), ("◆", "口"), ("▲", "☐")]
    {
        let imported = csv(&[&HEADER, &sub, &row("1", "■政府网站", [tick, empty, tick, empty, empty, tick])]);
        let e = entry(&imported, 0);
        ticks_right(e);
        assert_eq!(e.levels, ["乡级"], "{tick} {empty}");
        assert!(codes(&imported).iter().all(|c| *c != "import.mark"), "{tick} {empty}: {:?}", codes(&imported));
    }
}

#[test]
fn checklists_with_other_glyphs_tick_what_they_mark() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    for (cell, want) in [
        ("■政府网站口政府公报口两微一端■政务服务中心", vec!["政府网站", "政务服务中心"]),
        ("▄政府网站;口政府公报;口两微一端;▄公开查阅点", vec!["政府网站", "公开查阅点"]),
        ("▲政府网站 ☐政府公报 ▲两微一端", vec!["政府网站", "两微一端"]),
    ] {
        let imported = csv(&[&HEADER, &sub, &row("1", cell, ["√", "", "√", "", "", "√"])]);
        assert_eq!(entry(&imported, 0).channels, want, "{cell}");
    }
}

#[test]
fn a_note_printed_in_the_channel_cell_is_not_a_channel() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    for cell in
        ["■政府网站 ■两微一端 注:有关公开信息可推送或归集至本省级法律服务网。", "■政府网站\n■两微一端\n注：■为必选项"]
    {
        let imported = csv(&[&HEADER, &sub, &row("1", cell, ["√", "", "√", "", "", "√"])]);
        let e = entry(&imported, 0);
        assert_eq!(e.channels, ["政府网站", "两微一端"], "{cell}");
        assert!(e.extra.get("公开渠道和载体（注）").is_some_and(|n| n.starts_with("注")), "the note is kept: {e:?}");
    }
}

#[test]
fn a_checklist_printed_without_glyphs_is_not_read_as_all_ticked() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    for cell in [
        "政府网站政府公报两微一端发布会/听证会广播电视纸质媒体公开查阅点政务服务中心便民服务站入户/现场社区/企事业单位/村公示栏（电子屏）精准推送其他",
        "政府网站 政府公报 两微一端 发布会/听证会 广播电视 纸质媒体 公开查阅点 政务服务中心 便民服务站 入户/现场 精准推送 其他",
        "政府网站政府公报两微一端广播电视",
    ] {
        let imported = csv(&[&HEADER, &sub, &row("1", cell, ["√", "", "√", "", "", "√"])]);
        assert!(entry(&imported, 0).channels.is_empty(), "{cell}");
        assert!(codes_at(&imported, 3).contains(&"import.checklist-no-glyph"), "{cell}");
    }
    // A list typed with separators is a choice, however long.
    let imported = csv(&[&HEADER, &sub, &row("1", "政府网站、两微一端", ["√", "", "√", "", "", "√"])]);
    assert_eq!(entry(&imported, 0).channels, ["政府网站", "两微一端"]);
    let long =
        "政府网站、政府公报、两微一端、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、精准推送";
    let imported = csv(&[&HEADER, &sub, &row("1", long, ["√", "", "√", "", "", "√"])]);
    assert_eq!(entry(&imported, 0).channels.len(), 10);
}

#[test]
fn a_tick_group_without_a_tick_is_left_empty_and_said() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    let imported = csv(&[&HEADER, &sub, &row("1", "■政府网站", ["", "", "√", "", "", "√"])]);
    assert_eq!(entry(&imported, 0).audience, "");
    assert!(codes_at(&imported, 3).contains(&"import.no-tick"));
    let imported = csv(&[&HEADER, &sub, &row("1", "■政府网站", ["√", "", "", "", "", ""])]);
    assert_eq!(entry(&imported, 0).mode, "");
    assert!(codes_at(&imported, 3).iter().filter(|c| **c == "import.no-tick").count() == 2, "mode and levels");
}

/// A two-row header table without a 公开层级 column.
fn without_levels(title: &[&str], subject: &str) -> Vec<Vec<String>> {
    let header = [
        "序号",
        "公开事项",
        "",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "",
        "公开方式",
        "",
    ];
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请"];
    let data = |n: &str, second: &str| {
        let mut r: Vec<String> = [
            "最低生活保障",
            second,
            "名单",
            "《社会救助暂行办法》",
            "20个工作日内",
            subject,
            "■政府网站",
            "√",
            "",
            "√",
            "",
        ]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
        r.insert(0, n.to_owned());
        r
    };
    let mut rows: Vec<Vec<String>> = title.iter().map(|t| vec![(*t).to_owned()]).collect();
    rows.push(header.iter().map(|c| (*c).to_owned()).collect());
    rows.push(sub.iter().map(|c| (*c).to_owned()).collect());
    rows.push(data("1", "审核信息"));
    rows.push(data("2", "审批信息"));
    rows
}

fn import_rows(render_as: &str, rows: &[Vec<String>]) -> Imported {
    let refs: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    import_as(render_as, &slices, &[])
}

#[test]
fn without_a_levels_column_rows_take_the_catalogs_level() {
    for (title, subject, level) in [
        ("某县社会救助领域基层政务公开标准目录", "县民政局", "县级"),
        ("某县某镇社会救助领域基层政务公开标准目录", "某镇人民政府", "乡级"),
        // No government in the title: the subjects tell it.
        ("社会救助领域基层政务公开标准目录", "江上乡人民政府", "乡级"),
    ] {
        let imported = import_rows("csv-gbk", &without_levels(&[title], subject));
        assert!(
            imported.catalog.entries.iter().all(|e| e.levels == [level]),
            "{title}: {:?}",
            imported.catalog.entries
        );
        let notes: Vec<_> = imported.diagnostics.iter().filter(|d| d.code() == "import.levels-inferred").collect();
        assert_eq!(notes.len(), 1, "one note for the table: {title}");
        assert_eq!(notes[0].field, Some("levels"));
        assert!(errors(&imported).is_empty(), "{title}: {:?}", errors(&imported));
    }
    // Nothing tells the level: left empty, said once.
    let imported = import_rows("csv-utf8", &without_levels(&["社会救助领域基层政务公开标准目录"], "负责部门分别公开"));
    assert!(imported.catalog.entries.iter().all(|e| e.levels.is_empty()));
    assert_eq!(codes(&imported).iter().filter(|c| **c == "import.levels-unknown").count(), 1);
}

#[test]
fn the_domain_comes_from_long_titles_headings_and_not_from_legends() {
    let long = "关于印发某县某镇2023年度社会救助领域基层政务公开标准目录（第二次修订稿，含村级事项）的通知";
    assert!(long.chars().count() > 40);
    let imported = import_rows("csv-utf8", &without_levels(&[long], "某镇人民政府"));
    assert!(imported.catalog.entries.iter().all(|e| e.domain == "社会救助"), "{:?}", imported.catalog.entries);

    // A heading row right under the title names the domain; it wins over the title's.
    let imported = import_rows(
        "xlsx",
        &without_levels(&["某镇基层政务公开标准目录", "（一）某镇义务教育领域基层政务公开标准目录"], "某镇人民政府"),
    );
    assert!(imported.catalog.entries.iter().all(|e| e.domain == "义务教育"), "{:?}", imported.catalog.entries);
    let imported = import_rows(
        "csv-utf8-bom",
        &without_levels(&["某镇社会救助领域基层政务公开标准目录", "二、养老服务"], "某镇人民政府"),
    );
    assert!(
        imported.catalog.entries.iter().all(|e| e.domain == "养老服务"),
        "heading wins: {:?}",
        imported.catalog.entries
    );

    // A legend row that mentions a domain is not a heading.
    let imported = import_rows(
        "csv-utf8",
        &without_levels(
            &["某镇社会救助领域基层政务公开标准目录", "注：本目录参照扶贫领域标准指引编制"],
            "某镇人民政府",
        ),
    );
    assert!(imported.catalog.entries.iter().all(|e| e.domain == "社会救助"), "{:?}", imported.catalog.entries);
}

#[test]
fn the_domain_is_told_by_the_guideline_items_when_nothing_names_it() {
    // No title, a sheet named Sheet1: 最低生活保障 is a 社会救助 guideline item.
    let rows = without_levels(&[], "某镇人民政府");
    for render_as in ["csv-utf8", "xlsx"] {
        let imported = import_rows(render_as, &rows);
        assert!(imported.catalog.entries.iter().all(|e| e.domain == "社会救助"), "{render_as}");
        assert!(codes(&imported).contains(&"import.domain-inferred"));
    }
}

#[test]
fn titles_with_a_pilot_and_legend_rows_give_the_government() {
    for (title, government, level, subject) in [
        ("复兴镇试点领域基层政务公开标准目录", "复兴镇人民政府", "乡级", "复兴镇人民政府"),
        ("某县13个试点领域基层政务公开标准目录", "某县人民政府", "县级", "县民政局"),
    ] {
        let imported = import_rows("csv-utf8", &without_levels(&[title], subject));
        assert_eq!(imported.catalog.meta.government, government, "{title}");
        assert_eq!(imported.catalog.meta.level, level, "{title}");
    }
    for (legend, government, level) in [
        ("发布机构：某区应急管理局", "某区应急管理局", "县级"),
        ("编制单位：某镇人民政府", "某镇人民政府", "乡级"),
        ("[ 发布机构 ] 合川区双槐镇", "合川区双槐镇", "乡级"),
    ] {
        let imported =
            import_rows("xlsx", &without_levels(&["社会救助领域基层政务公开标准目录", legend], "某镇人民政府"));
        assert_eq!(imported.catalog.meta.government, government, "{legend}");
        assert_eq!(imported.catalog.meta.level, level, "{legend}");
        assert_eq!(imported.catalog.meta.title, "社会救助领域基层政务公开标准目录", "a legend is not the title");
    }
}

#[test]
fn no_phantom_unnamed_column() {
    // A blank-headed column holding values keeps them under its column letter; a cell merged across it is one cell.
    let header = [
        "序号",
        "公开事项",
        "",
        "公开内容",
        "",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "公开方式",
        "公开层级",
    ];
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "", "", "", ""];
    let data = [
        "1",
        "最低生活保障",
        "审批信息",
        "低保对象名单",
        "",
        "《社会救助暂行办法》",
        "20个工作日内",
        "某镇人民政府",
        "■政府网站",
        "全社会",
        "主动",
        "乡级",
    ];
    let imported = import_as("xlsx", &[&header, &sub, &data], &[[2, 3, 2, 4]]);
    assert!(imported.catalog.entries[0].extra.is_empty(), "{:?}", imported.catalog.entries[0].extra);
    let mut note = data;
    note[4] = "备查";
    let imported = import_as("csv-utf8", &[&header, &sub, &note], &[]);
    assert_eq!(imported.catalog.entries[0].extra.get("E列（无表头）").map(String::as_str), Some("备查"));
    let messages: Vec<String> = imported.diagnostics.iter().map(|d| catalog_core::messages::zh(&d.finding)).collect();
    assert!(messages.iter().all(|m| !m.contains("未命名列")), "{messages:?}");
}

#[test]
fn traditional_characters_are_read() {
    let header = [
        "序號",
        "公開事項",
        "",
        "公開內容(要素)",
        "公開依據",
        "公開時限",
        "公開主體",
        "公開渠道和載體",
        "公開對象",
        "",
        "公開方式",
        "",
        "公開層級",
        "",
    ];
    let sub = ["", "一級事項", "二級事項", "", "", "", "", "", "全社會", "特定群體", "主動", "依申請", "縣級", "鄉級"];
    let data = [
        "1",
        "最低生活保障",
        "審批信息",
        "名單",
        "《社會救助暫行辦法》",
        "20個工作日內",
        "縣民政局",
        "■政府網站 □政府公報",
        "√",
        "",
        "√",
        "",
        "√",
        "",
    ];
    for render_as in ["csv-utf8-bom", "xlsx"] {
        let imported = import_as(render_as, &[&header, &sub, &data], &[]);
        let e = entry(&imported, 0);
        ticks_right(e);
        assert_eq!(e.channels, ["政府网站"]);
        assert_eq!(e.levels, ["县级"]);
        assert_eq!(e.content, "名單", "text kept as written");
        assert_eq!(e.domain, "社会救助");
    }
}

#[test]
fn content_split_over_grid_rows_joins_its_entry() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    let first = row("1", "■政府网站", ["√", "", "√", "", "", "√"]);
    let more = ["", "", "", "政府性基金预算", "", "", "", "", "", "", "", "", "", ""];
    // CSV: the other cells blank; XLSX: the other cells merged down over both rows.
    let imported = csv(&[&HEADER, &sub, &first, &more]);
    assert_eq!(imported.catalog.entries.len(), 1);
    assert_eq!(entry(&imported, 0).content, "低保对象名单\n政府性基金预算");
    assert!(codes(&imported).contains(&"import.continuation"));
    let merges: Vec<[usize; 4]> = (0..14).filter(|c| *c != 3).map(|c| [2, c, 3, c]).collect();
    let imported = import_as("xlsx", &[&HEADER, &sub, &first, &more], &merges);
    assert_eq!(imported.catalog.entries.len(), 1, "{:?}", codes(&imported));
    assert_eq!(entry(&imported, 0).content, "低保对象名单\n政府性基金预算");
    assert!(errors(&imported).is_empty(), "{:?}", errors(&imported));
}

#[test]
fn row_per_element_tables_and_values_printed_beside_the_labels() {
    // Each 公开内容 element and 公开依据 line in a grid row of its own; 时限/主体/渠道 printed once in the third header
    // row and merged down the table; 公开 over 时限 as one header.
    let rows: [&[&str]; 7] = [
        &["序号", "公开事项", "", "公开内容", "公开依据", "公开", "公开", "公开"],
        &["", "", "", "(要素)", "", "时限", "主体", "渠道"],
        &["", "一级事项", "二级事项", "", "", "20个工作日内", "某区卫生健康委员会", "政府网站"],
        &["1", "公共卫生服务事项", "预防接种", "1.法律法规和政策文件", "1.《疫苗管理法》", "", "", ""],
        &["", "", "", "2.服务对象", "2.《国家基本公共卫生服务规范》", "", "", ""],
        &["2", "", "居民健康档案管理", "1.法律法规和政策文件", "1.《国家基本公共卫生服务规范》", "", "", ""],
        &["", "", "", "2.服务对象", "", "", "", ""],
    ];
    let mut merges =
        vec![[0, 0, 2, 0], [0, 1, 1, 2], [1, 3, 2, 3], [0, 4, 2, 4], [3, 1, 6, 1], [3, 0, 4, 0], [5, 0, 6, 0]];
    merges.extend((5..8).map(|c| [2, c, 6, c]));
    let imported = import_as("xlsx", &rows, &merges);
    assert_eq!(imported.catalog.entries.len(), 2, "{:?}", codes(&imported));
    let e = entry(&imported, 0);
    assert_eq!(e.content, "1.法律法规和政策文件\n2.服务对象");
    assert_eq!(e.basis, "1.《疫苗管理法》\n2.《国家基本公共卫生服务规范》");
    assert_eq!((e.time_limit.as_str(), e.subject.as_str()), ("20个工作日内", "某区卫生健康委员会"));
    assert_eq!(e.channels, ["政府网站"]);
    assert_eq!(entry(&imported, 1).item, ["公共卫生服务事项", "居民健康档案管理"]);
    // The CSV of the same table: blank cells instead of merges; the shared values only in the header row.
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    let first = row("1", "■政府网站", ["√", "", "√", "", "√", ""]);
    let more = ["", "", "", "第二项内容", "《第二个文件》", "", "", "", "", "", "", "", "", ""];
    let imported = csv(&[&HEADER, &sub, &first, &more]);
    assert_eq!(imported.catalog.entries.len(), 1);
    assert_eq!(entry(&imported, 0).basis, "《社会救助暂行办法》\n《第二个文件》");
}

#[test]
fn item_codes_and_placeholders_are_not_item_names() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    for (first, second, want, code) in [
        (
            "最低生活保障\n120002000",
            "审核信息\n120002003",
            vec!["最低生活保障", "审核信息"],
            Some("120002000\n120002003"),
        ),
        ("最低生活保障120002000", "---", vec!["最低生活保障"], Some("120002000")),
        ("最低生活保障", "/", vec!["最低生活保障"], None),
    ] {
        let mut data = row("1", "■政府网站", ["√", "", "√", "", "√", ""]);
        data[1] = first;
        data[2] = second;
        let imported = import_as("xlsx", &[&HEADER, &sub, &data], &[]);
        assert_eq!(entry(&imported, 0).item, want, "{first} {second}");
        assert_eq!(entry(&imported, 0).extra.get("事项编码").map(String::as_str), code, "the code is kept");
    }
}

#[test]
fn headers_cut_at_the_cell_edge_or_without_their_gong_are_read() {
    let sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"];
    let data = row("1", "■政府网站", ["√", "", "√", "", "√", ""]);
    let cut = [
        "序号",
        "公开事项",
        "",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主",
        "公开渠道和载体",
        "公开对象",
        "",
        "公开方式",
        "",
        "公开层级",
        "",
    ];
    let dropped = [
        "序号",
        "开事项",
        "",
        "开内容",
        "开依据",
        "开时限",
        "开主体",
        "开渠道和载体",
        "开对象",
        "",
        "开方式",
        "",
        "开层级",
        "",
    ];
    for header in [cut, dropped] {
        let imported = csv(&[&header, &sub, &data]);
        let e = entry(&imported, 0);
        ticks_right(e);
        assert_eq!(e.subject, "某镇人民政府", "{header:?}");
        assert_eq!(e.content, "低保对象名单", "{header:?}");
        assert_eq!(e.item, ["最低生活保障", "审批信息"]);
    }
}

#[test]
fn levels_written_in_tick_columns_or_under_a_misprinted_group() {
    // A `州级县级` column holding the level word; a 公开层级 group printed as a second 公开方式.
    let mut sub = vec!["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请"];
    sub.extend(["州级县级", "乡、村级"]);
    let imported = csv(&[&HEADER, &sub, &row("1", "■政府网站", ["√", "", "√", "", "县级", "√"])]);
    assert_eq!(entry(&imported, 0).levels, ["县级", "乡级", "村级"]);
    let mut header = HEADER;
    header[12] = "公开方式";
    let mut sub = vec!["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请"];
    sub.extend(["县级", "乡、村级"]);
    let imported = csv(&[&header, &sub, &row("1", "■政府网站", ["√", "", "√", "", "√", "√"])]);
    ticks_right(entry(&imported, 0));
    assert_eq!(entry(&imported, 0).levels, ["县级", "乡级", "村级"]);
}

#[test]
fn a_blank_domain_cell_under_a_blank_first_item_continues_the_domain_above() {
    let header = [
        "序号",
        "公开事项",
        "",
        "",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "公开方式",
        "公开层级",
    ];
    let sub = ["", "所属领域", "一级事项", "二级事项", "", "", "", "", "", "", "", ""];
    let first = [
        "1",
        "社会救助",
        "综合业务",
        "政策法规文件",
        "文件",
        "《社会救助暂行办法》",
        "20个工作日内",
        "某镇人民政府",
        "■政府网站",
        "全社会",
        "主动",
        "乡级",
    ];
    let second = [
        "2",
        "",
        "",
        "监督检查",
        "投诉电话",
        "《社会救助暂行办法》",
        "20个工作日内",
        "某镇人民政府",
        "■政府网站",
        "全社会",
        "主动",
        "乡级",
    ];
    for render_as in ["csv-utf8", "xlsx"] {
        let imported = import_as(render_as, &[&header, &sub, &first, &second], &[]);
        let e = entry(&imported, 1);
        assert_eq!(e.domain, "社会救助", "{render_as}");
        assert_eq!(e.item, ["综合业务", "监督检查"], "{render_as}");
        assert!(errors(&imported).is_empty(), "{render_as}: {:?}", errors(&imported));
    }
}

/// A township's own wording for every header: the detector finds no catalog header in it.
const OWN_WORDS: [&str; 10] =
    ["序号", "事项", "具体事项", "说明", "法律依据", "时间要求", "责任单位", "发布途径", "范围", "形式"];
const OWN_ROW: [&str; 10] = [
    "1",
    "最低生活保障",
    "审批信息",
    "低保对象名单",
    "《社会救助暂行办法》",
    "20个工作日内",
    "某镇人民政府",
    "政府网站、公示栏",
    "全社会",
    "主动公开",
];

fn own_words_mapping() -> catalog_interop::Mapping {
    let mut mapping = catalog_interop::Mapping::default();
    for arg in [
        "事项=item1",
        "具体事项=二级事项",
        "说明=content",
        "时间要求=公开时限",
        "责任单位=subject",
        "发布途径=channels",
        "范围=audience",
        "形式=mode",
    ] {
        mapping.add_arg(arg).expect("a mapping");
    }
    mapping
}

fn to_csv(rows: &[&[&str]]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in rows {
        w.write_record(*r).expect("csv");
    }
    w.into_inner().expect("csv")
}

#[test]
fn a_column_mapping_reads_a_header_the_detector_does_not_know() {
    let bytes = to_csv(&[&["某镇社会救助领域基层政务公开标准目录"], &OWN_WORDS, &OWN_ROW]);
    assert!(import(&bytes, "目录.csv").is_err(), "no header the detector knows");
    let imported = catalog_interop::import_with(&bytes, "目录.csv", &own_words_mapping()).expect("imports");
    let e = entry(&imported, 0);
    assert_eq!(e.item, ["最低生活保障", "审批信息"]);
    assert_eq!(
        (e.content.as_str(), e.basis.as_str()),
        ("低保对象名单", "《社会救助暂行办法》"),
        "法律依据 found as ever"
    );
    assert_eq!((e.time_limit.as_str(), e.subject.as_str()), ("20个工作日内", "某镇人民政府"));
    assert_eq!((e.audience.as_str(), e.mode.as_str()), ("全社会", "主动"));
    assert!(codes(&imported).contains(&"import.mapped"));
    // A header the file does not have is said, not silently dropped.
    let mut more = own_words_mapping();
    more.add_arg("备注栏=extra").expect("a mapping");
    let imported = catalog_interop::import_with(&bytes, "目录.csv", &more).expect("imports");
    assert!(codes(&imported).contains(&"import.mapping-unused"));
}

#[test]
fn a_column_mapping_fixes_ticks_whose_sub_header_is_lost() {
    // The national header without its second row: the ticks cannot be told (import.tick-unresolved) until the
    // user names the columns by their letters.
    let data = row("1", "■政府网站", ["√", "", "√", "", "", "√"]);
    let bytes = to_csv(&[&HEADER, &data]);
    let guessed = import(&bytes, "目录.csv").expect("imports");
    assert_eq!(entry(&guessed, 0).audience, "");
    let mapping = catalog_interop::Mapping::from_json(
        r#"{"C": "item2", "I": "audience=全社会", "J": "audience=特定群体", "K": "mode=主动", "L": "mode=依申请",
            "M": "levels=县级", "N列": "levels=乡级"}"#,
    )
    .expect("json mapping");
    for name in ["目录.csv", "目录.xlsx"] {
        let imported = if name.ends_with("xlsx") {
            let file: CorpusFile = serde_json::from_value(serde_json::json!({
                "render": "xlsx", "sheets": [{ "name": "社会救助", "rows": owned(&[&HEADER, &data]) }],
                "expected": { "entries": [] }
            }))
            .expect("a table");
            let (xlsx, _) = render(&file, "目录").expect("renders");
            catalog_interop::import_with(&xlsx, name, &mapping).expect("imports")
        } else {
            catalog_interop::import_with(&bytes, name, &mapping).expect("imports")
        };
        let e = entry(&imported, 0);
        ticks_right(e);
        assert_eq!(e.item, ["最低生活保障", "审批信息"], "{name}");
        assert_eq!(e.levels, ["乡级"], "{name}");
        assert!(!codes(&imported).contains(&"import.tick-unresolved"), "{name}");
    }
}
