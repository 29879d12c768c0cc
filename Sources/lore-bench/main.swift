import Foundation

// Benchmarks of LoreCore in release mode: `lore-bench [diff|merge|search] [runs]`, all by default.
// `lore-bench search-quality FILE …` scores search on a judged query set (see SearchQuality).
// `lore-bench search-file FILE` times the queries of FILE on LORE_BENCH_DB (see Tests/bench/real-text.sh).
// `lore-bench world` only fills a database (LORE_BENCH_DB, LORE_BENCH_ARTICLES) for the page benchmark.
let arguments = Array(CommandLine.arguments.dropFirst())
let only = arguments.first
if only == "search-quality" {
    exit(try await SearchQuality.run(Array(arguments.dropFirst())) ? 0 : 1)
}
let runs = Int(arguments.dropFirst().first ?? "") ?? 20
if only == nil || only == "diff" || only == "merge" {
    DiffBenchmark.run(only: only, runs: runs)
}
if only == "search-file" {
    exit(try await SearchBenchmark.runFile(arguments.dropFirst().first) ? 0 : 1)
}
if only == "world" {
    try await SearchBenchmark.buildWorld()
}
if only == nil || only == "search" {
    try await SearchBenchmark.run()
}
