//! What counts as personal data, wherever roster meets it: an e-mail
//! address, a person's name, a column whose header says it holds either
//! (or a phone, an address). Loading hashes such values as it reads them;
//! diagnostics never quote a file that may hold them and blank out an
//! e-mail address in any message. A leaf, so that both can ask it.

/// What a customer value written in a metrics file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// An opaque id, kept as written.
    Opaque,
    /// An e-mail address.
    Email,
    /// A person's name.
    Name,
}

/// What `value` (trimmed) is: an e-mail has an `@` with text before it
/// and a dot after it (any `@`, so that junk around an address is still
/// taken for one); a name has a space between words with a
/// letter in each. Anything else (a hash, `C-0042`) is an opaque id.
pub(crate) fn written(value: &str) -> Written {
    // Most ids are one word without an `@`: read on every order.
    if !value.contains(|c: char| c == '@' || c.is_whitespace()) {
        return Written::Opaque;
    }
    if value
        .match_indices('@')
        .any(|(at, _)| at > 0 && value[at + 1..].contains('.'))
    {
        return Written::Email;
    }
    let mut words = 0;
    for word in value.split_whitespace() {
        if !word.chars().any(char::is_alphabetic) {
            return Written::Opaque;
        }
        words += 1;
    }
    if words >= 2 {
        Written::Name
    } else {
        Written::Opaque
    }
}

/// Words of the headers of columns that may hold personal data, lower
/// case, in the languages exports are written in: a file with such a
/// column is never quoted in a diagnostic. A word of four letters or more
/// also matches as the start of a header's word (`address1`, `телефона`).
const PERSONAL_WORDS: &[&str] = &[
    // English
    "customer",
    "email",
    "mail",
    "name",
    "client",
    "buyer",
    "phone",
    "telephone",
    "mobile",
    "address",
    "billing",
    "street",
    "zip",
    "postcode",
    "recipient",
    // Russian
    "покупатель",
    "клиент",
    "заказчик",
    "получатель",
    "имя",
    "фамилия",
    "отчество",
    "фио",
    "телефон",
    "тел",
    "почта",
    "адрес",
    "мейл",
    "емейл",
    // Spanish, Portuguese, Italian
    "cliente",
    "comprador",
    "nombre",
    "apellido",
    "teléfono",
    "telefono",
    "correo",
    "dirección",
    "direccion",
    "nome",
    "sobrenome",
    "telefone",
    "endereço",
    "cognome",
    "indirizzo",
    "acquirente",
    // German, French
    "kunde",
    "käufer",
    "vorname",
    "nachname",
    "telefon",
    "adresse",
    "anschrift",
    "nom",
    "prénom",
    "acheteur",
    "téléphone",
    "courriel",
];

/// Whether a header (as written) names a column that may hold personal
/// data: a customer, a name, an e-mail, a phone, an address, in English or
/// another language of [`PERSONAL_WORDS`].
pub(crate) fn personal_header(header: &str) -> bool {
    let header = header.to_lowercase();
    header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            PERSONAL_WORDS
                .iter()
                .any(|p| w == *p || (p.chars().count() >= 4 && w.starts_with(p)))
        })
}

/// Whether a metrics file's text may hold personal data: an e-mail
/// address anywhere, or a column whose name says it (`customer`,
/// `Billing Name`, `Покупатель`, `Телефон`...). Diagnostics give such a
/// file's lines by number and never quote them.
pub(crate) fn may_hold_personal(text: &str) -> bool {
    let header = text.lines().next().unwrap_or("");
    personal_header(header) || has_email(text)
}

/// Whether some word of `text` is an e-mail address. A web address with
/// an `@` in it (a TikTok link, `https://www.tiktok.com/@name.brews/…`) is
/// no e-mail: a posts file of such links is quoted like any other.
pub(crate) fn has_email(text: &str) -> bool {
    text.contains('@')
        && text
            .split(ends_a_word)
            .any(|w| written(w) == Written::Email && !w.contains("://"))
}

/// Whether `c` ends a word of a text that may hold an e-mail address:
/// spaces, and the quotes and brackets around an address.
fn ends_a_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';' | '"' | '\'' | '`' | '<' | '>' | '(' | ')' | '[' | ']'
        )
}

/// `value` with each e-mail address in it replaced, the quotes and
/// brackets around it kept: for every message that quotes a user's value.
/// A web address with a user in it is left to the message that quotes it.
/// Borrowed when nothing was replaced.
pub(crate) fn redacted(value: &str) -> std::borrow::Cow<'_, str> {
    if !has_email(value) {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut replaced = false;
    let mut rest = value;
    while !rest.is_empty() {
        let end = rest.find(ends_a_word).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if written(word) == Written::Email && !word.contains("://") {
            out.push_str("<e-mail address>");
            replaced = true;
        } else {
            out.push_str(word);
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    if !replaced {
        return std::borrow::Cow::Borrowed(value);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_e_mails_and_names_from_ids() {
        assert_eq!(written("anna@example.com"), Written::Email);
        assert_eq!(written("Anna Petrova"), Written::Name);
        assert_eq!(written("Анна Петрова"), Written::Name);
        for id in ["52d985fab96f5124", "C-0042", "@handle", "a@b", "42 17"] {
            assert_eq!(written(id), Written::Opaque, "{id}");
        }
    }

    #[test]
    fn finds_files_that_may_hold_personal_data() {
        assert!(may_hold_personal(
            "order_id,date,customer\n1,2026-01-01,x\n"
        ));
        assert!(may_hold_personal("Name,Email,Total\n#1,a@b.co,1\n"));
        assert!(may_hold_personal("id,note\n1,\"write to a@b.co\"\n"));
        assert!(!may_hold_personal(
            "post_id,partnership,published\n1,anna,2026-01-01\n"
        ));
        // A posts file of TikTok links (an `@`, a dot after it) is quoted.
        assert!(!may_hold_personal(
            "post_id,url\n7,https://www.tiktok.com/@jess.brews/video/7\n"
        ));
        assert!(may_hold_personal("post_id,url\n7,jess@brews.co\n"));
        for header in [
            "Покупатель",
            "Номер телефона",
            "Имя",
            "Эл. почта",
            "Billing Address1",
            "E-Mail",
            "Teléfono",
            "Kundennummer",
        ] {
            assert!(personal_header(header), "{header}");
        }
        for header in ["post_id", "Дата", "Сумма", "Охват", "Publish time", "Reach"] {
            assert!(!personal_header(header), "{header}");
        }
        assert_eq!(redacted("from a@b.co today"), "from <e-mail address> today");
        assert_eq!(redacted("@handle"), "@handle");
        assert_eq!(
            redacted("link \"mailto:a@b.co\" (x@y.org), `q@r.io`"),
            "link \"<e-mail address>\" (<e-mail address>), `<e-mail address>`"
        );
        assert_eq!(
            redacted("https://u@x.io/ a@b.co"),
            "https://u@x.io/ <e-mail address>"
        );
        // A link with an `@` and a dot after it is no e-mail: the value
        // comes back as it was, not as a copy.
        let link = "https://www.tiktok.com/@a/video/.139966342470512897";
        assert!(matches!(redacted(link), std::borrow::Cow::Borrowed(_)));
    }
}
