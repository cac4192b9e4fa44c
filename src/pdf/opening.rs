//! The parts of a monthly report's PDF that are not tables: the four
//! headline figures as cards, the budget's status, the decisions due and
//! the month's top posts with their thumbnails, each from the page's own
//! view ([`crate::view::pages::month_lead`]), written as Typst source.

use std::fmt::Write as _;

use super::escape::{MUTED, literal, typst_escape as esc};
use crate::view::pages::Card;
use crate::view::pages::month_lead::{Lead, TopPost, TopPosts};

/// The colour of a good change or figure.
pub(super) const GOOD: &str = "rgb(\"#1a7f37\")";
/// The colour of a bad one.
pub(super) const BAD: &str = "rgb(\"#b42318\")";

/// A tone's colour: green for good, red for bad, grey otherwise.
fn tone(tone: &str) -> &'static str {
    match tone {
        "good" => GOOD,
        "bad" => BAD,
        _ => MUTED,
    }
}

/// The four figures side by side, each a card: label, figure, its change
/// and target coloured by its tone.
pub(super) fn figures(out: &mut String, cards: &[Card]) {
    if cards.is_empty() {
        return;
    }
    let cells: Vec<String> = cards
        .iter()
        .map(|c| {
            format!(
                "[#text(7.5pt, fill: {MUTED})[{}] \\\n#text(13pt, weight: \"bold\")[{}] \\\n#text(7.5pt, fill: {})[{}]]",
                esc(&c.label),
                esc(&c.value),
                tone(c.tone),
                esc(&c.note)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "#grid(columns: ({},), column-gutter: 6pt, fill: luma(245), inset: 7pt,\n  {})\n",
        vec!["1fr"; cards.len()].join(", "),
        cells.join(",\n  ")
    );
}

/// The budget's status and the decisions due, on the report date's month.
pub(super) fn decisions(out: &mut String, lead: &Lead, (head, none): (&str, &str)) {
    if let Some(b) = &lead.budget {
        let fill = tone(b.tone);
        let weight = if b.tone == "bad" { "bold" } else { "regular" };
        let _ = writeln!(
            out,
            "#text(fill: {fill}, weight: \"{weight}\")[{}]\n",
            esc(&b.text)
        );
    }
    if !lead.latest {
        return;
    }
    let _ = writeln!(out, "== {}\n", esc(head));
    if lead.decisions.is_empty() {
        let _ = writeln!(out, "{}\n", esc(none));
        return;
    }
    for d in &lead.decisions {
        let advice = match d.recommendation {
            "" => String::new(),
            r => format!(" #text(weight: \"bold\")[{}]", esc(r)),
        };
        let _ = writeln!(
            out,
            "- *{}*{advice} #h(4pt) #text(8pt, fill: {MUTED})[{}]",
            esc(&d.label),
            esc(&d.note)
        );
    }
    if let Some(more) = &lead.more {
        let _ = writeln!(out, "\n#text(8pt, fill: {MUTED})[{}]", esc(&more.label));
    }
    out.push('\n');
}

/// The name the `k`th thumbnail is read under: its place, and the
/// extension its bytes call for (`.jpg` for a PNG misnamed would not be
/// read).
pub(super) fn thumb_file(k: usize, bytes: &[u8]) -> String {
    format!("thumb-{k}.{}", extension(bytes))
}

/// The thumbnails the top posts show, each once, in order: the names of
/// their files in the portfolio.
pub(super) fn thumbs(top: &TopPosts) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in top.by_revenue.iter().chain(&top.by_rate) {
        if let Some(f) = p.thumb_file.as_deref().filter(|f| !out.contains(f)) {
            out.push(f);
        }
    }
    out
}

/// The two rankings of top posts side by side under `head`, kept on one
/// page; `readable` says which thumbnails the report has, each with the
/// name it is read under (none: no room is kept for them).
pub(super) fn top_posts(
    out: &mut String,
    top: &TopPosts,
    (head, titles): (&str, (&str, &str)),
    readable: &[(&str, String)],
) {
    let list = |title: &str, posts: &[TopPost]| {
        let items: Vec<String> = posts.iter().map(|p| top_post(p, readable)).collect();
        format!(
            "[#text(weight: \"bold\")[{}]\n{}]",
            esc(title),
            items.join("\n")
        )
    };
    let _ = writeln!(
        out,
        "#block(breakable: false)[\n== {}\n\n#grid(columns: (1fr, 1fr), column-gutter: 14pt,\n  {},\n  {})\n]\n",
        esc(head),
        list(titles.0, &top.by_revenue),
        list(titles.1, &top.by_rate)
    );
}

/// One post: its thumbnail where the report has it, the creator, the
/// figure and when and where it was published.
fn top_post(p: &TopPost, readable: &[(&str, String)]) -> String {
    if readable.is_empty() {
        return format!(
            "#block(above: 5pt, below: 5pt)[*{}* #h(3pt) {} \\\n#text(7.5pt, fill: {MUTED})[{}]]",
            esc(&p.creator),
            esc(&p.figure),
            esc(&p.note)
        );
    }
    let picture = (p.thumb_file.as_deref())
        .and_then(|f| readable.iter().find(|(name, _)| *name == f))
        .map_or_else(
            || "box(width: 22pt, height: 22pt)".to_string(),
            |(_, file)| {
                format!(
                    "box(width: 22pt, height: 22pt, clip: true, radius: 2pt, image({}, width: 22pt, height: 22pt, fit: \"cover\"))",
                    literal(file)
                )
            },
        );
    format!(
        "#block(above: 5pt, below: 5pt, grid(columns: (24pt, 1fr), column-gutter: 5pt, align: horizon, {picture}, [*{}* #h(3pt) {} \\\n#text(7.5pt, fill: {MUTED})[{}]]))",
        esc(&p.creator),
        esc(&p.figure),
        esc(&p.note)
    )
}

/// The largest thumbnail file the report reads, in bytes.
const MAX_BYTES: usize = 4 << 20;
/// The most pixels a thumbnail may have on a side.
const MAX_SIDE: u32 = 4096;

/// Whether `bytes` are a PNG or a JPEG of at most [`MAX_BYTES`] and
/// [`MAX_SIDE`] pixels a side (read from its header, before anything is
/// decoded) that decodes: the typesetter is given no other thumbnail, so a
/// broken or enormous picture leaves a post without one in the PDF and
/// never stops the report.
pub(super) fn is_picture(bytes: &[u8]) -> bool {
    use typst::visualize::{ExchangeFormat, RasterImage};
    let small = picture_size(bytes).is_some_and(|(w, h)| w <= MAX_SIDE && h <= MAX_SIDE);
    if bytes.len() > MAX_BYTES || !small {
        return false;
    }
    let format = match ExchangeFormat::detect(bytes) {
        Some(f @ (ExchangeFormat::Png | ExchangeFormat::Jpg)) => f,
        _ => return false,
    };
    RasterImage::plain(typst::foundations::Bytes::new(bytes.to_vec()), format).is_ok()
}

/// The extension a thumbnail is read under: its format's, by its bytes.
pub(super) fn extension(bytes: &[u8]) -> &'static str {
    match bytes.starts_with(PNG) {
        true => "png",
        false => "jpg",
    }
}

/// How a PNG begins.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A PNG's or a JPEG's width and height, from its header.
fn picture_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be32 = |b: &[u8]| Some(u32::from_be_bytes(b.try_into().ok()?));
    let be16 = |b: &[u8]| Some(u32::from(u16::from_be_bytes(b.try_into().ok()?)));
    if bytes.starts_with(PNG) {
        return Some((be32(bytes.get(16..20)?)?, be32(bytes.get(20..24)?)?));
    }
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    // A JPEG's segments after its start: the first frame header (SOF0 to
    // SOF15 but DHT, JPG and DAC) holds the height, then the width.
    let mut at = 2;
    while let (Some(0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        let len = be16(bytes.get(at + 2..at + 4)?)? as usize;
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let h = be16(bytes.get(at + 5..at + 7)?)?;
            let w = be16(bytes.get(at + 7..at + 9)?)?;
            return Some((w, h));
        }
        at += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A thumbnail the sample portfolio has: a PNG of 120 x 120.
    const SAMPLE: &[u8] =
        include_bytes!("../../sample-data/clients/kestrel-coffee/assets/posts/DRCqPotNpTI.png");

    #[test]
    fn a_picture_is_read_by_its_bytes_not_its_name() {
        assert_eq!(picture_size(SAMPLE), Some((120, 120)));
        assert!(is_picture(SAMPLE));
        assert_eq!(thumb_file(2, SAMPLE), "thumb-2.png");
        // A JPEG's frame header: height 300, width 400, after an APP0.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01,
            0x2C, 0x01, 0x90,
        ];
        assert_eq!(picture_size(&jpeg), Some((400, 300)));
        assert_eq!(extension(&jpeg), "jpg");
        // Its header alone does not decode: no thumbnail.
        assert!(!is_picture(&jpeg));
    }

    #[test]
    fn a_broken_or_enormous_picture_is_no_thumbnail() {
        // Cut short after its header: it does not decode.
        assert!(!is_picture(&SAMPLE[..40]));
        // A header claiming 100,000 pixels a side is refused before
        // anything is decoded.
        let mut huge = SAMPLE.to_vec();
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        assert_eq!(picture_size(&huge), Some((100_000, 120)));
        assert!(!is_picture(&huge));
        assert!(!is_picture(b"GIF89a"));
        assert!(!is_picture(&[]));
        assert_eq!(picture_size(&[0xFF, 0xD8, 0xFF]), None);
    }
}
