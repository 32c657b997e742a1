//! The `quotelight` command: analyse articles from files or standard input.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use quotelight::wire::WireAnalysis;
use quotelight::{analyze, Analysis, Kind, OffsetUnit, Options};

// Analysis allocates many small, short-lived strings; mimalloc serves them
// several times faster than the system allocator. (The wasm build of the
// tests compiles this file too, with the default allocator.)
#[cfg(not(target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
quotelight: find every quotation in a news article and who said it

Usage:
  quotelight analyze [FILE...] [--format json|jsonl|text] [--offsets codepoint|utf16|utf8]
  quotelight --help | --version

Reads each FILE (standard input when none is given): the article's plain text,
one paragraph per line.

Formats:
  json   one JSON analysis (an array of {\"file\", ...} with several files);
         offsets count Unicode code points unless --offsets says otherwise
  jsonl  batch mode: every input line is {\"id\": ..., \"text\": ...}; writes one
         line {\"id\": ..., \"quotes\": [...], \"speakers\": [...]} per record, in
         input order, analysing on all cores
  text   who said what, grouped by speaker (the default)
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Text,
}

struct Args {
    files: Vec<String>,
    format: Format,
    unit: OffsetUnit,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        files: Vec::new(),
        format: Format::Text,
        unit: OffsetUnit::CodePoint,
    };
    let mut command = None;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("quotelight {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--format" | "-f" => {
                parsed.format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format {other:?} (json, jsonl or text)")),
                }
            }
            "--jsonl" => parsed.format = Format::Jsonl,
            "--offsets" => {
                parsed.unit = match value("--offsets")?.as_str() {
                    "codepoint" | "codepoints" | "char" => OffsetUnit::CodePoint,
                    "utf16" => OffsetUnit::Utf16,
                    "utf8" | "bytes" => OffsetUnit::Utf8,
                    other => {
                        return Err(format!(
                            "unknown offset unit {other:?} (codepoint, utf16 or utf8)"
                        ))
                    }
                }
            }
            "-" => parsed.files.push(arg),
            f if f.starts_with('-') => return Err(format!("unknown option {f}")),
            _ if command.is_none() => command = Some(arg),
            _ => parsed.files.push(arg),
        }
    }
    match command.as_deref() {
        Some("analyze" | "analyse") => Ok(Some(parsed)),
        Some(other) => Err(format!("unknown command {other:?}")),
        None => Ok(None),
    }
}

/// Reads a file (or stdin for "-") and checks that it is UTF-8 text.
fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{path}: {e}"))?;
    if bytes.contains(&0) {
        return Err(format!("{path}: not a text file (it contains NUL bytes)"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("quotelight: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format {
        Format::Jsonl => run_jsonl(&files, args.unit, &mut out),
        _ => run_documents(&files, &args, &mut out),
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), _) => ExitCode::from(1),
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("quotelight: {e}");
            ExitCode::from(1)
        }
    }
}

/// Analyses whole files; returns Ok(false) when some file could not be read.
fn run_documents(files: &[String], args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let mut results = Vec::new();
    for path in files {
        match read_text(path) {
            Ok(text) => {
                let analysis = analyze(&text, &Options::default());
                match args.format {
                    Format::Text => {
                        if files.len() > 1 {
                            writeln!(out, "== {path}")?;
                        }
                        write_report(&analysis, &text, out)?;
                    }
                    _ => {
                        results.push((path.clone(), WireAnalysis::new(&analysis, &text, args.unit)))
                    }
                }
            }
            Err(e) => {
                eprintln!("quotelight: {e}");
                ok = false;
            }
        }
    }
    if args.format == Format::Json {
        if files.len() == 1 {
            if let Some((_, wire)) = results.first() {
                serde_json::to_writer_pretty(&mut *out, wire)?;
                writeln!(out)?;
            }
        } else {
            let all: Vec<Labelled> = results
                .iter()
                .map(|(file, wire)| Labelled {
                    file: Some(file.as_str()),
                    id: None,
                    analysis: wire,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        }
    }
    Ok(ok)
}

/// An analysis with the file it comes from (several files) or its record's
/// id (batch mode) first, written straight out without an intermediate tree.
#[derive(serde::Serialize)]
struct Labelled<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(flatten)]
    analysis: &'a WireAnalysis,
}

/// Batch mode: `{"id","text"}` lines in, one analysis line out each, in order,
/// analysed on every core a batch at a time so memory stays bounded.
fn run_jsonl(files: &[String], unit: OffsetUnit, out: &mut impl Write) -> io::Result<bool> {
    const BATCH: usize = 512;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut ok = true;
    for path in files {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("quotelight: {path}: {e}");
                    ok = false;
                    continue;
                }
            }
        };
        let mut lines = reader.split(b'\n').enumerate().peekable();
        while lines.peek().is_some() {
            let batch: Vec<(usize, io::Result<Vec<u8>>)> = lines.by_ref().take(BATCH).collect();
            let chunk = batch.len().div_ceil(threads).max(1);
            let results: Vec<Result<String, String>> = std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|(n, line)| record(path, *n, line, unit))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| {
                        h.join()
                            .unwrap_or_else(|_| vec![Err("worker failed".into())])
                    })
                    .collect()
            });
            for r in results {
                match r {
                    Ok(line) if line.is_empty() => {}
                    Ok(line) => writeln!(out, "{line}")?,
                    Err(e) => {
                        eprintln!("quotelight: {e}");
                        ok = false;
                    }
                }
            }
        }
    }
    Ok(ok)
}

fn record(
    path: &str,
    n: usize,
    line: &io::Result<Vec<u8>>,
    unit: OffsetUnit,
) -> Result<String, String> {
    let line = line
        .as_ref()
        .map_err(|e| format!("{path}:{}: {e}", n + 1))?;
    let line = std::str::from_utf8(line)
        .map_err(|_| format!("{path}:{}: not UTF-8", n + 1))?
        .trim();
    if line.is_empty() {
        return Ok(String::new());
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("{path}:{}: not JSON: {e}", n + 1))?;
    let text = value
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or(format!("{path}:{}: no \"text\" string", n + 1))?;
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let analysis = analyze(text, &Options::default());
    let wire = WireAnalysis::new(&analysis, text, unit);
    serde_json::to_string(&Labelled {
        file: None,
        id: Some(&id),
        analysis: &wire,
    })
    .map_err(|e| e.to_string())
}

/// Who said what, grouped by speaker, officials first.
fn write_report(analysis: &Analysis, text: &str, out: &mut impl Write) -> io::Result<()> {
    let speech = |k: Kind| matches!(k, Kind::Direct | Kind::Partial | Kind::Indirect);
    let mut order: Vec<usize> = (0..analysis.speakers.len()).collect();
    order.sort_by_key(|&s| (!analysis.speakers[s].official, s));
    let count = analysis.quotes.iter().filter(|q| speech(q.kind)).count();
    writeln!(
        out,
        "{count} quotations, {} speakers",
        analysis.speakers.len()
    )?;
    for s in order {
        let sp = &analysis.speakers[s];
        let mut about = Vec::new();
        if let Some(r) = &sp.role {
            about.push(r.clone());
        }
        if let Some(a) = &sp.affiliation {
            about.push(a.clone());
        }
        if sp.official {
            about.push("official".into());
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join(", "))
        };
        writeln!(out, "\n{}{about}", sp.name)?;
        for q in analysis.quotes.iter().filter(|q| q.speaker == Some(s)) {
            writeln!(out, "  [{}] {}", q.kind.as_str(), q.span.slice(text))?;
        }
    }
    let unattributed: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.is_none() && speech(q.kind))
        .collect();
    if !unattributed.is_empty() {
        writeln!(out, "\nUnattributed")?;
        for q in unattributed {
            writeln!(out, "  [{}] {}", q.kind.as_str(), q.span.slice(text))?;
        }
    }
    let other: Vec<_> = analysis.quotes.iter().filter(|q| !speech(q.kind)).collect();
    if !other.is_empty() {
        writeln!(out, "\nScare quotes and titles")?;
        for q in other {
            writeln!(out, "  [{}] {}", q.kind.as_str(), q.span.slice(text))?;
        }
    }
    Ok(())
}
