//! `banthao`: the command line over the Bản thảo crates, for batch work and tests.
//!
//! Exit codes: 0 done; 2 the input is not a readable document (message on stderr,
//! one line, in Vietnamese); 1 anything else.

mod input;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "banthao", version, about = "Bản thảo: soạn chương trình, kế hoạch thực hiện nghị quyết")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Đọc một văn bản (.txt, .docx) và in cấu trúc của nó.
    Parse {
        /// Tệp cần đọc.
        file: PathBuf,
        /// In mô hình văn bản dạng JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(bad) = e.downcast_ref::<input::BadInput>() {
                eprintln!("{bad}");
                ExitCode::from(2)
            } else {
                eprintln!("Lỗi: {e:#}");
                ExitCode::from(1)
            }
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Parse { file, json } => {
            let doc = input::read_document(&file)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&doc)?);
            } else {
                print!("{}", banthao_core::outline::render(&doc));
            }
        }
    }
    Ok(())
}
