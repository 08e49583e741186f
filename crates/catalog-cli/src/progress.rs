//! A one-line progress bar on stderr while many files are validated, drawn only when stderr is a terminal (so
//! pipes and CI logs stay clean) and at most ten times a second.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const WIDTH: usize = 30;
const EVERY: Duration = Duration::from_millis(100);

#[derive(Debug)]
pub struct Progress {
    total: usize,
    done: usize,
    shown: bool,
    last: Option<Instant>,
}

impl Progress {
    /// A bar for `total` files; silent when stderr is not a terminal or there is a single file.
    pub fn new(total: usize) -> Progress {
        Progress { total, done: 0, shown: total > 1 && std::io::stderr().is_terminal(), last: None }
    }

    /// One more file done.
    pub fn tick(&mut self) {
        self.done += 1;
        if !self.shown || self.last.is_some_and(|t| t.elapsed() < EVERY) && self.done < self.total {
            return;
        }
        self.last = Some(Instant::now());
        let filled = WIDTH * self.done / self.total.max(1);
        let bar: String = "█".repeat(filled) + &"░".repeat(WIDTH - filled);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r校验中 {bar} {}/{}", self.done, self.total);
        let _ = err.flush();
    }

    /// Erase the bar before the report is printed.
    pub fn finish(&mut self) {
        if self.shown && self.last.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(WIDTH + 24));
            let _ = err.flush();
        }
        self.shown = false;
    }
}
