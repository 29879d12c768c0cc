import Testing
@testable import LoreCore

/// Every expression we produce is run through real SQLite FTS5: it must never be an error.
@Suite struct SearchQueryFTS5ValidityTests {
    static let hostileInputs: [String] = [
        #"""#, #""""#, #"""""#, #"a"b"c"#, #""a"b"#, #"-""#, #"-"""#, #""*"#, #""" *"#,
        "(", ")", "((a", "a))", "[", "]", "{", "}", "{a b}:c", "{title body}:x", "{}:x",
        "NEAR(", "NEAR(a", "NEAR(a b, 3)", "NEAR/3", "a NEAR/3 b", "NEAR", "near(a",
        "*", "**", "* a", "a *", "a**b", "*a*", "^", "^a", "a^b", "+", "+a", "a+b",
        ":", "a:", ":a", "title:foo", "title : foo", "body:(a OR b)", "-title:x",
        "AND", "OR", "NOT", "a AND", "NOT a", "a NOT", "a AND OR NOT b", "OR OR OR",
        "-", "--", "-a", "--x", "- -a", "-OR", "-*", "a - -", "-\"a", "a -\"",
        "ИЛИ", "a ИЛИ", "ИЛИ ИЛИ", "отпуск ИЛИ -отпуск",
        "👍", "👍*", "-👍", "\"👍\"", "a👍b", "👨‍👩‍👧 OR 👍",
        "\u{0}", "a\u{0}", "\u{0}*", "\u{1}\u{2}\u{3}", "\u{7F}", "\u{202E}abc", "a\u{200B}b",
        "\"\u{301}", "e\u{301}*", "ÿ̶̢̛̤̫̠̓̏", "①②③*", "²", "Ⅻ", "ǅ", "ﷺ", "𝔘𝔫𝔦",
        "\\", "\\\"", "'", "''", "a'", "'a'", "%", "_", "a_", "a.b.", "...", "a..b", ",;",
        String(repeating: "a", count: 10_000),
        String(repeating: "\"", count: 10_000),
        String(repeating: "(", count: 5_000) + "a",
        (1...1_000).map { "word\($0)" }.joined(separator: " "),
        (1...1_000).map { "w\($0)" }.joined(separator: " OR "),
        (1...1_000).map { "-w\($0)" }.joined(separator: " ") + " x",
        String(repeating: "отпуск* -\"a b\" OR ", count: 500),
    ]

    @Test func validatorRejectsBrokenExpressions() throws {
        // Proves the check below can fail: these are what naive pass-through would produce.
        let db = try FTS5TestDatabase()
        for bad in [#""unbalanced"#, "(a", "NOT a", "a:", "*", "a AND", "NEAR(", "{x}:y", "OR a"] {
            #expect(throws: FTS5TestDatabase.SQLiteError.self, "\(bad)") { try db.match(bad) }
        }
    }

    @Test func hostileInputsGiveValidExpressions() throws {
        let db = try FTS5TestDatabase()
        for input in Self.hostileInputs {
            try expectValid(input, in: db)
        }
    }

    @Test func fuzzedInputsGiveValidExpressions() throws {
        let db = try FTS5TestDatabase()
        var random = SplitMix64(seed: 0x10E_5EA_C4)
        var nonNil = 0
        for _ in 0..<4_000 {
            let input = NastyInput.make(using: &random)
            if SearchQuery(input).expression != nil { nonNil += 1 }
            try expectValid(input, in: db)
        }
        // Guard against a generator that only ever produces nothing to search.
        #expect(nonNil > 2_000)
    }

    @Test func randomUnicodeGivesValidExpressions() throws {
        // Any scalar at all, weighted towards ASCII punctuation and Cyrillic, plus the
        // replacement characters that invalid UTF-8 decodes to.
        let db = try FTS5TestDatabase()
        var random = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                let range: ClosedRange<UInt32> = switch Int.random(in: 0..<4, using: &random) {
                case 0: 0...0x7F
                case 1: 0x400...0x4FF
                case 2: 0x300...0x36F
                default: 0...0x10FFFF
                }
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) {
                    scalars.append(scalar)
                }
            }
            try expectValid(String(scalars), in: db)
            let bytes = (0..<Int.random(in: 1...30, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            try expectValid(String(decoding: bytes, as: UTF8.self), in: db)
        }
    }

    private func expectValid(_ input: String, in db: FTS5TestDatabase,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let query = SearchQuery(input)
        #expect((query.expression == nil) == query.terms.isEmpty, sourceLocation: sourceLocation)
        #expect(query.terms.count + query.excluded.count <= SearchQuery.maxTerms,
                sourceLocation: sourceLocation)
        for term in query.terms + query.excluded {
            #expect(!term.isEmpty && term.count <= SearchQuery.maxTermLength,
                    sourceLocation: sourceLocation)
        }
        for expression in [query.expression, SearchQuery.prefixExpression(input)] {
            guard let expression else { continue }
            do {
                _ = try db.match(expression)
            } catch {
                Issue.record("input \(input.prefix(200).debugDescription) → \(expression.prefix(300)): \(error)",
                             sourceLocation: sourceLocation)
            }
        }
    }
}


enum NastyInput {
    static let alphabet: [String] = [
        "\"", "\"", "(", ")", "[", "]", "{", "}", "*", "**", "-", "--", ":", "^", "+", "'",
        " ", " ", " ", "  ", "\t", "\n", " OR ", "OR", " AND ", "AND", "NOT", "NEAR", "NEAR(",
        "NEAR/3", "ИЛИ", " ИЛИ ", "отпуск", "отпу", "Отпуск", "vacation", "vac", "e-mail",
        "title:", "{title body}:", "body", "a", "b", "я", "0", "42", "2024", ".", ",", "_", "/",
        "@", "\\", "👍", "👨‍👩‍👧", "🇷🇺", "\u{0}", "\u{7}", "\u{1B}", "\u{200B}", "\u{301}",
        "e\u{301}", "ё", "①", "²", "%", ";", "'", "’",
    ]

    static func make(using random: inout SplitMix64) -> String {
        let length = Int.random(in: 1...24, using: &random)
        var text = ""
        for _ in 0..<length {
            text += alphabet.randomElement(using: &random) ?? ""
        }
        return text
    }
}
