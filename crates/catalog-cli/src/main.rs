//! `catalog`: validate, template and inspect 基层政务公开事项标准目录 from the command line.
//! A thin shell: reading files and printing is here, everything else is `catalog-core`.

mod convert;
mod diff;
mod domains;
mod progress;
mod text;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc instead of the system allocator: validating a batch is mostly small strings allocated and freed
/// (see `crates/xtask/BENCHMARKS.md`, batch).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "catalog",
    version,
    about = "基层政务公开事项标准目录：校验、模板与领域清单 / validate catalogs of government disclosure items"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The column mapping for files whose header the importer reads wrong.
#[derive(clap::Args)]
struct Columns {
    /// 指定某列的含义（可重复）/ read a column as a field, repeatable: 表头=字段, e.g. --map 事项说明=content
    /// --map 全社会=audience=全社会 --map C=item2 (fields: id domain item1 item2 item3 content basis time_limit
    /// subject channels audience[=全社会|特定群体] audience_group mode[=主动|依申请|不予公开] withheld_reason
    /// levels[=县级…] number extra, or their Chinese names)
    #[arg(long = "map", value_name = "表头=字段")]
    map: Vec<String>,
    /// 列映射文件 / a JSON file {"表头": "字段", …}; each --map applies after it
    #[arg(long, value_name = "FILE.json")]
    mapping: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// 校验目录文件 / validate catalog files: .xlsx .xls .csv .json (exit 0: no error, 1: errors found, 2: a file cannot be read)
    Validate {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also print each message in English.
        #[arg(long)]
        en: bool,
        /// 多个文件时也列出每个问题 / list every finding under each file when validating several (always for one)
        #[arg(long)]
        details: bool,
        /// 写出综合审核报告 / write the combined review report: .xlsx (汇总, 问题清单, 领域覆盖), .json or .html
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        #[command(flatten)]
        columns: Columns,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 比较两个版本（调整说明） / compare two versions of a catalog (exit 0: same, 1: changed, 2: cannot read)
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// Default: from -o's extension, else text.
        #[arg(long, value_enum)]
        format: Option<diff::DiffFormat>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// 转换格式 / convert between formats (input .xlsx .xls .csv .json; output .xlsx .csv .json .html)
    Convert {
        input: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// 遮盖个人信息（手机号留前3后4位，身份证号留前6后4位，银行卡号留前4后4位）/ mask personal data; without
        /// it an HTML page carrying such data is refused
        #[arg(long)]
        mask_personal_data: bool,
        #[command(flatten)]
        columns: Columns,
    },
    /// 按领域标准指引生成起始目录 / build a starting catalog from a domain's guideline
    Template {
        #[arg(long)]
        domain: String,
        #[arg(long, default_value = "乡级")]
        level: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// 列出26个试点领域 / list the 26 pilot domains with item counts and guideline numbers
    Domains {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// 输出目录格式的 JSON Schema / print the JSON Schema of catalog format v1
    Schema {
        /// Print the schema of the seed domain files instead.
        #[arg(long)]
        seeds: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { format, en, details, report, files, columns } => {
            match validate::load_mapping(&columns.map, columns.mapping.as_deref()) {
                Ok(mapping) => validate::run(&files, format == Format::Json, en, details, report.as_deref(), &mapping),
                Err(code) => code,
            }
        }
        Command::Diff { old, new, format, output } => diff::run(&old, &new, format, output.as_deref()),
        Command::Convert { input, output, mask_personal_data, columns } => {
            match validate::load_mapping(&columns.map, columns.mapping.as_deref()) {
                Ok(mapping) => convert::run(&input, &output, mask_personal_data, &mapping),
                Err(code) => code,
            }
        }
        Command::Template { domain, level, output } => domains::template(&domain, &level, output.as_deref()),
        Command::Domains { format } => domains::list(format == Format::Json),
        Command::Schema { seeds } => {
            let schema = if seeds {
                catalog_core::schema::domain_guide_schema()
            } else {
                catalog_core::schema::catalog_schema()
            };
            print!("{}", catalog_core::schema::to_pretty(&schema));
            ExitCode::SUCCESS
        }
    }
}
