import Testing
@testable import LoreCore

@Suite struct HunkTests {
    /// Lines "1" … "n", with the given 1-based lines replaced by "X<n>".
    private func document(_ count: Int, changing changed: Set<Int> = []) -> String {
        (1...count).map { changed.contains($0) ? "X\($0)" : "\($0)" }.joined(separator: "\n")
    }

    @Test func singleChangeKeepsContextAndCountsSkipped() throws {
        let diff = TextDiff(old: document(20), new: document(20, changing: [10]))
        let hunks = diff.hunks(context: 3)
        #expect(hunks.count == 1)
        let hunk = try #require(hunks.first)
        #expect(hunk.skippedBefore == 6)
        #expect(hunk.oldStart == 7 && hunk.newStart == 7)
        #expect(hunk.oldCount == 7 && hunk.newCount == 7)
        #expect(hunk.lines.map(\.text) == ["7", "8", "9", "10", "X10", "11", "12", "13"])
        #expect(diff.trailingSkipped(context: 3) == 7)
    }

    @Test func distantChangesSplitIntoHunks() {
        let diff = TextDiff(old: document(30), new: document(30, changing: [5, 25]))
        let hunks = diff.hunks(context: 2)
        #expect(hunks.map(\.skippedBefore) == [2, 15])
        #expect(hunks.map(\.oldStart) == [3, 23])
        #expect(hunks.map { $0.lines.count } == [6, 6])
        #expect(diff.trailingSkipped(context: 2) == 3)
        // Every line is either shown or counted as skipped.
        let shown = hunks.reduce(0) { $0 + $1.lines.count }
        let skipped = hunks.reduce(0) { $0 + $1.skippedBefore } + diff.trailingSkipped(context: 2)
        #expect(shown + skipped == diff.lines.count)
    }

    @Test func gapOfTwiceContextStaysInOneHunk() {
        // Lines 6…11 between the changes: exactly 2 × 3, so nothing is collapsed.
        let diff = TextDiff(old: document(20), new: document(20, changing: [5, 12]))
        #expect(diff.hunks(context: 3).count == 1)
        // One more unchanged line in between and the run is collapsed.
        let wider = TextDiff(old: document(20), new: document(20, changing: [5, 13]))
        #expect(wider.hunks(context: 3).map(\.skippedBefore) == [1, 1])
    }

    @Test func zeroContextShowsOnlyChanges() {
        let diff = TextDiff(old: document(10), new: document(10, changing: [2, 3, 8]))
        let hunks = diff.hunks(context: 0)
        #expect(hunks.map { $0.lines.map(\.text) } == [["2", "3", "X2", "X3"], ["8", "X8"]])
        #expect(hunks.map(\.skippedBefore) == [1, 4])
        #expect(diff.trailingSkipped(context: 0) == 2)
    }

    @Test func insertionHunkStartsAtInsertionPoint() throws {
        let diff = TextDiff(old: "a\nb", new: "a\nb\nc")
        let hunk = try #require(diff.hunks(context: 0).first)
        #expect((hunk.oldStart, hunk.oldCount, hunk.newStart, hunk.newCount) == (3, 0, 3, 1))
        #expect(hunk.skippedBefore == 2)
    }

    @Test func sideBySidePairsRemovedWithAdded() throws {
        let diff = TextDiff(old: "top\nold one\nold two\nbottom", new: "top\nnew one\nnew two\nnew three\nbottom")
        let hunks = diff.sideBySide(context: 1)
        #expect(hunks.count == 1)
        let rows = try #require(hunks.first).rows
        #expect(rows.map { $0.left?.text } == ["top", "old one", "old two", nil, "bottom"])
        #expect(rows.map { $0.right?.text } == ["top", "new one", "new two", "new three", "bottom"])
        #expect(rows[0].left == rows[0].right)
        #expect(rows[1].left?.changedTexts == ["old"])
        #expect(rows[1].right?.changedTexts == ["new"])
    }

    @Test func sideBySideKeepsSeparateBlocksApart() {
        let rows = DiffRow.rows(for: TextDiff(old: "a\nb\nc", new: "A\nb").lines)
        #expect(rows.map { $0.left?.text } == ["a", "b", "c"])
        #expect(rows.map { $0.right?.text } == ["A", "b", nil])
    }
}
