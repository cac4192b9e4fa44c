//! The pixel size of a raster image, read from its header alone, so that a
//! logo too large to decode is refused before anything decodes it (the
//! PDF's typesetter decodes a logo whole: 25000 x 25000 pixels is gigabytes).
//!
//! PNG, JPEG, GIF and WebP, the raster formats a report's logo can be; any
//! other file (SVG, which is drawn and never decoded to pixels, or bytes no
//! format claims) has no pixel size here.

/// How many bytes of a file are read for its header: a JPEG's size comes
/// after its metadata, which a camera can make long.
pub(super) const HEADER_BYTES: u64 = 1 << 20;

/// The width and height of the raster image that `bytes` begins, if they
/// are the start of a PNG, JPEG, GIF or WebP file.
pub(super) fn of(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(bytes, 16)?, be32(bytes, 20)?));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some((le16(bytes, 6)?.into(), le16(bytes, 8)?.into()));
    }
    if bytes.starts_with(b"\xff\xd8") {
        return jpeg(bytes);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return webp(bytes);
    }
    None
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | (u32::from(s[1]) << 8) | (u32::from(s[2]) << 16))
}

/// A JPEG's size, from its first start-of-frame segment: the segments
/// before it are skipped by their lengths.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *b.get(at)? == 0xff && *b.get(at + 1)? == 0xff {
            at += 1;
        }
        if *b.get(at)? != 0xff {
            return None;
        }
        let marker = *b.get(at + 1)?;
        // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let height = be16(b, at + 5)?;
            let width = be16(b, at + 7)?;
            return Some((width.into(), height.into()));
        }
        at += 2 + usize::from(be16(b, at + 2)?);
    }
}

/// A WebP's size: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8 " => Some((
            u32::from(le16(b, 26)? & 0x3fff),
            u32::from(le16(b, 28)? & 0x3fff),
        )),
        b"VP8L" => {
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG's signature and header chunk, which is all its size needs.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn reads_the_size_from_each_header() {
        assert_eq!(of(&png(25_000, 25_000)), Some((25_000, 25_000)));
        assert_eq!(of(b"GIF89a\x10\x00\x20\x00"), Some((16, 32)));
        // SOI, an APP0 of 16 bytes, then SOF0 of 40 x 30.
        let mut jpeg = b"\xff\xd8\xff\xe0\x00\x10".to_vec();
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(b"\xff\xc0\x00\x11\x08\x00\x1e\x00\x28");
        assert_eq!(of(&jpeg), Some((40, 30)));
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        webp.extend_from_slice(&[0x3f, 0x9c, 0x00, 0x3f, 0x9c, 0x00]);
        assert_eq!(of(&webp), Some((40_000, 40_000)));
    }

    #[test]
    fn no_size_for_what_is_no_raster_image() {
        assert_eq!(of(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), None);
        assert_eq!(of(b"\x89PNG\r\n\x1a\n\0\0"), None);
        assert_eq!(of(b"\xff\xd8\xff\xe0\xff\xff"), None);
        assert_eq!(of(b""), None);
    }
}
