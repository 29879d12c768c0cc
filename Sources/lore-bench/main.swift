// Benchmarks of LoreCore in release mode: `lore-bench [diff|merge|search] [runs]`, all by default.
// `lore-bench world` only fills a database (LORE_BENCH_DB, LORE_BENCH_ARTICLES) for the page benchmark.
let arguments = Array(CommandLine.arguments.dropFirst())
let only = arguments.first
let runs = Int(arguments.dropFirst().first ?? "") ?? 20
if only == nil || only == "diff" || only == "merge" {
    DiffBenchmark.run(only: only, runs: runs)
}
if only == "world" {
    try await SearchBenchmark.buildWorld()
}
if only == nil || only == "search" {
    try await SearchBenchmark.run()
}
