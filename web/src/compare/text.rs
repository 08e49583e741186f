//! Which characters of a changed text differ from the other version: the common beginning and end stay plain,
//! the middle is matched character by character (longest common subsequence) when short, lone shared characters
//! between changes counted as changed. When less than half of the longer text is in common (a rewrite) the whole
//! text is marked: scattered shared characters would be noise.

/// Longest middle part (in characters) matched character by character; longer ones are marked whole.
const MATCHED: usize = 400;

/// `this` cut into runs, each with whether it differs from `other`.
pub fn segments(this: &str, other: &str) -> Vec<(bool, String)> {
    let a: Vec<char> = this.chars().collect();
    let b: Vec<char> = other.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (middle, other_middle) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut kept = if middle.len() <= MATCHED && other_middle.len() <= MATCHED {
        common(middle, other_middle)
    } else {
        vec![false; middle.len()]
    };
    // A lone shared character between changes (镇 in 乡镇人民政府 → 示例镇) is chance, not kept text.
    for i in 0..kept.len() {
        let alone = kept[i] && !(i > 0 && kept[i - 1]) && !kept.get(i + 1).copied().unwrap_or(false);
        if alone {
            kept[i] = false;
        }
    }
    let same = prefix + suffix + kept.iter().filter(|k| **k).count();
    // Less than half of the longer text in common: a rewrite, marked whole.
    if same * 2 < a.len().max(b.len()) || same == 0 {
        return vec![(true, this.to_owned())];
    }
    let flags = std::iter::repeat_n(true, prefix).chain(kept).chain(std::iter::repeat_n(true, suffix));
    let mut out: Vec<(bool, String)> = Vec::new();
    for (c, unchanged) in a.iter().zip(flags) {
        match out.last_mut() {
            Some((changed, run)) if *changed != unchanged => run.push(*c),
            _ => out.push((!unchanged, c.to_string())),
        }
    }
    out
}

/// For each character of `a`: whether it is in a longest common subsequence with `b`.
fn common(a: &[char], b: &[char]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: LCS of a[i..] and b[j..].
    let mut lengths = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if a[i] == b[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let mut kept = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            kept[i] = true;
            i += 1;
            j += 1;
        } else if lengths[at(i + 1, j)] >= lengths[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}
