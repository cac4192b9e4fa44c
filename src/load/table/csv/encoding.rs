//! The encoding of a metrics file: from its byte-order mark (UTF-8,
//! UTF-16LE, UTF-16BE), else UTF-8 when its bytes are, else the legacy
//! encoding its bytes tell (chardetng, as browsers tell a page's), with a
//! warning that names it: a Western European re-save of `José Müller`
//! reads as the UTF-8 original does.

use std::path::Path;

use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The encoding a metrics file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, from its byte-order mark (as Meta exports).
    Utf16Le,
    /// UTF-16, big-endian, from its byte-order mark.
    Utf16Be,
    /// Not UTF-8 and no byte-order mark: the legacy encoding its bytes
    /// tell (Windows-1251 for Russian text as Excel in a Russian locale
    /// saves it, Windows-1252 for a Western European re-save, and so on).
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// Its name, as a warning gives it: `Windows-1252`, `KOI8-R`.
    pub fn name(self) -> String {
        match self {
            Encoding::Utf8 => "UTF-8".into(),
            Encoding::Utf16Le => "UTF-16LE".into(),
            Encoding::Utf16Be => "UTF-16BE".into(),
            Encoding::Legacy(e) => match e.name().strip_prefix("windows-") {
                Some(page) => format!("Windows-{page}"),
                None => e.name().to_string(),
            },
        }
    }
}

/// Decode a file's bytes: UTF-8 (a BOM dropped), else the legacy encoding
/// its bytes tell. Returns the text and whether a legacy encoding was used.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let (text, encoding) = decode_as(bytes);
    (text, matches!(encoding, Encoding::Legacy(_)))
}

/// The legacy encoding of bytes that are not UTF-8, told from the bytes
/// themselves (chardetng, as browsers tell a page that names none). A
/// spreadsheet writes its locale's Windows code page, so a guess of
/// another encoding of the same script (KOI8-U for a few Cyrillic letters,
/// ISO-8859-2) is taken as that code page; and where the bytes read the
/// same in Windows-1251 (a no-break space alone), it is named Windows-1251,
/// as Excel in a Russian locale saves it.
fn legacy(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    use encoding_rs as e;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let guess = match guess {
        g if g == e::KOI8_U || g == e::KOI8_R || g == e::IBM866 || g == e::ISO_8859_5 => {
            e::WINDOWS_1251
        }
        g if g == e::X_MAC_CYRILLIC => e::WINDOWS_1251,
        g if g == e::ISO_8859_2 || g == e::ISO_8859_16 => e::WINDOWS_1250,
        g if g == e::ISO_8859_4 || g == e::ISO_8859_13 => e::WINDOWS_1257,
        g if g == e::ISO_8859_7 => e::WINDOWS_1253,
        g if g == e::ISO_8859_8 || g == e::ISO_8859_8_I => e::WINDOWS_1255,
        g if g == e::ISO_8859_6 => e::WINDOWS_1256,
        g if g == e::ISO_8859_15 => e::WINDOWS_1252,
        g => g,
    };
    if guess != e::WINDOWS_1251 && reads_alike(bytes, guess, e::WINDOWS_1251) {
        return e::WINDOWS_1251;
    }
    guess
}

/// Whether `bytes` read the same in two single-byte encodings: each
/// non-ASCII byte they hold means one character in both. One pass, with
/// nothing decoded twice.
fn reads_alike(
    bytes: &[u8],
    a: &'static encoding_rs::Encoding,
    b: &'static encoding_rs::Encoding,
) -> bool {
    if !a.is_single_byte() || !b.is_single_byte() {
        return false;
    }
    let mut held = [false; 128];
    for byte in bytes.iter().filter(|b| **b >= 0x80) {
        held[usize::from(byte - 0x80)] = true;
    }
    (0x80..=0xFF_u8)
        .filter(|byte| held[usize::from(byte - 0x80)])
        .all(|byte| {
            let one = [byte];
            a.decode_without_bom_handling(&one).0 == b.decode_without_bom_handling(&one).0
        })
}

/// Decode a file's bytes by its byte-order mark, else as UTF-8, else in
/// the legacy encoding its bytes tell; with the encoding used.
/// Old Mac line ends (CR alone) become LF, so that lines are counted alike
/// here and where the terminal quotes them.
pub fn decode_as(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Encoding) {
    use std::borrow::Cow;
    let (text, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, bom)) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            let (text, _) = e.decode_without_bom_handling(&bytes[bom..]);
            let used = if e == encoding_rs::UTF_16LE {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            (text, used)
        }
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
                Err(_) => {
                    let used = legacy(bytes);
                    let (text, _) = used.decode_without_bom_handling(bytes);
                    (text, Encoding::Legacy(used))
                }
            }
        }
    };
    if text.contains('\r') && !text.contains('\n') {
        return (Cow::Owned(text.replace('\r', "\n")), encoding);
    }
    (text, encoding)
}

/// The warning for a file not read as UTF-8, naming the encoding used.
pub(super) fn warn_encoding(path: &Path, encoding: Encoding, diags: &mut Diagnostics) {
    if let Encoding::Legacy(_) = encoding {
        let problem = CsvProblem::ReadAsLegacy {
            encoding: encoding.name(),
        };
        diags.push(Diagnostic::warning(problem).in_file(path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (String, String) {
        let (text, encoding) = decode_as(bytes);
        (text.into_owned(), encoding.name())
    }

    #[test]
    fn tells_western_european_from_cyrillic_by_the_bytes() {
        let jose: Vec<u8> = "customer\nJosé Müller\nZoë Brontë\n"
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        let (text, name) = read(&jose);
        assert_eq!(
            (text.as_str(), name.as_str()),
            ("customer\nJosé Müller\nZoë Brontë\n", "Windows-1252")
        );
        // A few Cyrillic letters that chardetng takes for KOI8-U: Excel
        // writes Windows-1251.
        let roubles = b"revenue;currency\r\n1\xa0683,91 \xf0\xf3\xe1.;RUB\r\n110\xa0292 \xf0\xf3\xe1.;RUB\r\n";
        let (text, name) = read(roubles);
        assert!(text.contains("1\u{a0}683,91 руб."), "{text}");
        assert_eq!(name, "Windows-1251");
        // A no-break space alone reads the same in both: Windows-1251.
        assert_eq!(read(b"n\n1\xa0234\n").1, "Windows-1251");
        assert_eq!(read("é".as_bytes()).1, "UTF-8");
    }
}
