//! docs/getting-started.md, run as written, so that the walk a new user
//! follows cannot drift from the tool.
//!
//! The page is read block by block, in order, in one temporary folder:
//!
//! - a `sh` block whose every line is a `roster`, `cd` or `rm` command is
//!   run, line by line (`roster serve`, which runs until stopped, is left
//!   out: its own tests are in serve.rs); other `sh` blocks (installing,
//!   git) are not;
//! - the `text` block right after it is what those commands print, stderr
//!   then stdout of each, as a terminal shows them; times (`in 0.34 s`)
//!   are compared as `in … s`;
//! - a `yaml`, `csv` or `md` block right after a line ending in
//!   `` `PATH`: `` is saved at PATH, as the page asks the reader to.

use std::path::{Path, PathBuf};

use crate::common::run;

/// The page.
const PAGE: &str = include_str!("../docs/getting-started.md");

/// One fenced block of the page.
#[derive(Debug)]
struct Block {
    /// The info string: `sh`, `text`, `yaml`, ...
    info: String,
    /// The lines between the fences.
    body: String,
    /// The last line of prose before it, when prose comes right before it.
    after: Option<String>,
    /// The line of the page its opening fence is on.
    line: usize,
}

/// The page's fenced blocks, in order.
fn blocks(page: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut prose: Option<String> = None;
    let mut lines = page.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let trimmed = line.trim_start();
        let Some(info) = trimmed.strip_prefix("```") else {
            match trimmed.is_empty() {
                true => {}
                false => prose = Some(trimmed.to_string()),
            }
            continue;
        };
        let indent = line.len() - trimmed.len();
        let mut body = String::new();
        for (_, inner) in lines.by_ref() {
            if inner.trim_start().starts_with("```") {
                break;
            }
            body.push_str(inner.get(indent..).unwrap_or(inner.trim_start()));
            body.push('\n');
        }
        blocks.push(Block {
            info: info.trim().to_string(),
            body,
            after: prose.take(),
            line: n + 1,
        });
    }
    blocks
}

/// The path a block is to be saved at: the line before it ends in
/// `` `PATH`: ``.
fn saved_as(block: &Block) -> Option<&str> {
    let prose = block.after.as_deref()?.strip_suffix("`:")?;
    Some(&prose[prose.rfind('`')? + 1..])
}

/// Whether a `sh` block is one the test runs.
fn runnable(block: &Block) -> bool {
    block.info == "sh"
        && block
            .body
            .lines()
            .all(|l| ["roster ", "cd ", "rm "].iter().any(|c| l.starts_with(c)))
}

/// Times as the page writes them, whatever they were: `in 0.34 s` and
/// `in 85 ms` become `in … s`.
fn timeless(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" in ") {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at + 4..];
        let digits = rest.find(|c: char| !c.is_ascii_digit() && c != '.');
        if let Some(end) = digits.filter(|&e| e > 0)
            && let Some(tail) = [" s", " ms"].iter().find(|u| rest[end..].starts_with(**u))
        {
            out.push_str("… s");
            rest = &rest[end + tail.len()..];
        }
    }
    out.push_str(rest);
    out
}

/// Run one command line of the page in `cwd`: what it printed, as the page
/// shows it.
fn command(cwd: &mut PathBuf, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["cd", dir] => {
            *cwd = cwd.join(dir);
            assert!(cwd.is_dir(), "cd {dir}: no such folder");
            String::new()
        }
        ["rm", file] => {
            std::fs::remove_file(cwd.join(file)).unwrap_or_else(|e| panic!("rm {file}: {e}"));
            String::new()
        }
        ["roster", args @ ..] => {
            let ran = run(cwd, args);
            assert_eq!(ran.code, 0, "{line}:\n{}{}", ran.stderr, ran.stdout);
            format!("{}{}", ran.stderr, ran.stdout)
        }
        _ => panic!("the test does not know how to run {line}"),
    }
}

/// Save a block at `rel` below `cwd`.
fn save(cwd: &Path, rel: &str, body: &str) {
    let path = cwd.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
}

#[test]
fn the_getting_started_steps_print_what_the_page_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cwd = tmp.path().to_path_buf();
    let blocks = blocks(PAGE);
    let mut ran: Vec<String> = Vec::new();
    let mut said: Option<(usize, String)> = None;
    for block in &blocks {
        if block.info == "text"
            && block.after.is_none()
            && let Some((line, got)) = said.take()
        {
            assert_eq!(
                timeless(&block.body),
                timeless(&got),
                "docs/getting-started.md, the output below the commands on line {line}"
            );
            continue;
        }
        said = None;
        if let Some(rel) = saved_as(block).filter(|_| ["yaml", "csv", "md"].contains(&&*block.info))
        {
            save(&cwd, rel, &block.body);
        } else if runnable(block) {
            let mut got = String::new();
            for line in block.body.lines() {
                if line.starts_with("roster serve") {
                    continue;
                }
                got.push_str(&command(&mut cwd, line));
                ran.push(line.to_string());
            }
            said = Some((block.line, got));
        }
    }
    // The walk the page promises, all of it run.
    for step in [
        "roster init ",
        "roster check",
        "roster build",
        "roster init --bare ",
        "roster import ",
    ] {
        assert!(
            ran.iter().any(|r| r.starts_with(step)),
            "no `{step}` was run: {ran:?}"
        );
    }
}

#[test]
fn times_are_compared_as_any_time() {
    assert_eq!(
        timeless(
            "built 2 clients, 36 pages into public in 0.34 s\nrebuilt polyn, 14 pages in 85 ms\n"
        ),
        "built 2 clients, 36 pages into public in … s\nrebuilt polyn, 14 pages in … s\n"
    );
    assert_eq!(
        timeless("created a portfolio in p (7 files)"),
        "created a portfolio in p (7 files)"
    );
}

#[test]
fn a_block_is_saved_where_the_line_before_it_says() {
    let page = "Save it as `clients/c/partnerships/a.yaml`:\n\n```yaml\nmarket: us\n```\n\n```sh\nroster check\n```\n";
    let found = blocks(page);
    assert_eq!(saved_as(&found[0]), Some("clients/c/partnerships/a.yaml"));
    assert_eq!(found[0].body, "market: us\n");
    assert_eq!(saved_as(&found[1]), None);
    assert!(runnable(&found[1]));
}
