//! Parsers and the validator never panic, whatever text a cell holds.

use catalog_core::model::{Catalog, Entry, Meta};
use catalog_core::parse::channels::parse_channels;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "■",
    "□",
    "口",
    "◆",
    "政府网站",
    "社区/企事业单位/村公示栏",
    "(电子屏)",
    "其他",
    ":",
    "、",
    "/",
    "1.",
    "（",
    ")",
    " ",
    "\n",
    "20",
    "个工作日",
    "《",
    "》",
    "〔2017〕",
    "号",
    "X",
    "11010519491231002X",
    "名单",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn channel_parser_never_panics(s in any::<String>()) {
        let parsed = parse_channels(&s);
        for m in parsed.ticked.iter().chain(&parsed.unticked) {
            prop_assert!(!m.name.is_empty());
        }
    }

    #[test]
    fn channel_parser_never_panics_on_vocabulary_soup(s in pieces()) {
        let _ = parse_channels(&s).channels();
    }

    #[test]
    fn validator_never_panics(texts in prop::collection::vec(prop_oneof![any::<String>(), pieces()], 12)) {
        let entry = Entry {
            id: texts[0].clone(),
            domain: texts[1].clone(),
            item: vec![texts[2].clone(), texts[3].clone()],
            content: texts[4].clone(),
            basis: texts[5].clone(),
            time_limit: texts[6].clone(),
            subject: texts[7].clone(),
            channels: vec![texts[8].clone()],
            audience: texts[9].clone(),
            mode: texts[10].clone(),
            levels: vec![texts[11].clone()],
            ..Entry::default()
        };
        let mut catalog = Catalog::new(Meta { level: texts[11].clone(), ..Meta::default() });
        catalog.entries = vec![entry.clone(), entry];
        let report = catalog_core::FileReport::for_catalog("p.json", &catalog);
        prop_assert_eq!(report.stats.entries, 2);
    }
}
