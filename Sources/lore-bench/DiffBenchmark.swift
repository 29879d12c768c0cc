import LoreCore

/// A 10,000-line article, a copy with 100 scattered edits, and two non-overlapping edits to
/// merge: how long the history pages' diff and a concurrent save's merge take.
enum DiffBenchmark {
    static let english = ["the", "wiki", "page", "history", "revision", "editor", "merge", "server", "markdown", "link",
                   "section", "table", "search", "index", "user", "draft", "review", "policy", "team", "release"]
    static let russian = ["отпуск", "длится", "дней", "сотрудник", "заявление", "отдел", "правила", "статья", "версия",
                   "история", "изменение", "страница", "поиск", "команда", "документ"]

    static func sentence(_ random: inout SplitMix64, words: ClosedRange<Int>) -> String {
        let vocabulary = Int.random(in: 0..<4, using: &random) == 0 ? russian : english
        let count = Int.random(in: words, using: &random)
        var parts = (0..<count).map { _ in vocabulary.randomElement(using: &random) ?? "" }
        parts.insert(String(Int.random(in: 1...9999, using: &random)), at: Int.random(in: 0...parts.count, using: &random))
        return parts.joined(separator: " ") + "."
    }

    /// A Markdown-like article: headings, paragraphs, list items and blank lines.
    static func article(lines count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        var section = 0
        while lines.count < count {
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                section += 1
                lines.append("## Section \(section): " + sentence(&random, words: 2...4))
                lines.append("")
            case 1, 2:
                lines.append("- " + sentence(&random, words: 3...8))
            case 3:
                lines.append("")
            default:
                lines.append(sentence(&random, words: 8...16))
            }
        }
        return Array(lines.prefix(count))
    }

    /// Applies one change (edit a word, insert a line, delete a line) at each
    /// chosen line, rotating through the three kinds.
    static func edited(_ lines: [String], at positions: [Int], seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        let targets = Dictionary(positions.enumerated().map { ($1, $0 % 3) }, uniquingKeysWith: { first, _ in first })
        var result: [String] = []
        result.reserveCapacity(lines.count + positions.count)
        for (index, line) in lines.enumerated() {
            switch targets[index] {
            case 0:
                var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if !words.isEmpty {
                    words[Int.random(in: 0..<words.count, using: &random)] = "изменено\(index)"
                }
                result.append(words.joined(separator: " "))
            case 1:
                result.append(line)
                result.append("Inserted line \(index): " + sentence(&random, words: 4...10))
            case 2:
                continue
            default:
                result.append(line)
            }
        }
        return result
    }

    /// `only`: "diff" or "merge" to measure one half (handy for profiling).
    static func run(only: String?, runs: Int) {
        let lineCount = 10_000
        let baseLines = article(lines: lineCount, seed: 2024)
        var placement = SplitMix64(seed: 99)
        let scattered = (0..<100).map { $0 * 100 + Int.random(in: 0..<100, using: &placement) }
        let newLines = edited(baseLines, at: scattered, seed: 1)
        let old = baseLines.joined(separator: "\n") + "\n"
        let new = newLines.joined(separator: "\n") + "\n"

        let sample = TextDiff(old: old, new: new)
        print("document: \(baseLines.count) lines, \(old.utf8.count) bytes; edited copy: \(newLines.count) lines")
        print("diff: +\(sample.added) -\(sample.removed), \(sample.hunks().count) hunks")

        let diffTime = only == "merge" ? (ms: 0.0, fastest: 0.0, check: 0) : measure(runs: runs) {
            let diff = TextDiff(old: old, new: new)
            return diff.hunks().count + diff.lines.count
        }
        print("TextDiff(old:new:) + hunks(): median \(format(diffTime.ms)), fastest \(format(diffTime.fastest)) over \(runs) runs")

        // 50 changes each: mine near line 10 of every 200-line block, theirs near
        // line 110, so the two never touch the same or adjacent lines.
        let mine = edited(baseLines, at: (0..<50).map { $0 * 200 + 10 + ($0 % 7) * 3 }, seed: 2).joined(separator: "\n") + "\n"
        let theirs = edited(baseLines, at: (0..<50).map { $0 * 200 + 110 + ($0 % 5) * 4 }, seed: 3).joined(separator: "\n") + "\n"
        let mergeSample = ThreeWayMerge.merge(base: old, mine: mine, theirs: theirs)
        print("merge: \(mergeSample.isClean ? "clean" : "\(mergeSample.conflictCount) conflicts")")
        let mergeTime = only == "diff" ? (ms: 0.0, fastest: 0.0, check: 0) : measure(runs: runs) {
            ThreeWayMerge.merge(base: old, mine: mine, theirs: theirs).conflictCount
        }
        print("ThreeWayMerge.merge: median \(format(mergeTime.ms)), fastest \(format(mergeTime.fastest)) over \(runs) runs")
        print("checksum \(diffTime.check &+ mergeTime.check)")
    }
}
