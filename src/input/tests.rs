use super::*;

fn limited(bytes: u64) -> Limits {
    Limits {
        max_file_bytes: bytes,
        ..Limits::default()
    }
}

#[test]
fn a_file_is_read_up_to_the_limit_and_refused_beyond_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten.pem");
    std::fs::write(&path, b"0123456789").unwrap();
    assert_eq!(read_bytes(&path, &limited(10)).unwrap(), b"0123456789");
    let refused = read_bytes(&path, &limited(9)).unwrap_err();
    assert_eq!(refused.code, "certlex::input::too-large");
    assert!(refused.message.contains("9 bytes"), "{}", refused.message);
}

#[test]
fn a_file_that_cannot_be_read_says_why_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = read_bytes(&dir.path().join("missing.pem"), &Limits::default()).unwrap_err();
    assert_eq!(missing.code, "certlex::input::read");
    assert!(
        missing.message.contains("missing.pem: cannot read"),
        "{}",
        missing.message
    );
    assert!(missing.zh.as_ref().is_some_and(|z| z.message.contains("文件不存在")));
    let folder = read_bytes(dir.path(), &Limits::default()).unwrap_err();
    assert!(
        folder.zh.as_ref().is_some_and(|z| z.message.contains("这是一个文件夹")),
        "{:?}",
        folder.zh
    );
}
