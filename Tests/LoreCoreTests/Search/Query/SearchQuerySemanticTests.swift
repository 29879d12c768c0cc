import Testing
@testable import LoreCore

/// What the expressions find in real FTS5, on the rows of `FTS5TestDatabase`:
/// 1 Vacation policy (…request vacation days before the holiday), 2 Отпуск,
/// 3 E-mail setup, 4 Holiday calendar, 5 Командировка (…отпуск без содержания).
@Suite struct SearchQuerySemanticTests {
    static let cases: [(input: String, rows: [Int64])] = [
        ("отпуск", [2, 5]),
        ("ОТПУСК оформить", [2, 5]),  // any word matches; ranking puts the page with both first
        ("vacation", [1]),
        ("vacation -rules", []),
        ("holiday", [1, 4]),
        ("holiday -vacation", [4]),
        ("holiday -\"request vacation\"", [4]),
        ("holiday -\"vacation request\"", [1, 4]),
        ("отпуск -командировке", [2]),
        ("vacation OR отпуск", [1, 2, 5]),
        ("e-mail OR calendar", [3, 4]),
        ("отпуск ИЛИ calendar -содержания", [2, 4]),
        ("days holiday OR nothing", [1, 4]),
        ("отпу*", [2, 5]),
        ("vaca*", [1]),
        ("отпу", [2, 5]),  // the word the input ends in is also a prefix
        ("\"request vacation\"", [1]),
        ("\"vacation request\"", []),
        ("vacation request", [1]),
        ("\"оформить отп\"*", [2]),
        ("e-mail", [3]),
        ("mail e", [3]),
        ("\"e client\"", []),
        ("title:vacation", [1]),  // no column filters: "title" is just a word, absent here
        ("+vacation holiday", [1]),
        ("+holiday vacation -days", []),
        ("vacation +\"holiday list\"", [4]),
        ("как отпуск", [2, 5]),  // a function word neither matches nor counts
        ("как", [2]),  // unless it is all there is
        ("(vacation)", [1]),
    ]

    @Test(arguments: cases)
    func finds(input: String, rows: [Int64]) throws {
        let db = try FTS5TestDatabase()
        let expression = try #require(SearchQuery(input).expression)
        #expect(try db.match(expression) == rows, "\(input) → \(expression)")
    }

    /// Less common prepositions and determiners are function words too, in both languages;
    /// "per" is not: it starts idioms ("per diem") that the synonym dictionary knows.
    @Test(arguments: ["около", "возле", "насчёт", "каждый", "любой", "via", "towards", "versus"])
    func lessCommonFunctionWordsDoNotCount(word: String) {
        #expect(SearchQuery("\(word) отпуск").concepts.count == 1)
        #expect(SearchQuery("per diem").concepts.count == 2)
    }

    @Test(arguments: [
        ("отпу", [2, 5]),
        ("как оформить отп", [2]),
        ("vacation da", [1]),
        ("e-ma", [3]),
        ("holiday cal", [4]),
        ("zzz", []),
    ] as [(String, [Int64])])
    func prefixFinds(input: String, rows: [Int64]) throws {
        let db = try FTS5TestDatabase()
        let expression = try #require(SearchQuery.prefixExpression(input))
        #expect(try db.match(expression) == rows, "\(input) → \(expression)")
    }
}
