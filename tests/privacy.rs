//! Customers' personal data: every new portfolio gets a `customer_salt` of
//! its own and a run that hashes customers without one says so; `roster
//! import` hashes every customer, whatever it looks like, and writes only
//! roster's columns, only inside the client's folder; no diagnostic quotes
//! a line of a file that holds personal data, and no message an e-mail
//! address.

use std::fs;
use std::path::Path;

use crate::bad_input::{CLIENT, Edit, ORDERS, ROSTER, base, check};
use crate::common::{Fixture, run};

/// The `customer_salt` line of a roster.yaml, and its value.
fn salt_of(yaml: &str) -> Option<String> {
    let line = yaml.lines().find(|l| l.starts_with("customer_salt:"))?;
    let value = line["customer_salt:".len()..].trim().trim_matches('"');
    Some(value.to_string())
}

const UNSALTED: &str = "warning: customers are hashed without a `customer_salt`: anyone with a list of e-mail addresses can tell whose ids these are";

#[test]
fn init_writes_a_salt_of_its_own_with_what_it_protects() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["init", "a"][..],
        &["init", "b"][..],
        &["init", "--bare", "c"][..],
    ] {
        let made = run(tmp.path(), args);
        assert_eq!(made.code, 0, "{}", made.stderr);
    }
    let yaml = |dir: &str| fs::read_to_string(tmp.path().join(dir).join("roster.yaml")).unwrap();
    let salts: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|d| salt_of(&yaml(d)).unwrap_or_else(|| panic!("{d}: no customer_salt")))
        .collect();
    for salt in &salts {
        assert_eq!(salt.len(), 32, "{salt}");
        assert!(salt.bytes().all(|b| b.is_ascii_hexdigit()), "{salt}");
    }
    assert_ne!(salts[0], salts[1], "each portfolio draws its own");
    assert_ne!(salts[0], salts[2]);
    for dir in ["a", "c"] {
        let text = yaml(dir);
        assert!(
            text.contains("changing it changes every customer's id"),
            "{dir}: {text}"
        );
        assert!(text.contains("a list of"), "{dir}: what it protects");
    }
    // The sample's shop export holds e-mails: hashed with the salt, so no
    // warning.
    let checked = run(tmp.path(), &["check", "a"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        !checked.stderr.contains("customer_salt"),
        "{}",
        checked.stderr
    );
}

#[test]
fn hashing_e_mails_without_a_salt_is_a_warning_of_check_and_import() {
    let fx = base();
    fx.replace(
        ORDERS,
        "O1,2026-01-16,c1,",
        "O1,2026-01-16,ann@example.com,",
    );
    let warned = check(
        &fx,
        0,
        &[
            (
                "warning: this file holds customers' e-mail addresses",
                "clients/lumen/metrics/orders.csv:2:15",
                "roster hashes them as it reads; to keep them out of the portfolio and its history, run `roster import <file> --client <id>` and delete the export",
            ),
            (
                UNSALTED,
                "roster.yaml",
                "add `customer_salt: \"<a long random text>\"` to roster.yaml (such as the output of `openssl rand -hex 16`; `roster init` writes one) and keep it: changing it changes every customer's id",
            ),
        ],
    );
    assert!(!warned.stderr.contains("ann@example.com"));
    // Ids that are ids already (no e-mail hashed): nothing to say.
    check(&base(), 0, &[]);

    // The same file imported: no salt, a warning; with one, none.
    let export = fx.dir.path().join("orders.csv");
    fs::copy(fx.root.join(ORDERS), &export).unwrap();
    fx.remove(ORDERS);
    let import = ["import", "../orders.csv", "--client", "lumen", "--force"];
    let unsalted = fx.roster(&import);
    assert_eq!(unsalted.code, 0, "{}", unsalted.stderr);
    assert!(unsalted.stderr.contains(UNSALTED), "{}", unsalted.stderr);
    fx.append(ROSTER, "customer_salt: \"3f9a\"\n");
    let salted = fx.roster(&import);
    assert_eq!(salted.code, 0, "{}", salted.stderr);
    assert!(
        !salted.stderr.contains("customer_salt"),
        "{}",
        salted.stderr
    );
}

/// Orders in roster's own format with customers no rule takes for an
/// e-mail or a name, and columns roster does not read.
const ODD_CUSTOMERS: &str = "\
order_id,date,customer,partnership,revenue,currency,Телефон,Комментарий
O1,2026-01-16,+7 916 123-45-67,anna-petrova,120,USD,+7 916 123-45-67,звонить вечером
O2,2026-02-11,ivan@localhost,ben-carter,80,USD,+7 903 000-11-22,Иван Петров
O3,2026-03-01,Ivan,,60,USD,,Ivan
";

#[test]
fn import_hashes_every_customer_and_writes_only_roster_columns() {
    let fx = base();
    fx.append(ROSTER, "customer_salt: \"3f9a\"\n");
    fx.remove(ORDERS);
    fs::write(fx.dir.path().join("orders.csv"), ODD_CUSTOMERS).unwrap();
    let run = fx.roster(&["import", "../orders.csv", "--client", "lumen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fx.read("clients/lumen/metrics/imported/orders.csv");
    let mut lines = written.lines();
    assert_eq!(
        lines.next(),
        Some("order_id,date,customer,partnership,revenue,currency")
    );
    let mut customers = Vec::new();
    for line in lines {
        let customer = line.split(',').nth(2).unwrap();
        assert_eq!(customer.len(), 16, "{line}");
        assert!(customer.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
        customers.push(customer.to_string());
    }
    assert_eq!(customers.len(), 3);
    for personal in [
        "916 123-45-67",
        "903 000-11-22",
        "ivan",
        "localhost",
        "иван",
        "телефон",
        "звонить",
    ] {
        assert!(
            !written.to_lowercase().contains(personal),
            "{personal} in:\n{written}"
        );
        // The stderr names the columns left out, and no value.
        if personal != "телефон" {
            assert!(
                !run.stderr.to_lowercase().contains(personal),
                "{}",
                run.stderr
            );
        }
    }
    // Hashed as a build hashes them: `Ivan` is one customer in every file.
    let again = Fixture::from_path(&fx.root);
    let export = again.dir.path().join("more.csv");
    fs::write(&export, "order_id,date,customer\nO9,2026-03-02,ivan\n").unwrap();
    let run = again.roster(&["import", "../more.csv", "--client", "lumen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let more = again.read("clients/lumen/metrics/imported/more.csv");
    assert!(more.contains(&customers[2]), "{more}");
}

/// A shop's sheet in Russian, mapped in client.yaml: its customers are
/// names, and one date is wrong.
const RUSSIAN_ORDERS: &str = "\
Заказ;Дата;Покупатель;Телефон;Сумма
O1;16.01.2026;Иван Петров;+7 916 123-45-67;120
O2;11.02.2026;Мария Смирнова;+7 903 000-11-22;80
O3;первое марта;Иван Петров;+7 916 123-45-67;60
";

const RUSSIAN_MAPPING: &str = "\
imports:
  - files: \"metrics/shop/*.csv\"
    kind: orders
    columns:
      order_id: Заказ
      date: Дата
      customer: Покупатель
      revenue: Сумма
";

#[test]
fn no_diagnostic_quotes_a_line_of_a_file_with_personal_data() {
    let fx = base();
    fx.append(ROSTER, "customer_salt: \"3f9a\"\n");
    fx.append(CLIENT, RUSSIAN_MAPPING);
    fx.remove(ORDERS);
    fx.write("clients/lumen/metrics/shop/orders.csv", RUSSIAN_ORDERS);
    // A posts file with a column of phones, and a wrong date.
    let posts = fx.read(crate::bad_input::POSTS);
    let mut lines: Vec<String> = posts.lines().map(str::to_string).collect();
    lines[0].push_str(",Телефон");
    for line in &mut lines[1..] {
        line.push_str(",+7 999 555-44-33");
    }
    lines[1] = lines[1].replacen("2026-01-15", "15th of January", 1);
    fx.write(crate::bad_input::POSTS, &(lines.join("\n") + "\n"));
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for shown in [
        "warning: this file holds customers' names",
        "--> clients/lumen/metrics/shop/orders.csv:2:",
        "error: `date` must be a date",
        "--> clients/lumen/metrics/shop/orders.csv:4:",
        "error: `published` must be a date",
        "--> clients/lumen/metrics/posts.csv:2:",
    ] {
        assert!(run.stderr.contains(shown), "{shown}:\n{}", run.stderr);
    }
    for personal in [
        "Иван",
        "Мария",
        "916 123",
        "903 000",
        "999 555",
        "15th of January,",
    ] {
        assert!(
            !run.stderr.contains(personal),
            "{personal}:\n{}",
            run.stderr
        );
    }
    assert!(
        !run.stderr.contains(" | "),
        "no line is quoted:\n{}",
        run.stderr
    );
}

#[test]
fn an_e_mail_in_a_yaml_value_is_left_out_of_the_message() {
    let fx = base();
    fx.append(ROSTER, "theme: ivan.petrov@example.com\n");
    let human = fx.roster(&["check", "."]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    let message = human
        .stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap();
    assert!(message.contains("<e-mail address>"), "{}", human.stderr);
    assert!(!message.contains("ivan.petrov"), "{}", human.stderr);
    // The quoted line is the user's own file, shown as it is.
    assert!(
        human.stderr.contains("| theme: ivan.petrov@example.com"),
        "{}",
        human.stderr
    );
    for format in ["json", "github"] {
        let machine = fx.roster(&["check", ".", "--format", format]);
        assert!(
            !machine.stdout.contains("ivan.petrov"),
            "{}",
            machine.stdout
        );
        assert!(
            machine.stdout.contains("<e-mail address>"),
            "{}",
            machine.stdout
        );
    }
}

/// The shop fixture of the import tests: an orders export beside the
/// portfolio.
fn shop() -> Fixture {
    let fx = base();
    fx.remove(ORDERS);
    let export = "order_id,date,customer\nO1,2026-01-16,c1\n";
    fs::write(fx.dir.path().join("orders.csv"), export).unwrap();
    fx
}

#[cfg(unix)]
#[test]
fn import_writes_nothing_through_a_link_out_of_the_client_folder() {
    use std::os::unix::fs::symlink;
    let import = ["import", "../orders.csv", "--client", "lumen"];
    let imported = "clients/lumen/metrics/imported";
    // Out of the portfolio, and out of the client's folder into the rest
    // of the portfolio.
    let fx = shop();
    let away = fx.dir.path().join("away");
    fs::create_dir(&away).unwrap();
    fs::create_dir(fx.root.join("shared")).unwrap();
    for (target, link) in [(away.clone(), imported), (fx.root.join("shared"), imported)] {
        let _ = fs::remove_file(fx.root.join(link));
        symlink(&target, fx.root.join(link)).unwrap();
        let run = fx.roster(&import);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "error: clients/lumen/metrics/imported/orders.csv would be written outside the client's folder: clients/lumen/metrics/imported is a link out of it; nothing was written"
            ),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(fs::read_dir(&target).unwrap().count(), 0, "nothing written");
    }
    // The file itself a link out: not followed, not replaced.
    fs::remove_file(fx.root.join(imported)).unwrap();
    fs::create_dir(fx.root.join(imported)).unwrap();
    let secret = away.join("secret.csv");
    fs::write(&secret, "mine").unwrap();
    symlink(&secret, fx.root.join(imported).join("orders.csv")).unwrap();
    let run = fx.roster(&import);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&secret).unwrap(), "mine");
    assert!(
        fs::symlink_metadata(fx.root.join(imported).join("orders.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A link that stays inside the client's folder is a folder like any.
    fs::remove_file(fx.root.join(imported).join("orders.csv")).unwrap();
    fs::remove_dir(fx.root.join(imported)).unwrap();
    fs::create_dir(fx.root.join("clients/lumen/archive")).unwrap();
    symlink(
        fx.root.join("clients/lumen/archive"),
        fx.root.join(imported),
    )
    .unwrap();
    let run = fx.roster(&import);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.root.join("clients/lumen/archive/orders.csv").is_file());
    assert!(!Path::new(&away).join("orders.csv").exists());
}
