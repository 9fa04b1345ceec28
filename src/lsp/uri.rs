//! `file:` URIs, as editors name documents, and the paths they stand for.

use std::path::Path;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// What a path may not hold as it is in a URI.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The path of a `file:` URI (`file:///home/a/rules/x.rules`), decoded.
pub fn to_path(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("file://")?;
    // `file://localhost/…` names the same file as `file:///…`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    percent_decode_str(rest).decode_utf8().ok().map(|p| p.into_owned())
}

/// The `file:` URI of a path.
pub fn from_path(path: &Path) -> String {
    format!("file://{}", utf8_percent_encode(&path.to_string_lossy(), PATH))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_and_chinese_round_trip() {
        let p = Path::new("/home/律师/my rules/esl.rules");
        let uri = from_path(p);
        assert_eq!(uri, "file:///home/%E5%BE%8B%E5%B8%88/my%20rules/esl.rules");
        assert_eq!(to_path(&uri).as_deref(), Some("/home/律师/my rules/esl.rules"));
        assert_eq!(
            to_path("file:///home/%E5%BE%8B%E5%B8%88/x.rules").as_deref(),
            Some("/home/律师/x.rules")
        );
        assert_eq!(to_path("untitled:Untitled-1"), None);
    }
}
