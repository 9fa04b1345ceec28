//! Where a report goes: standard output, or a file written atomically. The
//! file is written under a temporary name in its own folder and renamed into
//! place only when the report is complete, so an interrupted run leaves
//! neither a half report nor a stray temporary file (the temporary file is
//! removed when dropped).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        temp: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    pub fn stdout() -> Self {
        Self::Stdout(BufWriter::new(io::stdout()))
    }

    /// A temporary file beside `target` (same folder, so the rename is atomic).
    pub fn file(target: &Path) -> io::Result<Self> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // A temporary file is private (0600); a report is an ordinary file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let temp = builder.tempfile_in(dir)?;
        Ok(Self::File {
            temp: BufWriter::new(temp),
            target: target.to_path_buf(),
        })
    }

    /// The temporary file a file report is written to until it is complete.
    pub fn temp_path(&self) -> Option<PathBuf> {
        match self {
            Self::Stdout(_) => None,
            Self::File { temp, .. } => Some(temp.get_ref().path().to_path_buf()),
        }
    }

    /// The report is complete: flush it, and move a file into place.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Self::Stdout(mut w) => w.flush(),
            Self::File { temp, target } => {
                let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
                temp.as_file().sync_all()?;
                temp.persist(&target).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(w) => w.write(buf),
            Self::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(w) => w.flush(),
            Self::File { temp, .. } => temp.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests may fail loudly")]

    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_committed_report_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        std::fs::write(&target, "old").unwrap();
        let mut out = Output::file(&target).unwrap();
        out.write_all(b"new report").unwrap();
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "old",
            "not visible before commit"
        );
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new report");
        assert_eq!(entries(dir.path()), ["report.json"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644, "readable like any report");
        }
    }

    #[test]
    fn an_interrupted_report_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.sarif");
        {
            let mut out = Output::file(&target).unwrap();
            out.write_all(&[b'x'; 100_000]).unwrap();
            assert_eq!(entries(dir.path()).len(), 1, "the temporary file exists while writing");
            // An error mid-way: the output is dropped, never committed.
        }
        assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
    }
}
