//! Reads the compact token stream build.rs writes from the seed files (see `build/compact.rs`): plain string
//! splitting instead of a JSON parser, so the wasm build carries no deserializer for the seed types.

pub(crate) const SEP: char = '\u{1F}';

pub(crate) struct Tokens<'a> {
    rest: std::str::Split<'a, char>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens { rest: text.split(SEP) }
    }

    pub fn str(&mut self) -> Option<String> {
        self.rest.next().map(str::to_owned)
    }

    pub fn count(&mut self) -> Option<usize> {
        self.rest.next()?.parse().ok()
    }

    pub fn bool(&mut self) -> Option<bool> {
        match self.rest.next()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    /// An optional whole number (written as an optional string).
    pub fn number(&mut self) -> Option<Option<u32>> {
        match self.opt()? {
            None => Some(None),
            Some(n) => n.parse().ok().map(Some),
        }
    }

    pub fn opt(&mut self) -> Option<Option<String>> {
        match self.count()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }

    pub fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::str)
    }

    /// True when every token was read (nothing left over from a mismatched encoding).
    pub fn done(&mut self) -> bool {
        self.rest.next().is_none()
    }
}
