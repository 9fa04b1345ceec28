//! The progress bar of `certlex check` over many files (indicatif, on
//! standard error): a counter while pass 1 walks the inputs, then a bar
//! while pass 2 reads them. Shown only on a terminal, for more than
//! [`THRESHOLD`] files, and never when the report itself is printed to that
//! terminal (it shows its own progress there); nothing when piped.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::run::Progress;

/// Fewer files than this are read too quickly to need a bar.
pub const THRESHOLD: usize = 200;

/// Whether a bar may be drawn: standard error is a terminal and the report
/// goes elsewhere (a file, a pipe).
pub fn wanted(stderr_is_terminal: bool, report_on_terminal: bool) -> bool {
    stderr_is_terminal && !report_on_terminal
}

/// Shared by the threads that read files: a counter and the bar, once shown.
pub struct Bar {
    scanned: AtomicUsize,
    bar: Mutex<Option<ProgressBar>>,
}

impl Bar {
    pub fn new() -> Self {
        Self {
            scanned: AtomicUsize::new(0),
            bar: Mutex::new(None),
        }
    }

    /// The bar, if shown (a poisoned lock only means another thread panicked
    /// while drawing; the bar is still usable).
    fn bar(&self) -> std::sync::MutexGuard<'_, Option<ProgressBar>> {
        self.bar.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn finish(&self) {
        if let Some(b) = self.bar().take() {
            b.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn scanned(&self) {
        let n = self.scanned.fetch_add(1, Ordering::Relaxed) + 1;
        let mut bar = self.bar();
        if n == THRESHOLD {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template("{spinner} {pos} files found {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            *bar = Some(b);
        }
        if let Some(b) = bar.as_ref() {
            b.set_position(n as u64);
        }
    }

    fn total(&self, files: usize) {
        let mut bar = self.bar();
        if let Some(b) = bar.take() {
            b.finish_and_clear();
        }
        if files > THRESHOLD {
            let b = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            *bar = Some(b);
        }
    }

    fn read(&self) {
        if let Some(b) = self.bar().as_ref() {
            b.inc(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wanted;

    #[test]
    fn a_bar_only_on_a_terminal_that_is_not_showing_the_report() {
        assert!(wanted(true, false));
        assert!(!wanted(true, true));
        assert!(!wanted(false, false));
    }
}
