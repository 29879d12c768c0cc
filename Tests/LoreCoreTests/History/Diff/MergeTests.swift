import Testing
@testable import LoreCore

@Suite struct MergeTests {
    private let base = "# Title\n\nIntro line.\n\nMiddle paragraph.\n\nClosing line.\n"

    @Test func nonOverlappingChangesCombine() {
        let mine = base.replacingOccurrences("Intro line.", "Intro line, edited by me.")
        let theirs = base.replacingOccurrences("Closing line.", "Closing line, edited by them.")
        let result = ThreeWayMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(result == .clean("# Title\n\nIntro line, edited by me.\n\nMiddle paragraph.\n\nClosing line, edited by them.\n"))
        #expect(result.conflictCount == 0)
        #expect(result.isClean)
    }

    @Test func identicalChangesAreNotAConflict() {
        let edited = base.replacingOccurrences("Middle paragraph.", "Same fix on both sides.")
        #expect(ThreeWayMerge.merge(base: base, mine: edited, theirs: edited) == .clean(edited))
    }

    @Test func changeOnOneSideIsTaken() {
        let mine = base.replacingOccurrences("Middle paragraph.", "Mine only.")
        #expect(ThreeWayMerge.merge(base: base, mine: mine, theirs: base) == .clean(mine))
        #expect(ThreeWayMerge.merge(base: base, mine: base, theirs: mine) == .clean(mine))
    }

    @Test func conflictingChangesKeepBothSidesIntact() {
        let mine = base.replacingOccurrences("Middle paragraph.", "Middle, my version.\nWith a second line.")
        let theirs = base.replacingOccurrences("Middle paragraph.", "Middle, their version.")
        let result = ThreeWayMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflictCount == 1)
        #expect(result == .conflicts([
            .stable(["# Title", "", "Intro line.", ""]),
            .conflict(
                base: ["Middle paragraph."],
                mine: ["Middle, my version.", "With a second line."],
                theirs: ["Middle, their version."]
            ),
            .stable(["", "Closing line."]),
        ]))
    }

    @Test func insertionsAtTheSameSpotConflict() {
        let result = ThreeWayMerge.merge(base: "a\nb\n", mine: "a\nmine\nb\n", theirs: "a\ntheirs\nb\n")
        #expect(result == .conflicts([
            .stable(["a"]),
            .conflict(base: [], mine: ["mine"], theirs: ["theirs"]),
            .stable(["b"]),
        ]))
    }

    @Test func deletedParagraphMergesWithUntouchedSide() {
        let mine = base.replacingOccurrences("Middle paragraph.\n\n", "")
        let theirs = base.replacingOccurrences("# Title", "# Better title")
        let result = ThreeWayMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(result == .clean("# Better title\n\nIntro line.\n\nClosing line.\n"))
    }

    @Test func deletionAgainstEditConflicts() {
        let mine = base.replacingOccurrences("Middle paragraph.\n\n", "")
        let theirs = base.replacingOccurrences("Middle paragraph.", "Middle, reworded.")
        #expect(ThreeWayMerge.merge(base: base, mine: mine, theirs: theirs).conflictCount == 1)
    }

    @Test func emptyBase() {
        #expect(ThreeWayMerge.merge(base: "", mine: "", theirs: "") == .clean(""))
        #expect(ThreeWayMerge.merge(base: "", mine: "", theirs: "new text\n") == .clean("new text\n"))
        #expect(ThreeWayMerge.merge(base: "", mine: "same\n", theirs: "same\n") == .clean("same\n"))
        #expect(ThreeWayMerge.merge(base: "", mine: "mine\n", theirs: "theirs\n")
            == .conflicts([.conflict(base: [], mine: ["mine"], theirs: ["theirs"])]))
    }

    @Test func trailingNewlineFollowsMine() {
        #expect(ThreeWayMerge.merge(base: "a\nb\n", mine: "a\nb", theirs: "A\nb\n") == .clean("A\nb"))
        #expect(ThreeWayMerge.merge(base: "a\nb", mine: "a\nb\n", theirs: "A\nb") == .clean("A\nb\n"))
    }

    @Test func lineEndingsAreNormalised() {
        let result = ThreeWayMerge.merge(base: "a\r\nb\r\nc\r\n", mine: "A\nb\nc\n", theirs: "a\r\nb\r\nC\r\n")
        #expect(result == .clean("A\nb\nC\n"))
    }

    @Test func conflictCountCountsEveryConflict() {
        let result = ThreeWayMerge.merge(base: "1\n2\n3\n4\n5\n", mine: "1\nx\n3\n4\ny\n", theirs: "1\nX\n3\n4\nY\n")
        #expect(result.conflictCount == 2)
        #expect(!result.isClean)
    }

    @Test func randomOneSidedMergesReproduceTheEdit() {
        var random = SplitMix64(seed: 7)
        let pool = ["", "alpha", "beta", "гамма", "delta", "- item"]
        func document() -> String {
            let lines = (0..<Int.random(in: 0...10, using: &random)).map { _ in pool.randomElement(using: &random) ?? "" }
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        }
        for _ in 0..<300 {
            let base = document(), edit = document()
            #expect(ThreeWayMerge.merge(base: base, mine: base, theirs: edit) == .clean(edit), "base \(base) edit \(edit)")
            #expect(ThreeWayMerge.merge(base: base, mine: edit, theirs: base) == .clean(edit))
            #expect(ThreeWayMerge.merge(base: base, mine: edit, theirs: edit) == .clean(edit))
        }
    }
}

private extension String {
    /// Literal replacement without Foundation, which the library does not use.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
