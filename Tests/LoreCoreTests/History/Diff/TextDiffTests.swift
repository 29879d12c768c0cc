import Testing
@testable import LoreCore

@Suite struct TextDiffTests {
    @Test func emptyVersusEmpty() {
        let diff = TextDiff(old: "", new: "")
        #expect(diff.lines.isEmpty)
        #expect(!diff.hasChanges)
        #expect(diff.hunks().isEmpty)
    }

    @Test func emptyVersusText() {
        let diff = TextDiff(old: "", new: "a\nb\n")
        #expect(diff.lines.map(\.summary) == ["+1 a", "+2 b"])
        #expect(diff.added == 2 && diff.removed == 0)
        #expect(diff.lines.allSatisfy { $0.changedTexts == [$0.text] })
    }

    @Test func textVersusEmpty() {
        let diff = TextDiff(old: "a\nb", new: "")
        #expect(diff.lines.map(\.summary) == ["-1 a", "-2 b"])
        #expect(diff.added == 0 && diff.removed == 2)
    }

    @Test func identicalDocuments() {
        let text = "# Title\n\nBody line\n"
        let diff = TextDiff(old: text, new: text)
        #expect(!diff.hasChanges)
        #expect(diff.lines.map(\.summary) == [" 1/1 # Title", " 2/2 ", " 3/3 Body line"])
        #expect(diff.hunks().isEmpty)
        #expect(diff.trailingSkipped() == 3)
    }

    @Test func linesCompareBySegmentsNotStorage() {
        let built = TextDiff(old: "a", new: "a").lines
        let explicit = DiffLine(kind: .unchanged, oldNumber: 1, newNumber: 1, text: "a",
                                segments: [DiffSegment(text: "a", changed: false)])
        #expect(built == [explicit])
        #expect(explicit.segments == [DiffSegment(text: "a", changed: false)])
        let custom = DiffLine(kind: .added, oldNumber: nil, newNumber: 1, text: "ab",
                              segments: [DiffSegment(text: "a", changed: false), DiffSegment(text: "b", changed: true)])
        #expect(custom.segments.map(\.text) == ["a", "b"])
        #expect(custom != DiffLine(kind: .added, oldNumber: nil, newNumber: 1, text: "ab", segments: []))
    }

    @Test func finalNewlineDoesNotAddALine() {
        #expect(TextDiff(old: "a\n", new: "a").lines.map(\.summary) == [" 1/1 a"])
        #expect(TextDiff(old: "a\n\n", new: "a\n").lines.map(\.summary) == [" 1/1 a", "-2 "])
    }

    @Test func singleInsertion() {
        let diff = TextDiff(old: "a\nb\nc\n", new: "a\nb\nX\nc\n")
        #expect(diff.lines.map(\.summary) == [" 1/1 a", " 2/2 b", "+3 X", " 3/4 c"])
        #expect(diff.added == 1 && diff.removed == 0)
    }

    @Test func singleDeletion() {
        let diff = TextDiff(old: "a\nb\nc\n", new: "a\nc\n")
        #expect(diff.lines.map(\.summary) == [" 1/1 a", "-2 b", " 3/2 c"])
        #expect(diff.added == 0 && diff.removed == 1)
    }

    @Test func singleChangeHighlightsTheWord() {
        let diff = TextDiff(old: "one\nthe quick fox\nthree", new: "one\nthe slow fox\nthree")
        #expect(diff.lines.map(\.summary) == [" 1/1 one", "-2 the quick fox", "+2 the slow fox", " 3/3 three"])
        #expect(diff.lines[1].changedTexts == ["quick"])
        #expect(diff.lines[2].changedTexts == ["slow"])
        #expect(diff.lines[2].segments.map(\.text).joined() == "the slow fox")
    }

    @Test func lineEndingsAreNormalised() {
        #expect(!TextDiff(old: "a\r\nb\r\n", new: "a\nb\n").hasChanges)
        #expect(!TextDiff(old: "a\rb\r", new: "a\nb").hasChanges)
        #expect(TextDiff(old: "a\r\n\r\nb", new: "a\n\nb").lines.count == 3)
    }

    @Test func trailingWhitespaceIsIgnoredAndNewTextShown() {
        let diff = TextDiff(old: "a  \nb\t\nc", new: "a\nb \t\nc")
        #expect(!diff.hasChanges)
        #expect(diff.lines.map(\.text) == ["a", "b \t", "c"])
        // Leading whitespace still matters: it is indentation in Markdown.
        #expect(TextDiff(old: "a", new: "  a").hasChanges)
    }

    @Test func cyrillicChangeMarksOnlyTheNumber() {
        let diff = TextDiff(old: "Отпуск длится 28 дней", new: "Отпуск длится 30 дней")
        #expect(diff.lines.map(\.kind) == [.removed, .added])
        #expect(diff.lines[0].changedTexts == ["28"])
        #expect(diff.lines[1].changedTexts == ["30"])
        #expect(diff.lines[1].segments == [
            DiffSegment(text: "Отпуск длится ", changed: false),
            DiffSegment(text: "30", changed: true),
            DiffSegment(text: " дней", changed: false),
        ])
    }

    @Test func canonicallyEquivalentUnicodeIsEqual() {
        #expect(!TextDiff(old: "caf\u{E9}", new: "cafe\u{301}").hasChanges)
        #expect(TextDiff(old: "ёлка", new: "елка").hasChanges)
    }

    @Test func lineNumbersAcrossMixedChanges() {
        let old = "a\nb\nc\nd\ne\nf"
        let new = "a\nB\nc\ne\nf\ng\nh"
        let diff = TextDiff(old: old, new: new)
        #expect(diff.lines.map(\.summary) == [
            " 1/1 a", "-2 b", "+2 B", " 3/3 c", "-4 d", " 5/4 e", " 6/5 f", "+6 g", "+7 h",
        ])
        #expect(diff.added == 3 && diff.removed == 2)
    }

    @Test func dissimilarPairIsMarkedWhole() {
        let diff = TextDiff(old: "The meeting is on Monday", new: "Completely different words here")
        #expect(diff.lines.map(\.changedTexts) == [["The meeting is on Monday"], ["Completely different words here"]])
    }

    @Test func eachPairIsJudgedOnItsOwn() {
        let diff = TextDiff(old: "alpha beta gamma\nnothing alike", new: "xyz qrs tuv\nnothing alike at all")
        #expect(diff.lines.map(\.kind) == [.removed, .removed, .added, .added])
        #expect(diff.lines[0].changedTexts == ["alpha beta gamma"])
        #expect(diff.lines[3].changedTexts == [" at all"])
    }

    @Test func unpairedLinesAreMarkedWhole() {
        let diff = TextDiff(old: "x\nkeep one\ny", new: "x\nkeep two\nextra line\ny")
        #expect(diff.lines.map(\.summary) == [" 1/1 x", "-2 keep one", "+2 keep two", "+3 extra line", " 3/4 y"])
        #expect(diff.lines[2].changedTexts == ["two"])
        #expect(diff.lines[3].changedTexts == ["extra line"])
    }

    @Test func randomDocumentsRoundTrip() {
        var random = SplitMix64(seed: 42)
        let vocabulary = ["", "a b", "a c", "мир", "мир да", "# H", "- item", "x  ", "x", "text, more"]
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random) ?? "" }
            let new = (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random) ?? "" }
            let diff = TextDiff(old: old.joined(separator: "\n"), new: new.joined(separator: "\n"))
            // A trailing "" element only adds a final newline, which is no line.
            let expectedNew = new.last == "" ? Array(new.dropLast()) : new
            #expect(diff.lines.filter { $0.kind != .removed }.map(\.text) == expectedNew)
            let expectedOld = old.last == "" ? Array(old.dropLast()) : old
            #expect(diff.lines.compactMap(\.newNumber) == Array(0..<expectedNew.count).map { $0 + 1 })
            #expect(diff.lines.compactMap(\.oldNumber) == Array(0..<expectedOld.count).map { $0 + 1 })
            #expect(diff.lines.filter { $0.kind == .removed }.count == diff.removed)
            #expect(diff.lines.allSatisfy { $0.segments.map(\.text).joined() == $0.text && !$0.segments.contains { $0.text.isEmpty } })
            #expect(diff.added + diff.removed <= old.count + new.count)
        }
    }
}
