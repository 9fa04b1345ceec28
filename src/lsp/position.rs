//! Byte offsets (what spans hold) and LSP positions (line and UTF-16 code
//! unit, what editors send): Chinese characters are three bytes and one
//! code unit, so the two never agree on a line with Chinese text.

use lsp_types::{Position, Range};

use crate::source::Span;

/// The LSP position of a byte offset (clamped to the text, and down to a
/// character boundary).
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count();
    let character: usize = before
        .get(line_start..)
        .unwrap_or("")
        .chars()
        .map(char::len_utf16)
        .sum();
    Position::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(character).unwrap_or(u32::MAX),
    )
}

/// The byte offset of an LSP position; past the end of its line, the end
/// of the line; past the last line, the end of the text.
pub fn offset(text: &str, pos: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..pos.line {
        match text.get(line_start..).and_then(|rest| rest.find('\n')) {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = text.get(line_start..).unwrap_or("");
    let line = line.split('\n').next().unwrap_or("");
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= pos.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line.len()
}

pub fn range(text: &str, span: Span) -> Range {
    Range::new(position(text, span.start), position(text, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_counts_utf16_code_units() {
        let text = "ab\n电子签名 x\n𠀀y";
        // `x` is byte 3 + 12 + 1 = 16: line 1, after four characters and a space.
        assert_eq!(position(text, 16), Position::new(1, 5));
        assert_eq!(offset(text, Position::new(1, 5)), 16);
        // 𠀀 is outside the BMP: four bytes, two code units.
        let y = text.find('y').unwrap();
        assert_eq!(position(text, y), Position::new(2, 2));
        assert_eq!(offset(text, Position::new(2, 2)), y);
    }

    #[test]
    fn positions_past_a_line_or_the_text_are_clamped() {
        let text = "abc\n中";
        assert_eq!(offset(text, Position::new(0, 99)), 3);
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
        // Inside a character: the start of that character.
        assert_eq!(position(text, 5), Position::new(1, 0));
    }

    #[test]
    fn round_trip_on_every_character_boundary() {
        let text = "规则 \"ESL-21-1\" 通过\n  require 颁发者.名称 is present # 注释\n";
        for (i, _) in text.char_indices() {
            assert_eq!(offset(text, position(text, i)), i, "at byte {i}");
        }
    }
}
