import Testing
@testable import LoreCore

/// Snippets are made from where the ranking found the query's words: the window around them,
/// the words marked, phrases and half-typed words included, on every page of results.
@Suite struct SearchSnippetTests {
    func hits(_ text: String, _ world: TestWorld, page: Int = 1, perPage: Int = 20) async throws -> [SearchHit] {
        try await SearchService(database: world.database).search(SearchQuery(text), page: page, perPage: perPage, for: world.principal).hits
    }

    /// `count` words of filler: «слово1 слово2 …».
    func filler(_ count: Int, _ stem: String = "filler") -> String {
        (1...count).map { "\(stem)\($0)" }.joined(separator: " ")
    }

    @Test func theWindowIsCentredOnTheWordsFarIntoALongText() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Long", in: hr, body: filler(100) + " pineapple " + filler(100, "tail"))
        let hit = try #require(try await hits("pineapple", world).first)
        #expect(hit.snippetHTML.hasPrefix("…") && hit.snippetHTML.hasSuffix("…"))
        #expect(hit.snippetHTML.contains("<mark>pineapple</mark>"))
        #expect(hit.snippetHTML.contains("filler100") && hit.snippetHTML.contains("tail1 "), "the words on both sides of the match")
        #expect(!hit.snippetHTML.contains("filler1 "))
    }

    @Test func aSentenceThatHoldsTheWordsIsShownFromItsStart() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Sentences", in: hr, body: filler(60) + ". Bring your pass and the pineapple. " + filler(60, "tail"))
        let hit = try #require(try await hits("pineapple", world).first)
        #expect(hit.snippetHTML.hasPrefix("…Bring your pass and the <mark>pineapple</mark>"))
    }

    @Test func everyConceptFoundIsMarkedAndTheWindowHoldsTheMostOfThem() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Two places", in: hr,
                                body: "Pineapple first. " + filler(50) + " mango and pineapple together here. " + filler(50, "tail"))
        let hit = try #require(try await hits("mango pineapple", world).first)
        #expect(hit.snippetHTML.contains("<mark>mango</mark> and <mark>pineapple</mark>"))
        #expect(hit.missing.isEmpty)
    }

    @Test func aQuotedPhraseIsMarkedFromItsFirstWord() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Phrase", in: hr, body: "Book the big meeting room a day ahead.")
        let hit = try #require(try await hits("\"big meeting room\"", world).first)
        #expect(hit.snippetHTML.contains("the <mark>big meeting room</mark> a day"))
    }

    @Test func aHalfTypedLastWordIsMarkedAndNotMissing() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Accounting", in: hr, body: "Бухгалтерия принимает авансовые отчёты до пятого числа.")
        let hit = try #require(try await hits("отчёты бухгалт", world).first)
        #expect(hit.snippetHTML.contains("<mark>Бухгалтерия</mark>"))
        #expect(hit.snippetHTML.contains("<mark>отчёты</mark>"))
        #expect(hit.missing.isEmpty)
    }

    @Test func wordsFoundOnlyInTheCategoryPathShowThePath() async throws {
        let world = try await TestWorld()
        let regulations = try await world.category("Регламенты")
        try await world.article("Пропуска", in: regulations, body: "Пропуск выдаёт охрана.")
        let hit = try #require(try await hits("регламенты", world).first)
        #expect(hit.snippetHTML == "<mark>Регламенты</mark>")
    }

    /// Past the first page, and with more matches than the ranking keeps, each page shown has its snippet.
    @Test func everyResultOfEveryPageHasItsSnippet() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        for index in 1...45 {
            try await world.article("Page \(index)", in: hr, body: String(repeating: "pineapple ", count: index % 4 + 1) + filler(10))
        }
        for page in 1...3 {
            let shown = try await hits("pineapple", world, page: page, perPage: 15)
            #expect(shown.count == 15)
            #expect(shown.allSatisfy { $0.snippetHTML.contains("<mark>pineapple</mark>") }, "page \(page)")
        }
    }

    @Test func theRecorderKeepsTheRowsTheQueryKeepsTiesGoingToTheNewest() {
        let recorder = InstanceRecorder(capacity: 2)
        let instance = InstanceRecorder.Instance(phrase: 0, column: 2, offset: 0)
        var plan = RankPlan()
        plan.add(concept: 0, weight: 1)
        recorder.recording(plan) {
            for (row, score) in [(1, 3.0), (2, 5.0), (3, 3.0), (4, 1.0), (5, 3.0), (6, 0.5), (7, 1.0)] {
                let rank = InstanceRecorder.Rank(score: score, rowid: Int64(row))
                if recorder.wants(rank) { recorder.record(rank, [instance]) }
            }
        }
        #expect(recorder.spans(of: 2) != nil && recorder.spans(of: 5) != nil, "the best, and the newest of those tied after it")
        #expect(recorder.spans(of: 4) == nil && recorder.spans(of: 6) == nil && recorder.spans(of: 7) == nil)
        #expect(!recorder.wants(InstanceRecorder.Rank(score: 3, rowid: 2)), "after the second best, tied on score but older")
        #expect(recorder.wants(InstanceRecorder.Rank(score: 3, rowid: 6)))
    }

    /// Many pages with the same score (one mention each, in the text) keep the recorder small and quick.
    @Test func tiedPagesPastTheFirstResultsAreDropped() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        for index in 1...120 { try await world.article("Page \(index)", in: hr, body: "One pineapple here. " + filler(5)) }
        let shown = try await hits("pineapple", world, page: 2, perPage: 10)
        #expect(shown.count == 10)
        #expect(shown.allSatisfy { $0.snippetHTML.contains("<mark>pineapple</mark>") })
    }
}
