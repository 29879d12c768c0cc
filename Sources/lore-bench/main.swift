// Benchmarks of LoreCore in release mode: `lore-bench [diff|merge|search] [runs]`, all by default.
let arguments = Array(CommandLine.arguments.dropFirst())
let only = arguments.first
let runs = Int(arguments.dropFirst().first ?? "") ?? 20
if only == nil || only == "diff" || only == "merge" {
    DiffBenchmark.run(only: only, runs: runs)
}
if only == nil || only == "search" {
    try await SearchBenchmark.run()
}
