//! Deterministic synthetic portfolio generator for `roster` tests and benchmarks.
//!
//! Writes a complete portfolio directory in the input format of
//! `shared/spec/input-format.md`: `roster.yaml` (as_of 2026-10-31, a RUB/USD fx
//! rate for every month, `index: true`) and, per client `client-001`, ...:
//! `client.yaml`, partnerships `p-0001.yaml`, ... (about 70% retainers, some
//! open-ended, some already ended, 30% one-offs, in the ru and us markets), and
//! metrics: a posts CSV (one file, or one per month under `metrics/posts/`), a
//! daily CSV and an orders CSV. Engagement rises with the post number within a
//! retainer, organic mentions appear from the third partnership month, one-offs
//! decay within two days while retainer conversions spread over 7-10 days, and
//! retainer-acquired customers repeat more often (~28% versus ~8% within 90
//! days). CSV dialects vary by client (`,` LF; `;` with decimal commas; CRLF with
//! a UTF-8 BOM; tab) and some clients write RFC 3339 date-times.
//!
//! The output depends only on the arguments: the same arguments give
//! byte-identical files (ChaCha8 seeded from `--seed`, no clock, no hash-order
//! iteration). The output directory must not exist or be empty.
//!
//! ```text
//! cargo run --release --example generate -- --seed 42 --clients 50 --partnerships 40 --months 12 --out DIR
//! ```
//!
//! That size gives roughly 35k posts, 400k daily rows and 250k orders (~35 MB of
//! CSV) in a couple of seconds.

use std::collections::HashSet;
use std::error::Error;
use std::f64::consts::LN_2;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, Days, Months, NaiveDate};
use clap::Parser;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

type Res<T> = Result<T, Box<dyn Error>>;
type Rng = ChaCha8Rng;

/// Generate a deterministic synthetic `roster` portfolio.
#[derive(Parser, Debug)]
#[command(name = "generate")]
struct Args {
    /// Random seed: the same arguments always give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of clients.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=9999))]
    clients: u32,
    /// Partnerships per client.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=9999))]
    partnerships: u32,
    /// Calendar months of data, ending with 2026-10.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=120))]
    months: u32,
    /// Output directory (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
}

/// Share of conversions that show up as orders in the orders export.
const ORDER_COVERAGE: (f64, f64) = (0.085, 0.138);
/// Share of retainers without an `end`.
const OPEN_ENDED: f64 = 0.30;
/// Share of one-off partnerships.
const ONE_OFF: f64 = 0.30;

#[derive(Default, Clone, Copy)]
struct Totals {
    partnerships: u64,
    posts: u64,
    daily: u64,
    orders: u64,
}

struct Period {
    start: NaiveDate,
    as_of: NaiveDate,
    days: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Platform {
    Instagram,
    Tiktok,
    Youtube,
    Telegram,
    Vk,
}

impl Platform {
    fn name(self) -> &'static str {
        match self {
            Platform::Instagram => "instagram",
            Platform::Tiktok => "tiktok",
            Platform::Youtube => "youtube",
            Platform::Telegram => "telegram",
            Platform::Vk => "vk",
        }
    }
}

#[derive(Clone, Copy)]
struct Dialect {
    delim: u8,
    decimal_comma: bool,
    crlf: bool,
    bom: bool,
}

struct Client {
    rub: bool,
    dialect: Dialect,
    split_posts: bool,
    datetime: bool,
    blank_kind: bool,
    omit_currency: bool,
    alt_columns: bool,
    order_prefix: &'static str,
    aov_usd: i64,
    aov_rub: i64,
    coverage: f64,
}

struct Partner {
    idx: u32,
    ru: bool,
    platform: Platform,
    followers: u64,
    handle: String,
    retainer: bool,
    start: NaiveDate,
    end: Option<NaiveDate>,
    per_month: u32,
    one_off_posts: u32,
    reach_frac: f64,
    imp_ratio: f64,
    er_base: f64,
    ctr: f64,
    cvr: f64,
    quality: f64,
    lift_max: f64,
    advocacy: f64,
    repeat_p: f64,
    tg_msg: u64,
    vk_owner: u64,
    vk_post: u64,
}

struct PostRec {
    published: NaiveDate,
    minute: u32,
    id: String,
    url: String,
    partner: u32,
    organic: bool,
    ru: bool,
    imp: Option<u64>,
    reach: Option<u64>,
    eng: Option<u64>,
    clicks: Option<u64>,
    conv: Option<u64>,
    rev: Option<i64>,
}

struct Order {
    date: NaiveDate,
    seq: u32,
    customer: u64,
    partner: Option<u32>,
    cents: i64,
    ru: bool,
}

/// One acquisition: the first order of a new customer.
struct Acq {
    date: NaiveDate,
    partner: Option<u32>,
    cents: i64,
    ru: bool,
    repeat_p: f64,
}

struct OrderBook {
    orders: Vec<Order>,
    salt: u64,
    next_customer: u64,
    acquired: u64,
    as_of: NaiveDate,
    aov_usd: i64,
    aov_rub: i64,
}

impl OrderBook {
    fn push(&mut self, date: NaiveDate, customer: u64, partner: Option<u32>, cents: i64, ru: bool) {
        let seq = self.orders.len() as u32;
        self.orders.push(Order {
            date,
            seq,
            customer,
            partner,
            cents,
            ru,
        });
    }

    /// A new customer's first order plus their repeat orders up to as_of.
    fn acquire(&mut self, rng: &mut Rng, a: Acq) {
        let customer = splitmix(self.salt ^ self.next_customer);
        self.next_customer += 1;
        self.acquired += 1;
        self.push(a.date, customer, a.partner, a.cents, a.ru);
        let aov = if a.ru { self.aov_rub } else { self.aov_usd };
        let mut repeats: Vec<i64> = Vec::new();
        if rng.random_bool(a.repeat_p) {
            let mut day = rng.random_range(3..=90i64);
            repeats.push(day);
            while rng.random_bool(0.35) {
                day += rng.random_range(10..=60i64);
                repeats.push(day);
            }
        } else if rng.random_bool(0.06) {
            repeats.push(rng.random_range(91..=220i64));
        }
        for d in repeats {
            let date = add_days(a.date, d);
            if date > self.as_of {
                break;
            }
            let partner = if a.partner.is_some() && rng.random_bool(0.1) {
                a.partner
            } else {
                None
            };
            let cents = scale(aov, rng.random_range(0.6..1.5));
            self.push(date, customer, partner, cents, a.ru);
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(t) => {
            println!(
                "wrote {} clients, {} partnerships, {} posts, {} daily rows, {} orders to {}",
                args.clients,
                t.partnerships,
                t.posts,
                t.daily,
                t.orders,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Res<Totals> {
    prepare_out(&args.out)?;
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).ok_or("bad as_of")?;
    let start = NaiveDate::from_ymd_opt(2026, 10, 1)
        .and_then(|d| d.checked_sub_months(Months::new(args.months - 1)))
        .ok_or("bad period")?;
    let period = Period {
        start,
        as_of,
        days: (as_of - start).num_days() + 1,
    };
    let mut master = Rng::seed_from_u64(args.seed);
    write_roster(args, &period, &mut master)?;
    let mut totals = Totals::default();
    let mut names = HashSet::new();
    for c in 0..args.clients {
        let client_seed = master.random::<u64>();
        let mut rng = Rng::seed_from_u64(client_seed);
        let t = gen_client(
            c + 1,
            args.partnerships,
            &period,
            &mut rng,
            &mut names,
            &args.out,
        )?;
        totals.partnerships += t.partnerships;
        totals.posts += t.posts;
        totals.daily += t.daily;
        totals.orders += t.orders;
    }
    Ok(totals)
}

fn prepare_out(out: &Path) -> Res<()> {
    if out.exists() {
        if !out.is_dir() {
            return Err(format!("{} exists and is not a directory", out.display()).into());
        }
        if fs::read_dir(out)?.next().is_some() {
            return Err(
                format!("{} is not empty; refusing to write into it", out.display()).into(),
            );
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}

fn write_text(path: &Path, text: &str) -> Res<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn write_roster(args: &Args, period: &Period, rng: &mut Rng) -> Res<()> {
    let mut s = String::new();
    s.push_str(&format!(
        "title: \"Synthetic Agency: creator partnerships (seed {})\"\n",
        args.seed
    ));
    s.push_str("base_url: \"https://reports.example.com/\"\n");
    s.push_str("output_dir: public\ntheme: default\nlanguage: en\n");
    s.push_str(&format!("as_of: {}\n", period.as_of));
    s.push_str("engagement_denominator: reach\nramp_up_days: 42\nrepeat_window_days: 90\n");
    s.push_str("index: true\nfx:\n  RUB/USD:\n");
    let mut rate: f64 = rng.random_range(0.0108..0.0122);
    let mut m = period.start;
    while m <= period.as_of {
        rate *= 1.0 + rng.random_range(-0.03..0.03);
        rate = rate.clamp(0.0105, 0.0125);
        s.push_str(&format!(
            "    {:04}-{:02}: {:.6}\n",
            m.year(),
            m.month(),
            rate
        ));
        m = m
            .checked_add_months(Months::new(1))
            .ok_or("date overflow")?;
    }
    write_text(&args.out.join("roster.yaml"), &s)
}

// ---------------------------------------------------------------------------
// Names

const CLIENT_PREFIX: &[&str] = &[
    "Lumen",
    "Northwind",
    "Iris",
    "Rowan",
    "Aurora",
    "Cedar",
    "Maple",
    "Nova",
    "Sola",
    "Tundra",
    "Velvet",
    "Willow",
    "Amber",
    "Birch",
    "Coral",
    "Dune",
    "Ember",
    "Fjord",
    "Garnet",
    "Harbor",
    "Indigo",
    "Juniper",
    "Kestrel",
    "Linden",
    "Meadow",
];
const CLIENT_SUFFIX: &[&str] = &[
    "Skincare",
    "Cosmetics",
    "Kids",
    "Coffee",
    "Tea",
    "Fitness",
    "Home",
    "Pet Care",
    "Apparel",
    "Nutrition",
    "Audio",
    "Outdoor",
    "Books",
    "Beauty",
    "Wellness",
];
const RU_MALE: &[(&str, &str)] = &[
    ("Алексей", "aleksey"),
    ("Дмитрий", "dmitry"),
    ("Иван", "ivan"),
    ("Сергей", "sergey"),
    ("Никита", "nikita"),
    ("Артём", "artyom"),
    ("Максим", "maksim"),
    ("Михаил", "mikhail"),
    ("Андрей", "andrey"),
    ("Павел", "pavel"),
    ("Егор", "egor"),
    ("Кирилл", "kirill"),
];
const RU_FEMALE: &[(&str, &str)] = &[
    ("Анна", "anna"),
    ("Екатерина", "ekaterina"),
    ("Мария", "maria"),
    ("Дарья", "darya"),
    ("Юлия", "yulia"),
    ("Ольга", "olga"),
    ("Алина", "alina"),
    ("Виктория", "viktoria"),
    ("Полина", "polina"),
    ("Ксения", "ksenia"),
    ("Софья", "sofya"),
    ("Наталья", "natalya"),
];
const RU_LAST: &[(&str, &str)] = &[
    ("Петров", "petrov"),
    ("Волков", "volkov"),
    ("Смирнов", "smirnov"),
    ("Иванов", "ivanov"),
    ("Кузнецов", "kuznetsov"),
    ("Соколов", "sokolov"),
    ("Попов", "popov"),
    ("Лебедев", "lebedev"),
    ("Козлов", "kozlov"),
    ("Новиков", "novikov"),
    ("Морозов", "morozov"),
    ("Белов", "belov"),
    ("Зайцев", "zaytsev"),
    ("Орлов", "orlov"),
    ("Громов", "gromov"),
    ("Степанов", "stepanov"),
    ("Никитин", "nikitin"),
    ("Андреев", "andreev"),
];
const US_FIRST: &[&str] = &[
    "Zoe", "Harper", "Olivia", "Emma", "Ava", "Mia", "Chloe", "Madison", "Liam", "Noah", "Ethan",
    "Mason", "Logan", "Lucas", "Jack", "Ryan", "Grace", "Lily",
];
const US_LAST: &[&str] = &[
    "Parker", "Hayes", "Hughes", "Sullivan", "Brooks", "Carter", "Bennett", "Reed", "Morgan",
    "Cooper", "Foster", "Gray", "Howard", "Ward", "Bailey", "Rivera", "Collins", "Turner",
];
const ORDER_PREFIXES: &[&str] = &["ORD", "SO-", "A"];
const ALT_COLUMNS: [usize; 12] = [2, 3, 0, 11, 9, 10, 5, 4, 6, 8, 7, 1];
const POST_HEADER: [&str; 12] = [
    "post_id",
    "partnership",
    "published",
    "kind",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
    "currency",
    "url",
];
const SHORTCODE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

fn pick<'a, T>(rng: &mut Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.random_range(0..xs.len())]
}

/// (display name, lowercase latin first, lowercase latin last)
fn creator_name(rng: &mut Rng, ru: bool) -> (String, String, String) {
    if ru {
        let female = rng.random_bool(0.6);
        let (first, first_lat) = if female {
            *pick(rng, RU_FEMALE)
        } else {
            *pick(rng, RU_MALE)
        };
        let (last, last_lat) = *pick(rng, RU_LAST);
        let (last, last_lat) = if female {
            (format!("{last}а"), format!("{last_lat}a"))
        } else {
            (last.to_string(), last_lat.to_string())
        };
        (format!("{first} {last}"), first_lat.to_string(), last_lat)
    } else {
        let first = *pick(rng, US_FIRST);
        let last = *pick(rng, US_LAST);
        (
            format!("{first} {last}"),
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase(),
        )
    }
}

// ---------------------------------------------------------------------------
// Small helpers

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d + Days::new(n as u64)
    } else {
        d - Days::new(n.unsigned_abs())
    }
}

/// `exp(x)` from basic arithmetic only (IEEE-exact on every platform), so the
/// output does not depend on the system's libm.
fn exp_det(x: f64) -> f64 {
    let n = (x / LN_2).round();
    let r = x - n * LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for i in 1..=20 {
        term *= r / i as f64;
        sum += term;
    }
    let half = n < 0.0;
    for _ in 0..(n.abs() as u32) {
        sum *= if half { 0.5 } else { 2.0 };
    }
    sum
}

fn round_u(x: f64) -> u64 {
    if x <= 0.0 { 0 } else { (x + 0.5) as u64 }
}

fn scale(cents: i64, f: f64) -> i64 {
    (cents as f64 * f).round().max(0.0) as i64
}

fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

fn poisson(rng: &mut Rng, lambda: f64) -> u32 {
    if lambda <= 0.0 {
        return 0;
    }
    let l = exp_det(-lambda);
    let mut k = 0;
    let mut p = 1.0;
    loop {
        p *= rng.random::<f64>();
        if p <= l {
            return k;
        }
        k += 1;
    }
}

fn push_u64(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn push_2(buf: &mut Vec<u8>, v: u32) {
    buf.push(b'0' + (v / 10) as u8);
    buf.push(b'0' + (v % 10) as u8);
}

fn push_date(buf: &mut Vec<u8>, d: NaiveDate) {
    let y = d.year() as u32;
    push_2(buf, y / 100);
    push_2(buf, y % 100);
    buf.push(b'-');
    push_2(buf, d.month());
    buf.push(b'-');
    push_2(buf, d.day());
}

fn push_money(buf: &mut Vec<u8>, cents: i64, comma: bool) {
    let c = cents.max(0) as u64;
    push_u64(buf, c / 100);
    buf.push(if comma { b',' } else { b'.' });
    push_2(buf, (c % 100) as u32);
}

fn money_yaml(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    if cents % 100 == 0 {
        format!("{}", cents / 100)
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

// ---------------------------------------------------------------------------
// CSV output

struct CsvOut {
    w: BufWriter<File>,
    line: Vec<u8>,
    d: Dialect,
    fields: usize,
}

impl CsvOut {
    fn create(path: &Path, d: Dialect, header: &[&str]) -> Res<CsvOut> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let f = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut out = CsvOut {
            w: BufWriter::with_capacity(1 << 18, f),
            line: Vec::with_capacity(256),
            d,
            fields: 0,
        };
        if d.bom {
            out.line.extend_from_slice(b"\xEF\xBB\xBF");
        }
        for h in header {
            out.str(h);
        }
        out.end()?;
        Ok(out)
    }

    fn sep(&mut self) {
        if self.fields > 0 {
            self.line.push(self.d.delim);
        }
        self.fields += 1;
    }

    fn str(&mut self, s: &str) {
        self.sep();
        self.line.extend_from_slice(s.as_bytes());
    }

    fn raw(&mut self, s: &[u8]) {
        self.sep();
        self.line.extend_from_slice(s);
    }

    fn u(&mut self, v: Option<u64>) {
        self.sep();
        if let Some(v) = v {
            push_u64(&mut self.line, v);
        }
    }

    fn money(&mut self, cents: Option<i64>) {
        self.sep();
        if let Some(c) = cents {
            push_money(&mut self.line, c, self.d.decimal_comma);
        }
    }

    fn date(&mut self, d: NaiveDate) {
        self.sep();
        push_date(&mut self.line, d);
    }

    fn end(&mut self) -> Res<()> {
        if self.d.crlf {
            self.line.extend_from_slice(b"\r\n");
        } else {
            self.line.push(b'\n');
        }
        self.w.write_all(&self.line)?;
        self.line.clear();
        self.fields = 0;
        Ok(())
    }

    fn finish(mut self) -> Res<()> {
        self.w.flush()?;
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Clients

fn gen_client(
    n: u32,
    partnerships: u32,
    period: &Period,
    rng: &mut Rng,
    names: &mut HashSet<String>,
    out: &Path,
) -> Res<Totals> {
    let id = format!("client-{n:03}");
    let dir = out.join("clients").join(id);
    let mut name = String::new();
    for attempt in 0..50 {
        let candidate = format!("{} {}", pick(rng, CLIENT_PREFIX), pick(rng, CLIENT_SUFFIX));
        if names.insert(candidate.clone()) {
            name = candidate;
            break;
        }
        if attempt == 49 {
            name = format!("{candidate} {n}");
        }
    }
    let rub = rng.random_bool(0.25);
    let language_ru = rub && rng.random_bool(0.7);
    let r = rng.random::<f64>();
    let dialect = if r < 0.55 {
        Dialect {
            delim: b',',
            decimal_comma: false,
            crlf: false,
            bom: false,
        }
    } else if r < 0.72 {
        Dialect {
            delim: b';',
            decimal_comma: true,
            crlf: rng.random_bool(0.5),
            bom: rng.random_bool(0.5),
        }
    } else if r < 0.90 {
        Dialect {
            delim: b',',
            decimal_comma: false,
            crlf: true,
            bom: true,
        }
    } else {
        Dialect {
            delim: b'\t',
            decimal_comma: false,
            crlf: false,
            bom: false,
        }
    };
    let aov_usd = rng.random_range(3500..8000i64);
    let client = Client {
        rub,
        dialect,
        split_posts: rng.random_bool(0.4),
        datetime: rng.random_bool(0.15),
        blank_kind: rng.random_bool(0.3),
        omit_currency: rng.random_bool(0.3),
        alt_columns: rng.random_bool(0.12),
        order_prefix: ORDER_PREFIXES[rng.random_range(0..ORDER_PREFIXES.len())],
        aov_usd,
        aov_rub: scale(aov_usd, rng.random_range(75.0..92.0)),
        coverage: rng.random_range(ORDER_COVERAGE.0..ORDER_COVERAGE.1),
    };

    // client.yaml
    let mut y = String::new();
    y.push_str(&format!(
        "name: \"{name}\"\ncurrency: {}\n",
        if rub { "RUB" } else { "USD" }
    ));
    if language_ru {
        y.push_str("language: ru\n");
    }
    if language_ru {
        y.push_str("markets:\n  - id: ru\n    name: \"Россия\"\n  - id: us\n    name: \"США\"\n");
    } else {
        y.push_str("markets:\n  - id: ru\n    name: Russia\n  - id: us\n    name: United States\n");
    }
    let roi = rng.random_range(2..=12u32) as f64 / 10.0;
    let cpa = if rub {
        round_to(rng.random_range(1500.0..4000.0), 100.0)
    } else {
        rng.random_range(16..=40u32) as f64
    };
    y.push_str(&format!("targets:\n  roi: {roi:.1}\n  cpa: {cpa}\n"));
    let brand = rng.random::<f64>();
    if brand < 0.5 {
        let color = format!("#{:06x}", rng.random_range(0..0x0100_0000u32));
        y.push_str(&format!("brand:\n  color: \"{color}\"\n"));
        if brand < 0.25 {
            y.push_str("  logo: assets/logo.svg\n");
            let svg = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"32\" viewBox=\"0 0 160 32\"><title>{name}</title><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"{color}\"/><text x=\"40\" y=\"22\" font-family=\"sans-serif\" font-size=\"14\">{name}</text></svg>\n"
            );
            write_text(&dir.join("assets").join("logo.svg"), &svg)?;
        }
    }
    write_text(&dir.join("client.yaml"), &y)?;

    let metrics = dir.join("metrics");
    let mut daily = CsvOut::create(
        &metrics.join("daily.csv"),
        dialect,
        &[
            "post_id",
            "day",
            "impressions",
            "reach",
            "engagements",
            "clicks",
            "conversions",
            "revenue",
        ],
    )?;
    let mut book = OrderBook {
        orders: Vec::new(),
        salt: rng.random::<u64>(),
        next_customer: 0,
        acquired: 0,
        as_of: period.as_of,
        aov_usd: client.aov_usd,
        aov_rub: client.aov_rub,
    };
    let mut posts: Vec<PostRec> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut daily_rows = 0u64;
    let mut retainers = 0u32;
    for i in 0..partnerships {
        let p = gen_partner(i, &client, period, rng, &dir)?;
        if p.retainer {
            retainers += 1;
        }
        let mut ctx = PostCtx {
            client: &client,
            period,
            daily: &mut daily,
            book: &mut book,
            posts: &mut posts,
            ids: &mut ids,
            daily_rows: 0,
        };
        gen_posts(p, &mut ctx, rng)?;
        daily_rows += ctx.daily_rows;
    }
    daily.finish()?;

    // Customers from other channels: unattributed acquisitions.
    let base = round_u(book.acquired as f64 * rng.random_range(0.04..0.08));
    for _ in 0..base {
        let date = add_days(period.start, rng.random_range(0..period.days));
        let aov = if rub { client.aov_rub } else { client.aov_usd };
        let cents = scale(aov, rng.random_range(0.6..1.5));
        book.acquire(
            rng,
            Acq {
                date,
                partner: None,
                cents,
                ru: rub,
                repeat_p: 0.15,
            },
        );
    }

    write_posts(&client, &mut posts, &metrics, rng)?;
    let orders = write_orders(&client, &mut book.orders, &metrics)?;

    if rng.random_bool(0.5) {
        let m = period.as_of;
        let note = format!(
            "# {:04}-{:02} in review\n\n{} partnerships on the roster this period: **{}** retainers and **{}** one-offs.\n\n- Organic mentions keep growing on long-running retainers.\n- Next month: renewals for partnerships reaching month 6.\n",
            m.year(),
            m.month(),
            partnerships,
            retainers,
            partnerships - retainers
        );
        write_text(
            &dir.join("notes")
                .join(format!("{:04}-{:02}.md", m.year(), m.month())),
            &note,
        )?;
    }

    Ok(Totals {
        partnerships: partnerships as u64,
        posts: posts.len() as u64,
        daily: daily_rows,
        orders,
    })
}

// ---------------------------------------------------------------------------
// Partnerships

fn gen_partner(
    i: u32,
    client: &Client,
    period: &Period,
    rng: &mut Rng,
    dir: &Path,
) -> Res<Partner> {
    let id = format!("p-{:04}", i + 1);
    let retainer = !rng.random_bool(ONE_OFF);
    let ru = rng.random_bool(if client.rub { 0.65 } else { 0.45 });
    let platform = {
        let r = rng.random::<f64>();
        if ru {
            match r {
                r if r < 0.30 => Platform::Instagram,
                r if r < 0.55 => Platform::Telegram,
                r if r < 0.70 => Platform::Vk,
                r if r < 0.85 => Platform::Youtube,
                _ => Platform::Tiktok,
            }
        } else {
            match r {
                r if r < 0.40 => Platform::Instagram,
                r if r < 0.75 => Platform::Tiktok,
                _ => Platform::Youtube,
            }
        }
    };
    // Followers log-uniform over 20k..900k; ln 20000 and ln 45 written out.
    let pos: f64 = rng.random();
    let ln_followers = 9.903_487_552_536_127 + pos * 3.806_662_489_770_319_6;
    let followers = (round_to(exp_det(ln_followers), 100.0) as u64).max(100);
    let (display, first, last) = creator_name(rng, ru);
    let sep = match platform {
        Platform::Telegram | Platform::Youtube | Platform::Vk => *pick(rng, &["_", ""]),
        _ => *pick(rng, &[".", "_", ""]),
    };
    let handle = format!("{first}{sep}{last}");

    // Starts spread over the period, retainers somewhat towards its beginning.
    let u: f64 = rng.random();
    let u = if retainer { 0.9 * u * u + 0.1 * u } else { u };
    let start = add_days(period.start, (period.days as f64 * u) as i64);
    let (end, per_month, one_off_posts) = if retainer {
        let dur = rng.random_range(3..=9u32);
        let end = if rng.random_bool(OPEN_ENDED) {
            None
        } else {
            let e = start
                .checked_add_months(Months::new(dur))
                .ok_or("date overflow")?;
            Some(add_days(e, -1))
        };
        let r = rng.random::<f64>();
        let per_month = match r {
            r if r < 0.08 => 1,
            r if r < 0.30 => 2,
            r if r < 0.62 => 3,
            _ => 4,
        };
        (end, per_month, 0)
    } else {
        (None, 0, if rng.random_bool(0.35) { 2 } else { 1 })
    };

    // Fee: bigger creators charge more, with noise.
    let t = (0.6 * pos + 0.4 * rng.random::<f64>()).clamp(0.0, 1.0);
    let monthly = if ru {
        round_to(150_000.0 + 300_000.0 * t, 5_000.0)
    } else {
        round_to(2_000.0 + 3_000.0 * t, 250.0)
    };
    let fee = if retainer {
        monthly
    } else {
        let per_post = monthly * rng.random_range(0.4..0.6);
        let total = per_post * if one_off_posts == 2 { 1.7 } else { 1.0 };
        if ru {
            round_to(total, 5_000.0)
        } else {
            round_to(total, 50.0)
        }
    };
    let cur = if ru { "RUB" } else { "USD" };
    let cur_is_default = ru == client.rub;

    let mut y = String::new();
    y.push_str(&format!(
        "creator:\n  name: \"{display}\"\n  handle: \"@{handle}\"\n  platform: {}\n  followers: {followers}\n",
        platform.name()
    ));
    y.push_str(&format!(
        "market: {}\nmodel: {}\nstart: {start}\n",
        if ru { "ru" } else { "us" },
        if retainer { "retainer" } else { "one_off" }
    ));
    if let Some(e) = end {
        y.push_str(&format!("end: {e}\n"));
    }
    y.push_str(&format!("fee:\n  amount: {}\n", money_yaml(fee)));
    if !(cur_is_default && rng.random_bool(0.4)) {
        y.push_str(&format!("  currency: {cur}\n"));
    }
    if retainer {
        y.push_str(&format!(
            "deliverables:\n  sponsored_posts_per_month: {per_month}\n"
        ));
    }
    if rng.random_bool(0.8) {
        let umbrella = rng.random_bool(0.4);
        y.push_str(&format!(
            "contract:\n  type: {}\n  ref: \"{}-{}-{:02}\"\n",
            if umbrella { "umbrella" } else { "individual" },
            if umbrella { "UA" } else { "IC" },
            start.year(),
            rng.random_range(1..=60u32)
        ));
    }

    // Extra costs, all within the period and on or before as_of.
    let mut extras: Vec<(NaiveDate, f64, &str)> = Vec::new();
    if rng.random_bool(0.35) {
        let d = add_days(start, -rng.random_range(0..=7i64)).max(period.start);
        let amount = if ru {
            round_to(rng.random_range(10_000.0..60_000.0), 100.0)
        } else {
            rng.random_range(150.0..700.0)
        };
        let label = if ru && rng.random_bool(0.5) {
            "Отправка продукта"
        } else {
            "Product seeding"
        };
        extras.push((d, amount, label));
    }
    if retainer && rng.random_bool(0.15) {
        let stop = end.unwrap_or(period.as_of).min(period.as_of);
        let mut m = 1;
        while let Some(d) = start.checked_add_months(Months::new(m)) {
            let d = add_days(d, rng.random_range(0..=4i64));
            if d > stop {
                break;
            }
            let amount = if ru {
                round_to(rng.random_range(2_000.0..5_000.0), 100.0)
            } else {
                rng.random_range(30.0..90.0)
            };
            extras.push((d, amount, if ru { "Доставка" } else { "Shipping" }));
            m += 1;
        }
    }
    if retainer && rng.random_bool(0.10) {
        let d = add_days(start, rng.random_range(45..=150i64));
        if d <= period.as_of {
            let amount = if ru {
                round_to(rng.random_range(30_000.0..80_000.0), 1_000.0)
            } else {
                round_to(rng.random_range(300.0..1_000.0), 50.0)
            };
            extras.push((d, amount, "Performance bonus"));
        }
    }
    if !extras.is_empty() {
        y.push_str("extra_costs:\n");
        for (d, amount, label) in &extras {
            y.push_str(&format!(
                "  - date: {d}\n    amount: {}\n",
                money_yaml(*amount)
            ));
            if !(cur_is_default && rng.random_bool(0.5)) {
                y.push_str(&format!("    currency: {cur}\n"));
            }
            y.push_str(&format!("    label: \"{label}\"\n"));
        }
    }
    write_text(&dir.join("partnerships").join(format!("{id}.yaml")), &y)?;

    // Performance model.
    // ln(200000 / followers): smaller creators engage and click more.
    let ln_size = 12.206_072_645_530_174 - ln_followers;
    let (reach_lo, reach_hi, er, ctr) = match platform {
        Platform::Instagram => (0.25, 0.45, 0.035, 0.012),
        Platform::Tiktok => (0.4, 1.2, 0.055, 0.006),
        Platform::Youtube => (0.2, 0.5, 0.04, 0.015),
        Platform::Telegram => (0.3, 0.6, 0.02, 0.02),
        Platform::Vk => (0.15, 0.35, 0.025, 0.01),
    };
    let one_off_penalty = if retainer { 1.0 } else { 0.9 };
    let lift_max = if rng.random_bool(0.85) {
        rng.random_range(0.45..0.85)
    } else {
        rng.random_range(-0.35..-0.05)
    };
    Ok(Partner {
        idx: i,
        ru,
        platform,
        followers,
        handle,
        retainer,
        start,
        end,
        per_month,
        one_off_posts,
        reach_frac: rng.random_range(reach_lo..reach_hi),
        imp_ratio: rng.random_range(1.15..1.8),
        er_base: er * exp_det(0.15 * ln_size) * rng.random_range(0.8..1.2),
        ctr: ctr * exp_det(0.2 * ln_size) * rng.random_range(0.7..1.3) * one_off_penalty,
        cvr: rng.random_range(0.025..0.06) * one_off_penalty,
        quality: exp_det(rng.random_range(-1.0..0.8)),
        lift_max,
        advocacy: rng.random_range(0.8..3.2),
        repeat_p: if retainer {
            rng.random_range(0.20..0.36)
        } else {
            rng.random_range(0.04..0.12)
        },
        tg_msg: rng.random_range(1_000..40_000u64),
        vk_owner: rng.random_range(10_000_000..230_000_000u64),
        vk_post: rng.random_range(100..20_000u64),
    })
}

// ---------------------------------------------------------------------------
// Posts, daily rows and orders

struct PostCtx<'a> {
    client: &'a Client,
    period: &'a Period,
    daily: &'a mut CsvOut,
    book: &'a mut OrderBook,
    posts: &'a mut Vec<PostRec>,
    ids: &'a mut HashSet<String>,
    daily_rows: u64,
}

fn post_id(p: &mut Partner, rng: &mut Rng, ids: &mut HashSet<String>) -> (String, String) {
    loop {
        let (id, url) = match p.platform {
            Platform::Instagram => {
                let mut code = String::from("C");
                for _ in 0..10 {
                    code.push(SHORTCODE[rng.random_range(0..62)] as char);
                }
                let url = format!("https://www.instagram.com/p/{code}/");
                (code, url)
            }
            Platform::Tiktok => {
                let id = format!("7{:018}", rng.random_range(0..1_000_000_000_000_000_000u64));
                let url = format!("https://www.tiktok.com/@{}/video/{id}", p.handle);
                (id, url)
            }
            Platform::Youtube => {
                let mut code = String::new();
                for _ in 0..11 {
                    code.push(SHORTCODE[rng.random_range(0..SHORTCODE.len())] as char);
                }
                (format!("yt-{code}"), format!("https://youtu.be/{code}"))
            }
            Platform::Telegram => {
                p.tg_msg += rng.random_range(1..=40u64);
                (
                    format!("tg-{}-{}", p.handle, p.tg_msg),
                    format!("https://t.me/{}/{}", p.handle, p.tg_msg),
                )
            }
            Platform::Vk => {
                p.vk_post += rng.random_range(1..=30u64);
                (
                    format!("vk-{}_{}", p.vk_owner, p.vk_post),
                    format!("https://vk.com/wall-{}_{}", p.vk_owner, p.vk_post),
                )
            }
        };
        if ids.insert(id.clone()) {
            return (id, url);
        }
    }
}

/// Publication dates of a partnership's posts, sorted, with the organic flag.
fn schedule(p: &Partner, period: &Period, rng: &mut Rng) -> Vec<(NaiveDate, bool)> {
    let mut dates = Vec::new();
    if !p.retainer {
        let first = add_days(
            p.start,
            if rng.random_bool(0.8) {
                0
            } else {
                rng.random_range(1..=3)
            },
        )
        .min(period.as_of);
        dates.push((first, false));
        if p.one_off_posts == 2 {
            let second = add_days(first, rng.random_range(2..=7));
            if second <= period.as_of {
                dates.push((second, false));
            }
        }
        return dates;
    }
    let stop = p.end.unwrap_or(period.as_of).min(period.as_of);
    let mut m = 0u32;
    while let Some(ms) = p.start.checked_add_months(Months::new(m)) {
        if ms > stop {
            break;
        }
        let Some(next) = p.start.checked_add_months(Months::new(m + 1)) else {
            break;
        };
        let len = (next - ms).num_days() as f64;
        let mut n = p.per_month as i64;
        let r = rng.random::<f64>();
        if r < 0.10 {
            n -= 1;
        } else if r < 0.30 {
            n += 1;
        }
        for k in 0..n.max(0) {
            let off = ((k as f64 + rng.random_range(0.1..0.9)) * len / n as f64) as i64;
            let d = add_days(ms, off);
            if d <= stop {
                dates.push((d, false));
            }
        }
        let month = m + 1;
        if month >= 3 {
            let ramp = match month {
                3 => 0.4,
                4 => 0.7,
                _ => 1.0,
            };
            for _ in 0..poisson(rng, p.advocacy * ramp) {
                let d = add_days(ms, rng.random_range(0..len as i64));
                if d <= stop {
                    dates.push((d, true));
                }
            }
        }
        m += 1;
    }
    dates.sort();
    dates
}

fn gen_posts(mut p: Partner, ctx: &mut PostCtx, rng: &mut Rng) -> Res<()> {
    let client = ctx.client;
    let as_of = ctx.period.as_of;
    let dates = schedule(&p, ctx.period, rng);
    let cur_aov = if p.ru { client.aov_rub } else { client.aov_usd };
    let mut k = 0u32; // sponsored post number
    let mut conv = [0u64; 14];
    let mut rev = [0i64; 14];
    let mut cum = [0f64; 14];
    for (published, organic) in dates {
        if !organic {
            k += 1;
        }
        let (id, url) = post_id(&mut p, rng, ctx.ids);
        let lift = if p.retainer {
            let mut fade = 1.0;
            for _ in 1..k.max(1) {
                fade *= 0.45;
            }
            1.0 + p.lift_max * (1.0 - fade)
        } else {
            1.0
        };
        let reach_total = p.followers as f64
            * p.reach_frac
            * rng.random_range(0.75..1.25)
            * if organic {
                rng.random_range(0.4..0.8)
            } else {
                1.0
            }
            * (1.0 + 0.15 * (lift - 1.0));
        let er1 = p.er_base
            * lift
            * if organic {
                rng.random_range(0.9..1.3)
            } else {
                rng.random_range(0.85..1.15)
            };
        let ramp = if p.retainer && (published - p.start).num_days() < 42 {
            0.55
        } else {
            1.0
        };
        let tracked = !organic || rng.random_bool(0.4);
        let conv_lift = 1.0 + 0.7 * (lift - 1.0);
        let lambda = if tracked {
            reach_total
                * p.ctr
                * p.cvr
                * p.quality
                * conv_lift
                * ramp
                * if organic { 0.3 } else { 1.0 }
        } else {
            0.0
        };
        let total_conv = round_u(lambda * rng.random_range(0.6..1.4));

        // Daily shapes.
        let (q_reach, eng_decay, conv_decay) = match (p.retainer, organic) {
            (false, _) => (0.4, 0.8, 0.4),
            (true, false) => (0.55, 0.9, 0.8),
            (true, true) => (0.5, 0.88, 0.7),
        };
        let n_days = rng.random_range(10..=14usize);
        let avail = ((as_of - published).num_days() + 1).clamp(0, n_days as i64) as usize;
        let mut acc = 0.0;
        let mut w = 1.0;
        for c in cum.iter_mut().take(n_days) {
            acc += w;
            *c = acc;
            w *= conv_decay;
        }
        conv[..n_days].fill(0);
        rev[..n_days].fill(0);
        for _ in 0..total_conv {
            let u = rng.random::<f64>() * acc;
            let d = cum[..n_days]
                .iter()
                .position(|&c| u < c)
                .unwrap_or(n_days - 1);
            if d >= avail {
                continue;
            }
            let cents = scale(cur_aov, rng.random_range(0.7..1.3));
            conv[d] += 1;
            rev[d] += cents;
            if rng.random_bool(client.coverage) {
                ctx.book.acquire(
                    rng,
                    Acq {
                        date: add_days(published, d as i64),
                        partner: Some(p.idx),
                        cents,
                        ru: p.ru,
                        repeat_p: p.repeat_p,
                    },
                );
            }
        }
        let expected_clicks = if tracked {
            reach_total * p.ctr * p.quality.sqrt() * conv_lift * ramp
        } else {
            0.0
        };

        let telegram = p.platform == Platform::Telegram;
        let (mut s_imp, mut s_reach, mut s_eng, mut s_clicks, mut s_conv, mut s_rev) =
            (0u64, 0u64, 0u64, 0u64, 0u64, 0i64);
        let mut share = 1.0 - q_reach;
        let mut rate = er1;
        let mut cw = 1.0;
        for d in 0..avail {
            let reach = round_u(reach_total * share * rng.random_range(0.9..1.1));
            let imp = round_u(reach as f64 * p.imp_ratio * rng.random_range(0.95..1.05));
            let eng = round_u(reach as f64 * rate * rng.random_range(0.9..1.1));
            let clicks = round_u(expected_clicks * cw / acc * rng.random_range(0.85..1.15));
            share *= q_reach;
            rate *= eng_decay;
            cw *= conv_decay;
            s_imp += imp;
            s_reach += reach;
            s_eng += eng;
            s_clicks += clicks;
            s_conv += conv[d];
            s_rev += rev[d];
            let blank = |rng: &mut Rng| rng.random_bool(0.004);
            let out = &mut *ctx.daily;
            out.str(&id);
            out.u(Some(d as u64 + 1));
            out.u((!telegram && !blank(rng)).then_some(imp));
            out.u((!blank(rng)).then_some(reach));
            out.u((!blank(rng)).then_some(eng));
            if tracked {
                out.u((!blank(rng)).then_some(clicks));
                out.u(Some(conv[d]));
                out.money(Some(rev[d]));
            } else {
                out.u(None);
                out.u(None);
                out.money(None);
            }
            out.end()?;
            ctx.daily_rows += 1;
        }
        // Views keep trickling in after the tracked days.
        if avail == n_days {
            let tail = 1.0 + rng.random_range(0.01..0.05);
            s_imp = round_u(s_imp as f64 * tail);
            s_reach = round_u(s_reach as f64 * tail);
            s_eng = round_u(s_eng as f64 * tail);
        }
        let mut cell = |v: u64, p: f64| (!rng.random_bool(p)).then_some(v);
        let imp = if telegram { None } else { cell(s_imp, 0.02) };
        let reach = cell(s_reach, 0.02);
        let eng = cell(s_eng, 0.02);
        let (clicks_v, conv_v, rev_v) = if tracked {
            (
                cell(s_clicks, 0.02),
                cell(s_conv, 0.01),
                cell(s_rev as u64, 0.01).map(|v| v as i64),
            )
        } else {
            (None, None, None)
        };
        ctx.posts.push(PostRec {
            published,
            minute: rng.random_range(8 * 60..22 * 60),
            id,
            url,
            partner: p.idx,
            organic,
            ru: p.ru,
            imp,
            reach,
            eng,
            clicks: clicks_v,
            conv: conv_v,
            rev: rev_v,
        });
    }
    Ok(())
}

fn write_posts(client: &Client, posts: &mut [PostRec], metrics: &Path, rng: &mut Rng) -> Res<()> {
    posts.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let order: [usize; 12] = if client.alt_columns {
        ALT_COLUMNS
    } else {
        std::array::from_fn(|i| i)
    };
    let header: Vec<&str> = order.iter().map(|&i| POST_HEADER[i]).collect();
    let mut fields: [Vec<u8>; 12] = std::array::from_fn(|_| Vec::with_capacity(64));
    let mut out: Option<CsvOut> = None;
    let mut month = (0, 0);
    let comma = client.dialect.decimal_comma;
    if !client.split_posts {
        out = Some(CsvOut::create(
            &metrics.join("posts.csv"),
            client.dialect,
            &header,
        )?);
    }
    for p in posts.iter() {
        if client.split_posts && (p.published.year(), p.published.month()) != month {
            if let Some(o) = out.take() {
                o.finish()?;
            }
            month = (p.published.year(), p.published.month());
            out = Some(CsvOut::create(
                &metrics
                    .join("posts")
                    .join(format!("{:04}-{:02}.csv", month.0, month.1)),
                client.dialect,
                &header,
            )?);
        }
        for f in fields.iter_mut() {
            f.clear();
        }
        fields[0].extend_from_slice(p.id.as_bytes());
        fields[1].extend_from_slice(format!("p-{:04}", p.partner + 1).as_bytes());
        push_date(&mut fields[2], p.published);
        if client.datetime {
            let f = &mut fields[2];
            f.push(b'T');
            push_2(f, p.minute / 60);
            f.push(b':');
            push_2(f, p.minute % 60);
            f.extend_from_slice(b":00");
            let offset: &[u8] = if p.ru {
                b"+03:00"
            } else if (4..=10).contains(&p.published.month()) {
                b"-04:00"
            } else {
                b"-05:00"
            };
            f.extend_from_slice(offset);
        }
        let kind: &[u8] = if p.organic {
            b"organic"
        } else if client.blank_kind && rng.random_bool(0.5) {
            b""
        } else {
            b"sponsored"
        };
        fields[3].extend_from_slice(kind);
        for (f, v) in [
            (4, p.imp),
            (5, p.reach),
            (6, p.eng),
            (7, p.clicks),
            (8, p.conv),
        ] {
            if let Some(v) = v {
                push_u64(&mut fields[f], v);
            }
        }
        if let Some(r) = p.rev {
            push_money(&mut fields[9], r, comma);
        }
        let default_cur = p.ru == client.rub;
        if p.rev.is_some() && !(default_cur && client.omit_currency && rng.random_bool(0.5)) {
            fields[10].extend_from_slice(if p.ru { b"RUB" } else { b"USD" });
        }
        if !rng.random_bool(0.01) {
            fields[11].extend_from_slice(p.url.as_bytes());
        }
        let o = out.as_mut().ok_or("no posts file")?;
        for &i in &order {
            o.raw(&fields[i]);
        }
        o.end()?;
    }
    if let Some(o) = out.take() {
        o.finish()?;
    } else if client.split_posts {
        // No posts at all: still leave an (empty) posts file.
        CsvOut::create(&metrics.join("posts.csv"), client.dialect, &header)?.finish()?;
    }
    Ok(())
}

fn write_orders(client: &Client, orders: &mut [Order], metrics: &Path) -> Res<u64> {
    orders.sort_by_key(|o| (o.date, o.seq));
    let mut out = CsvOut::create(
        &metrics.join("orders.csv"),
        client.dialect,
        &[
            "order_id",
            "date",
            "customer",
            "partnership",
            "revenue",
            "currency",
        ],
    )?;
    let mut hex = String::with_capacity(16);
    let mut oid = Vec::with_capacity(16);
    let mut pid = String::with_capacity(8);
    for (i, o) in orders.iter().enumerate() {
        oid.clear();
        oid.extend_from_slice(client.order_prefix.as_bytes());
        let digits = (i + 1).to_string();
        oid.extend(std::iter::repeat_n(
            b'0',
            8usize.saturating_sub(digits.len()),
        ));
        oid.extend_from_slice(digits.as_bytes());
        out.raw(&oid);
        out.date(o.date);
        hex.clear();
        use std::fmt::Write as _;
        write!(hex, "{:016x}", o.customer)?;
        out.str(&hex);
        pid.clear();
        if let Some(p) = o.partner {
            write!(pid, "p-{:04}", p + 1)?;
        }
        out.str(&pid);
        out.money(Some(o.cents));
        out.str(if o.ru { "RUB" } else { "USD" });
        out.end()?;
    }
    out.finish()?;
    Ok(orders.len() as u64)
}
