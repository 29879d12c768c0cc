import Testing
@testable import LoreCore

/// Exact FTS5 output for each part of the language. These pin the grammar decisions
/// documented on `SearchQuery`; validity against SQLite is checked separately.
@Suite struct SearchQueryOutputTests {
    static let cases: [(input: String, expected: String?)] = [
        // words
        ("отпуск", #""отпуск""#),
        ("vacation policy", #""vacation" AND "policy""#),
        ("  Отпуск   2024  ", #""Отпуск" AND "2024""#),
        ("", nil),
        ("   \t\n ", nil),
        // phrases
        (#""exact phrase""#, #""exact phrase""#),
        (#""unterminated phrase"#, #""unterminated phrase""#),
        (#"a "b, c!" d"#, #""a" AND "b c" AND "d""#),
        (#"x"y z""#, #""x" AND "y z""#),
        (#""" a"#, #""a""#),
        (#"""#, nil),
        // glued words
        ("e-mail", #""e mail""#),
        ("don't v1.2 snake_case", #""don t" AND "v1 2" AND "snake case""#),
        ("e--mail", #""e" AND "mail""#),
        // exclusion
        ("a -b", #"("a") NOT "b""#),
        (#"a -"b c" -d"#, #"("a") NOT "b c" NOT "d""#),
        ("--x y", #"("y") NOT "x""#),
        ("(-x) y", #"("y") NOT "x""#),
        ("-a", nil),
        (#"-a -"b c""#, nil),
        ("-", nil),
        ("a - b", #""a" AND "b""#),
        (#"-"" a"#, #""a""#),
        ("-e-mail news", #"("news") NOT "e mail""#),
        // OR
        ("a b OR c d", #""a" AND ("b" OR "c") AND "d""#),
        ("a OR b OR c", #"("a" OR "b" OR "c")"#),
        ("OR a", #""a""#),
        ("a OR", #""a""#),
        ("a OR OR b", #"("a" OR "b")"#),
        ("OR", nil),
        ("a or b", #""a" AND "or" AND "b""#),
        ("кот ИЛИ пёс", #"("кот" OR "пёс")"#),
        ("кот или пёс", #""кот" AND "или" AND "пёс""#),
        ("a OR -b c", #"("a" AND "c") NOT "b""#),
        ("a -b OR c", #"("a" AND "c") NOT "b""#),
        (#"(a OR "b c") d"#, #"("a" OR "b c") AND "d""#),
        (#"a "OR" b"#, #""a" AND "OR" AND "b""#),
        // prefix
        ("отпу*", #""отпу" *"#),
        ("a**", #""a" *"#),
        ("*", nil),
        ("**", nil),
        ("a * b", #""a" AND "b""#),
        ("*a", #""a""#),
        (#""a b"*"#, #""a b" *"#),
        ("e-ma*", #""e ma" *"#),
        ("a OR b*", #"("a" OR "b" *)"#),
        ("x -ab*", #"("x") NOT "ab" *"#),
        ("OR*", #""OR" *"#),
        // FTS5 syntax typed by the user is just words
        ("title:foo", #""title" AND "foo""#),
        ("{title body}:x", #""title" AND "body" AND "x""#),
        ("NEAR(a b)", #""NEAR" AND "a" AND "b""#),
        ("NEAR/3", #""NEAR 3""#),  // `/` glues, like `a/b`
        ("a AND NOT b", #""a" AND "AND" AND "NOT" AND "b""#),
        ("^a +b", #""a" AND "b""#),
        ("[a]", #""a""#),
        // junk characters are separators
        ("👍 a 👨‍👩‍👧", #""a""#),
        ("a\u{0}b\u{7}c", #""a" AND "b" AND "c""#),
        ("\u{0}\u{1}\u{1B}[0m", #""0m""#),
        // mixed
        (#"отпуск "trip plan" -draft 2024 OR 2025 док*"#,
         #"("отпуск" AND "trip plan" AND ("2024" OR "2025") AND "док" *) NOT "draft""#),
    ]

    /// The expressions above without the mark that sends a phrase to its word pairs, which
    /// `phrasesOfSeveralWordsAreSearchedByTheirPairs` checks.
    static func readable(_ expression: String?) -> String? {
        expression?.replacingOccurrences(of: "\u{1}", with: "")
    }

    @Test(arguments: cases)
    func output(input: String, expected: String?) {
        #expect(Self.readable(SearchQuery(input).expression) == expected, "input: \(input.debugDescription)")
    }

    @Test func phrasesOfSeveralWordsAreSearchedByTheirPairs() {
        #expect(SearchQuery(#""trip plan" e-mail word "single""#).expression == "\"\u{1}trip plan\" AND \"\u{1}e mail\" AND \"word\" AND \"single\"")
        #expect(SearchQuery(#""trip pla"*"#).expression == #""trip pla" *"#, "a prefix phrase keeps its words: pairs cannot end in a prefix")
    }

    @Test func termsAndExclusionsAreReportedInOrder() {
        let query = SearchQuery(#"a "b c" -d OR e* -"f g""#)
        #expect(query.terms == ["a", "b c", "e"])
        #expect(query.excluded == ["d", "f g"])
        #expect(Self.readable(query.expression) == #"("a" AND "b c" AND "e" *) NOT "d" NOT "f g""#)
        #expect(!query.wasTruncated)
    }

    @Test func onlyExclusionsHaveNoExpressionButAreReported() {
        let query = SearchQuery("-a -b")
        #expect(query.expression == nil)
        #expect(query.terms.isEmpty)
        #expect(query.excluded == ["a", "b"])
    }

    @Test func quotesInsideWordsAreDoubled() {
        // Words never contain `"`, so this guards the escaping itself.
        #expect(FTS5Syntax.string(#"a"b"#) == #""a""b""#)
        #expect(FTS5Syntax.string("\"\u{301}") == "\"\"\"\u{301}\"")
    }

    @Test func queryEquality() {
        #expect(SearchQuery("a  b") == SearchQuery("a b"))
        #expect(SearchQuery("a b") != SearchQuery("a -b"))
    }
}

@Suite struct PrefixExpressionTests {
    @Test(arguments: [
        ("отпу", #""отпу" *"#),
        ("мой отпу", #""мой" AND "отпу" *"#),
        ("e-ma", #""e ma" *"#),
        (#"-"a OR b*"#, #""a" AND "OR" AND "b" *"#),
        ("title:fo", #""title" AND "fo" *"#),
    ] as [(String, String)])
    func prefix(input: String, expected: String) {
        #expect(SearchQuery.prefixExpression(input) == expected)
    }

    @Test(arguments: ["", "  ", "*", "-", #""""#, "👍", "\u{0}"])
    func noWordGivesNil(input: String) {
        #expect(SearchQuery.prefixExpression(input) == nil)
    }
}
