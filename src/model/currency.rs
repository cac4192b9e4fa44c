//! A currency, checked once where a YAML file or a metrics row names it:
//! amounts, rates and the client's reporting currency all carry one, so a
//! rate is looked up with the same spelling the amount was booked in, and
//! nothing downstream re-checks or re-cases a code.

use std::fmt;

/// An ISO 4217 code: three ASCII letters, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// ISO 4217's code for "no currency": the stand-in resolve books in where
    /// nothing names a currency, never converted: the amounts of a client
    /// whose own currency could not be read (reported; the client is left
    /// out), and a post whose currency cell is not a code (its revenue, if
    /// any to date, reported as having no rate).
    pub const NONE: Currency = Currency(*b"XXX");

    /// The currency `written` names, trimmed and upper-cased; `None` for
    /// anything but three letters. The upper-casing is Unicode's, as it
    /// always was, so `uß` reads as `USS`.
    pub fn parse(written: &str) -> Option<Currency> {
        let up = written.trim().to_uppercase();
        let code: [u8; 3] = up.as_bytes().try_into().ok()?;
        code.iter()
            .all(u8::is_ascii_alphabetic)
            .then_some(Currency(code))
    }

    /// The digits after the decimal point of its minor unit (ISO 4217's
    /// exponent): 2 for most, 0 for the yen or the won, 3 for the dinars
    /// of Bahrain, Iraq, Jordan, Kuwait, Libya and Tunisia and the rial
    /// of Oman, 4 for the units of account of Chile and Uruguay.
    pub fn minor_unit(&self) -> u32 {
        const NONE: [&[u8; 3]; 17] = [
            b"BIF", b"CLP", b"DJF", b"GNF", b"ISK", b"JPY", b"KMF", b"KRW", b"PYG", b"RWF", b"UGX",
            b"UYI", b"VND", b"VUV", b"XAF", b"XOF", b"XPF",
        ];
        const THREE: [&[u8; 3]; 7] = [b"BHD", b"IQD", b"JOD", b"KWD", b"LYD", b"OMR", b"TND"];
        match &self.0 {
            c if NONE.contains(&c) => 0,
            c if THREE.contains(&c) => 3,
            b"CLF" | b"UYW" => 4,
            _ => 2,
        }
    }

    /// The code, as files and data.json write it.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a currency is three ASCII letters")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<String> {
        Currency::parse(s).map(|c| c.to_string())
    }

    #[test]
    fn reads_three_letters_in_any_case() {
        assert_eq!(code("USD").as_deref(), Some("USD"));
        assert_eq!(code(" rub ").as_deref(), Some("RUB"));
        assert_eq!(code("eUr").as_deref(), Some("EUR"));
    }

    #[test]
    fn upper_cases_as_unicode_does() {
        // "ß" upper-cases to "SS": three ASCII letters after all.
        assert_eq!(code("uß").as_deref(), Some("USS"));
        // "é" stays a letter outside ASCII.
        assert_eq!(code("éur"), None);
    }

    #[test]
    fn refuses_anything_else() {
        for bad in ["", "US", "USDX", "US1", "U D", "dollars", "$"] {
            assert_eq!(code(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_and_serialises_as_its_code() {
        let (eur, usd) = (Currency::parse("EUR"), Currency::parse("USD"));
        assert!(eur < usd);
        let json = serde_json::to_string(&usd.unwrap()).unwrap();
        assert_eq!(json, "\"USD\"");
        assert_eq!(Currency::NONE.as_str(), "XXX");
    }
}
