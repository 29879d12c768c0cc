import Foundation
import LoreCore

/// 100,000 articles of about 2 KB, a quarter of them Russian, in 220 categories, some
/// restricted; then the index build time, the database size, and the latency of typical
/// searches and suggestions for an administrator and for someone who reads a tenth of it.
/// `LORE_BENCH_ARTICLES` sets another count.
enum SearchBenchmark {
    static let articleCount = Int(ProcessInfo.processInfo.environment["LORE_BENCH_ARTICLES"] ?? "") ?? 100_000
    /// Queries of each kind, for each reader; `LORE_BENCH_QUERIES` sets fewer for a quick look.
    static let queryCount = Int(ProcessInfo.processInfo.environment["LORE_BENCH_QUERIES"] ?? "") ?? 200
    /// LORE_BENCH_SLOWEST=1 prints each kind's five slowest queries, to see what the tail is made of.
    static let showSlowest = ProcessInfo.processInfo.environment["LORE_BENCH_SLOWEST"] != nil
    static let topLevel = 20
    static let childrenEach = 10

    static func run() async throws {
        // On a RAM disk where there is one: the figures are about the index, not the disk.
        // LORE_BENCH_DB keeps the database there and, when it is already filled, only queries
        // it again: for trying a change to searching without writing 100,000 articles anew.
        let kept = ProcessInfo.processInfo.environment["LORE_BENCH_DB"]
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = URL(fileURLWithPath: base).appendingPathComponent("lore-bench-\(ProcessInfo.processInfo.processIdentifier)")
        let path = kept ?? folder.appendingPathComponent("lore.sqlite").path
        let reuse = kept.map { FileManager.default.fileExists(atPath: $0) } ?? false
        if kept == nil { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = try AppDatabase.open(path: path)
        let (admin, reader) = reuse ? try await World.existing(database) : try await World.build(database)
        var vocabulary = Vocabulary(seed: 7)
        if !reuse { try await write(database, admin, path: path, vocabulary: &vocabulary) }

        let search = SearchService(database: database)
        header("\(queryCount) queries")
        let only = ProcessInfo.processInfo.environment["LORE_BENCH_KINDS"]
        for kind in QueryKind.allCases where only.map({ kind.rawValue.hasPrefix($0) }) ?? true {
            let queries = (0..<queryCount).map { vocabulary.query(kind, seed: UInt64($0)) }
            for (who, principal) in [("admin", admin), ("tenth", reader)] {
                try await time(queries, kind.rawValue, who, suggesting: kind == .suggestion, search, principal)
            }
        }
    }

    /// `lore-bench search-file FILE`: each line of FILE searched three times, for the users named
    /// admin and reader of the database at LORE_BENCH_DB (see Tests/bench/real-text.sh): real
    /// queries on real text, where the generated vocabulary has words of no language.
    /// False, said why, when there is no file or LORE_BENCH_DB names no database.
    static func runFile(_ file: String?) async throws -> Bool {
        guard let file else {
            say("usage: LORE_BENCH_DB=PATH lore-bench search-file FILE")
            return false
        }
        guard let path = ProcessInfo.processInfo.environment["LORE_BENCH_DB"], FileManager.default.fileExists(atPath: path) else {
            say("LORE_BENCH_DB must name a filled database")
            return false
        }
        let queries = try String(contentsOfFile: file, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let database = try AppDatabase.open(path: path)
        let (admin, reader) = try await World.existing(database)
        let search = SearchService(database: database)
        header("\(queries.count) queries × 3")
        for (who, principal) in [("admin", admin), ("reader", reader)] {
            try await time(Array(repeating: queries, count: 3).flatMap { $0 }, "from the file", who, suggesting: false, search, principal)
        }
        return true
    }

    /// The heads of the columns ``time(_:_:_:suggesting:_:_:)`` prints, with what was timed.
    private static func header(_ timed: String) {
        say("query kind".padding(toLength: 22, withPad: " ", startingAt: 0)
              + "who".padding(toLength: 8, withPad: " ", startingAt: 0) + "  p50       p95       p99   (\(timed), mean hits)")
    }

    /// Times each query and prints one line of percentiles (and, with LORE_BENCH_SLOWEST, the slowest five).
    private static func time(_ queries: [String], _ label: String, _ who: String, suggesting: Bool,
                             _ search: SearchService, _ principal: Principal) async throws {
        let clock = ContinuousClock()
        var samples: [Double] = []
        var slowest: [(ms: Double, text: String)] = []
        var hits = 0
        for text in queries {
            let start = clock.now
            if suggesting {
                if let expression = SearchQuery.prefixExpression(text) {
                    hits += try await search.suggest(expression, for: principal).count
                }
            } else {
                hits += try await search.search(SearchQuery(text), for: principal).total
            }
            samples.append(milliseconds(clock.now - start))
            slowest.append((samples[samples.count - 1], text))
        }
        samples.sort()
        let percentile = { (p: Double) in samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        say(label.padding(toLength: 22, withPad: " ", startingAt: 0)
              + who.padding(toLength: 8, withPad: " ", startingAt: 0)
              + "  \(format(percentile(0.5)))   \(format(percentile(0.95)))   \(format(percentile(0.99)))   \(hits / max(queries.count, 1))")
        if showSlowest { slowest.sorted { $0.ms > $1.ms }.prefix(5).forEach { say("    \(format($0.ms))  \($0.text)") } }
    }

    /// A database of the benchmark's company at LORE_BENCH_DB, for serving: the administrator
    /// (password bench-password) and the reader of a tenth (bench-password-long) can sign in;
    /// a client card for every ten articles (LORE_BENCH_CLIENTS sets another count).
    static func buildWorld() async throws {
        guard let path = ProcessInfo.processInfo.environment["LORE_BENCH_DB"] else {
            say("Set LORE_BENCH_DB to the database file to fill.")
            return
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: path)
        let (admin, reader) = try await World.build(database)
        var vocabulary = Vocabulary(seed: 7)
        try await write(database, admin, path: path, vocabulary: &vocabulary, reindex: false)
        let clients = Int(ProcessInfo.processInfo.environment["LORE_BENCH_CLIENTS"] ?? "") ?? articleCount / 10
        try await World.clients(database, count: clients, admin: admin, reader: reader)
        say("wrote \(clients) client cards")
        // As the server's upkeep would have by the time anyone searched: it tidies after 2,000
        // changes, and the cards alone are 10,000 at 100,000 articles.
        let tidying = ContinuousClock.now
        try await SearchService(database: database).tidyIndex()
        say("index tidied (lore reindex --tidy) in \(seconds(ContinuousClock.now - tidying))")
        try await World.writeRequests(database, admin: admin, reader: reader, vocabulary: vocabulary,
                                      to: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("bench.env"))
    }

    static func write(_ database: AppDatabase, _ admin: Principal, path: String, vocabulary: inout Vocabulary, reindex: Bool = true) async throws {
        let clock = ContinuousClock()
        let categories = try await World.categories(database, admin)
        let writing = clock.now
        let articles = ArticleService(database: database)
        for number in 0..<articleCount {
            let text = vocabulary.article(number: number)
            _ = try await articles.create(
                ArticleDraft(title: text.title, slug: "a-\(number)", categoryId: categories[number % categories.count], body: text.body),
                by: admin)
            if number % 5000 == 4999 { say("\rwritten \(number + 1)/\(articleCount) articles", newline: false) }
        }
        say("\rwrote \(articleCount) articles (saved and indexed one by one) in \(seconds(clock.now - writing))")
        if reindex {
            let indexing = clock.now
            try await SearchService(database: database).reindex { _, _ in }
            say("index build (lore reindex) of \(articleCount) articles: \(seconds(clock.now - indexing))")
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        say("database size: \(size / 1_048_576) MiB")
    }

    enum QueryKind: String, CaseIterable {
        case oneWord = "one word"
        case threeWords = "three words"
        case question = "question (5-7 words)"
        case phrase = "phrase"
        case prefix = "prefix*"
        case suggestion = "suggestion"
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f s", milliseconds(duration) / 1000)
    }
}
