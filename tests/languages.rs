//! Exports in other languages and encodings, and files that fit nothing:
//! a Spanish Meta export read through the meta-posts preset; a
//! Western European re-save read as Windows-1252, giving the customers of
//! the UTF-8 original; a file that fits no kind given a ready `imports`
//! entry that quotes header names only; TikTok's account-level
//! Overview.csv skipped with a warning. On the small portfolio
//! `tests/fixtures/lumen` (anna-petrova on Instagram from
//! 2026-01-01, report date 2026-03-31); every export is written here, with
//! its vendor's header and made-up rows.

use std::fs;

use crate::bad_input::{CLIENT, Edit, ORDERS, ROSTER, base, check};

const META_ES: &str = "clients/lumen/metrics/anna-petrova/export-es.csv";

/// The header of a real Spanish-interface Meta export (exports-reference.md).
const META_ES_HEADER: &str = "\"identificador de la publicación\",\"Identificador de la cuenta\",\"Nombre de usuario de la cuenta\",\"Nombre de la cuenta\",Descripción,\"Duración (segundos)\",\"Hora de publicación\",\"Enlace permanente\",\"Tipo de publicación\",\"Comentario sobre los datos\",Fecha,Visualizaciones,Alcance,\"Me gusta\",\"Veces que se ha compartido\",Seguidores,Comentarios,\"Veces guardado\"";

/// Two made-up posts of anna-petrova's account, as the Spanish export
/// writes them (a BOM, `Total` for `Lifetime`), in the partnership's term.
fn meta_es() -> String {
    let rows = [
        "18070000000000001,17841400000000009,anna.prueba,Anna,\"rutina con #lumen\",30,\"02/03/2026 10:00\",https://www.instagram.com/reel/XXXXXXXXXX1/,\"Reel de Instagram\",,Total,30000,20000,900,40,10,60,100",
        "18070000000000002,17841400000000009,anna.prueba,Anna,\"otra cosa\",0,\"03/05/2026 08:00\",https://www.instagram.com/p/XXXXXXXXXX2/,\"Imagen de Instagram\",,Total,10000,7000,300,10,2,20,30",
    ];
    format!("\u{feff}{META_ES_HEADER}\n{}\n", rows.join("\n"))
}

/// anna-petrova's figures in data.json: sponsored and organic posts,
/// engagements, reach.
fn anna(fx: &crate::common::Fixture) -> serde_json::Value {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = fx.data("lumen");
    let p = data["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "anna-petrova")
        .unwrap()
        .clone();
    serde_json::json!([
        p["sponsored_posts"],
        p["organic_posts"],
        p["engagements"],
        p["reach"]
    ])
}

/// A Meta export made in Spanish is read through meta-posts, and `check`
/// says so. Before, its header fit no kind: an error.
#[test]
fn a_spanish_meta_export_is_read_through_its_preset() {
    let fx = base();
    let before = anna(&fx);
    fx.write(META_ES, &meta_es());
    let run = check(
        &fx,
        0,
        &[(
            "warning: 2 posts counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
            META_ES,
            "add `mentions: [\"@brand\", \"#brand\"]` to client.yaml so that only the posts naming the brand count, with advertising disclosures (#ad, Paid partnership) telling sponsored from organic",
        )],
    );
    let output = format!("{}\n{}", run.stdout, run.stderr);
    assert!(
        output
            .lines()
            .any(|l| l.contains(META_ES) && l.contains("meta-posts") && l.contains("Spanish")),
        "{output}"
    );
    // Two more sponsored posts; engagement is likes, comments, shares
    // and saves; reach is `Alcance`.
    let engagements = (900 + 60 + 40 + 100) + (300 + 20 + 10 + 30);
    let want = serde_json::json!([
        before[0].as_u64().unwrap() + 2,
        before[1],
        before[2].as_u64().unwrap() + engagements,
        before[3].as_u64().unwrap() + 20000 + 7000
    ]);
    assert_eq!(anna(&fx), want);
}

/// `roster import --as meta-posts` takes the Spanish export too.
#[test]
fn roster_import_as_meta_posts_takes_the_spanish_export() {
    let fx = base();
    fs::write(fx.dir.path().join("export-es.csv"), meta_es()).unwrap();
    let run = fx.roster(&[
        "import",
        "../export-es.csv",
        "--client",
        "lumen",
        "--partnership",
        "anna-petrova",
        "--as",
        "meta-posts",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fx.read("clients/lumen/metrics/imported/anna-petrova/export-es.csv");
    let ids: Vec<&str> = written
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["18070000000000001", "18070000000000002"], "{written}");
}

/// Orders with customers' names, as UTF-8.
const ORDERS_UTF8: &str = "\
order_id,date,customer,partnership,revenue,currency
O1,2026-01-16,José Müller,anna-petrova,120,USD
O2,2026-02-11,Zoë Brontë,ben-carter,80,USD
O3,2026-03-01,José Müller,anna-petrova,60,USD
";

/// A re-save of the same orders in Windows-1252 (as Excel in a Western
/// European locale writes "CSV"): the same customers, and a warning that
/// names the encoding. Before, it was read as Windows-1251, and José
/// Müller became another customer.
#[test]
fn a_western_european_re_save_gives_the_same_customers() {
    let fx = base();
    fx.append(ROSTER, "customer_salt: \"3f9a\"\n");
    fx.remove(ORDERS);
    // Every character here is one byte of Windows-1252 with its own code.
    let resaved: Vec<u8> = ORDERS_UTF8
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    assert!(std::str::from_utf8(&resaved).is_err());
    fs::write(fx.dir.path().join("utf8.csv"), ORDERS_UTF8).unwrap();
    fs::write(fx.dir.path().join("resaved.csv"), &resaved).unwrap();
    let original = fx.roster(&["import", "../utf8.csv", "--client", "lumen"]);
    assert_eq!(original.code, 0, "{}", original.stderr);
    assert!(
        !original.stderr.contains("not UTF-8"),
        "{}",
        original.stderr
    );
    let again = fx.roster(&["import", "../resaved.csv", "--client", "lumen"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("warning: file is not UTF-8; read it as Windows-1252"),
        "{}",
        again.stderr
    );
    let a = fx.read("clients/lumen/metrics/imported/utf8.csv");
    let b = fx.read("clients/lumen/metrics/imported/resaved.csv");
    assert_eq!(a, b);
    // José Müller's two orders are one customer's.
    let customers: Vec<&str> = a
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(customers[0], customers[2], "{a}");
    assert_ne!(customers[0], customers[1], "{a}");
}

/// TikTok's Overview.csv, downloaded with Content.csv: a warning that
/// skips it. Before, an error asking whether `Date` meant `day`.
#[test]
fn tiktoks_account_overview_is_skipped_with_a_warning() {
    let fx = base();
    let overview = "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\"March 1\",\"1200\",\"14\",\"80\",\"3\",\"2\"\n\"March 2\",\"900\",\"9\",\"60\",\"1\",\"0\"";
    fx.write("clients/lumen/metrics/ben-carter/Overview.csv", overview);
    let followers = "\"Date\",\"Followers\",\"Difference in followers from previous day\"\n\"March 1\",\"1000\",\"4\"\n";
    fx.write(
        "clients/lumen/metrics/ben-carter/FollowerHistory.csv",
        followers,
    );
    let help = "roster reads the videos of the same download from Content.csv: put Content.csv in this folder";
    check(
        &fx,
        0,
        &[
            (
                "warning: this is TikTok Studio's FollowerHistory.csv, totals of the whole account that roster does not read: skipped",
                "clients/lumen/metrics/ben-carter/FollowerHistory.csv",
                help,
            ),
            (
                "warning: this is TikTok Studio's Overview.csv, totals of the whole account that roster does not read: skipped",
                "clients/lumen/metrics/ben-carter/Overview.csv",
                help,
            ),
        ],
    );
}

/// The help of a header that fits no kind, first line.
const NO_KIND: &str = "for a posts file add `post_id` and `published`; for a daily file add `post_id` and `day`; for an orders file add `order_id` and `customer`";

/// The lines of a run's help for `file`, after its first, with the
/// terminal's indent taken off.
fn help_block(stderr: &str, file: &str) -> String {
    let at = stderr.find(&format!("--> {file}")).unwrap();
    let lines: Vec<&str> = stderr[at..]
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("= help: "))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let indent = lines
        .iter()
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| format!("{}\n", &l[indent..]))
        .collect()
}

/// The `imports` block of a help, and it parsed as client.yaml would read
/// it.
fn pasted(help: &str) -> (&str, serde_yaml::Value) {
    let block = &help[help.find("imports:").expect("an imports block")..];
    (
        block,
        serde_yaml::from_str(block).expect("the block is YAML"),
    )
}

/// A sheet kept by hand, with its own column names: the error gives an
/// `imports` entry to paste, naming its header's columns, which parses as
/// YAML, and quotes no cell.
#[test]
fn a_file_of_no_kind_gets_an_imports_entry_to_paste() {
    let fx = base();
    let file = "clients/lumen/metrics/anna-petrova/hoja.csv";
    fx.write(
        file,
        "ID,Fecha,Enlace,Vistas,Me gusta,Nota\nP1,2026-03-01,https://example.com/p/1,1200,30,muy bien\nP2,2026-03-02,https://example.com/p/2,900,12,regular\n",
    );
    let run = check(
        &fx,
        1,
        &[(
            "error: CSV header fits no kind of metrics file",
            &format!("{file}:1:1"),
            NO_KIND,
        )],
    );
    let help = help_block(&run.stderr, file);
    assert!(
        help.starts_with("map its columns with an `imports` entry"),
        "{help}"
    );
    let (block, yaml) = pasted(&help);
    let entry = &yaml["imports"][0];
    assert_eq!(entry["files"], "metrics/anna-petrova/hoja.csv");
    assert_eq!(entry["kind"], "posts");
    assert_eq!(entry["columns"]["post_id"], "ID");
    assert_eq!(entry["columns"]["published"], "Fecha");
    assert_eq!(entry["columns"]["url"], "Enlace");
    assert!(block.contains("\"Vistas\", \"Me gusta\""), "{block}");
    for cell in ["P1", "2026-03-01", "example.com", "1200", "muy bien"] {
        assert!(!run.stderr.contains(cell), "{cell}:\n{}", run.stderr);
    }
    // Pasted into client.yaml, it reads the file.
    fx.append(CLIENT, block);
    let pasted = fx.roster(&["check", "."]);
    assert_eq!(pasted.code, 0, "{}", pasted.stderr);
}

/// Files whose first row is data: "no header", with nothing of the row
/// quoted, neither in the help nor as the line the error is at (one holds
/// customers' e-mails, the other a customer's name).
#[test]
fn a_first_row_of_data_is_said_to_be_no_header() {
    let fx = base();
    let emails = "clients/lumen/metrics/export.csv";
    fx.write(
        emails,
        "O1,2026-03-01,ann@example.com,12.50\nO2,2026-03-02,bo@example.com,8\n",
    );
    let names = "clients/lumen/metrics/sheet.csv";
    fx.write(names, "Ann Smith,2026-03-01,120\nBo Jones,2026-03-02,80\n");
    let run = check(
        &fx,
        1,
        &[
            (
                "error: CSV header fits no kind of metrics file",
                emails,
                NO_KIND,
            ),
            (
                "error: CSV header fits no kind of metrics file",
                names,
                NO_KIND,
            ),
        ],
    );
    for file in [emails, names] {
        let help = help_block(&run.stderr, file);
        assert!(help.contains("no header"), "{help}");
    }
    for cell in [
        "O1",
        "2026-03-01",
        "ann@example.com",
        "12.50",
        "Ann Smith",
        "120",
    ] {
        assert!(!run.stderr.contains(cell), "{cell}:\n{}", run.stderr);
    }
}

/// A Meta export in a language roster has no table for (its header from a
/// public script that reads Portuguese-interface exports; the rows made
/// up): the help says to switch the interface to English, besides the
/// entry to paste.
#[test]
fn a_platform_export_in_another_language_is_told_to_switch_to_english() {
    let fx = base();
    let file = "clients/lumen/metrics/anna-petrova/export-pt.csv";
    let header = "\"Identificação do post\",\"Identificação da conta\",\"Nome de usuário da conta\",\"Nome da conta\",Descrição,\"Duração (s)\",\"Horário de publicação\",\"Link permanente\",\"Tipo de post\",Visualizações,Alcance,Curtidas,Compartilhamentos,Seguimentos,Comentários,Salvamentos";
    let row = "18070000000000003,17841400000000009,anna.prueba,Anna,\"oi\",0,\"02/03/2026 10:00\",https://www.instagram.com/p/XXXXXXXXXX3/,\"Imagem\",3000,2000,90,4,1,6,10";
    fx.write(file, &format!("{header}\n{row}\n"));
    let run = check(
        &fx,
        1,
        &[(
            "error: CSV header fits no kind of metrics file",
            &format!("{file}:1:1"),
            NO_KIND,
        )],
    );
    let help = help_block(&run.stderr, file);
    assert!(
        help.starts_with("it looks like a Meta Business Suite export in a language roster has no table for: switch the interface language to English before exporting"),
        "{help}"
    );
    let (_, yaml) = pasted(&help);
    assert_eq!(
        yaml["imports"][0]["columns"]["post_id"],
        "Identificação do post"
    );
    for cell in ["18070000000000003", "instagram.com", "anna.prueba"] {
        assert!(!run.stderr.contains(cell), "{cell}:\n{}", run.stderr);
    }
}

/// Every run of Cyrillic letters in `html`, leaving out the notes a user
/// wrote.
fn cyrillic(html: &str) -> Vec<String> {
    let mut text = html.to_string();
    cut(&mut text, "<section class=\"panel note", "</section>");
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if ('\u{400}'..='\u{4ff}').contains(&c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs
}

#[test]
fn the_english_clients_pages_name_its_russian_creators_in_latin_letters() {
    let fx = crate::common::Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let site = fx.out().join("kestrel-coffee");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&site) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "html") {
            let runs = cyrillic(&std::fs::read_to_string(&path).unwrap());
            if !runs.is_empty() {
                found.push(format!("{}: {runs:?}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    let month = std::fs::read_to_string(site.join("reports/2026-10/index.html")).unwrap();
    assert!(month.contains("Marina Orlova"));
    // data.json keeps the name as written.
    let data = fx.data("kestrel-coffee");
    let marina = data["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "marina-orlova")
        .unwrap();
    assert_eq!(marina["creator"], "Марина Орлова");
}

#[test]
fn each_client_carries_the_agency_title_in_its_own_language() {
    let fx = crate::common::Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let polyn = std::fs::read_to_string(fx.out().join("polyn/index.html")).unwrap();
    assert!(polyn.contains("Birch &amp; Pine: партнёрства с авторами"));
    assert!(!polyn.contains("creator partnerships"));
    let kestrel = std::fs::read_to_string(fx.out().join("kestrel-coffee/index.html")).unwrap();
    assert!(kestrel.contains("Birch &amp; Pine Agency: creator partnerships"));
}

#[test]
fn a_name_in_a_language_roster_does_not_know_is_an_unknown_key_warned_of() {
    let fx = crate::common::Fixture::sample();
    let p = "clients/kestrel-coffee/partnerships/marina-orlova.yaml";
    let text = std::fs::read_to_string(fx.root.join(p)).unwrap();
    fx.write(p, &text.replace("name_en:", "name_de:"));
    let run = fx.roster(&["check"]);
    assert!(
        run.stderr.contains("unknown key `name_de` is ignored"),
        "{}",
        run.stderr
    );
    // name_en is known: the sample as it is warns of nothing.
    let clean = crate::common::Fixture::sample().roster(&["check"]);
    assert!(!clean.stderr.contains("unknown key"), "{}", clean.stderr);
}

/// `html` without each part from `open` through `close`.
fn cut(html: &mut String, open: &str, close: &str) {
    while let Some(at) = html.find(open) {
        let end = html[at..]
            .find(close)
            .map_or(html.len(), |e| at + e + close.len());
        html.replace_range(at..end, "");
    }
}

/// The text of `html`, each tag replaced by `gap`.
fn untagged(html: &str, gap: char) -> String {
    let mut text = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                text.push(gap);
            }
            _ if !inside => text.push(c),
            _ => {}
        }
    }
    text
}

/// The text of every Russian page of the sample, notes a user wrote and
/// charts' markup left out, by page.
fn russian_pages(fx: &crate::common::Fixture) -> Vec<(String, String)> {
    let site = fx.out().join("polyn");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&site) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let mut html = std::fs::read_to_string(&path).unwrap();
        cut(&mut html, "<section class=\"panel note", "</section>");
        cut(&mut html, "<style", "</style>");
        // Tags become line breaks: a sentence never runs across two elements.
        let text = untagged(&html, '\n');
        out.push((
            path.display().to_string(),
            text.replace("&nbsp;", " ").replace('\u{a0}', " "),
        ));
    }
    out
}

#[test]
fn russian_pages_write_a_month_mid_sentence_in_lower_case() {
    const MONTHS: [&str; 12] = [
        "Январь",
        "Февраль",
        "Март",
        "Апрель",
        "Май",
        "Июнь",
        "Июль",
        "Август",
        "Сентябрь",
        "Октябрь",
        "Ноябрь",
        "Декабрь",
    ];
    let fx = crate::common::Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let mut found = Vec::new();
    for (page, text) in russian_pages(&fx) {
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            for pair in words.windows(2) {
                let capital = MONTHS.iter().any(|m| pair[1].starts_with(m));
                // After a word or a colon, not after a separator of a title
                // ("Отчёт · Октябрь 2026", "← Сентябрь 2026").
                let mid = pair[0].ends_with(|c: char| c.is_alphanumeric() || c == ':' || c == ',');
                if capital && mid {
                    found.push(format!("{page}: {line}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn russian_counts_agree_with_their_nouns() {
    // Each noun's forms for 1, for 2 to 4 and for 5 and more.
    const NOUNS: [[&str; 3]; 7] = [
        ["партнёрство", "партнёрства", "партнёрств"],
        ["публикация", "публикации", "публикаций"],
        ["день", "дня", "дней"],
        ["ретейнер", "ретейнера", "ретейнеров"],
        ["автор", "автора", "авторов"],
        ["месяц", "месяца", "месяцев"],
        ["спонсорская", "спонсорские", "спонсорских"],
    ];
    // A count after a preposition takes the case the preposition asks, and
    // so does one after "ROI" ("ROI 4 партнёрств", of four): these are
    // the plural rules' other cases, not checked here.
    const PREPOSITIONS: [&str; 10] = ["из", "у", "на", "в", "по", "с", "до", "за", "от", "ROI"];
    let form = |n: u64| match (n % 10, n % 100) {
        (1, h) if h != 11 => 0,
        (2..=4, h) if !(12..=14).contains(&h) => 1,
        _ => 2,
    };
    let fx = crate::common::Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let mut found = Vec::new();
    let mut checked = 0;
    for (page, text) in russian_pages(&fx) {
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            for (i, pair) in words.windows(2).enumerate() {
                let Ok(n) = pair[0].parse::<u64>() else {
                    continue;
                };
                if i > 0 && PREPOSITIONS.contains(&words[i - 1]) {
                    continue;
                }
                let noun = pair[1].trim_end_matches(|c: char| !c.is_alphabetic());
                for forms in NOUNS {
                    if let Some(k) = forms.iter().position(|f| *f == noun) {
                        checked += 1;
                        if k != form(n) {
                            found.push(format!(
                                "{page}: \"{n} {noun}\" should be \"{n} {}\" ({line})",
                                forms[form(n)]
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        checked > 10,
        "only {checked} counts found: the check reads nothing"
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The words of `html` a reader sees, "How we count" left out (that is
/// where the statistics are named), the notes a user wrote too, and tags
/// dropped.
fn plain_words(html: &str) -> String {
    let mut html = match html.find("<section class=\"how\"") {
        Some(at) => html[..at].to_string(),
        None => html.to_string(),
    };
    cut(&mut html, "<section class=\"panel note", "</section>");
    let out = untagged(&html, ' ');
    out.replace('\u{a0}', " ")
}

#[test]
fn the_pages_speak_plainly_no_rule_numbers_pp_or_quartile_names() {
    let fx = crate::common::Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(fx.out()) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let words = plain_words(&std::fs::read_to_string(&path).unwrap());
        let numbered_rule = ["Rule ", "Правило "].iter().any(|w| {
            words
                .match_indices(w)
                .any(|(i, _)| words[i + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
        });
        for (bad, hit) in [
            ("a rule number", numbered_rule),
            ("pp", words.contains(" pp ") || words.contains(" pp)")),
            ("п. п.", words.contains("п. п.")),
            // "Q3" alone may be a user's label ("Q3 performance bonus").
            ("Q1-Q3", words.contains("Q1–Q3") || words.contains("Q1-Q3")),
            (
                "quartile",
                words.contains("quartile") || words.contains("квартил"),
            ),
        ] {
            if hit {
                found.push(format!("{}: {bad}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
