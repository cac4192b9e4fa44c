//! A creator's content export holds the whole account: only the posts of
//! the partnership's term (and, with `mentions`, those naming the brand)
//! are its posts; overlapping downloads read each post once; a roster row
//! of the same post gives the revenue an export lacks; an export of
//! another platform is an error; and engagement an export cannot sum whole
//! is unknown. On the small portfolio `tests/fixtures/lumen`
//! (anna-petrova on Instagram from 2026-01-01, ben-carter on YouTube from
//! 2026-02-10, report date 2026-03-31), with exports written here with
//! their vendors' real headers.

use crate::bad_input::{BEN, CLIENT, Edit, POSTS, base, check};
use crate::common::Fixture;

const YOUTUBE: &str = "clients/lumen/metrics/ben-carter/Table data.csv";
const META: &str = "clients/lumen/metrics/anna-petrova/Jan-01-2026_Mar-31-2026_1234567890.csv";

/// YouTube Studio's table, with the columns engagement sums.
const YOUTUBE_FULL: &str = "\
Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%),Unique viewers,Likes,Shares,Comments added
Total,,,,51000,4100.5,120,610000,8.36,40000,1900,210,330
yT1beforeAA,Winter routine,\"Jan 20, 2026\",610,20000,1600.2,40,240000,8.33,15000,700,80,120
yT2duringBB,Lumen serum review,\"Feb 15, 2026\",540,21000,1700.1,50,250000,8.4,17000,800,90,140
yT3duringCC,Night care,\"Mar 2, 2026\",480,10000,800.2,30,120000,8.33,8000,400,40,70
";

/// The same export with YouTube's default columns only.
const YOUTUBE_DEFAULT: &str = "\
Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)
Total,,,,21000,1700.1,50,250000,8.4
yT2duringBB,Lumen serum review,\"Feb 15, 2026\",540,21000,1700.1,50,250000,8.4
";

/// A Shorts-era export: `Likes` but neither `Shares` nor `Comments added`.
const YOUTUBE_LIKES: &str = "\
Content,Video title,Video publish time,New viewers,Returning viewers,Likes,Subscribers gained,Shown in feed,Viewed (vs. swiped away) (%),Average percentage viewed (%),Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)
Total,,,,,800,50,30000,70.1,45.2,21000,1700.1,50,250000,8.4
yT2duringBB,Lumen serum review,\"Feb 15, 2026\",,,800,50,30000,70.1,45.2,21000,1700.1,50,250000,8.4
";

const META_HEADER: &str = "\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves";

/// An Instagram export of anna-petrova's account: a sponsored post, an
/// organic mention, one about something else, one without text.
fn meta_export() -> String {
    let rows = [
        "18060000000000001,17841400000000001,anna.petrova,Anna,\"Morning routine with #lumenskin #ad\",0,\"02/03/2026 10:00\",https://www.instagram.com/p/DAAAAAAAAA1/,IG image,,Lifetime,30000,20000,900,40,10,60,100",
        "18060000000000002,17841400000000001,anna.petrova,Anna,\"still loving my @Lumen cream!\",0,\"02/20/2026 18:30\",https://www.instagram.com/p/DAAAAAAAAA2/,IG image,,Lifetime,10000,7000,300,10,2,20,30",
        "18060000000000003,17841400000000001,anna.petrova,Anna,\"#lumenskinny #adventure in the Alps\",0,\"03/05/2026 08:00\",https://www.instagram.com/p/DAAAAAAAAA3/,IG reel,,Lifetime,50000,40000,2000,300,50,100,200",
        "18060000000000004,17841400000000001,anna.petrova,Anna,,0,\"03/10/2026 08:00\",https://www.instagram.com/p/DAAAAAAAAA4/,IG image,,Lifetime,5000,4000,100,5,1,5,10",
    ];
    format!("{META_HEADER}\n{}\n", rows.join("\n"))
}

const TIKTOK_HEADER: &str = "\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"";

/// A TikTok row: published 2026-02-15T12:00:00Z (the video id's top 32
/// bits), or 2026-03-02T09:30:00Z.
const FEB_15: &str = "7607060532089000454";
const MAR_2: &str = "7612588154998952454";

fn tiktok_row(id: &str, title: &str, (likes, views): (u64, u64)) -> String {
    format!(
        "\"March 31\",\"{title}\",\"https://www.tiktok.com/@ben/video/{id}\",\"February 15\",\"{likes}\",\"10\",\"5\",\"{views}\""
    )
}

/// The partnerships' figures in data.json, by id: (sponsored, organic,
/// engagements, revenue).
fn figures(fx: &Fixture) -> Vec<(String, serde_json::Value)> {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = fx.data("lumen");
    data["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let shown = serde_json::json!([
                p["sponsored_posts"],
                p["organic_posts"],
                p["engagements"],
                p["revenue"],
            ]);
            (p["id"].as_str().unwrap().to_string(), shown)
        })
        .collect()
}

fn of(figures: &[(String, serde_json::Value)], id: &str) -> serde_json::Value {
    figures.iter().find(|(p, _)| p == id).unwrap().1.clone()
}

const NO_MENTIONS: &str = "add `mentions: [\"@brand\", \"#brand\"]` to client.yaml so that only the posts naming the brand count, with advertising disclosures (#ad, Paid partnership) telling sponsored from organic";

/// A YouTube export in a partnership that started on 10 February: the
/// video of January is not its post. Before, all three were counted
/// sponsored.
#[test]
fn a_youtube_export_counts_only_the_partnerships_term() {
    let fx = base();
    fx.write(YOUTUBE, YOUTUBE_FULL);
    check(
        &fx,
        0,
        &[
            (
                "warning: 1 post published outside the term of ben-carter left out",
                "clients/lumen/metrics/ben-carter/Table data.csv",
                "an export holds the whole account; if a post belongs to the partnership, check its `start` and `end`",
            ),
            (
                "warning: 2 posts counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
                "clients/lumen/metrics/ben-carter/Table data.csv",
                NO_MENTIONS,
            ),
        ],
    );
    // B1 of posts.csv and the two videos of the term; engagements are
    // B1's 1500 and the videos' likes, shares and comments.
    let got = figures(&fx);
    assert_eq!(
        of(&got, "ben-carter"),
        serde_json::json!([3, 0, 1500 + 1030 + 510, 900.0])
    );
}

/// With `mentions`, a post naming the brand is sponsored when it discloses
/// advertising, organic when not; a post naming something else (even a
/// longer hashtag) is left out; a post without text is kept.
#[test]
fn mentions_tell_the_brands_posts_and_disclosures_tell_sponsored() {
    let fx = base();
    fx.append(CLIENT, "mentions: [\"@lumen\", \"#lumenskin\"]\n");
    fx.write(META, &meta_export());
    check(
        &fx,
        0,
        &[
            (
                "warning: 1 post that name none of `mentions` left out",
                META,
                "only posts whose text names one of `mentions` (client.yaml) count; add the handle, hashtag or word the missing posts use",
            ),
            (
                "warning: 1 post without a title or description kept: nothing says whether they name the brand",
                META,
                "kept as the partnership's; give them a `kind` in a posts file of roster's format if they are not sponsored",
            ),
        ],
    );
    // posts.csv: A1, A2 sponsored, A3 organic; the export: one sponsored,
    // one organic, the empty one sponsored.
    let got = figures(&fx);
    let engagements = 1450 + (900 + 60 + 40 + 100) + (300 + 20 + 10 + 30) + (100 + 5 + 5 + 10);
    assert_eq!(
        of(&got, "anna-petrova"),
        serde_json::json!([4, 2, engagements, 551.5])
    );
}

/// Posts naming the brand with no disclosure among them: a warning.
#[test]
fn a_partnership_with_mentions_but_no_disclosure_is_warned_about() {
    let fx = base();
    fx.append(CLIENT, "mentions: [\"@lumen\"]\n");
    let row = "18060000000000002,17841400000000001,anna.petrova,Anna,\"still loving my @Lumen cream!\",0,\"02/20/2026 18:30\",https://www.instagram.com/p/DAAAAAAAAA2/,IG image,,Lifetime,10000,7000,300,10,2,20,30";
    fx.write(META, &format!("{META_HEADER}\n{row}\n"));
    check(
        &fx,
        0,
        &[(
            "warning: 1 post of anna-petrova name the brand, but none is marked sponsored",
            META,
            "none carries a disclosure (#ad, #sponsored, Paid partnership, erid): give the sponsored ones `kind: sponsored` in a posts file of roster's format",
        )],
    );
}

/// A TikTok export in an Instagram partnership's folder is an error naming
/// both. Before, its posts were merged into the Instagram partnership's.
#[test]
fn an_export_of_another_platform_is_an_error() {
    let fx = base();
    let text = format!("{TIKTOK_HEADER}\n{}\n", tiktok_row(FEB_15, "hi", (10, 100)));
    fx.write("clients/lumen/metrics/anna-petrova/Content.csv", &text);
    check(
        &fx,
        1,
        &[(
            "error: this is a TikTok export, but anna-petrova is on instagram",
            "clients/lumen/metrics/anna-petrova/Content.csv",
            "move the export into the folder of the partnership on that platform, or correct `creator.platform`",
        )],
    );
}

/// Two monthly downloads of one TikTok account overlap: the video in both
/// is one post, with the later download's figures. Before, "duplicate
/// post_id".
#[test]
fn overlapping_downloads_read_each_post_once_with_its_latest_figures() {
    let fx = base();
    fx.replace(BEN, "platform: youtube", "platform: tiktok");
    let february = format!(
        "{TIKTOK_HEADER}\n{}",
        tiktok_row(FEB_15, "Lumen haul", (100, 1000))
    );
    let march = format!(
        "{TIKTOK_HEADER}\n{}\n{}\n",
        tiktok_row(FEB_15, "Lumen haul", (400, 5000)),
        tiktok_row(MAR_2, "night care", (50, 800))
    );
    fx.write(
        "clients/lumen/metrics/ben-carter/2026-02/Content.csv",
        &february,
    );
    fx.write(
        "clients/lumen/metrics/ben-carter/2026-03/Content.csv",
        &march,
    );
    let warned = check(
        &fx,
        0,
        &[
            (
                "warning: 1 post counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
                "clients/lumen/metrics/ben-carter/2026-02/Content.csv",
                NO_MENTIONS,
            ),
            (
                "warning: 1 post also in an earlier download: each read once, with its latest figures",
                "clients/lumen/metrics/ben-carter/2026-03/Content.csv",
                "",
            ),
            (
                "warning: 2 posts counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
                "clients/lumen/metrics/ben-carter/2026-03/Content.csv",
                NO_MENTIONS,
            ),
        ],
    );
    assert!(!warned.stderr.contains("duplicate"), "{}", warned.stderr);
    let got = figures(&fx);
    // B1, and the two videos: the first with March's figures.
    assert_eq!(
        of(&got, "ben-carter"),
        serde_json::json!([3, 0, 1500 + (400 + 15) + (50 + 15), 900.0])
    );
}

/// A row of roster's own format with an export's post id gives it the
/// revenue the export lacks: one post, not a duplicate.
#[test]
fn a_roster_row_of_the_same_post_gives_the_export_its_revenue() {
    let fx = base();
    fx.replace(BEN, "platform: youtube", "platform: tiktok");
    let text = format!(
        "{TIKTOK_HEADER}\n{}\n",
        tiktok_row(FEB_15, "Lumen haul", (400, 5000))
    );
    fx.write("clients/lumen/metrics/ben-carter/Content.csv", &text);
    fx.append(
        POSTS,
        &format!("{FEB_15},ben-carter,2026-02-15,,,,,30,3,250,USD,\n"),
    );
    let got = figures(&fx);
    assert_eq!(
        of(&got, "ben-carter"),
        serde_json::json!([2, 0, 1500 + 415, 1150.0])
    );
}

/// An export without every column engagement sums: engagement unknown for
/// its posts, with a warning naming the missing columns. Before, the
/// default columns gave 0 and a `Likes`-only export likes alone.
#[test]
fn engagement_is_unknown_when_the_export_lacks_a_column_it_sums() {
    for (text, lacks) in [
        (YOUTUBE_DEFAULT, "Likes, Shares, Comments added"),
        (YOUTUBE_LIKES, "Shares, Comments added"),
    ] {
        let fx = base();
        let b1_rate = {
            let run = fx.build();
            assert_eq!(run.code, 0, "{}", run.stderr);
            let data = fx.data("lumen");
            data["partnerships"][1]["engagement_rate"].clone()
        };
        fx.write(YOUTUBE, text);
        check(
            &fx,
            0,
            &[
                (
                    "warning: 1 post counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
                    YOUTUBE,
                    NO_MENTIONS,
                ),
                (
                    &format!(
                        "warning: engagement unknown for this export's posts: it lacks {lacks}"
                    ),
                    YOUTUBE,
                    "add these columns before exporting (YouTube Studio: Advanced mode, the column picker), so that engagement is the same sum for every post",
                ),
            ],
        );
        let run = fx.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let data = fx.data("lumen");
        let ben = data["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "ben-carter")
            .unwrap()
            .clone();
        assert_eq!(ben["sponsored_posts"], 2, "{lacks}");
        // Only B1's engagement is known, and the rate is B1's alone: never
        // B1's plus a partial sum, nor the video's counted as 0.
        assert_eq!(ben["engagements"], 1500, "{lacks}");
        assert_eq!(ben["engagement_rate"], b1_rate, "{lacks}");
    }
}

/// `roster import` of a platform export writes only the partnership's
/// posts, with the kind their disclosure gives: the imported file, read
/// as roster's own format, means what the export did.
#[test]
fn roster_import_writes_only_the_partnerships_posts() {
    let fx = base();
    fx.append(CLIENT, "mentions: [\"@lumen\", \"#lumenskin\"]\n");
    // A post before the term: left out too.
    let early = "18060000000000005,17841400000000001,anna.petrova,Anna,\"#lumenskin #ad\",0,\"12/20/2025 10:00\",https://www.instagram.com/p/DAAAAAAAAA5/,IG image,,Lifetime,5000,4000,100,5,1,5,10\n";
    let mut text = meta_export();
    text.push_str(early);
    std::fs::write(fx.dir.path().join("export.csv"), text).unwrap();
    let import = [
        "import",
        "../export.csv",
        "--client",
        "lumen",
        "--partnership",
        "anna-petrova",
    ];
    let run = fx.roster(&import);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for told in [
        "1 post published outside the term of anna-petrova left out",
        "1 post that name none of `mentions` left out",
    ] {
        assert!(run.stderr.contains(told), "{told}:\n{}", run.stderr);
    }
    // In the partnership's folder, as imports.md says.
    let written = fx.read("clients/lumen/metrics/imported/anna-petrova/export.csv");
    let kinds: Vec<(&str, &str)> = written
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0], cells[3])
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("18060000000000001", "sponsored"),
            ("18060000000000002", "organic"),
            ("18060000000000004", "sponsored"),
        ]
    );
}

/// Two different posts with one id stay an error: a video id on two
/// publication dates in two downloads.
#[test]
fn two_posts_with_one_id_in_two_downloads_stay_an_error() {
    let fx = base();
    let header = YOUTUBE_FULL.lines().next().unwrap();
    let first = format!(
        "{header}\nyT2duringBB,Lumen serum review,\"Feb 15, 2026\",540,21000,1700.1,50,250000,8.4,17000,800,90,140\n"
    );
    let second = first.replace("Feb 15, 2026", "Mar 15, 2026");
    fx.write("clients/lumen/metrics/ben-carter/a/Table data.csv", &first);
    fx.write("clients/lumen/metrics/ben-carter/b/Table data.csv", &second);
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: duplicate post_id \"yT2duringBB\""),
        "{}",
        run.stderr
    );
}

/// Daily rows of a video the term leaves out are left out with it, not
/// reported as naming an unknown post.
#[test]
fn daily_rows_of_a_post_left_out_go_with_it() {
    let fx = base();
    fx.write(YOUTUBE, YOUTUBE_FULL);
    fx.append(
        "clients/lumen/metrics/daily.csv",
        "yT1beforeAA,1,5000,4000,100,,,\n",
    );
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("yT1beforeAA"), "{}", run.stderr);
}
