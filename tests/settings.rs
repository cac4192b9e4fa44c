//! roster.yaml's settings checked where they are written: counts of days
//! within the range each one reads, and a `base_url` that would publish a
//! user name or password refused without being quoted back.

use crate::bad_input::{Edit, ROSTER, base, check};

#[test]
fn days_settings_out_of_their_range_are_errors_at_the_value() {
    let fx = base();
    fx.append(ROSTER, "ramp_up_days: 4000000000\nrepeat_window_days: 0\n");
    check(
        &fx,
        1,
        &[
            (
                "error: `ramp_up_days` of 4000000000 days is out of range",
                "roster.yaml:7:15",
                "write a number of days from 0 to 365",
            ),
            (
                "error: `repeat_window_days` of 0 days is out of range",
                "roster.yaml:8:21",
                "write a number of days from 1 to 730",
            ),
        ],
    );
}

#[test]
fn days_settings_at_the_ends_of_their_range_are_read() {
    let fx = base();
    fx.append(ROSTER, "ramp_up_days: 365\nrepeat_window_days: 730\n");
    check(&fx, 0, &[]);
    let fx = base();
    fx.append(ROSTER, "ramp_up_days: 0\nrepeat_window_days: 1\n");
    check(&fx, 0, &[]);
}

#[test]
fn a_base_url_with_credentials_is_refused_and_never_quoted() {
    for url in [
        "https://user:s3cret@reports.example.com/",
        "https://s3cret@reports.example.com",
    ] {
        let fx = base();
        fx.append(ROSTER, &format!("base_url: \"{url}\"\n"));
        let run = check(
            &fx,
            1,
            &[(
                "error: base_url carries a user name or password, which would be published",
                "roster.yaml:7",
                "remove the user name and password (the part up to @): the address is published on every page, and a site that needs a login gets it from the server, not from its links",
            )],
        );
        // Neither the message, nor the help, nor the line (named, not
        // quoted), nor the machine formats repeat it.
        assert!(!run.stderr.contains("s3cret"), "{}", run.stderr);
        for format in ["json", "github"] {
            let machine = fx.roster(&["check", ".", "--format", format]);
            assert!(!machine.stdout.contains("s3cret"), "{}", machine.stdout);
            assert!(!machine.stderr.contains("s3cret"), "{}", machine.stderr);
        }
        let build = fx.build();
        assert_eq!(build.code, 1, "{}", build.stderr);
        assert!(!fx.out().exists(), "a refused base_url publishes nothing");
    }
}

#[test]
fn a_base_url_with_an_at_sign_in_its_path_is_published() {
    let fx = base();
    fx.append(
        ROSTER,
        "base_url: \"https://reports.example.com/team@agency/\"\n",
    );
    check(&fx, 0, &[]);
}
