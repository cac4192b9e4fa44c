//! One correction to the bytes typst's PDF writer makes: the catalog's
//! `/MarkInfo` says `/Suspects false`. That is what the PDF specification
//! types it as (an optional boolean, false by default), but poppler reports
//! every value but `true` as "Suspects object is wrong type (boolean)", so
//! every reader built on it (pdfinfo, pdftotext, Evince, ...) printed a
//! syntax error for every report. The entry is left out, which means the
//! same: no content is suspected of being tagged wrongly.
//!
//! The entry is blanked with spaces of the same length rather than cut, so
//! that every byte offset in the cross-reference table stays right and the
//! file stays the same from build to build.

/// The catalog's mark information as typst writes it.
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";

/// The entry left out of it.
const SUSPECTS: &[u8] = b"/Suspects false";

/// `pdf` with its catalog's `/Suspects false` blanked out; unchanged when
/// the catalog says it otherwise (or not at all).
pub(super) fn without_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    if let Some(at) = find(&pdf, MARK_INFO) {
        let from = at + MARK_INFO.len() - b">>".len() - SUSPECTS.len();
        pdf[from..from + SUSPECTS.len()].fill(b' ');
    }
    pdf
}

/// Where `needle` first starts in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_is_blanked_and_every_offset_kept() {
        let pdf = b"1 0 obj\n<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>/Lang(en)>>\nendobj\n";
        let out = without_suspects(pdf.to_vec());
        assert_eq!(out.len(), pdf.len());
        assert_eq!(
            out,
            b"1 0 obj\n<</Type/Catalog/MarkInfo<</Marked true               >>/Lang(en)>>\nendobj\n"
        );
    }

    #[test]
    fn a_catalog_without_the_entry_is_left_as_it_is() {
        let pdf = b"<</Type/Catalog/MarkInfo<</Marked true>>>>".to_vec();
        assert_eq!(without_suspects(pdf.clone()), pdf);
    }
}
