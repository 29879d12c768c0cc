import Testing
@testable import LoreCore

@Suite struct WordDiffTests {
    @Test func tokenizesWordsSpacesAndPunctuation() {
        #expect(WordDiff.tokenize("Привет,  мир 42!") == ["Привет", ",", "  ", "мир", " ", "42", "!"])
        #expect(WordDiff.tokenize("cafe\u{301}s") == ["cafe\u{301}s"])
        #expect(WordDiff.tokenize("").isEmpty)
    }

    @Test func segmentsCoverBothLines() {
        let words = WordDiff(old: "see the red car.", new: "see a red bus!")
        #expect(words.old.map(\.text).joined() == "see the red car.")
        #expect(words.new.map(\.text).joined() == "see a red bus!")
        #expect(words.old.filter(\.changed).map(\.text) == ["the", "car."])
        #expect(words.new.filter(\.changed).map(\.text) == ["a", "bus!"])
    }

    @Test func whitespaceBetweenChangesJoinsThem() {
        let words = WordDiff(old: "keep a b keep", new: "keep x y keep")
        #expect(words.new == [
            DiffSegment(text: "keep ", changed: false),
            DiffSegment(text: "x y", changed: true),
            DiffSegment(text: " keep", changed: false),
        ])
        // Whitespace after the last change is not between two changes.
        #expect(WordDiff(old: "keep old ", new: "keep new ").new == [
            DiffSegment(text: "keep ", changed: false),
            DiffSegment(text: "new", changed: true),
            DiffSegment(text: " ", changed: false),
        ])
    }

    @Test func similarityIgnoresWhitespace() {
        #expect(WordDiff(old: "a b", new: "a b").similarity == 1)
        #expect(WordDiff(old: "aa bb", new: "cc dd").similarity == 0)
        #expect(WordDiff(old: "abc xyz", new: "abc qrs").similarity == 0.5)
        #expect(WordDiff(old: "", new: "").similarity == 1)
    }
}
