import Foundation
import LoreCore

/// Scores search on a judged query set over the sample knowledge base: `lore-bench
/// search-quality FILE [--min-mrr X] [--min-kind-mrr X] [--min-top5 X] [--show-misses] [--baseline]`,
/// or `lore-bench search-quality --explain QUERY` for one query's results.
/// `--baseline` scores plain FTS5 instead, for comparison: the query's words OR-ed over the same
/// stemmed index, ranked by FTS5's bm25 with the title ten times the rest, as the issue that
/// asked for ranked search measured it.
/// Each line of FILE is `kind<TAB>query<TAB>best<TAB>secondary,…` (slugs; `client:slug` for
/// cards). Prints MRR@10, the share of queries with the best page in the top 5, recall@5 (of the
/// best and secondary pages), nDCG@10 (the best
/// page graded 2, a secondary one 1, gains 2^grade − 1) and empty results, overall and per kind;
/// fails below the minimums.
enum SearchQuality {
    struct Judgement {
        let kind: String
        let query: String
        let best: String
        let secondary: [String]
    }

    struct Score {
        var count = 0
        var reciprocalRank = 0.0
        var top5 = 0.0
        var recall5 = 0.0
        var ndcg = 0.0
        var empty = 0

        mutating func add(_ other: Score) {
            count += other.count
            reciprocalRank += other.reciprocalRank
            top5 += other.top5
            recall5 += other.recall5
            ndcg += other.ndcg
            empty += other.empty
        }

        var mrr: Double { count == 0 ? 0 : reciprocalRank / Double(count) }
        var top5Share: Double { count == 0 ? 0 : top5 / Double(count) }
        var meanRecall5: Double { count == 0 ? 0 : recall5 / Double(count) }
        var meanNDCG: Double { count == 0 ? 0 : ndcg / Double(count) }
    }

    static let usage = "usage: lore-bench search-quality FILE [--min-mrr X] [--min-kind-mrr X] [--min-top5 X] [--show-misses] [--baseline] | --explain QUERY"

    static func run(_ arguments: [String]) async throws -> Bool {
        guard let file = arguments.first else {
            say(usage)
            return false
        }
        func option(_ name: String) -> Double? {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil }
        }
        if file == "--explain", arguments.count > 1 {
            let (search, admin, _) = try await sampleKnowledgeBase()
            let results = try await search.search(SearchQuery(arguments[1]), perPage: 10, for: admin)
            say("also searched: \(results.alsoSearched), corrections: \(results.corrections)")
            for hit in results.hits { say("\(hit.slug)\tmissing \(hit.missing)\t\(hit.snippetHTML.prefix(120))") }
            return true
        }
        // Read before the knowledge base is built: a mistyped name is said at once, not as a crash.
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            say("cannot read the judged set \(file)")
            say(usage)
            return false
        }
        let judgements = parse(text)
        let (search, admin, database) = try await sampleKnowledgeBase()
        let baseline = arguments.contains("--baseline")
        var byKind: [String: Score] = [:]
        var misses: [String] = []
        for judgement in judgements {
            let keys = baseline
                ? try await plainFTS5(judgement.query, database)
                : try await search.search(SearchQuery(judgement.query), perPage: 10, for: admin).hits.map { $0.kind == .client ? "client:\($0.slug)" : $0.slug }
            let score = score(keys, judgement)
            byKind[judgement.kind, default: Score()].add(score)
            if score.reciprocalRank < 1 {
                misses.append("\(judgement.kind)\t\(judgement.query)\twant \(judgement.best)\tgot \(keys.prefix(3).joined(separator: ", "))")
            }
        }
        var overall = Score()
        say("kind".padding(toLength: 16, withPad: " ", startingAt: 0) + "queries  MRR@10  best in top 5  recall@5  nDCG@10  empty")
        for kind in byKind.keys.sorted() {
            let score = byKind[kind]!
            overall.add(score)
            say(line(kind, score))
        }
        say(line("all", overall))
        if arguments.contains("--show-misses") { misses.forEach { say($0) } }
        var passed = true
        if let minimum = option("--min-mrr"), printed(overall.mrr) < minimum {
            say("MRR@10 \(format(overall.mrr)) is below \(minimum)")
            passed = false
        }
        if let minimum = option("--min-top5"), printed(overall.top5Share) < minimum {
            say("best in top 5 \(format(overall.top5Share)) is below \(minimum)")
            passed = false
        }
        if let minimum = option("--min-kind-mrr") {
            for (kind, score) in byKind where printed(score.mrr) < minimum {
                say("MRR@10 of \(kind) \(format(score.mrr)) is below \(minimum)")
                passed = false
            }
        }
        return passed
    }

    static func parse(_ text: String) -> [Judgement] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3, !fields[1].isEmpty else { return nil }
            let secondary = fields.count > 3 ? fields[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
            return Judgement(kind: fields[0], query: fields[1], best: fields[2], secondary: secondary.filter { !$0.isEmpty })
        }
    }

    static func score(_ keys: [String], _ judgement: Judgement) -> Score {
        var score = Score(count: 1)
        if let rank = keys.prefix(10).firstIndex(of: judgement.best) {
            score.reciprocalRank = 1 / Double(rank + 1)
            score.top5 = rank < 5 ? 1 : 0
        }
        score.empty = keys.isEmpty ? 1 : 0
        let relevant = Set([judgement.best] + judgement.secondary)
        score.recall5 = Double(relevant.intersection(keys.prefix(5)).count) / Double(relevant.count)
        let gain = { (key: String) -> Double in key == judgement.best ? 3 : judgement.secondary.contains(key) ? 1 : 0 }
        let dcg = keys.prefix(10).enumerated().reduce(0.0) { $0 + gain($1.element) / log2(Double($1.offset) + 2) }
        let ideal = ([3.0] + judgement.secondary.map { _ in 1.0 }).prefix(10).enumerated().reduce(0.0) { $0 + $1.element / log2(Double($1.offset) + 2) }
        score.ndcg = dcg / ideal
        return score
    }

    /// The ten best pages by plain FTS5: each word of the query as typed, quoted, OR-ed, ranked by
    /// bm25(title 10, the other columns 1).
    static func plainFTS5(_ query: String, _ database: AppDatabase) async throws -> [String] {
        let words = query.split { !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"" }
        guard !words.isEmpty else { return [] }
        return try await database.reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT CASE d.kind WHEN 'client' THEN 'client:' || c.slug ELSE a.slug END
                FROM searchIndex JOIN searchDocument d ON d.id = searchIndex.rowid
                LEFT JOIN article a ON d.kind = 'article' AND a.id = d.refId
                LEFT JOIN client c ON d.kind = 'client' AND c.id = d.refId
                WHERE searchIndex MATCH ? ORDER BY bm25(searchIndex, 10.0, 1.0, 1.0, 1.0) LIMIT 10
                """, arguments: [words.joined(separator: " OR ")])
        }
    }

    /// Content/ imported as on a first start, with the demo accounts and sample clients, into a
    /// fresh database; searched as the administrator (who reads everything).
    static func sampleKnowledgeBase() async throws -> (SearchService, Principal, AppDatabase) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lore-quality-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("lore.sqlite").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bootstrap = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "quality-password")
        guard let adminId = bootstrap.administrator.id, let admin = try await PrincipalLoader(database: database).principal(userId: adminId) else {
            throw World.Missing()
        }
        let content = URL(fileURLWithPath: "Content")
        _ = try await ContentImporter(database: database, files: FileStore(root: folder.appendingPathComponent("files")))
            .importFolder(at: content, by: admin)
        _ = try await SampleAccess(database: database, passwordCost: 4, content: content).apply(by: admin, password: "quality-password")
        _ = try await SampleClients(database: database).importFolder(at: content.appendingPathComponent(SampleClients.folder), by: admin)
        return (SearchService(database: database), admin, database)
    }

    private static func line(_ name: String, _ score: Score) -> String {
        name.padding(toLength: 16, withPad: " ", startingAt: 0) + String(score.count).padding(toLength: 9, withPad: " ", startingAt: 0)
            + format(score.mrr).padding(toLength: 8, withPad: " ", startingAt: 0)
            + format(score.top5Share).padding(toLength: 15, withPad: " ", startingAt: 0)
            + format(score.meanRecall5).padding(toLength: 10, withPad: " ", startingAt: 0)
            + format(score.meanNDCG).padding(toLength: 9, withPad: " ", startingAt: 0) + String(score.empty)
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// The value as the table shows it: 18.9 / 21 is 0.900 there, and must pass a minimum of 0.9.
    private static func printed(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
