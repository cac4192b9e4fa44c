//! Integration tests: one binary, a module per feature. Each test copies a
//! fixture into a temporary folder and runs the real `roster` binary on it.

mod ahead;
mod bad_input;
mod browser;
mod cli;
mod common;
mod dialects;
mod extreme_amounts;
mod figures;
mod folders;
mod formats;
mod getting_started;
mod hostile;
mod imports;
mod init;
mod install_step;
mod internal;
mod languages;
mod limits;
mod mapping;
mod money_ahead;
mod month_report;
mod pages;
mod pdf;
mod platform_exports;
mod privacy;
mod publish;
mod published;
mod report_date;
mod serve;
mod serve_guards;
mod settings;
mod shop_exports;
mod site_contents;
mod spreadsheets;
mod workflows;
