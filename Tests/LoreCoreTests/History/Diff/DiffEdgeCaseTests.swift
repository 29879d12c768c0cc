import Testing
@testable import LoreCore

/// Inputs people produce in real articles that a line diff can get wrong.
@Suite struct DiffEdgeCaseTests {
    @Test func everyLineChanged() {
        let diff = TextDiff(old: "alpha\nbeta\ngamma\n", new: "один\nдва\nтри\nчетыре\n")
        #expect(diff.removed == 3 && diff.added == 4)
        #expect(diff.lines.filter { $0.kind == .unchanged }.isEmpty)
        #expect(diff.lines.allSatisfy { line in line.segments.allSatisfy(\.changed) }, "nothing in common: whole lines marked")
    }

    @Test func aMovedParagraphIsRemovedInOnePlaceAndAddedInAnother() {
        let intro = "Intro line one.\nIntro line two.\n"
        let rest = (1...6).map { "Rule \($0)." }.joined(separator: "\n") + "\n"
        let diff = TextDiff(old: intro + rest, new: rest + intro)
        #expect(diff.removed == 2 && diff.added == 2, "the six rules stay; the two intro lines move")
        let unchanged = diff.lines.filter { $0.kind == .unchanged }.map(\.text)
        #expect(unchanged == (1...6).map { "Rule \($0)." })
    }

    @Test func whitespaceInsideALineIsAChangeButTrailingWhitespaceIsNot() {
        #expect(!TextDiff(old: "a b  \r\n", new: "a b\n").hasChanges)
        let inner = TextDiff(old: "a b\n", new: "a  b\n")
        #expect(inner.removed == 1 && inner.added == 1)
    }

    @Test func aMergeNeverDropsEitherSidesLinesAtAClash() {
        let base = "1\n2\n3\n4\n5\n"
        let mine = "1\n2 mine\n3\n4\n5 mine\n"
        let theirs = "1\n2 theirs\n3\n4\n5\n"
        guard case .conflicts(let regions) = ThreeWayMerge.merge(base: base, mine: mine, theirs: theirs) else {
            Issue.record("expected a conflict")
            return
        }
        let all = regions.flatMap { region -> [String] in
            switch region {
            case .stable(let lines): lines
            case .conflict(_, let mine, let theirs): mine + theirs
            }
        }
        for line in ["1", "2 mine", "2 theirs", "3", "4", "5 mine"] { #expect(all.contains(line)) }
    }
}
