//! Throughput of `analyze` on the project's own articles (and on
//! ../shared/eval/dev when it is there), in MB/s, single-threaded.
#![cfg(not(target_family = "wasm"))]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotelight::{analyze, Options};

// The same allocator as the `quotelight` command, so that the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for dir in ["tests/fixtures", "../shared/eval/dev"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            for file in ["source.txt", "text.txt"] {
                if let Ok(text) = std::fs::read_to_string(entry.path().join(file)) {
                    docs.push((entry.file_name().to_string_lossy().into_owned(), text));
                }
            }
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let all: String = docs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("all-articles", |b| {
        b.iter(|| analyze(std::hint::black_box(&all), &Options::default()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
