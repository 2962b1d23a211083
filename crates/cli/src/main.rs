//! `banthao`: the command line over the Bản thảo crates, for batch work and tests.
//!
//! Exit codes: 0 done; 2 the input is not a readable document or the request cannot
//! be met (message on stderr, one line, in Vietnamese); 1 anything else.

mod check;
mod clock;
mod coverage;
mod input;
mod output;
mod paths;
mod report;
mod review;
mod suggest;
mod tasks;

use anyhow::Result;
use banthao_core::compare::{self, DiffOptions};
use banthao_core::profile::FormatProfile;
use banthao_core::scaffold::{
    self, DraftRequest, DraftType, IssuerKind, ParentTemplate, Presets, ScaffoldRequest,
};
use banthao_core::style::{Depth, ScaffoldOptions, ScaffoldStyle};
use clap::{Parser, Subcommand};
use input::UserError;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "banthao", version, about = "Bản thảo: soạn chương trình, kế hoạch thực hiện nghị quyết")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
// Each subcommand's arguments are built only when it runs (a run starts sooner).
#[command(defer = true)]
enum Command {
    /// Đọc một văn bản (.txt, .docx) và in cấu trúc của nó.
    Parse {
        /// Tệp cần đọc.
        file: PathBuf,
        /// In mô hình văn bản dạng JSON.
        #[arg(long)]
        json: bool,
        /// Cách đọc các thay đổi được theo dõi chưa xử lý (.docx): accept hoặc reject.
        #[arg(long, value_enum, default_value = "accept")]
        changes: review::ChangesArg,
    },
    /// Đọc các bản góp ý (.docx có ý kiến, thay đổi được theo dõi) và gắn vào dự thảo.
    Review {
        /// Các bản góp ý .docx.
        #[arg(required = true)]
        copies: Vec<PathBuf>,
        /// Dự thảo hiện tại (.json, .docx, .txt); mặc định: chính bản góp ý.
        #[arg(long)]
        against: Option<PathBuf>,
        /// Tên cơ quan góp ý (khi người sửa trong tệp là cá nhân).
        #[arg(long)]
        reviewer: Option<String>,
        /// In danh sách ý kiến dạng JSON.
        #[arg(long)]
        json: bool,
        /// Ghi báo cáo tổng hợp, tiếp thu, giải trình ra tệp .docx.
        #[arg(long)]
        docx: Option<PathBuf>,
        /// Số cơ quan được xin ý kiến (mặc định: số bản góp ý).
        #[arg(long)]
        asked: Option<usize>,
    },
    /// Tạo khung dự thảo từ văn bản cấp trên (nghị quyết có sẵn hoặc một tệp).
    Scaffold {
        /// Văn bản cấp trên: số nghị quyết có sẵn (45-NQ/TW) hoặc đường dẫn tệp .txt, .docx, .json.
        #[arg(long)]
        parent: String,
        /// Tỉnh, thành phố ban hành.
        #[arg(long)]
        province: String,
        /// Cơ quan ban hành: tinh-uy, ban-thuong-vu hoặc ubnd.
        #[arg(long)]
        issuer: String,
        /// Loại văn bản: CTr, KH hoặc CTrHĐ.
        #[arg(long = "type")]
        doc_type: String,
        /// Năm ban hành.
        #[arg(long)]
        year: u16,
        /// Ngày dùng để chọn tên gọi đơn vị, cơ quan (YYYY-MM-DD); mặc định theo năm.
        #[arg(long)]
        date: Option<String>,
        /// Họ tên người ký.
        #[arg(long)]
        signer: Option<String>,
        /// Chức vụ người ký (BÍ THƯ, PHÓ BÍ THƯ, CHỦ TỊCH, PHÓ CHỦ TỊCH …).
        #[arg(long)]
        signer_title: Option<String>,
        /// Bố cục: nghi-quyet (theo bố cục nghị quyết, mặc định) hoặc ke-hoach.
        #[arg(long, default_value = "nghi-quyet")]
        style: String,
        /// Độ sâu: nhom (các nhóm nhiệm vụ, mặc định) hoặc muc-con (cả các mục con).
        #[arg(long, default_value = "nhom")]
        depth: String,
        /// Tệp JSON kết quả.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Bản đồ triển khai: mục nào của văn bản cấp trên được mỗi văn bản triển khai ở đâu.
    Coverage {
        /// Văn bản cấp trên: số nghị quyết có sẵn (45-NQ/TW) hoặc đường dẫn tệp.
        #[arg(long)]
        parent: String,
        /// Các văn bản triển khai.
        #[arg(required = true)]
        docs: Vec<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
        /// Ghi bảng HTML vào tệp này.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
    },
    /// Xuất văn bản ra .docx theo thể thức (Đảng hoặc Nhà nước).
    Export {
        /// Bản thảo (.json) hoặc văn bản bất kỳ mà lệnh parse đọc được.
        input: PathBuf,
        /// Tệp .docx kết quả.
        #[arg(short, long)]
        output: PathBuf,
        /// Thể thức: party, state, hoặc đường dẫn tệp thể thức .json; mặc định theo loại văn bản.
        #[arg(long)]
        profile: Option<String>,
    },
    /// Ghép các mục của hai văn bản theo nội dung (không theo số thứ tự).
    Align {
        a: PathBuf,
        b: PathBuf,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// So sánh hai văn bản theo từng mục, từng chữ.
    Diff {
        a: PathBuf,
        b: PathBuf,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
        /// Ghi báo cáo HTML (hai cột) vào tệp này.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
        /// Ghi bản .docx có đánh dấu thay đổi (Track Changes) vào tệp này.
        #[arg(long, value_name = "OUT")]
        docx: Option<PathBuf>,
        #[command(flatten)]
        ignore: IgnoreArgs,
    },
    /// Kho văn bản của các tỉnh (dùng để đối chiếu và gợi ý).
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
        /// Tệp cơ sở dữ liệu (mặc định: biến BANTHAO_DB, hoặc thư mục dữ liệu của người dùng).
        #[arg(long, global = true)]
        db: Option<PathBuf>,
    },
    /// Câu mẫu do người dùng tự soạn (nằm cạnh các câu khai thác từ kho).
    Clause {
        #[command(subcommand)]
        command: ClauseCommand,
        /// Tệp cơ sở dữ liệu (mặc định: biến BANTHAO_DB, hoặc thư mục dữ liệu của người dùng).
        #[arg(long, global = true)]
        db: Option<PathBuf>,
    },
    /// Gợi ý các câu, đoạn mà các tỉnh khác đã viết cho một mục.
    Suggest {
        /// Tiêu đề mục đang soạn, hoặc mã mục của văn bản cấp trên (45-NQ/TW#III.3).
        #[arg(long, required_unless_present = "draft")]
        section: Option<String>,
        /// Dự thảo (.json): gợi ý theo chuỗi văn bản cấp trên của mục --path, thêm câu
        /// chung (mục đích, yêu cầu; tổ chức thực hiện…) từ chương trình thực hiện nghị quyết khác.
        #[arg(long, requires = "path", conflicts_with = "section")]
        draft: Option<PathBuf>,
        /// Mục của dự thảo (III.3).
        #[arg(long, requires = "draft")]
        path: Option<String>,
        /// Những chữ đã gõ (không cần dấu: "tri thuc tre").
        #[arg(long)]
        text: Option<String>,
        /// Tỉnh, thành phố của dự thảo: điền vào chỗ {tỉnh}, {Tỉnh ủy}.
        #[arg(long)]
        province: Option<String>,
        /// Số gợi ý tối đa.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
        /// Tệp cơ sở dữ liệu (mặc định: biến BANTHAO_DB, hoặc thư mục dữ liệu của người dùng).
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Đối chiếu một dự thảo với nhiều văn bản khác: mục nào đã có, còn thiếu gì.
    Compare {
        draft: PathBuf,
        #[arg(required = true)]
        others: Vec<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
        /// Ghi báo cáo HTML vào tệp này.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
        #[command(flatten)]
        ignore: IgnoreArgs,
    },
    /// Kiểm tra dự thảo: trích dẫn, tên gọi theo ngày, số thứ tự, chính tả, lặp, nội dung.
    Check {
        /// Dự thảo (.json) hoặc văn bản bất kỳ mà lệnh parse đọc được.
        file: PathBuf,
        /// Ngày dùng để xét tên gọi cơ quan, địa danh (YYYY-MM-DD); mặc định theo ngày của văn bản.
        #[arg(long)]
        date: Option<String>,
        /// Văn bản cấp trên (để tính phần chép nguyên văn của từng mục).
        #[arg(long)]
        parent: Option<PathBuf>,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bảng phân công nhiệm vụ: nhiệm vụ, cơ quan chủ trì, phối hợp, thời gian, sản phẩm.
    Tasks {
        /// Dự thảo (.json) hoặc văn bản bất kỳ mà lệnh parse đọc được.
        file: PathBuf,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
        /// In kết quả dạng CSV.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Ghi phụ lục «Phân công nhiệm vụ» (.docx, trang ngang) vào tệp này.
        #[arg(long, value_name = "OUT")]
        docx: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CorpusCommand {
    /// Thêm văn bản vào kho (một tệp đã có thì bỏ qua).
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Liệt kê các văn bản trong kho.
    List {
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Xóa một văn bản khỏi kho.
    Remove { id: i64 },
}

#[derive(Subcommand)]
enum ClauseCommand {
    /// Thêm một câu mẫu cho một mục (có thể dùng {tỉnh}, {Tỉnh ủy}).
    Add {
        /// Tiêu đề mục, hoặc mã mục của văn bản cấp trên (45-NQ/TW#III.3).
        #[arg(long)]
        section: String,
        /// Nội dung câu mẫu.
        #[arg(long)]
        text: String,
    },
    /// Xóa một câu mẫu do người dùng soạn.
    Remove { id: i64 },
}

#[derive(clap::Args)]
struct IgnoreArgs {
    /// Bỏ qua số thứ tự, dấu gạch đầu dòng ở đầu đoạn.
    #[arg(long)]
    ignore_labels: bool,
    /// Bỏ qua khác biệt về khoảng trắng.
    #[arg(long)]
    ignore_whitespace: bool,
    /// Coi thay đổi chỉ về dấu câu là không đổi.
    #[arg(long)]
    ignore_punctuation: bool,
}

impl IgnoreArgs {
    fn options(&self) -> DiffOptions {
        DiffOptions {
            ignore_labels: self.ignore_labels,
            ignore_whitespace: self.ignore_whitespace,
            ignore_punctuation: self.ignore_punctuation,
        }
    }
}

fn main() -> ExitCode {
    // Like other command-line tools, stop quietly when the reader of the output has
    // gone (`banthao check … | head`) instead of panicking on the broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.downcast_ref::<check::HasErrors>().is_some() {
                ExitCode::from(1)
            } else if let Some(bad) = e.downcast_ref::<input::BadInput>() {
                eprintln!("{bad}");
                ExitCode::from(2)
            } else if let Some(user) = e.downcast_ref::<UserError>() {
                eprintln!("{user}");
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
        Command::Review { copies, against, reviewer, json, docx, asked } => {
            review::run(review::ReviewArgs { copies, against, reviewer, json, docx, asked })?
        }
        Command::Parse { file, json, changes } => {
            let doc = review::read_for_parse(&file, changes)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&doc)?);
            } else {
                print!("{}", banthao_core::outline::render(&doc));
            }
        }
        Command::Scaffold {
            parent,
            province,
            issuer,
            doc_type,
            year,
            date,
            signer,
            signer_title,
            style,
            depth,
            output,
        } => {
            let opts = ScaffoldOptions {
                style: ScaffoldStyle::builtin(&style)
                    .ok_or_else(|| UserError(format!("Bố cục «{style}» không có (nghi-quyet, ke-hoach).")))?,
                depth: Depth::parse(&depth)
                    .ok_or_else(|| UserError(format!("Độ sâu «{depth}» không hợp lệ (nhom, muc-con).")))?,
            };
            let user = |e: scaffold::ScaffoldError| UserError(e.to_string());
            let form = DraftRequest {
                province,
                issuer: IssuerKind::parse(&issuer).map_err(user)?,
                doc_type: DraftType::parse(&doc_type).map_err(user)?,
                year,
                date,
                signer,
                signer_title,
            };
            let req = ScaffoldRequest::new(form, &clock::today()).map_err(user)?;
            let parent = read_parent(&parent)?;
            let places = banthao_core::builtin_places();
            let doc = scaffold::scaffold_with(&parent, &req, &Presets::builtin(), places, &opts)
                .map_err(|e| UserError(e.to_string()))?;
            output::write_atomic(&output, serde_json::to_string_pretty(&doc)?.as_bytes())?;
        }
        Command::Coverage { parent, docs, json, html } => {
            coverage::run(&read_parent(&parent)?, &docs, json, html.as_deref())?
        }
        Command::Export { input, output, profile } => {
            let doc = input::read_draft_or_document(&input)?;
            let profile = match profile {
                None => FormatProfile::for_kind(doc.kind),
                Some(p) => read_profile(&p)?,
            };
            let opts = banthao_docx::ExportOptions { created: clock::now_iso(), author: None };
            let bytes = banthao_docx::write_docx(&doc, &profile, &opts);
            output::write_atomic(&output, &bytes)?;
        }
        Command::Align { a, b, json } => {
            let (da, db) = read_pair(&a, &b)?;
            let al = compare::align(&da, &db);
            if json {
                println!("{}", serde_json::to_string_pretty(&al)?);
            } else {
                print!("{}", report::alignment_text(&al));
            }
        }
        Command::Diff { a, b, json, html, docx, ignore } => {
            let (da, db) = read_pair(&a, &b)?;
            let c = compare::compare(&da, &db, &ignore.options());
            if let Some(out) = html {
                let page = report::diff_html(&c, &a.display().to_string(), &b.display().to_string());
                output::write_atomic(&out, page.as_bytes())?;
            }
            if let Some(out) = docx {
                let profile = FormatProfile::for_kind(db.kind);
                let opts =
                    banthao_docx::RedlineOptions { author: "Bản thảo".into(), date: clock::now_iso() };
                output::write_atomic(&out, &banthao_docx::write_redline(&da, &db, &profile, &opts))?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&c)?);
            } else {
                use std::io::IsTerminal;
                print!("{}", report::diff_text(&c, std::io::stdout().is_terminal()));
            }
        }
        Command::Check { file, date, parent, json } => check::run(&file, date, parent.as_deref(), json)?,
        Command::Tasks { file, json, csv, docx } => tasks::run(&file, json, csv, docx.as_deref())?,
        Command::Corpus { command, db } => corpus(command, &paths::database(db))?,
        Command::Clause { command, db } => {
            let user = |e: banthao_store::StoreError| UserError(e.to_string());
            let mut store = banthao_store::Store::open(&paths::database(db)).map_err(user)?;
            match command {
                ClauseCommand::Add { section, text } => {
                    if !text.chars().any(char::is_alphanumeric) {
                        return Err(UserError("Câu mẫu trống.".into()).into());
                    }
                    let parent = parent_section_of(&section);
                    let id = store.add_curated(parent.as_deref(), &text, &clock::now_iso()).map_err(user)?;
                    println!("Đã thêm câu mẫu #{id} cho mục {}.", parent.as_deref().unwrap_or(&section));
                }
                ClauseCommand::Remove { id } => {
                    if !store.remove_curated(id).map_err(user)? {
                        return Err(UserError(format!("Không có câu mẫu #{id} do người dùng soạn.")).into());
                    }
                    println!("Đã xóa câu mẫu #{id}.");
                }
            }
        }
        Command::Suggest { section, draft, path, text, province, limit, json, db } => {
            let (text, province, db) = (text.as_deref(), province.as_deref(), paths::database(db));
            match (draft, path) {
                (Some(d), Some(p)) => suggest::by_draft(&d, &p, text, province, limit, json, &db)?,
                _ => suggest::by_section(section.as_deref().unwrap_or(""), text, province, limit, json, &db)?,
            }
        }
        Command::Compare { draft, others, json, html, ignore } => {
            let d = input::read_draft_or_document(&draft)?;
            let docs = others.iter().map(|p| input::read_draft_or_document(p)).collect::<Result<Vec<_>>>()?;
            let names: Vec<String> = others
                .iter()
                .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
                .collect();
            let cov = compare::coverage(&d, &docs, &ignore.options());
            if let Some(out) = html {
                output::write_atomic(
                    &out,
                    report::coverage_html(&cov, &draft.display().to_string(), &names).as_bytes(),
                )?;
            }
            if json {
                let v = serde_json::json!({"documents": names, "sections": cov.sections});
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                print!("{}", report::coverage_text(&cov, &names));
            }
        }
    }
    Ok(())
}

/// The parent section a heading stands for (`45-NQ/TW#III.3`), among the built-in parents.
fn parent_section_of(heading: &str) -> Option<String> {
    scaffold::parent_section_of(heading, &ParentTemplate::builtins())
}

fn corpus(command: CorpusCommand, db: &Path) -> Result<()> {
    let user = |e: banthao_store::StoreError| UserError(e.to_string());
    let mut store = banthao_store::Store::open(db).map_err(user)?;
    match command {
        CorpusCommand::Add { files } => {
            let mut failed = 0;
            for f in &files {
                // A file that cannot be read is reported and leaves the store as it was.
                let read = input::read_file(f);
                match read {
                    Ok((bytes, doc)) => {
                        let name = f.file_name().unwrap_or_default().to_string_lossy();
                        match store.add_document(&name, &bytes, &doc, &clock::now_iso()).map_err(user)? {
                            banthao_store::Added::New(id) => println!("Đã thêm #{id}: {}", f.display()),
                            banthao_store::Added::Existing(id) => {
                                println!("Đã có trong kho (#{id}): {}", f.display())
                            }
                        }
                        for note in banthao_import::notes(&doc) {
                            println!("  {note}");
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        eprintln!("{e}");
                    }
                }
            }
            if failed > 0 {
                return Err(
                    UserError(format!("{failed}/{} tệp không thêm được vào kho.", files.len())).into()
                );
            }
        }
        CorpusCommand::List { json } => {
            let list = store.list().map_err(user)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                println!("Kho chưa có văn bản nào.");
            } else {
                for e in list {
                    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".into());
                    println!(
                        "#{:<4} {:<40} {} · {} · {} · thực hiện {}",
                        e.id,
                        e.file_name,
                        opt(&e.province),
                        opt(&e.doc_type),
                        e.year.map_or("—".into(), |y| y.to_string()),
                        opt(&e.parent)
                    );
                }
            }
        }
        CorpusCommand::Remove { id } => {
            if !store.remove(id, &clock::now_iso()).map_err(user)? {
                return Err(UserError(format!("Không có văn bản #{id} trong kho.")).into());
            }
            println!("Đã xóa #{id}.");
        }
    }
    Ok(())
}

/// Reads two documents at once (two cores: half the wait).
fn read_pair(a: &Path, b: &Path) -> Result<(banthao_core::Document, banthao_core::Document)> {
    // Small files are read in turn: starting a thread costs more than it saves.
    let small = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.len() <= 512 * 1024);
    if small(a) && small(b) {
        return Ok((input::read_draft_or_document(a)?, input::read_draft_or_document(b)?));
    }
    std::thread::scope(|s| {
        let hb = s.spawn(|| input::read_draft_or_document(b));
        let da = input::read_draft_or_document(a);
        let db = hb.join().map_err(|_| anyhow::anyhow!("đọc tệp thất bại"))?;
        Ok((da?, db?))
    })
}

/// A built-in resolution (`45-NQ/TW`), a scaffold file (.json) or a document to mirror.
fn read_parent(arg: &str) -> Result<ParentTemplate> {
    if let Some(p) = ParentTemplate::builtin(arg) {
        return Ok(p);
    }
    let path = Path::new(arg);
    if !path.exists() {
        return Err(UserError(format!(
            "Không có văn bản cấp trên «{arg}»: hãy nêu nghị quyết có sẵn (45-NQ/TW) hoặc đường dẫn tệp."
        ))
        .into());
    }
    if input::has_ext(path, "json") {
        let text = std::fs::read_to_string(path)?;
        return ParentTemplate::from_json(&text).map_err(|e| UserError(e.to_string()).into());
    }
    Ok(ParentTemplate::from_document(&input::read_document(path)?))
}

fn read_profile(arg: &str) -> Result<FormatProfile> {
    if matches!(arg, "party" | "state") {
        return Ok(FormatProfile::builtin(arg).map_err(|e| UserError(e.to_string()))?);
    }
    let path = Path::new(arg);
    let text = std::fs::read_to_string(path).map_err(|_| {
        UserError(format!("Không có thể thức «{arg}»: dùng party, state hoặc đường dẫn tệp thể thức .json."))
    })?;
    Ok(FormatProfile::from_json(&text).map_err(|e| UserError(e.to_string()))?)
}
