//! Content lines (RFC 5545 3.1), written straight into the calendar's text: escaped, folded
//! at 75 octets, ended with CRLF.
//!
//! The icalendar crate builds each line as a `Property` (a map of parameters, the line, then
//! a folded copy of it): four allocations a line, the larger part of the export's time on a
//! large week (see BENCHMARKS.md). This writer allocates nothing and keeps the crate's
//! escaping rules; it never splits an escape or a character across a fold.

/// The longest physical line, in octets, without its CRLF.
const WIDTH: usize = 75;

/// One content line being written into `out`.
pub struct Line<'a> {
    out: &'a mut String,
    /// Octets on the current physical line.
    width: usize,
}

impl<'a> Line<'a> {
    /// Starts the line `NAME`.
    pub fn new(out: &'a mut String, name: &str) -> Self {
        let mut line = Self { out, width: 0 };
        line.plain(name);
        line
    }

    /// `;KEY=VALUE`; a value holding `:`, `;` or `,` is quoted, and one that cannot be
    /// quoted loses its double quotes and control characters.
    pub fn param(mut self, key: &str, value: &str) -> Self {
        self.unit(";");
        self.plain(key);
        self.unit("=");
        let quoted = memchr::memchr3(b':', b';', b',', value.as_bytes()).is_some();
        if quoted {
            self.unit("\"");
        }
        if control(value.as_bytes(), false).is_none()
            && memchr::memchr(b'"', value.as_bytes()).is_none()
        {
            self.plain(value);
        } else {
            let cleaned: String = value
                .chars()
                .filter(|&c| c != '"' && !c.is_control())
                .collect();
            self.plain(&cleaned);
        }
        if quoted {
            self.unit("\"");
        }
        self
    }

    /// `:VALUE` as written (a URI, a date-time, a number), without control characters,
    /// which would end the line; then the line's end.
    pub fn raw(self, value: &str) {
        self.raws([value]);
    }

    /// `:` and then the value in pieces, each written as [`Self::raw`] writes it.
    pub fn raws<'v>(mut self, pieces: impl IntoIterator<Item = &'v str>) {
        self.unit(":");
        for piece in pieces {
            if control(piece.as_bytes(), false).is_some() {
                let cleaned: String = piece.chars().filter(|c| !c.is_control()).collect();
                self.plain(&cleaned);
            } else {
                self.plain(piece);
            }
        }
        self.end();
    }

    /// `:VALUE` as TEXT (3.3.11); then the line's end.
    pub fn text(mut self, value: &str) {
        self.unit(":");
        self.escaped(value);
        self.end();
    }

    /// `:` and then the value in pieces, each TEXT, for values built from several parts.
    pub fn texts<'v>(mut self, pieces: impl IntoIterator<Item = &'v str>) {
        self.unit(":");
        for piece in pieces {
            self.escaped(piece);
        }
        self.end();
    }

    /// TEXT escaping: `\`, `;`, `,` and line breaks escaped (CR LF, CR and LF each one
    /// break), other control characters but tab dropped, as TEXT may not hold them.
    fn escaped(&mut self, value: &str) {
        let mut rest = value;
        while let Some(at) = special(rest.as_bytes()) {
            self.plain(&rest[..at]);
            let c = rest[at..]
                .chars()
                .next()
                .expect("a special character is there");
            rest = &rest[at + c.len_utf8()..];
            match c {
                '\\' => self.unit("\\\\"),
                ';' => self.unit("\\;"),
                ',' => self.unit("\\,"),
                '\n' => self.unit("\\n"),
                '\r' => {
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                    self.unit("\\n");
                }
                // Other control characters: TEXT may not hold them.
                _ => {}
            }
        }
        self.plain(rest);
    }

    /// Text without anything to escape, folded on character boundaries.
    fn plain(&mut self, mut text: &str) {
        while !text.is_empty() {
            let room = WIDTH - self.width;
            if text.len() <= room {
                self.out.push_str(text);
                self.width += text.len();
                return;
            }
            let mut cut = room;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&text[..cut]);
            self.fold();
            text = &text[cut..];
        }
    }

    /// A few octets that stay together on one physical line (an escape, a quote).
    fn unit(&mut self, text: &str) {
        if self.width + text.len() > WIDTH {
            self.fold();
        }
        self.out.push_str(text);
        self.width += text.len();
    }

    fn fold(&mut self) {
        self.out.push_str("\r\n ");
        self.width = 1;
    }

    fn end(self) {
        self.out.push_str("\r\n");
    }
}

/// Where the first character to escape or drop in TEXT is: `\\`, `;`, `,` or a control
/// character but tab. All the text of a large week passes through here, so the common
/// case, no control character at all, is one vectorised pass.
fn special(text: &[u8]) -> Option<usize> {
    let escape = memchr::memchr3(b'\\', b';', b',', text);
    if !may_hold_control(text) {
        return escape;
    }
    match (escape, control(text, true)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether `text` may hold a control character: a byte below 0x20 (tab too), DEL, or 0xC2,
/// with which UTF-8 starts the C1 controls (and U+00A0–U+00BF, told apart afterwards).
/// Without an early exit, so that it compiles to a few vector instructions a chunk.
fn may_hold_control(text: &[u8]) -> bool {
    text.iter().fold(false, |seen, &b| {
        seen | (b < 0x20) | (b == 0x7F) | (b == 0xC2)
    })
}

/// Where the first control character is: C0 (tab too, unless `keep_tab`), DEL, or C1,
/// which UTF-8 writes as 0xC2 0x80–0x9F.
fn control(text: &[u8], keep_tab: bool) -> Option<usize> {
    if !may_hold_control(text) {
        return None;
    }
    let mut from = 0;
    loop {
        let at = from
            + text[from..]
                .iter()
                .position(|&b| (b < 0x20 && !(keep_tab && b == b'\t')) || b == 0x7F || b == 0xC2)?;
        if text[at] == 0xC2 && !matches!(text.get(at + 1), Some(0x80..=0x9F)) {
            from = at + 1;
            continue;
        }
        return Some(at);
    }
}

/// `BEGIN:…` or `END:…`, which never fold.
pub fn bare(out: &mut String, line: &str) {
    out.push_str(line);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn physical(text: &str) -> Vec<&str> {
        text.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    #[test]
    fn long_text_folds_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        let value = "Ä".repeat(60) + &"x".repeat(100) + "😀" + ";,\\\n";
        Line::new(&mut out, "SUMMARY").text(&value);
        let lines = physical(&out);
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!(
                "SUMMARY:{}{}😀\\;\\,\\\\\\n\r\n",
                "Ä".repeat(60),
                "x".repeat(100)
            )
        );
        // No escape is cut in two.
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with('\\') || l.ends_with("\\\\"))
        );
    }

    #[test]
    fn line_breaks_become_one_escape_and_controls_go() {
        let mut out = String::new();
        Line::new(&mut out, "DESCRIPTION").text("a\r\nb\rc\nd\u{7}e\tf\u{85}g");
        assert_eq!(out, "DESCRIPTION:a\\nb\\nc\\nde\tfg\r\n");
    }

    #[test]
    fn parameters_are_quoted_when_they_must_be() {
        let mut out = String::new();
        Line::new(&mut out, "CONFERENCE")
            .param("VALUE", "URI")
            .param("LABEL", "Raum; A, \"B\"")
            .raw("https://example.org/x?a=1;b=2\n");
        assert_eq!(
            out,
            "CONFERENCE;VALUE=URI;LABEL=\"Raum; A, B\":https://example.org/x?a=1;b=2\r\n"
        );
    }

    #[test]
    fn every_width_of_line_folds_right() {
        for n in 0..200 {
            let mut out = String::new();
            Line::new(&mut out, "X").text(&"é,".repeat(n));
            assert!(physical(&out).iter().all(|l| l.len() <= 75));
            assert_eq!(
                out.replace("\r\n ", ""),
                format!("X:{}\r\n", "é\\,".repeat(n))
            );
        }
    }
}
