//! Throughput of `analyze`, single-threaded, in bytes per second: on the
//! dev articles of ../shared/eval/dev when they are there (the figure the
//! speed target is stated for) and on the project's own articles. Each
//! article is analysed on its own, as a page is: one iteration analyses
//! every article of the set in turn. For comparison, the dev articles are
//! also analysed joined into one text (one long "article", whose speakers
//! and pronouns reach across the others).
#![cfg(not(target_family = "wasm"))]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotelight::{analyze, Options};

// The same allocator as the `quotelight` command, so that the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The texts of one folder of article folders (`source.txt` in the
/// project's fixtures, `text.txt` in the evaluation sets), in name order.
fn articles(dir: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.path());
    entries
        .iter()
        .flat_map(|entry| ["source.txt", "text.txt"].map(|file| entry.path().join(file)))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let dev = articles("../shared/eval/dev");
    let own = articles("tests/fixtures");
    if dev.is_empty() {
        eprintln!("../shared/eval/dev is not there: benchmarking the project's own articles only");
    }
    let joined = vec![dev.join("\n\n")];
    let sets = [
        ("dev-articles", &dev),
        ("own-fixtures", &own),
        ("dev-articles-joined", &joined),
    ];
    let mut group = c.benchmark_group("analyze");
    for (name, articles) in sets {
        let bytes: usize = articles.iter().map(String::len).sum();
        if bytes == 0 {
            continue;
        }
        // Decimal megabytes, the unit the speed target is stated in.
        group.throughput(Throughput::BytesDecimal(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for text in articles {
                    std::hint::black_box(analyze(std::hint::black_box(text), &Options::default()));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
