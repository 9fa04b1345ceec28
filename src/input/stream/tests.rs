use super::*;

fn pem_of(rel: &str) -> Vec<u8> {
    std::fs::read(crate::repo().join("corpus/certificates").join(rel)).unwrap()
}

fn pieces(bytes: &[u8]) -> Vec<Piece> {
    Stream::new(std::io::Cursor::new(bytes.to_vec()), &Limits::default()).collect()
}

#[test]
fn a_short_input_is_read_whole() {
    let pem = pem_of("good/rsa-ee.pem");
    let got = pieces(&pem);
    assert!(matches!(got.as_slice(), [Piece::Whole(b)] if *b == pem));
}

#[test]
fn a_long_pem_stream_is_cut_after_end_lines_and_numbered_from_its_start() {
    let one = pem_of("good/ecdsa-ee.pem");
    let count = HEAD / one.len() + 100;
    let stream: Vec<u8> = one.iter().copied().cycle().take(one.len() * count).collect();
    let got = pieces(&stream);
    let mut blocks = 0;
    let mut line = 1;
    let mut total = 0;
    for p in &got {
        let Piece::Stretch(s) = p else { panic!("{p:?}") };
        assert_eq!(s.content, Content::Pem);
        assert!(s.bytes.len() <= STRETCH + one.len());
        // A piece holds its own bytes, not the read buffer (memory stays flat).
        assert!(s.bytes.capacity() < 2 * s.bytes.len(), "{}", s.bytes.capacity());
        assert!(s.bytes.ends_with(b"-----END CERTIFICATE-----\n"));
        assert_eq!((s.blocks_before, s.first_line), (blocks, line));
        blocks += certificate_blocks(&s.bytes);
        line += s.bytes.iter().filter(|b| **b == b'\n').count();
        total += s.bytes.len();
    }
    assert_eq!((blocks, total), (count, stream.len()));
}

#[test]
fn a_long_der_stream_gives_one_certificate_a_stretch() {
    let der = crate::input::certificate_ders(&pem_of("good/sm2-sign.pem"), &Limits::default())
        .pop()
        .unwrap();
    let count = HEAD / der.len() + 10;
    let stream = der.repeat(count);
    let got = pieces(&stream);
    assert_eq!(got.len(), count);
    for (i, p) in got.iter().enumerate() {
        let Piece::Stretch(s) = p else { panic!("{p:?}") };
        assert_eq!((s.content, s.blocks_before), (Content::Der, i));
        assert_eq!(s.bytes, der);
        assert!(s.bytes.capacity() < 2 * s.bytes.len(), "{}", s.bytes.capacity());
    }
}

#[test]
fn a_der_stream_cut_short_ends_with_an_error_naming_the_certificate() {
    let der = crate::input::certificate_ders(&pem_of("good/rsa-ee.pem"), &Limits::default())
        .pop()
        .unwrap();
    let count = HEAD / der.len() + 3;
    let mut stream = der.repeat(count);
    stream.truncate(stream.len() - 10);
    let got = pieces(&stream);
    assert_eq!(got.len(), count);
    let Some(Piece::Error(d)) = got.last() else {
        panic!("{:?}", got.last())
    };
    assert!(
        d.message.starts_with(&format!("-#{count}: the stream ends inside")),
        "{}",
        d.message
    );
}

#[test]
fn a_long_input_that_is_not_certificates_is_read_whole_within_the_file_limit() {
    let text = "# a statement\n\n".to_string() + &"一段文字。\n".repeat(HEAD / 10);
    let got = pieces(text.as_bytes());
    assert!(matches!(got.as_slice(), [Piece::Whole(b)] if b.len() == text.len()));
    let small = Limits {
        max_file_bytes: (HEAD + 10) as u64,
        ..Limits::default()
    };
    let got: Vec<Piece> = Stream::new(std::io::Cursor::new(text.into_bytes()), &small).collect();
    assert!(matches!(got.as_slice(), [Piece::Error(d)] if d.code == "certlex::input::too-large"));
}

#[test]
fn der_lengths_are_read_from_the_header() {
    assert_eq!(der_length(&[0x30, 0x03, 1, 2, 3]), Some(5));
    assert_eq!(der_length(&[0x30, 0x82, 0x01, 0x00]), Some(4 + 256));
    assert_eq!(der_length(&[0x31, 0x03]), None);
    assert_eq!(der_length(&[0x30, 0x80]), None);
}
