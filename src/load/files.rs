//! The three YAML files of a portfolio, read into typed input.
//!
//! roster.yaml, client.yaml and partnership files are read here field by
//! field (see [`super::yaml`]); checks that need only the file itself and its
//! client (an unknown market, a retainer ending before it starts) happen here
//! too, where the text is at hand to point into. Checks that need the metrics
//! (a currency with no rate at the report date) happen in resolve.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_yaml::Value;

use super::yaml::{self, Seg, YamlDoc, join, join_index};
use crate::diagnostics::Diagnostics;
use crate::diagnostics::kind::{BudgetProblem, YamlProblem};
use crate::model::{
    Brand, Colour, Contract, Creator, Currency, Denominator, Fx, Language, Market, MarketId,
    MarketIx, Model, Month, PartnershipId, Settings, Targets,
};
use crate::model::{DateOrder, PageSize, PdfReports};

pub use super::yaml::Source;

/// roster.yaml, read.
#[derive(Debug, Clone)]
pub struct RawSettings {
    /// The settings.
    pub settings: Settings,
    /// `as_of`, when given.
    pub as_of: Option<chrono::NaiveDate>,
}

/// client.yaml, read.
#[derive(Debug, Clone)]
pub struct RawClientFile {
    /// Display name.
    pub name: String,
    /// Reporting currency; `None` when the one written is not a currency
    /// (reported), so that the checks of rates are skipped.
    pub currency: Option<Currency>,
    /// `language`, when given.
    pub language: Option<Language>,
    /// Markets, ids ascending.
    pub markets: Vec<Market>,
    /// Targets.
    pub targets: Targets,
    /// White-label settings.
    pub brand: Brand,
    /// `publish`.
    pub publish: bool,
    /// `date_order`, when given.
    pub date_order: Option<DateOrder>,
    /// `page_size`, when given.
    pub page_size: Option<PageSize>,
    /// `imports`: column mappings for other tools' exports.
    pub imports: Vec<super::imports::ImportMapping>,
    /// `budgets`, by start then the longer first.
    pub budgets: Vec<crate::model::Budget>,
    /// `mentions`: the brand's handles, hashtags and words.
    pub mentions: Vec<String>,
}

/// A partnership file, read; `market` is resolved to an index.
#[derive(Debug, Clone)]
pub struct RawPartnership {
    /// File stem.
    pub id: PartnershipId,
    /// The file, for later diagnostics.
    pub source: Source,
    /// Creator.
    pub creator: Creator,
    /// Its market among the client's.
    pub market: MarketIx,
    /// Model.
    pub model: Model,
    /// First day.
    pub start: chrono::NaiveDate,
    /// Last day.
    pub end: Option<chrono::NaiveDate>,
    /// Fee.
    pub fee: RawAmount,
    /// Deliverables.
    pub posts_per_month: Option<Decimal>,
    /// Contract.
    pub contract: Contract,
    /// Extra costs.
    pub extra_costs: Vec<RawExtraCost>,
    /// Discount codes that attribute shop orders to it, as written.
    pub promo_codes: Vec<(String, crate::diagnostics::Location)>,
}

/// An amount of a partnership file, its currency as written: `None` when
/// left out (or not a currency, which was reported), for the client's.
#[derive(Debug, Clone)]
pub struct RawAmount {
    /// The amount.
    pub value: Decimal,
    /// Its currency, when given.
    pub currency: Option<Currency>,
}

/// An extra cost of a partnership file.
#[derive(Debug, Clone)]
pub struct RawExtraCost {
    /// Booking date.
    pub date: chrono::NaiveDate,
    /// What it cost.
    pub amount: RawAmount,
    /// What it was for.
    pub label: Option<String>,
}

/// Whether `s` is a valid id: `[a-z0-9][a-z0-9_-]*`, and not a name
/// Windows keeps for a device ([`crate::model::windows_reserved`]): ids become folder and
/// file names of the site, which must open on every system.
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && !crate::model::windows_reserved(s)
}

/// The id a name that is not one was likely meant to be: `Anna Petrova`
/// -> `anna-petrova`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub(super) fn currency(
    doc: &mut YamlDoc,
    m: &serde_yaml::Mapping,
    path: &[Seg],
    key: &str,
    required: bool,
) -> Option<Currency> {
    let c = doc.string(m, path, key, required)?;
    let currency = Currency::parse(&c);
    if currency.is_none() {
        let problem = YamlProblem::NotACurrency {
            key: key.to_string(),
            found: c,
        };
        doc.error(&join(path, key), problem);
    }
    currency
}

fn language(doc: &mut YamlDoc, m: &serde_yaml::Mapping, path: &[Seg]) -> Option<Language> {
    Language::from_code(doc.choice(m, path, "language", false, Language::CODES)?)
}

/// `title`: one string, or one per language (`{en: "...", ru: "..."}`); the
/// title in the portfolio's `language` (else the first given), and every
/// one given.
fn title(
    doc: &mut YamlDoc,
    m: &serde_yaml::Mapping,
    language: Language,
) -> (Option<String>, Vec<(Language, String)>) {
    let Some(v @ Value::Mapping(_)) = m.get("title") else {
        return (doc.string(m, &[], "title", true), Vec::new());
    };
    let path = join(&[], "title");
    let Some(tm) = doc.mapping(v, &path, Language::CODES).cloned() else {
        return (None, Vec::new());
    };
    let titles: Vec<(Language, String)> = (Language::ALL.iter())
        .filter_map(|l| Some((*l, doc.string(&tm, &path, l.code(), false)?)))
        .collect();
    let main = (titles.iter())
        .find(|(l, _)| *l == language)
        .or(titles.first())
        .map(|(_, t)| t.clone());
    // None given: the portfolio's language is the one asked for.
    let main = main.or_else(|| doc.string(&tm, &path, language.code(), true));
    (main, titles)
}

/// `date_order`: how slash dates in metrics files read.
fn date_order(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Option<DateOrder> {
    match doc.choice(m, &[], "date_order", false, &["mdy", "dmy"])? {
        "dmy" => Some(DateOrder::Dmy),
        _ => Some(DateOrder::Mdy),
    }
}

/// `pdf`: which monthly reports are also a PDF.
fn pdf_reports(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Option<PdfReports> {
    match doc.choice(m, &[], "pdf", false, &["latest", "all", "none"])? {
        "all" => Some(PdfReports::All),
        "none" => Some(PdfReports::None),
        _ => Some(PdfReports::Latest),
    }
}

/// `page_size`: the paper of the PDFs.
fn page_size(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Option<PageSize> {
    match doc.choice(m, &[], "page_size", false, &["a4", "letter"])? {
        "a4" => Some(PageSize::A4),
        _ => Some(PageSize::Letter),
    }
}

/// `engagement_denominator`, when roster.yaml names one it knows.
fn denominator(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Option<Denominator> {
    let choices = ["reach", "impressions", "followers"];
    match doc.choice(m, &[], "engagement_denominator", false, &choices)? {
        "impressions" => Some(Denominator::Impressions),
        "followers" => Some(Denominator::Followers),
        _ => Some(Denominator::Reach),
    }
}

/// Read roster.yaml.
pub fn settings(src: &Source, diags: &mut Diagnostics) -> Option<RawSettings> {
    let value = yaml::parse(&src.file, &src.text, diags)?;
    let mut doc = YamlDoc::new(&src.file, &src.text);
    let known = [
        "title",
        "base_url",
        "output_dir",
        "theme",
        "language",
        "as_of",
        "engagement_denominator",
        "ramp_up_days",
        "repeat_window_days",
        "index",
        "fx",
        "date_order",
        "customer_salt",
        "pdf",
        "page_size",
    ];
    let Some(m) = doc.mapping(&value, &[], &known).cloned() else {
        doc.finish(diags);
        return None;
    };
    let defaults = Settings::default();
    let language = language(&mut doc, &m, &[]).unwrap_or(defaults.language);
    let (title, titles) = title(&mut doc, &m, language);
    let base_url = doc.string(&m, &[], "base_url", false);
    let output_dir = doc
        .string(&m, &[], "output_dir", false)
        .unwrap_or(defaults.output_dir);
    let theme = doc
        .string(&m, &[], "theme", false)
        .unwrap_or(defaults.theme);
    let as_of = doc.date(&m, &[], "as_of", false);
    let denominator = denominator(&mut doc, &m).unwrap_or(defaults.engagement_denominator);
    let ramp_up_days = doc.days(&m, &[], "ramp_up_days", super::RAMP_UP_DAYS);
    let repeat_window_days = doc.days(&m, &[], "repeat_window_days", super::REPEAT_WINDOW_DAYS);
    let index = doc.boolean(&m, &[], "index").unwrap_or(defaults.index);
    let fx = fx_table(&mut doc, &m);
    let date_order = date_order(&mut doc, &m).unwrap_or(defaults.date_order);
    let customer_salt = doc
        .string(&m, &[], "customer_salt", false)
        .unwrap_or_default();
    let pdf = pdf_reports(&mut doc, &m).unwrap_or(defaults.pdf);
    let page_size = page_size(&mut doc, &m);
    let settings = Settings {
        title: title.unwrap_or_default(),
        titles,
        base_url,
        output_dir,
        theme,
        language,
        engagement_denominator: denominator,
        ramp_up_days: ramp_up_days.unwrap_or(defaults.ramp_up_days),
        repeat_window_days: repeat_window_days.unwrap_or(defaults.repeat_window_days),
        index,
        fx,
        date_order,
        customer_salt,
        pdf,
        page_size,
    };
    let ok = !doc.has_errors();
    doc.finish(diags);
    ok.then_some(RawSettings { settings, as_of })
}

fn fx_table(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Fx {
    let mut fx = Fx::default();
    let Some(v) = doc.field(m, &[], "fx", false) else {
        return fx;
    };
    let path = join(&[], "fx");
    let Value::Mapping(pairs) = v else {
        doc.error(&path, YamlProblem::FxNotAMapping);
        return fx;
    };
    for (k, rates) in pairs {
        let name = k.as_str().unwrap_or_default().to_string();
        let pair_path = join(&path, &name);
        let sides: Vec<&str> = name.split('/').collect();
        let [from, to] = sides.as_slice() else {
            doc.error(&pair_path, YamlProblem::FxPairNotFromTo { pair: name });
            continue;
        };
        // A side that is not a currency code names nothing an amount can be
        // booked in: the pair is never looked up, as it never matched, but
        // its months and rates are still checked.
        let pair = Currency::parse(from).zip(Currency::parse(to));
        let Some(Value::Mapping(months)) = Some(rates) else {
            doc.error(&pair_path, YamlProblem::FxPairNotByMonth { pair: name });
            continue;
        };
        for (mk, rate) in months {
            let month_text = match mk {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            let month_path = join(&pair_path, &month_text);
            let Some(month) = Month::parse(&month_text) else {
                let problem = YamlProblem::NotAMonth { month: month_text };
                doc.error(&month_path, problem);
                continue;
            };
            match doc.decimal_value(rate, &month_path, "rate") {
                Some(r) if super::RATES.contains(&r) => {
                    if let Some((from, to)) = pair {
                        fx.insert(from, to, month, r);
                    }
                }
                Some(r) if r > Decimal::ZERO => {
                    let problem = YamlProblem::RateOutOfRange {
                        rate: r.normalize().to_string(),
                        rates: super::RATES,
                    };
                    doc.error(&month_path, problem);
                }
                Some(_) => doc.error(&month_path, YamlProblem::RateNotPositive),
                None => {}
            }
        }
    }
    fx
}

/// Read client.yaml. With errors, the file still comes back when its
/// markets could be read, so that its partnerships' markets are checked in
/// the same run; a name that could not be read is empty, a currency `None`.
pub fn client(src: &Source, diags: &mut Diagnostics) -> Option<RawClientFile> {
    let value = yaml::parse(&src.file, &src.text, diags)?;
    let mut doc = YamlDoc::new(&src.file, &src.text);
    let known = [
        "name",
        "currency",
        "language",
        "markets",
        "targets",
        "brand",
        "publish",
        "date_order",
        "imports",
        "budgets",
        "page_size",
        "mentions",
    ];
    let Some(m) = doc.mapping(&value, &[], &known).cloned() else {
        doc.finish(diags);
        return None;
    };
    let name = doc.string(&m, &[], "name", true);
    let currency = currency(&mut doc, &m, &[], "currency", true);
    let language = language(&mut doc, &m, &[]);
    let publish = doc.boolean(&m, &[], "publish").unwrap_or(true);
    let date_order = date_order(&mut doc, &m);
    let page_size = page_size(&mut doc, &m);
    let imports = super::imports::config::read(&mut doc, &m, src);
    let budgets = budgets(&mut doc, &m);
    let mentions = super::imports::platform::mentions(&mut doc, &m);
    let errors_before_markets = doc.errors();
    let markets = markets(&mut doc, &m);
    let markets_read = doc.errors() == errors_before_markets && !markets.is_empty();
    let targets = targets(&mut doc, &m);
    let brand = brand(&mut doc, &m);
    let ok = !doc.has_errors();
    doc.finish(diags);
    if !ok && !markets_read {
        return None;
    }
    Some(RawClientFile {
        name: name.unwrap_or_default(),
        currency,
        language,
        markets,
        targets,
        brand,
        publish,
        date_order,
        page_size,
        imports,
        budgets,
        mentions,
    })
}

/// `budgets`: amounts by period (a year, a quarter or a month), each
/// period once, no amount negative.
fn budgets(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Vec<crate::model::Budget> {
    use crate::model::Budget;
    let path = join(&[], "budgets");
    let Some(v) = doc.field(m, &[], "budgets", false).cloned() else {
        return Vec::new();
    };
    let Value::Mapping(periods) = v else {
        doc.error(&path, BudgetProblem::NotAMapping);
        return Vec::new();
    };
    let mut budgets: Vec<Budget> = Vec::new();
    for (k, amount) in &periods {
        let key = match k {
            Value::String(s) => s.trim().to_string(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let kpath = join(&path, &key);
        let Some((start, end)) = Budget::period_of(&key) else {
            doc.error(&kpath, BudgetProblem::NotAPeriod { period: key });
            continue;
        };
        if budgets.iter().any(|b| b.period == key) {
            doc.error(&kpath, BudgetProblem::Twice { period: key });
            continue;
        }
        match doc.decimal_value(amount, &kpath, "amount") {
            Some(a) if a.is_sign_negative() && !a.is_zero() => {
                doc.error(&kpath, BudgetProblem::Negative);
            }
            Some(a) => budgets.push(Budget {
                period: key,
                start,
                end,
                amount: a,
            }),
            None => {}
        }
    }
    budgets.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    budgets
}

/// client.yaml's markets, ids ascending.
fn markets(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Vec<Market> {
    let mut markets = Vec::new();
    let mpath = join(&[], "markets");
    match doc.field(m, &[], "markets", true) {
        Some(Value::Sequence(items)) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                let ipath = join_index(&mpath, i);
                let Some(mm) = doc.mapping(item, &ipath, &["id", "name"]).cloned() else {
                    continue;
                };
                let id = doc.string(&mm, &ipath, "id", true);
                let name = doc.string(&mm, &ipath, "name", false);
                if let Some(id) = id {
                    if !is_id(&id) {
                        doc.error(&join(&ipath, "id"), YamlProblem::BadMarketId { id });
                    } else if markets.iter().any(|x: &Market| x.id == id) {
                        doc.error(&join(&ipath, "id"), YamlProblem::MarketTwice { id });
                    } else {
                        markets.push(Market {
                            name: name.unwrap_or_else(|| id.clone()),
                            id: MarketId::new(id),
                        });
                    }
                }
            }
        }
        Some(_) => doc.error(&mpath, YamlProblem::NoMarkets),
        None => {}
    }
    markets.sort_by(|a, b| a.id.cmp(&b.id));
    markets
}

fn targets(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Targets {
    let mut targets = Targets::default();
    if let Some(t) = doc.field(m, &[], "targets", false) {
        let tpath = join(&[], "targets");
        if let Some(tm) = doc.mapping(t, &tpath, &["roi", "cpa"]).cloned() {
            targets.roi = doc.decimal(&tm, &tpath, "roi", false);
            targets.cpa = doc.decimal(&tm, &tpath, "cpa", false);
        }
    }
    targets
}

/// The brand colour (a hex colour) and logo.
fn brand(doc: &mut YamlDoc, m: &serde_yaml::Mapping) -> Brand {
    let mut brand = Brand::default();
    if let Some(b) = doc.field(m, &[], "brand", false) {
        let bpath = join(&[], "brand");
        if let Some(bm) = doc.mapping(b, &bpath, &["color", "logo"]).cloned() {
            if let Some(c) = doc.string(&bm, &bpath, "color", false) {
                brand.color = Colour::parse(&c);
                if brand.color.is_none() {
                    let problem = YamlProblem::NotAColour { found: c };
                    doc.error(&join(&bpath, "color"), problem);
                }
            }
            brand.logo = doc.string(&bm, &bpath, "logo", false).map(PathBuf::from);
        }
    }
    brand
}

/// Whether `path` ends in `.yaml` or `.yml`.
pub fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        for ok in ["anna-petrova", "a", "0x_1"] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in ["", "Anna", "-a", "a b", "../x", "ä"] {
            assert!(!is_id(bad), "{bad}");
        }
        for reserved in ["con", "nul", "aux", "prn", "com1", "lpt9", "com0"] {
            assert!(!is_id(reserved), "{reserved}");
            assert!(
                crate::model::windows_reserved(&reserved.to_uppercase()),
                "{reserved}"
            );
        }
        for ok in ["conf", "com", "com10", "lpt", "nul-1", "aux2x", "icon"] {
            assert!(is_id(ok), "{ok}");
        }
        assert_eq!(slug("Anna Petrova"), "anna-petrova");
        assert_eq!(slug("--Zoë_P.2--"), "zo-_p-2");
    }
}
