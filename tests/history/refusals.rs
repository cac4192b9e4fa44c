//! What `roster archive` refuses, and the report date an archive is compared with.

use super::*;

// ------------------------------------------------------------- refusals

/// `roster archive ARGS...` refused with exit status `code`, writing
/// nothing: its stderr.
fn refused(fx: &Fixture, args: &[&str], code: i32) -> String {
    let before = archives(fx);
    let run = archive(fx, args);
    assert_eq!(run.code, code, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(archives(fx), before, "nothing written");
    run.stderr
}

#[test]
fn a_month_not_over_cannot_be_archived() {
    let fx = Fixture::sample();
    let stderr = refused(&fx, &["2026-11"], 2);
    assert!(
        stderr.contains(
            "error: 2026-11 cannot be archived: it is not over by the report date 2026-10-31"
        ),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("error: 2026-11").count(),
        1,
        "said once: {stderr}"
    );
    let help = stderr
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= help: "))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(help.starts_with("months that can be archived: "), "{help}");
    assert!(
        help.contains("2026-09") && help.contains("2026-10"),
        "{help}"
    );
    assert!(!help.contains("2026-11"), "{help}");
    // With a report date that ends it, it can.
    let run = archive(&fx, &["2026-11", "--as-of", "2026-11-30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(fx.root.join(ARCHIVE).join("2026-11.json")).unwrap();
    assert!(text.contains("\"as_of\": \"2026-11-30\""), "{text}");
}

#[test]
fn a_month_that_is_not_one_is_refused() {
    let fx = Fixture::sample();
    for month in ["2026-9", "2026-13", "September", "2026-09-01"] {
        let stderr = refused(&fx, &[month], 2);
        assert!(
            stderr.contains(&format!("error: `{month}` is not a month")),
            "{stderr}"
        );
        assert!(stderr.contains("write the month as YYYY-MM"), "{stderr}");
    }
}

#[test]
fn an_unknown_client_is_refused() {
    let fx = Fixture::sample();
    let stderr = refused(&fx, &["2026-09", "--client", "unknown"], 2);
    assert!(
        stderr.contains("error: --client unknown: no such client"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the clients of this portfolio: kestrel-coffee, polyn"),
        "{stderr}"
    );
    // One named is archived alone.
    let run = archive(&fx, &["2026-09", "--client", POLYN]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.root.join(POLYN_09).is_file());
    assert!(!fx.root.join(ARCHIVE).exists());
}

#[test]
fn a_month_without_a_report_is_refused() {
    let fx = Fixture::sample();
    let stderr = refused(&fx, &["2025-12"], 2);
    assert!(
        stderr.contains("error: 2025-12 cannot be archived: it has no report for any client"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("error: 2025-12").count(),
        1,
        "said once: {stderr}"
    );
    assert!(
        stderr.contains("= help: months that can be archived: 2026-03, 2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10\n"),
        "{stderr}"
    );
}

#[test]
fn a_client_whose_reports_begin_later_is_passed_over() {
    // Kestrel's reports begin in March (a seeding cost), Polyn's in April.
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-03"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.root.join(ARCHIVE).join("2026-03.json").is_file());
    assert!(!fx.root.join("clients/polyn/archive").exists());
    assert!(
        run.stderr
            .contains("warning: 2026-03 cannot be archived: it has no report for polyn"),
        "{}",
        run.stderr
    );
    // Named, it is refused.
    let stderr = refused(&fx, &["2026-03", "--client", POLYN, "--force"], 2);
    assert!(
        stderr.contains("error: 2026-03 cannot be archived: it has no report for polyn"),
        "{stderr}"
    );
    assert!(
        stderr.contains("months that can be archived: 2026-04,"),
        "{stderr}"
    );
}

#[test]
fn an_archive_with_an_earlier_report_date_records_it() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09", "--as-of", "2026-09-30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("as of 2026-09-30"), "{}", run.stderr);
    let text = kestrel_09(&fx);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["as_of"], "2026-09-30");
    // Built with the same report date, it matches.
    let out = fx.out();
    let (run, entries) = diagnostics(
        &fx,
        "build",
        &["--output", out.to_str().unwrap(), "--as-of", "2026-09-30"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        entries.iter().all(|e| !e.kind.starts_with("history.")),
        "{entries:#?}"
    );
    assert!(restatements_of(&fx, KESTREL).is_empty());
}

/// Alina Zhukova's partnership starts on 1 October, after a report date of
/// 30 September, with a seeding cost booked on 26 September: the report as
/// of 30 September leaves her out (she was signed to start later), and a
/// later build must compare September with that report date, not with
/// her in it. Nothing in the data changed, so nothing is restated.
#[test]
fn a_partnership_starting_after_the_archives_report_date_restates_nothing() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09", "--as-of", "2026-09-30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sent = kestrel_09(&fx);
    assert!(
        !raw(&sent, "partnerships").contains("alina-zhukova"),
        "not in the report as of 30 September: {sent}"
    );
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");
    assert!(restatements(&fx, KESTREL).is_empty());
}

#[test]
fn a_data_error_writes_no_archive() {
    let fx = Fixture::sample();
    fx.replace(
        &format!("{PARTNERSHIPS}/tyler-brooks.yaml"),
        "market: us\n",
        "market: usa\n",
    );
    let stderr = refused(&fx, &["2026-09"], 1);
    assert!(stderr.contains("tyler-brooks.yaml"), "{stderr}");
    assert!(!fx.root.join(ARCHIVE).exists());
    assert!(!fx.root.join("clients/polyn/archive").exists());
}

#[test]
fn an_existing_archive_refuses_the_whole_run() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09", "--client", KESTREL]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = refused(&fx, &["2026-09"], 2);
    assert!(stderr.contains("already archived"), "{stderr}");
    assert!(!fx.root.join(POLYN_09).exists(), "nothing for polyn either");
}

// ------------------------------------------------------------- report date

#[test]
fn an_archive_after_the_report_date_is_passed_over() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Something October's figures depend on changes, to be sure it is not
    // compared at all.
    fx.append(
        POSTS_10,
        "late-post-3,tyler-brooks,2026-10-20,sponsored,1000,800,50,10,2,100,USD,\n",
    );
    let out = fx.out();
    let (run, entries) = diagnostics(
        &fx,
        "build",
        &["--output", out.to_str().unwrap(), "--as-of", "2026-09-30"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        entries.iter().all(|e| !e.kind.starts_with("history.")),
        "{entries:#?}"
    );
    assert!(restatements_of(&fx, KESTREL).is_empty());
    // With the report date after it, it is compared.
    let items = restatements(&fx, KESTREL);
    assert!(!items.is_empty() && items.iter().all(|r| r["month"] == "2026-10"));
}

#[test]
fn an_unpublished_client_cannot_be_archived() {
    let fx = Fixture::sample();
    fx.append("clients/polyn/client.yaml", "publish: false\n");
    let stderr = refused(&fx, &["2026-09", "--client", POLYN], 2);
    assert!(
        stderr.starts_with("error: no published client `polyn` to archive\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: published clients: kestrel-coffee\n"),
        "{stderr}"
    );
    let run = archive(&fx, &["2026-09", "--client", POLYN, "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let entries = parse(&run.stdout);
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0].kind, "history.no_such_client");
    // Unnamed, it is not archived at all.
    let run = archive(&fx, &["2026-09"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.root.join(KESTREL_09).is_file());
    assert!(!fx.root.join("clients/polyn/archive").exists());
}

#[test]
fn a_broken_archive_is_replaced_with_force() {
    let fx = archived();
    fx.write(KESTREL_09, "<<<<<<< HEAD\n");
    let stderr = refused(&fx, &["2026-09"], 2);
    assert!(stderr.contains("already archived"), "{stderr}");
    let run = archive(&fx, &["2026-09", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("error"),
        "solved by the new file: {}",
        run.stderr
    );
    let kept = fx.root.join(ARCHIVE).join("2026-09.1.json");
    assert_eq!(fs::read_to_string(kept).unwrap(), "<<<<<<< HEAD\n");
    let file: Value = serde_json::from_str(&kestrel_09(&fx)).unwrap();
    assert_eq!(file["month"], "2026-09");
    build(&fx, 0);
}

#[test]
fn a_broken_archive_does_not_stop_archiving_another_month() {
    let fx = archived();
    fx.write(KESTREL_09, "not json");
    let run = archive(&fx, &["2026-08"]);
    // Written, and the broken file said after.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(fx.root.join(ARCHIVE).join("2026-08.json").is_file());
    assert!(fx.root.join("clients/polyn/archive/2026-08.json").is_file());
    assert!(
        run.stderr.contains("error: this archive is not JSON")
            && run.stderr.contains(&format!("--> {KESTREL_09}")),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(fx.root.join(KESTREL_09)).unwrap(),
        "not json"
    );
}

#[test]
fn archive_in_json_prints_only_json_on_stdout() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(parse(&run.stdout).is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains(KESTREL_09), "{}", run.stderr);
    let run = archive(&fx, &["2026-09", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let entries = parse(&run.stdout);
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0].kind, "history.archived");
}
