//! Presets: the exports of Shopify, WooCommerce, Meta Business Suite,
//! YouTube Studio and TikTok Studio, recognised by their header with no
//! configuration (docs/your-data.md); each vendor's headers, in each
//! language with its source, are the data files of `assets/presets/`.
//!
//! Columns are found by name, lower-cased, never by position: these
//! exports add and drop columns from one version to the next, so every
//! column not needed to recognise the export is optional. The code knows
//! the English names; a header in another language is put into them first
//! ([`super::languages`]).

use super::languages::{self, InEnglish};
use super::platform::{Channel, ExportColumns};
use super::{How, Rules, Source, View};
use crate::diagnostics::kind::ImportProblem;
use crate::model::TableKind;

/// The presets, by name.
pub(crate) const PRESETS: [&str; 5] = [
    "shopify-orders",
    "woocommerce-orders",
    "meta-posts",
    "youtube-table",
    "tiktok-content",
];

/// The columns that mark each preset's header.
fn marks(preset: &str) -> &'static [&'static str] {
    match preset {
        "shopify-orders" => &["name", "email", "financial status", "created at", "total"],
        "woocommerce-orders" => &["order #", "date", "status", "customer"],
        "meta-posts" => &["post id", "publish time"],
        "youtube-table" => &["content", "video publish time"],
        _ => &["video link", "total views"],
    }
}

/// Every column the code of `preset` looks for, in English.
fn reads(preset: &str) -> &'static [&'static str] {
    match preset {
        "shopify-orders" => &[
            "name",
            "email",
            "financial status",
            "created at",
            "total",
            "currency",
            "discount code",
            "cancelled at",
        ],
        "woocommerce-orders" => &[
            "order #",
            "date",
            "status",
            "customer",
            "coupon(s)",
            "net sales",
            "items sold",
        ],
        "meta-posts" => &[
            "post id",
            "publish time",
            "permalink",
            "reach",
            "views",
            "impressions",
            "likes",
            "comments",
            "shares",
            "saves",
            "reactions",
            "account username",
            "page id",
            "title",
            "description",
        ],
        "youtube-table" => &[
            "content",
            "video title",
            "video publish time",
            "views",
            "impressions",
            "thumbnail impressions",
            "unique viewers",
            "likes",
            "shares",
            "comments added",
        ],
        _ => &[
            "video link",
            "video title",
            "total views",
            "total likes",
            "total comments",
            "total shares",
        ],
    }
}

/// The preset whose header this is, in English (normalised), if any.
pub(crate) fn recognise_english(header: &[String]) -> Option<&'static str> {
    PRESETS.into_iter().find(|p| fits(p, header))
}

/// The preset whose header this is (normalised), in English or in a
/// language its data file knows, if any.
pub(crate) fn recognise(header: &[String]) -> Option<&'static str> {
    recognise_english(header).or_else(|| in_english(header, None).map(|e| e.preset))
}

/// `header` (normalised) in English names, when it is a preset's header
/// (`only` that one's, when given) in a language its data file knows.
pub(crate) fn in_english(header: &[String], only: Option<&str>) -> Option<InEnglish> {
    languages::in_english(header, |p, english| {
        only.is_none_or(|o| o == p) && fits(p, english)
    })
}

/// Whether `header` has what `preset` needs, for `roster import --as`.
pub(crate) fn fits(preset: &str, header: &[String]) -> bool {
    marks(preset).iter().all(|m| header.iter().any(|h| h == m))
}

/// The columns of `preset` that `header` lacks.
pub(crate) fn lacks(preset: &str, header: &[String]) -> Vec<&'static str> {
    marks(preset)
        .iter()
        .copied()
        .filter(|m| !header.iter().any(|h| h == m))
        .collect()
}

/// roster's columns and how each is made, built up one by one.
struct Columns<'h> {
    preset: &'static str,
    header: &'h [String],
    names: Vec<String>,
    sources: Vec<Source>,
    /// Columns a sum needs that the file lacks.
    lacks: Vec<String>,
}

impl Columns<'_> {
    fn find(&self, name: &str) -> Option<usize> {
        // Every name looked for is one the data files can translate.
        debug_assert!(reads(self.preset).contains(&name), "{name}");
        self.header.iter().position(|h| h == name)
    }

    /// `column` from the first of `from` the file has.
    fn take(&mut self, column: &str, from: &[&str]) -> Option<usize> {
        let i = from.iter().find_map(|f| self.find(f))?;
        self.push(column, Source::Column(i));
        Some(i)
    }

    fn push(&mut self, column: &str, source: Source) {
        self.names.push(column.to_string());
        self.sources.push(source);
    }

    /// `column` as the sum of `parts`, when the file has every one: a
    /// partial sum would make its rows look worse than others'. Those it
    /// lacks are noted, as the vendor writes them.
    fn sum(&mut self, column: &str, parts: &[&str]) {
        let found: Vec<usize> = parts.iter().filter_map(|p| self.find(p)).collect();
        if found.len() == parts.len() {
            self.push(column, Source::Sum(found));
            return;
        }
        let missing: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| self.find(p).is_none())
            .collect();
        for p in missing {
            let mut chars = p.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            self.lacks.push(first.unwrap_or_default() + chars.as_str());
        }
    }
}

/// The view of a file whose header (lower-cased, trimmed) fits `preset`.
/// A platform's posts need a partnership: from the `imports` entry, else
/// from the folder the file is in.
pub(crate) fn preset<'a>(
    preset: &'static str,
    header: &[String],
    how: &How<'a>,
) -> Result<View<'a>, ImportProblem> {
    let mut c = Columns {
        preset,
        header,
        names: Vec::new(),
        sources: Vec::new(),
        lacks: Vec::new(),
    };
    let partnership = how
        .mapping
        .and_then(|m| m.partnership.as_deref())
        .or(how.folder);
    let (kind, rules, export) = match preset {
        "shopify-orders" | "woocommerce-orders" => {
            (TableKind::Orders, orders(preset, &mut c), None)
        }
        _ => {
            let Some(p) = partnership else {
                // Which folder is meant is told where the file is known.
                return Err(ImportProblem::NoPartnership { preset, near: None });
            };
            c.push("partnership", Source::OrElse(None, p.to_string()));
            let kind_default = how.mapping.and_then(|m| m.kind_default);
            if let Some(k) = kind_default {
                c.push("kind", Source::OrElse(None, k.as_str().to_string()));
            }
            let mut export = export_columns(preset, &c);
            export.kind_given = kind_default.is_some();
            (TableKind::Posts, posts(preset, &mut c), Some(export))
        }
    };
    Ok(View {
        kind,
        preset: Some(preset),
        values: vec![None; c.names.len()],
        header: c.names,
        sources: c.sources,
        rules,
        codes: how.codes,
        salt: how.salt,
        order: how.mapping.and_then(|m| m.date_order),
        mark: how.mapping.and_then(|m| m.decimal),
        export,
        lacks: c.lacks,
        mentions: how.mentions,
    })
}

/// Where a platform export's rows give their platform, text and views.
fn export_columns(preset: &str, c: &Columns) -> ExportColumns {
    let (channel, text, views): (_, &[&str], _) = match preset {
        "meta-posts" => {
            let channel = if c.find("account username").is_some() {
                Some(Channel::Instagram)
            } else if c.find("page id").is_some() {
                Some(Channel::Facebook)
            } else {
                None
            };
            let views = c.find("views").or_else(|| c.find("impressions"));
            (channel, &["title", "description"], views)
        }
        "youtube-table" => (Some(Channel::Youtube), &["video title"], c.find("views")),
        _ => (
            Some(Channel::Tiktok),
            &["video title"],
            c.find("total views"),
        ),
    };
    ExportColumns {
        channel,
        text: text.iter().filter_map(|t| c.find(t)).collect(),
        views,
        // Only Meta's exports have a permalink column.
        url: (preset == "meta-posts")
            .then(|| c.find("permalink"))
            .flatten(),
        kind_given: false,
    }
}

/// A shop's orders: Shopify's, or WooCommerce's. (The header has the
/// columns that mark the preset: the zeros are never used.)
fn orders(preset: &str, c: &mut Columns) -> Rules {
    if preset == "shopify-orders" {
        let name = c.take("order_id", &["name"]).unwrap_or(0);
        c.take("date", &["created at"]);
        let email = c.find("email").unwrap_or(0);
        c.push("customer", Source::Personal(email));
        if let Some(code) = c.find("discount code") {
            // An app's free-text discount may hold commas: one code.
            c.push("partnership", Source::Codes(code, " + "));
        }
        c.take("revenue", &["total"]);
        c.take("currency", &["currency"]);
        return Rules::Shopify {
            name,
            status: c.find("financial status"),
            cancelled: c.find("cancelled at"),
        };
    }
    c.take("order_id", &["order #"]);
    c.take("date", &["date"]);
    let customer = c.find("customer").unwrap_or(0);
    c.push("customer", Source::Personal(customer));
    if let Some(code) = c.find("coupon(s)") {
        c.push("partnership", Source::Codes(code, ", "));
    }
    c.take("revenue", &["net sales"]);
    Rules::Woo {
        status: c.find("status"),
        net: c.find("net sales"),
        items: c.find("items sold"),
    }
}

/// A platform's posts: Meta's, YouTube's or TikTok's.
fn posts(preset: &str, c: &mut Columns) -> Rules {
    match preset {
        "meta-posts" => {
            c.take("post_id", &["post id"]);
            if let Some(t) = c.find("publish time") {
                c.push("published", Source::MonthFirst(t));
            }
            c.take("url", &["permalink"]);
            c.take("reach", &["reach"]);
            c.take("impressions", &["views", "impressions"]);
            if c.find("likes").is_some() || c.find("reactions").is_none() {
                c.sum("engagements", &["likes", "comments", "shares", "saves"]);
            } else {
                c.sum("engagements", &["reactions", "comments", "shares"]);
            }
            Rules::Keep
        }
        "youtube-table" => {
            let content = c.take("post_id", &["content"]).unwrap_or(0);
            let published = c.take("published", &["video publish time"]).unwrap_or(0);
            c.push("url", Source::WatchUrl(content));
            c.take("impressions", &["impressions", "thumbnail impressions"]);
            c.take("reach", &["unique viewers"]);
            c.sum("engagements", &["likes", "shares", "comments added"]);
            Rules::YouTube { content, published }
        }
        _ => {
            if let Some(link) = c.find("video link") {
                c.push("post_id", Source::VideoId(link));
                c.push("published", Source::VideoTime(link));
                c.push("url", Source::Column(link));
            }
            c.take("impressions", &["total views"]);
            c.sum(
                "engagements",
                &["total likes", "total comments", "total shares"],
            );
            Rules::Keep
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> Vec<String> {
        line.split(',')
            .map(|h| languages::normalise(h.trim().trim_matches('"')))
            .collect()
    }

    #[test]
    fn recognises_each_export_by_its_header() {
        let shopify = header(
            "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem quantity",
        );
        assert_eq!(recognise(&shopify), Some("shopify-orders"));
        let woo = header(
            "Date, Order #, Status, Customer, Customer type, Payment method, Product(s), Items sold, Coupon(s), Net sales, Attribution",
        );
        assert_eq!(recognise(&woo), Some("woocommerce-orders"));
        let meta = header(
            "\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves",
        );
        assert_eq!(recognise(&meta), Some("meta-posts"));
        let youtube = header(
            "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)",
        );
        assert_eq!(recognise(&youtube), Some("youtube-table"));
        let tiktok = header(
            "\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"",
        );
        assert_eq!(recognise(&tiktok), Some("tiktok-content"));
        assert_eq!(recognise(&header("post_id,published")), None);
        assert_eq!(
            lacks("meta-posts", &header("Post ID,Reach")),
            vec!["publish time"]
        );
    }

    #[test]
    fn engagement_is_summed_only_from_every_column() {
        let how = How {
            folder: Some("leo"),
            ..How::default()
        };
        let full = header(
            "Content,Video title,Video publish time,Views,Impressions,Likes,Shares,Comments added",
        );
        let view = preset("youtube-table", &full, &how).unwrap();
        assert!(view.header.iter().any(|h| h == "engagements"));
        assert!(view.lacks.is_empty());
        let likes = header("Content,Video title,Video publish time,Likes,Views,Impressions");
        let view = preset("youtube-table", &likes, &how).unwrap();
        assert!(!view.header.iter().any(|h| h == "engagements"));
        assert_eq!(view.lacks, ["Shares", "Comments added"]);
        let facebook = header("Post ID,Page ID,Title,Publish time,Reach,Reactions,Comments,Shares");
        let view = preset("meta-posts", &facebook, &how).unwrap();
        assert!(view.lacks.is_empty(), "{:?}", view.lacks);
        let export = view.export.unwrap();
        assert_eq!(export.channel, Some(Channel::Facebook));
        assert_eq!(export.text.len(), 1);
    }

    #[test]
    fn every_data_file_parses_and_maps_to_names_the_code_knows() {
        use std::collections::HashSet;
        let files = languages::files();
        assert_eq!(files.len(), PRESETS.len());
        for (preset, text) in files {
            assert!(PRESETS.contains(preset), "{preset}");
            let entries = languages::parse(text).unwrap_or_else(|e| panic!("{preset}: {e:?}"));
            // English: each column as written, whose English name is itself.
            let english: HashSet<(Option<&str>, &str)> = entries
                .iter()
                .filter(|e| e.language == "en")
                .inspect(|e| assert_eq!(e.written, e.english, "{preset}: {e:?}"))
                .map(|e| (e.value_of.as_deref(), e.english.as_str()))
                .collect();
            for name in reads(preset).iter().chain(marks(preset)) {
                assert!(english.contains(&(None, *name)), "{preset}: {name}");
            }
            // Every other language: names (and values of columns) that
            // English has, each written once.
            let mut seen = HashSet::new();
            for e in entries.iter().filter(|e| e.language != "en") {
                let key = (e.value_of.as_deref(), e.english.as_str());
                assert!(english.contains(&key), "{preset}: {e:?}");
                if let Some(column) = e.value_of.as_deref() {
                    assert!(english.contains(&(None, column)), "{preset}: {e:?}");
                }
                let written = (&e.language, e.value_of.as_deref(), e.written.as_str());
                assert!(seen.insert(written), "{preset}: twice {e:?}");
            }
        }
    }

    #[test]
    fn recognises_the_spanish_meta_header() {
        let spanish = header(
            "\"identificador de la publicación\",\"Identificador de la cuenta\",\"Nombre de usuario de la cuenta\",\"Nombre de la cuenta\",Descripción,\"Duración (segundos)\",\"Hora de publicación\",\"Enlace permanente\",\"Tipo de publicación\",\"Comentario sobre los datos\",Fecha,Visualizaciones,Alcance,\"Me gusta\",\"Veces que se ha compartido\",Seguidores,Comentarios,\"Veces guardado\"",
        );
        assert_eq!(recognise_english(&spanish), None);
        assert_eq!(recognise(&spanish), Some("meta-posts"));
        let english = in_english(&spanish, Some("meta-posts")).unwrap();
        assert_eq!(english.language, "Spanish");
        assert!(in_english(&spanish, Some("youtube-table")).is_none());
        let how = How {
            folder: Some("anna"),
            ..How::default()
        };
        let view = preset("meta-posts", &english.header, &how).unwrap();
        assert!(view.lacks.is_empty(), "{:?}", view.lacks);
        assert_eq!(
            view.header,
            [
                "partnership",
                "post_id",
                "published",
                "url",
                "reach",
                "impressions",
                "engagements"
            ]
        );
        let export = view.export.unwrap();
        assert_eq!(export.channel, Some(Channel::Instagram));
    }

    #[test]
    fn platform_posts_need_a_partnership() {
        let meta = header("Post ID,Publish time,Reach");
        let got = preset("meta-posts", &meta, &How::default());
        assert!(matches!(got, Err(ImportProblem::NoPartnership { .. })));
        let how = How {
            folder: Some("anna"),
            ..How::default()
        };
        let view = preset("meta-posts", &meta, &how).unwrap();
        assert_eq!(
            view.header,
            ["partnership", "post_id", "published", "reach"]
        );
    }
}
