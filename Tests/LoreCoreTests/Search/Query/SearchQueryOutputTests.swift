import Testing
@testable import LoreCore

/// Exact FTS5 output for each part of the language. These pin the grammar decisions
/// documented on `SearchQuery`; validity against SQLite is checked separately.
@Suite struct SearchQueryOutputTests {
    static let cases: [(input: String, expected: String?)] = [
        // words
        ("отпуск", #"("отпуск" OR "отпуск" * OR "~отпуск")"#),
        ("vacation policy", #"("vacation" OR "~vacat" OR "policy" OR "policy" * OR "~polic" OR "vacation policy")"#),
        ("  Отпуск   2024  ", #"("Отпуск" OR "~отпуск" OR "2024" OR "Отпуск 2024")"#),
        ("", nil),
        ("   \t\n ", nil),
        // phrases
        (#""exact phrase""#, #"("exact phrase")"#),
        (#""unterminated phrase"#, #"("unterminated phrase")"#),
        (#"a "b, c!" d"#, #"("b c" OR "d")"#),
        (#"x"y z""#, #"("x" OR "y z")"#),
        (#""" a"#, #"("a")"#),
        (#"""#, nil),
        // glued words
        ("e-mail", #"("e mail" OR "email" OR "mail")"#),  // and its parts of three letters or more
        ("don't v1.2 snake_case", #"("don t" OR "dont" OR "don" OR "v1 2" OR "v12" OR "snake case" OR "snakecase" OR "snake" OR "case")"#),
        ("e--mail", #"("e" OR "mail" OR "mail" * OR "e mail")"#),
        // exclusion
        ("a -b", #"(("a")) NOT "b""#),
        (#"a -"b c" -d"#, #"(("a")) NOT "b c" NOT "d""#),
        ("--x y", #"(("y")) NOT "x""#),
        ("(-x) y", #"(("y")) NOT "x""#),
        ("-a", nil),
        (#"-a -"b c""#, nil),
        ("-", nil),
        ("a - b", #"("b")"#),
        (#"-"" a"#, #"("a")"#),
        ("-e-mail news", #"(("news" OR "news" *)) NOT "e mail""#),
        // OR
        ("a b OR c d", #"("b" OR "c" OR "d")"#),
        ("a OR b OR c", #"("a" OR "b" OR "c")"#),
        ("OR a", #"("a")"#),
        ("a OR", #"("a")"#),
        ("a OR OR b", #"("a" OR "b")"#),
        ("OR", nil),
        ("a or b", #"("b")"#),
        ("кот ИЛИ пёс", #"("кот" OR "пёс")"#),
        ("кот или пёс", #"("кот" OR "пёс" OR "пёс" * OR "кот пёс")"#),
        ("a OR -b c", #"(("c")) NOT "b""#),
        ("a -b OR c", #"(("c")) NOT "b""#),
        (#"(a OR "b c") d"#, #"("a" OR "b c" OR "d")"#),
        (#"a "OR" b"#, #"("OR" OR "b" OR "OR b")"#),
        // prefix
        ("отпу*", #"("отпу" *)"#),
        ("a**", #"("a" *)"#),
        ("*", nil),
        ("**", nil),
        ("a * b", #"("b")"#),
        ("*a", #"("a")"#),
        (#""a b"*"#, #"("a b" *)"#),
        ("e-ma*", #"("e ma" *)"#),
        ("a OR b*", #"("a" OR "b" *)"#),
        ("x -ab*", #"(("x")) NOT "ab" *"#),
        ("OR*", #"("OR" *)"#),
        // FTS5 syntax typed by the user is just words
        ("title:foo", #"("title" OR "foo" OR "foo" * OR "title foo")"#),
        ("{title body}:x", #"("title" OR "body" OR "x" OR "title body" OR "body x")"#),
        ("NEAR(a b)", #"("NEAR" OR "b" OR "NEAR b")"#),
        ("NEAR/3", #"("NEAR 3" OR "NEAR3" OR "NEAR")"#),  // `/` glues, like `a/b`
        ("a AND NOT b", #"("b")"#),
        ("^a +b", #"("b")"#),
        ("[a]", #"("a")"#),
        // junk characters are separators
        ("👍 a 👨‍👩‍👧", #"("a")"#),
        ("a\u{0}b\u{7}c", #"("b" OR "c" OR "b c")"#),
        ("\u{0}\u{1}\u{1B}[0m", #"("0m" OR "0m" *)"#),
        // mixed
        (#"отпуск "trip plan" -draft 2024 OR 2025 док*"#,
         #"(("отпуск" OR "~отпуск" OR "trip plan" OR "2024" OR "2025" OR "док" *)) NOT "draft""#),
    ]

    /// The expressions above without the mark that sends a phrase to its word pairs, which
    /// `phrasesOfSeveralWordsAreSearchedByTheirPairs` checks, and with `~` for the mark of a
    /// word family key.
    static func readable(_ expression: String?) -> String? {
        expression?.replacingOccurrences(of: "\u{1}", with: "").replacingOccurrences(of: "\u{2}", with: "~")
    }

    @Test(arguments: cases)
    func output(input: String, expected: String?) {
        #expect(Self.readable(SearchQuery(input).expression) == expected, "input: \(input.debugDescription)")
    }

    @Test func phrasesOfSeveralWordsAreSearchedByTheirPairs() {
        #expect(SearchQuery(#""trip plan" e-mail word "single""#).expression
                == "(\"\u{1}trip plan\" OR \"\u{1}e mail\" OR \"email\" OR \"mail\" OR \"word\" OR \"single\" OR \"\u{1}word single\")")
        #expect(SearchQuery(#""trip pla"*"#).expression == #"("trip pla" *)"#, "a prefix phrase keeps its words: pairs cannot end in a prefix")
    }

    @Test func termsAndExclusionsAreReportedInOrder() {
        let query = SearchQuery(#"x "b c" -d OR e* -"f g""#)
        #expect(query.terms == ["x", "b c", "e"])
        #expect(query.excluded == ["d", "f g"])
        #expect(Self.readable(query.expression) == #"(("x" OR "b c" OR "e" *)) NOT "d" NOT "f g""#)
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
        ("мой отпу", #""отпу" *"#),  // function words are left out
        ("отпуск оформ", #""отпуск" AND "оформ" *"#),
        ("e-ma", #""e ma" *"#),
        (#"-"x OR b*"#, #""x" AND "b" *"#),
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
