import Testing
@testable import LoreCore

@Suite struct StemmerTests {
    @Test func russianWordFormsShareAStem() throws {
        let stemmer = try Stemmer()
        #expect(stemmer.stem("клиентов") == stemmer.stem("клиентами"))
        #expect(stemmer.stem("отпуска") == stemmer.stem("отпуском"))
        #expect(stemmer.stem("отпуск") == stemmer.stem("отпусков"))
        #expect(stemmer.stem("ёлка") == stemmer.stem("елки"))
    }

    @Test func englishWordFormsShareAStem() throws {
        let stemmer = try Stemmer()
        #expect(stemmer.stem("employees") == stemmer.stem("employee"))
        #expect(stemmer.stem("running") == "run")
    }

    @Test func digitsAndEmptyWordsPassThrough() throws {
        let stemmer = try Stemmer()
        #expect(stemmer.stem("2027") == "2027")
        #expect(stemmer.stem("") == "")
    }
}
