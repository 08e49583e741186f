//! The catalog's stored form (compact v1 JSON, byte for byte what `serde_json::to_vec` writes) built from
//! per-entry pieces kept between saves: the save after a cell edit serialises one entry, not ten thousand.

use catalog_core::model::Catalog;
use serde::Serialize;

#[derive(Debug, Default)]
pub struct Serial {
    /// Each entry's JSON, by index; `None` when it changed since it was written.
    entries: Vec<Option<Vec<u8>>>,
}

fn put(out: &mut Vec<u8>, key: &str, value: &impl Serialize) -> serde_json::Result<()> {
    out.push(if out.is_empty() { b'{' } else { b',' });
    serde_json::to_writer(&mut *out, key)?;
    out.push(b':');
    serde_json::to_writer(out, value)
}

impl Serial {
    /// These entries changed in place.
    pub fn changed(&mut self, indices: &[usize]) {
        for &i in indices {
            if let Some(slot) = self.entries.get_mut(i) {
                *slot = None;
            }
        }
    }

    /// Anything may have changed (rows added, deleted or moved, the catalog replaced).
    pub fn reset(&mut self) {
        self.entries.clear();
    }

    /// The catalog as `serde_json::to_vec` writes it (the fields in `Catalog`'s order, `removed` only when any).
    pub fn bytes(&mut self, catalog: &Catalog) -> serde_json::Result<Vec<u8>> {
        if self.entries.len() != catalog.entries.len() {
            self.entries = vec![None; catalog.entries.len()];
        }
        for (slot, entry) in self.entries.iter_mut().zip(&catalog.entries) {
            if slot.is_none() {
                *slot = Some(serde_json::to_vec(entry)?);
            }
        }
        let size: usize = self.entries.iter().flatten().map(|e| e.len() + 1).sum();
        let mut out = Vec::with_capacity(size + 4096);
        put(&mut out, "format", &catalog.format)?;
        put(&mut out, "version", &catalog.version)?;
        put(&mut out, "meta", &catalog.meta)?;
        out.extend_from_slice(b",\"entries\":[");
        for (i, entry) in self.entries.iter().flatten().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(entry);
        }
        out.push(b']');
        put(&mut out, "not_applicable", &catalog.not_applicable)?;
        if !catalog.removed.is_empty() {
            put(&mut out, "removed", &catalog.removed)?;
        }
        out.push(b'}');
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use catalog_core::model::{Catalog, Entry, Meta, NotApplicable, RemovedItem};

    use super::Serial;

    fn entry(i: usize) -> Entry {
        Entry {
            id: format!("e{i}"),
            domain: "社会救助".into(),
            item: vec!["最低生活保障".into(), format!("事项\"{i}\"")],
            content: "审核信息：姓名、\n金额".into(),
            channels: vec!["政府网站".into()],
            ..Entry::default()
        }
    }

    fn same(serial: &mut Serial, catalog: &Catalog) {
        let expected = serde_json::to_vec(catalog).expect("a catalog serialises");
        assert_eq!(
            String::from_utf8(serial.bytes(catalog).expect("serialises")).ok(),
            String::from_utf8(expected).ok()
        );
    }

    #[test]
    fn pieces_make_what_serde_writes_through_edits() {
        let mut catalog = Catalog::new(Meta { title: "测试".into(), level: "乡级".into(), ..Meta::default() });
        let mut serial = Serial::default();
        same(&mut serial, &catalog);
        catalog.entries = (0..5).map(entry).collect();
        same(&mut serial, &catalog);
        // An in-place edit reported as such.
        catalog.entries[2].subject = "某镇民政办".into();
        serial.changed(&[2]);
        same(&mut serial, &catalog);
        // Rows removed and declarations added: a reset.
        catalog.entries.remove(0);
        catalog.not_applicable.push(NotApplicable { domain: "税收管理".into(), reason: "无此职能".into() });
        catalog.removed.push(RemovedItem {
            domain: "社会救助".into(),
            item: vec!["临时救助".into()],
            reason: "x".into(),
        });
        serial.reset();
        same(&mut serial, &catalog);
        catalog.entries.clear();
        same(&mut serial, &catalog);
    }

    #[test]
    fn an_unreported_edit_is_not_seen_so_callers_must_report() {
        let mut catalog = Catalog::new(Meta::default());
        catalog.entries = (0..2).map(entry).collect();
        let mut serial = Serial::default();
        same(&mut serial, &catalog);
        catalog.entries[1].subject = "改".into();
        let stale = serial.bytes(&catalog).expect("serialises");
        assert_ne!(stale, serde_json::to_vec(&catalog).expect("serialises"));
    }
}
