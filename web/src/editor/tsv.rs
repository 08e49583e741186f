//! Text copied from Excel or WPS: tab-separated cells, CRLF rows, quoted cells holding line breaks and quotes.

/// Rows of cells. A trailing line break (Excel always adds one) does not make an extra empty row.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Cells as Excel copies them: quoted when they hold a tab, line break or quote.
pub fn write(rows: &[Vec<String>]) -> String {
    let quote = |v: &String| {
        if v.contains(['\t', '\n', '\r', '"']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v.clone() }
    };
    rows.iter().map(|r| r.iter().map(quote).collect::<Vec<_>>().join("\t") + "\r\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_blocks_with_quoted_multi_line_cells() {
        let text = "政策\t\"第一行\r\n第二行\"\t信息形成或变更之日起20个工作日内\r\n监督\t\"含\"\"引号\"\"\"\t\r\n";
        assert_eq!(
            parse(text),
            vec![
                vec!["政策".to_owned(), "第一行\r\n第二行".to_owned(), "信息形成或变更之日起20个工作日内".to_owned()],
                vec!["监督".to_owned(), "含\"引号\"".to_owned(), String::new()],
            ]
        );
        assert_eq!(parse(&write(&parse(text))), parse(text));
        assert_eq!(parse("单个"), vec![vec!["单个".to_owned()]]);
    }
}
