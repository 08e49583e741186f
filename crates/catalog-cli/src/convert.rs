//! `catalog convert INPUT -o OUTPUT`: any import format to any export format, chosen by extension.

use std::path::Path;
use std::process::ExitCode;

use catalog_core::ReportDiagnostic;
use catalog_interop::{ExportFormat, ExportOptions, export_with};

use catalog_interop::Mapping;

use crate::validate::import_path_mapped;

/// `mask_personal_data`: mask ID numbers, bank cards and individuals' mobiles in the output (any format); without it
/// an HTML page whose text carries any is refused (exit 2), since the page is published to everyone.
pub fn run(input: &Path, output: &Path, mask_personal_data: bool, mapping: &Mapping) -> ExitCode {
    let Some(format) = ExportFormat::from_file_name(&output.to_string_lossy()) else {
        eprintln!("无法从“{}”判断导出格式：请用 .xlsx、.csv、.json 或 .html / unknown output format", output.display());
        return ExitCode::from(2);
    };
    let imported = match import_path_mapped(input, mapping) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{}\n{}", e.message, e.message_en);
            return ExitCode::from(2);
        }
    };
    for d in &imported.diagnostics {
        let d = ReportDiagnostic::from(d);
        let place = match (&d.sheet, d.row) {
            (Some(s), Some(r)) => format!("{s} 第{r}行"),
            (None, Some(r)) => format!("第{r}行"),
            _ => String::new(),
        };
        eprintln!("{} {place}：{} [{}]", input.display(), d.message, d.code);
    }
    let bytes = match export_with(&imported.catalog, format, &ExportOptions { mask_personal_data }) {
        Ok(bytes) => bytes,
        Err(e) => {
            let hint = if e.code() == "export.personal-data" {
                "\n可加 --mask-personal-data 遮盖后导出 / add --mask-personal-data to export masked"
            } else {
                ""
            };
            eprintln!("{}：{} [{}]\n{}{hint}", output.display(), e.message(), e.code(), e.message_en());
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(output, bytes) {
        eprintln!("无法写入 {}：{e} / cannot write", output.display());
        return ExitCode::from(2);
    }
    eprintln!("已导出 {} 个事项到 {} / converted", imported.catalog.entries.len(), output.display());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example catalog with a mobile number in its first entry, written to a fresh folder.
    fn leaky_catalog(dir: &Path) -> std::path::PathBuf {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/example-township.json");
        let mut catalog =
            catalog_core::load_catalog(&std::fs::read_to_string(example).expect("fixture")).expect("v1 catalog");
        catalog.entries[0].content = "经办人王五，手机13812345678".into();
        let path = dir.join("目录.json");
        std::fs::write(&path, catalog_core::to_json(&catalog)).expect("write input");
        path
    }

    #[test]
    fn html_with_personal_data_needs_the_mask_flag() {
        let dir = std::env::temp_dir().join(format!("catalog-cli-mask-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let input = leaky_catalog(&dir);
        let page = dir.join("目录.html");

        assert_eq!(run(&input, &page, false, &Mapping::default()), ExitCode::from(2), "refused without the flag");
        assert!(!page.exists(), "nothing written");

        assert_eq!(run(&input, &page, true, &Mapping::default()), ExitCode::SUCCESS);
        let html = std::fs::read_to_string(&page).expect("page written");
        assert!(html.contains("手机138****5678") && !html.contains("13812345678"));

        // A working format is written as it is without the flag.
        let csv = dir.join("目录.csv");
        assert_eq!(run(&input, &csv, false, &Mapping::default()), ExitCode::SUCCESS);
        assert!(std::fs::read_to_string(&csv).expect("csv written").contains("13812345678"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
