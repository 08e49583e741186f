//! The real-layout corpus (tests/fixtures/corpus, hand-transcribed published tables with expected catalogs
//! written by hand): each is rendered into a real XLSX or CSV file, imported as a user's file and compared field
//! by field. The figures are printed (`cargo test -p catalog-interop --test corpus -- --nocapture`, or
//! `cargo xtask corpus` for the details per row); the floors below are the figures measured when they were set,
//! so a change that reads real files worse fails here. Files added after the floors were set are measured and
//! printed, and get their floor when the table is next raised.

use std::path::PathBuf;

use catalog_interop::corpus::{FileResult, Totals, evaluate, report};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus")
}

fn results() -> Vec<FileResult> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names.iter().map(|n| evaluate(n, &std::fs::read_to_string(dir().join(n)).expect("corpus file"))).collect()
}

/// Per file: the field fidelity measured (a floor) and the false errors measured (a ceiling).
const FLOORS: &[(&str, f64, usize)] = &[
    ("a-01-tjbd-shehuijiuzhu.json", 1.000, 0),
    ("a-02-daocheng-shehuijiuzhu.json", 1.000, 0),
    ("a-03-aodauto-shehuijiuzhu.json", 1.000, 0),
    ("a-04-ynfq-yanglaofuwu.json", 1.000, 0),
    ("a-05-yr-yanglaofuwu.json", 1.000, 0),
    ("a-06-hhw-jiuye.json", 1.000, 0),
    ("a-07-hc-shuanghuai-jiuye.json", 1.000, 0),
    ("a-08-ybq-wangjia-shehuijiuzhu.json", 1.000, 0),
    ("a-09-tengchong-shehuijiuzhu-jiuye.json", 1.000, 0),
    ("a-10-pingwu-shehuibaoxian.json", 1.000, 0),
    ("a-11-blzq-shehuibaoxian.json", 0.969, 0),
    ("a-12-yncn-mengtong-shehuibaoxian.json", 1.000, 0),
    ("a-13-qzlj-hujiguanli.json", 1.000, 0),
    ("a-14-tez-hujiguanli.json", 1.000, 0),
    ("a-15-rjxq-hujiguanli.json", 1.000, 0),
    ("a-16-sanmen-gonggongfalvfuwu.json", 1.000, 0),
    ("a-17-jyx-gonggongfalvfuwu.json", 1.000, 0),
    ("a-18-cqszx-gonggongfalvfuwu.json", 0.909, 0),
    ("a-19-xiangan-xiangshan-yiwujiaoyu.json", 1.000, 0),
    ("a-20-puershi-yiwujiaoyu.json", 1.000, 0),
    ("a-21-hbxq-yiwujiaoyu.json", 1.000, 0),
    ("a-22-tljq-weishengjiankang.json", 1.000, 0),
    ("a-23-scnj-fupin.json", 1.000, 0),
    ("a-24-dean-shenongbutie.json", 1.000, 0),
    ("a-25-tonghai-shipinyaopin.json", 1.000, 0),
    ("a-26-hetang-shipinyaopin.json", 1.000, 0),
    ("a-27-xjbz-shuishouguanli.json", 1.000, 0),
    ("a-28-ynlf-shuishouguanli.json", 0.977, 0),
    ("a-29-tls-shenongbutie.json", 1.000, 0),
    ("a-30-tchuan-weishengjiankang.json", 1.000, 1),
    ("a-31-secondsilicon-fupin.json", 1.000, 0),
    ("a-32-taishandichan-shehuijiuzhu.json", 0.954, 0),
    ("a-33-saihan-shehuibaoxian.json", 1.000, 0),
    ("a-34-zbjkq-shehuibaoxian.json", 1.000, 0),
    ("a-35-dg-wangniudun-shehuibaoxian.json", 1.000, 0),
    ("a-36-cnjg-fupin.json", 1.000, 0),
    ("a-37-gaizhou-shehuijiuzhu.json", 1.000, 0),
    ("a-38-ahjx-jingchuan-shehuijiuzhu.json", 1.000, 0),
    ("a-39-yc-wujian-shehuijiuzhu.json", 1.000, 0),
    ("a-40-psx-gonggongfalvfuwu.json", 1.000, 0),
    ("a-41-fuliang-zangwan-shipinyaopin.json", 1.000, 0),
    ("b-01-yongxiu-caizheng-yujuesuan.json", 1.000, 0),
    ("b-02-tq-caizheng-yujuesuan.json", 0.909, 0),
    ("b-03-yqjq-caizheng-yujuesuan.json", 1.000, 0),
    ("b-04-jiande-zhongda-jianshe-xiangmu.json", 0.909, 0),
    ("b-06-jingyan-gonggong-ziyuan-jiaoyi.json", 0.909, 2),
    ("b-07-dachuan-anquan-shengchan.json", 1.000, 0),
    ("b-08-xjbz-anquan-shengchan.json", 1.000, 0),
    ("b-09-zzctp-anquan-shengchan.json", 1.000, 0),
    ("b-10-kbs-jiuzai.json", 1.000, 0),
    ("b-11-jyx-shengtai-huanjing.json", 0.909, 1),
    ("b-12-ynwss-shengtai-huanjing.json", 1.000, 0),
    ("b-13-yr-gonggong-wenhua-fuwu.json", 1.000, 0),
    ("b-14-yncn-gonggong-wenhua-fuwu.json", 1.000, 0),
    ("b-15-abg-chengshi-zonghe-zhifa.json", 1.000, 0),
    ("b-16-xh-benxi-chengshi-zonghe-zhifa.json", 1.000, 0),
    ("b-17-gdsx-chengshi-zonghe-zhifa.json", 1.000, 0),
    ("b-18-jiangan-shizheng-fuwu.json", 1.000, 0),
    ("b-19-zichuan-shizheng-fuwu.json", 1.000, 0),
    ("b-20-mdx-chengxiang-guihua.json", 0.977, 0),
    ("b-22-jiangyou-nongcun-weifang-gaizao.json", 1.000, 0),
    ("b-23-duodao-nongcun-weifang-gaizao.json", 0.909, 0),
    ("b-24-xjwqx-nongcun-weifang-gaizao.json", 0.909, 0),
    ("b-25-pingwu-nongcun-weifang-gaizao.json", 0.909, 0),
    ("b-28-yngm-guoyou-tudi-fangwu-zhengshou.json", 1.000, 0),
    ("b-29-tengchong-guoyou-tudi-fangwu-zhengshou.json", 1.000, 0),
    ("b-30-cmzd-zhangzhou-nongcun-jiti-tudi-zhengshou.json", 1.000, 0),
    ("b-31-sntzq-jiaotong-yunshu.json", 1.000, 0),
    ("b-32-cqxs-jiaotong-yunshu.json", 1.000, 1),
    ("b-33-hbxq-suqian-duo-lingyu.json", 1.000, 0),
    ("b-34-tonghai-duo-lingyu.json", 1.000, 0),
    ("b-35-saihan-zhongda-jianshe-xiangmu.json", 1.000, 0),
    ("b-36-lingyuan-duo-lingyu.json", 1.000, 0),
    ("b-37-jmsqyfw-duo-lingyu.json", 0.969, 0),
    ("b-38-psx-nongcun-jiti-tudi-zhengshou.json", 0.909, 0),
    ("b-39-fuliang-jiuzai.json", 1.000, 0),
];

/// Over the files of [`FLOORS`]: field fidelity, domain right, false errors.
const FIELD_FLOOR: f64 = 0.989;
const DOMAIN_FLOOR: f64 = 0.995;
const FALSE_ERRORS_CEILING: usize = 5;

#[test]
fn the_corpus_reads_no_worse_than_measured() {
    let results = results();
    println!("{}", report(&results, false));
    let mut regressions = Vec::new();
    for r in &results {
        let Some((_, floor, ceiling)) = FLOORS.iter().find(|(n, ..)| *n == r.name) else {
            println!("{}: no floor yet", r.name);
            continue;
        };
        let fidelity = if r.failure.is_some() { 0.0 } else { r.fidelity() };
        if fidelity + 1e-9 < *floor {
            let why = r.failure.clone().unwrap_or_default();
            regressions.push(format!("{}: field fidelity {fidelity:.4} below its floor {floor} {why}", r.name));
        }
        if r.false_errors.len() > *ceiling {
            regressions.push(format!(
                "{}: {} false errors, at most {ceiling}: {:#?}",
                r.name,
                r.false_errors.len(),
                r.false_errors
            ));
        }
    }
    // The table as measured now, to paste into FLOORS when raising them.
    println!("measured (file, field fidelity, false errors):");
    for r in &results {
        let fidelity = if r.failure.is_some() { 0.0 } else { (r.fidelity() * 1000.0).floor() / 1000.0 };
        println!("    (\"{}\", {fidelity:.3}, {}),", r.name, r.false_errors.len());
    }
    let floored: Vec<FileResult> =
        results.iter().filter(|r| FLOORS.iter().any(|(n, ..)| *n == r.name)).cloned().collect();
    let totals = Totals::of(&floored);
    if totals.field_fidelity() + 1e-9 < FIELD_FLOOR {
        regressions.push(format!("field fidelity {:.4} below {FIELD_FLOOR}", totals.field_fidelity()));
    }
    if totals.field("domain") + 1e-9 < DOMAIN_FLOOR {
        regressions.push(format!("domain {:.4} below {DOMAIN_FLOOR}", totals.field("domain")));
    }
    if totals.false_errors > FALSE_ERRORS_CEILING {
        regressions.push(format!("{} false errors, at most {FALSE_ERRORS_CEILING}", totals.false_errors));
    }
    assert!(regressions.is_empty(), "{}\n\n{}", regressions.join("\n"), report(&floored, true));
}
