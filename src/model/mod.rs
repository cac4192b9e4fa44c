//! Validated, resolved domain types: what the analytics read.
//!
//! Everything here has passed validation in [`crate::resolve`]: ids are well formed,
//! references resolve (a post's partnership is an index into its client's
//! partnerships), dates are real dates and every currency booked has a rate.
//! Nothing in this module reads a file or computes a figure.

pub(crate) mod archive;
mod colour;
mod currency;
mod fx;
mod ids;
mod ix;
mod language;
mod month;
mod paper;
mod platform;
mod table_kind;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(crate) use archive::Archive;
pub(crate) use colour::Colour;
pub(crate) use currency::Currency;
pub(crate) use fx::Fx;
pub(crate) use ids::{ClientId, MarketId, PartnershipId, reserved_help, windows_reserved};
pub(crate) use ix::{MarketIx, PartnershipIx, PostIx};
pub(crate) use language::Language;
pub(crate) use language::every_language;
pub(crate) use month::Month;
pub(crate) use paper::{PageSize, PdfReports};
pub(crate) use platform::Platform;
pub(crate) use table_kind::TableKind;

/// The whole portfolio, ready for the analytics.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// The portfolio folder.
    pub root: PathBuf,
    /// roster.yaml.
    pub settings: Settings,
    /// The report date.
    pub as_of: NaiveDate,
    /// Published clients, ids ascending (with `--client`, those named).
    pub clients: Vec<Client>,
    /// The ids of every published client, built this time or not: what a
    /// site built with `--client` may keep of the previous one.
    pub published: Vec<ClientId>,
    /// Whether this is the agency's own build (`--internal`): its clients
    /// carry their internal notes and every page is marked as internal.
    pub internal: bool,
}

/// How the site looks, as read from the portfolio: the theme's complete
/// stylesheet and the files of `templates/` that replace a built-in one.
#[derive(Debug, Clone, Default)]
pub struct Looks {
    /// The stylesheet, before the client's brand colour.
    pub css: String,
    /// (template name, source), names ascending.
    pub templates: Vec<(String, String)>,
}

/// Site-wide settings from roster.yaml.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's title, in the portfolio's language.
    pub title: String,
    /// The title in other languages, where roster.yaml gives one per
    /// language.
    pub titles: Vec<(Language, String)>,
    /// Absolute URL the site is published under, for sitemaps.
    pub base_url: Option<String>,
    /// Where the site is written, relative to the portfolio.
    pub output_dir: String,
    /// Theme name.
    pub theme: String,
    /// Default language of the pages.
    pub language: Language,
    /// What a post's engagement rate divides by.
    pub engagement_denominator: Denominator,
    /// Days after `start` during which a partnership is not judged.
    pub ramp_up_days: u32,
    /// Days after an acquisition in which another order counts as a repeat.
    pub repeat_window_days: u32,
    /// Whether to write `<output>/index.html`.
    pub index: bool,
    /// Currency conversion rates by month.
    pub fx: Fx,
    /// How slash dates in metrics files read, unless a client says.
    pub date_order: DateOrder,
    /// Mixed into the hash that turns customers' e-mails into ids.
    pub customer_salt: String,
    /// Which monthly reports are also a PDF.
    pub pdf: PdfReports,
    /// The PDFs' paper, unless a client says; by language when neither does.
    pub page_size: Option<PageSize>,
}

impl Default for Settings {
    /// The defaults of docs/input-format.md, for every setting roster.yaml
    /// leaves out (the title is required and has none).
    fn default() -> Settings {
        Settings {
            title: String::new(),
            titles: Vec::new(),
            base_url: None,
            output_dir: "public".into(),
            theme: "default".into(),
            language: Language::En,
            engagement_denominator: Denominator::Reach,
            ramp_up_days: 42,
            repeat_window_days: 90,
            index: false,
            fx: Fx::default(),
            date_order: DateOrder::Mdy,
            customer_salt: String::new(),
            pdf: PdfReports::Latest,
            page_size: None,
        }
    }
}

/// How slash dates (`8/7/2026`) read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Month first, as in the US (the default).
    #[default]
    Mdy,
    /// Day first, as in most of Europe.
    Dmy,
}

impl DateOrder {
    /// The name written in roster.yaml and client.yaml.
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Mdy => "mdy",
            DateOrder::Dmy => "dmy",
        }
    }

    /// The other order.
    pub fn other(self) -> DateOrder {
        match self {
            DateOrder::Mdy => DateOrder::Dmy,
            DateOrder::Dmy => DateOrder::Mdy,
        }
    }
}

/// What a post's engagement rate divides engagements by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denominator {
    /// The post's reach (the default).
    Reach,
    /// The post's impressions.
    Impressions,
    /// The creator's followers.
    Followers,
}

impl Denominator {
    /// As roster.yaml writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Denominator::Reach => "reach",
            Denominator::Impressions => "impressions",
            Denominator::Followers => "followers",
        }
    }
}

/// One client: the partnerships, metrics and notes of one report site.
#[derive(Debug, Clone)]
pub struct Client {
    /// Folder name.
    pub id: ClientId,
    /// Display name.
    pub name: String,
    /// Reporting currency.
    pub currency: Currency,
    /// The language of this client's pages.
    pub language: Language,
    /// The paper of this client's PDFs.
    pub page_size: PageSize,
    /// Markets, ids ascending.
    pub markets: Vec<Market>,
    /// Targets the recommendations compare with.
    pub targets: Targets,
    /// White-label settings.
    pub brand: Brand,
    /// Partnerships starting on or before `as_of`, ids ascending.
    pub partnerships: Vec<Partnership>,
    /// Partnerships signed but starting after `as_of`, ids ascending: in
    /// the commitments only (docs/metrics.md, "Money ahead").
    pub signed: Vec<Partnership>,
    /// Budgets of client.yaml, by start then the longer first.
    pub budgets: Vec<Budget>,
    /// Posts of those partnerships, in file order.
    pub posts: Vec<Post>,
    /// Daily rows of those posts.
    pub daily: Vec<DailyRow>,
    /// The customers its partnerships acquired to date (from the orders
    /// files), those alike counted together.
    pub acquired: Vec<Acquisition>,
    /// Month notes (Markdown source) by month.
    pub month_notes: BTreeMap<Month, String>,
    /// Partnership notes (Markdown source) by partnership id.
    pub partnership_notes: BTreeMap<PartnershipId, String>,
    /// The agency's own notes (`notes/internal/`): empty unless the build
    /// is an internal one, so that a client-facing site cannot show them.
    pub internal_notes: Notes,
    /// Files under `assets/`, relative to the client folder, sorted.
    pub assets: Vec<PathBuf>,
    /// The records of reports sent (`archive/<MONTH>.json`), months
    /// ascending: those of months after the report date are left out.
    pub archives: Vec<Archive>,
}

/// Notes of one kind (the client's or the agency's own), by what they name.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Month notes (Markdown source) by month.
    pub months: BTreeMap<Month, String>,
    /// Partnership notes (Markdown source) by partnership id.
    pub partnerships: BTreeMap<PartnershipId, String>,
}

/// A market of a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Market {
    /// Id, as partnerships name it.
    pub id: MarketId,
    /// Display name.
    pub name: String,
}

/// Client targets.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    /// Target ROI as a fraction; the recommendation rules default it to 0.
    pub roi: Option<Decimal>,
    /// Target cost per acquisition in the client's currency.
    pub cpa: Option<Decimal>,
}

/// White-label settings.
#[derive(Debug, Clone, Default)]
pub struct Brand {
    /// Accent colour.
    pub color: Option<Colour>,
    /// Logo path relative to the client folder.
    pub logo: Option<PathBuf>,
}

/// How a partnership is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Model {
    /// A single fee for one campaign.
    OneOff,
    /// A monthly fee.
    Retainer,
}

impl Model {
    /// The name used in files and data.json.
    pub fn as_str(self) -> &'static str {
        match self {
            Model::OneOff => "one_off",
            Model::Retainer => "retainer",
        }
    }
}

impl serde::Serialize for Model {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Sponsored or organic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostKind {
    /// Paid for by the partnership.
    Sponsored,
    /// An unpaid mention.
    Organic,
}

impl PostKind {
    /// As written in a posts file.
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Sponsored => "sponsored",
            PostKind::Organic => "organic",
        }
    }
}

/// An amount of money in a named currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The amount, exact.
    pub value: Decimal,
    /// Its currency.
    pub currency: Currency,
}

/// The creator of a partnership.
#[derive(Debug, Clone)]
pub struct Creator {
    /// Display name, as the creator writes it.
    pub name: String,
    /// The name on the pages of a language (`name_en`, `name_ru`), where
    /// given.
    pub names: Vec<(Language, String)>,
    /// `@handle`, as written.
    pub handle: Option<String>,
    /// Where they publish.
    pub platform: Platform,
    /// Follower count, when given.
    pub followers: Option<u64>,
}

impl Settings {
    /// The site's title on the pages of `lang`.
    pub fn title_in(&self, lang: Language) -> &str {
        (self.titles.iter())
            .find(|(l, _)| *l == lang)
            .map_or(&self.title, |(_, t)| t)
    }
}

impl Creator {
    /// The name on the pages of `lang`: its `name_<lang>`, else the name
    /// as written.
    pub fn name_in(&self, lang: Language) -> &str {
        (self.names.iter())
            .find(|(l, _)| *l == lang)
            .map_or(&self.name, |(_, n)| n)
    }
}

/// Contract details, shown on the partnership page.
#[derive(Debug, Clone, Default)]
pub struct Contract {
    /// Who the contract is with.
    pub kind: Option<ContractKind>,
    /// The contract reference.
    pub reference: Option<String>,
}

/// Who a contract is with (`contract.type` of a partnership file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractKind {
    /// The creator in person.
    Individual,
    /// An agency signing for its creators.
    Umbrella,
}

impl ContractKind {
    /// The names partnership files use.
    pub const NAMES: [&'static str; 2] = ["individual", "umbrella"];

    /// The kind a file names, exactly as written.
    pub fn parse(name: &str) -> Option<ContractKind> {
        match name {
            "individual" => Some(ContractKind::Individual),
            "umbrella" => Some(ContractKind::Umbrella),
            _ => None,
        }
    }

    /// As a partnership file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ContractKind::Individual => "individual",
            ContractKind::Umbrella => "umbrella",
        }
    }
}

impl serde::Serialize for ContractKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A cost beyond the fee: seeding, shipping, a bonus.
#[derive(Debug, Clone)]
pub struct ExtraCost {
    /// Booking date.
    pub date: NaiveDate,
    /// What it cost.
    pub amount: Amount,
    /// What it was for.
    pub label: Option<String>,
}

/// One partnership with one creator.
#[derive(Debug, Clone)]
pub struct Partnership {
    /// File stem.
    pub id: PartnershipId,
    /// Who.
    pub creator: Creator,
    /// Its market among the client's.
    pub market: MarketIx,
    /// Retainer or one-off.
    pub model: Model,
    /// First day.
    pub start: NaiveDate,
    /// Last day, as written.
    pub end: Option<NaiveDate>,
    /// Per month (retainer) or in total (one-off).
    pub fee: Amount,
    /// Contracted sponsored posts per month (retainers).
    pub posts_per_month: Option<Decimal>,
    /// Contract details.
    pub contract: Contract,
    /// Costs beyond the fee, in file order.
    pub extra_costs: Vec<ExtraCost>,
    /// Discount codes that attribute shop orders to it, as written.
    pub promo_codes: Vec<String>,
}

/// An amount budgeted for a period of client.yaml's `budgets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// The key as written: `2026`, `2026-Q4` or `2026-11`.
    pub period: String,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// The amount, in the client's currency.
    pub amount: Decimal,
}

impl Budget {
    /// The period of a `budgets` key: a year `YYYY`, a quarter `YYYY-Qn` or
    /// a month `YYYY-MM`, as its first and last days.
    pub fn period_of(key: &str) -> Option<(NaiveDate, NaiveDate)> {
        let year = |y: &str| -> Option<i32> {
            (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .then(|| y.parse().ok())
                .flatten()
        };
        let months = |y: i32, first: u32, last: u32| {
            let start = NaiveDate::from_ymd_opt(y, first, 1)?;
            let end = Month::of(NaiveDate::from_ymd_opt(y, last, 1)?).last_day();
            Some((start, end))
        };
        match key.split_once('-') {
            None => months(year(key)?, 1, 12),
            Some((y, q)) if q.len() == 2 && q.starts_with('Q') => {
                let n: u32 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
                months(year(y)?, 3 * n - 2, 3 * n)
            }
            Some((y, m)) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                months(year(y)?, m, m)
            }
            _ => None,
        }
    }
}

/// Counts a post or a daily row may carry; `None` is an unknown cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Impressions.
    pub impressions: Option<u64>,
    /// Reach.
    pub reach: Option<u64>,
    /// Engagements.
    pub engagements: Option<u64>,
    /// Clicks.
    pub clicks: Option<u64>,
    /// Conversions.
    pub conversions: Option<u64>,
}

/// One post, with lifetime totals.
#[derive(Debug, Clone)]
pub struct Post {
    /// Free-text id, unique within the client.
    pub id: String,
    /// Its partnership among the client's.
    pub partnership: PartnershipIx,
    /// Local date as written: the booking date.
    pub date: NaiveDate,
    /// The instant in seconds since the epoch (UTC), for ordering.
    pub instant: i64,
    /// Sponsored or organic.
    pub kind: PostKind,
    /// Lifetime totals.
    pub counts: Counts,
    /// Attributed revenue, as written.
    pub revenue: Option<Decimal>,
    /// Currency of `revenue`.
    pub currency: Currency,
    /// Link to the post.
    pub url: Option<String>,
}

/// One day of one post.
#[derive(Debug, Clone)]
pub struct DailyRow {
    /// Its post among the client's.
    pub post: PostIx,
    /// 1 is the first 24 hours.
    pub day: u32,
    /// Counts within that day.
    pub counts: Counts,
    /// Revenue within that day, in the post's currency.
    pub revenue: Option<Decimal>,
}

/// Customers acquired by a partnership on one date whose next other order
/// came as many days later, if at all (docs/metrics.md, "Repeat purchase"):
/// all that repeat purchase reads of a customer, so that alike customers
/// are one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Acquisition {
    /// The acquisition order's date.
    pub date: NaiveDate,
    /// The partnership it names.
    pub partnership: PartnershipIx,
    /// Days from `date` to the customer's next other order on or after it.
    pub next: Option<u32>,
    /// How many customers.
    pub customers: u64,
}

/// One order, as the plain reading of repeat purchase that the tests hold
/// the reducer to takes it.
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct Order {
    /// Free-text id, unique within the client.
    pub id: String,
    /// Local date as written.
    pub date: NaiveDate,
    /// Instant in seconds since the epoch (UTC), for ordering.
    pub instant: i64,
    /// Opaque customer id; never shown.
    pub customer: String,
    /// Its partnership among the client's; `None` when unattributed.
    pub partnership: Option<PartnershipIx>,
}
