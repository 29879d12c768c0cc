import Testing
@testable import LoreCore

@Suite struct LineDiffTests {
    @Test func emptySequences() {
        #expect(LineDiff.diff(old: [Int](), new: []).isEmpty)
        #expect(LineDiff.diff(old: [], new: [1, 2]) == [.insert(new: 0..<2, at: 0)])
        #expect(LineDiff.diff(old: [1, 2], new: []) == [.delete(old: 0..<2, at: 0)])
    }

    @Test func identicalIsOneEqualRun() {
        #expect(LineDiff.diff(old: [1, 2, 3], new: [1, 2, 3]) == [.equal(old: 0..<3, new: 0..<3)])
    }

    @Test func replacementPutsDeleteBeforeInsert() {
        let script = LineDiff.diff(old: [1, 2, 3], new: [1, 9, 3])
        #expect(script == [
            .equal(old: 0..<1, new: 0..<1),
            .delete(old: 1..<2, at: 1),
            .insert(new: 1..<2, at: 2),
            .equal(old: 2..<3, new: 2..<3),
        ])
    }

    @Test func myersPaperExampleNeedsFiveEdits() {
        let old = Array("ABCABBA"), new = Array("CBABAC")
        let script = LineDiff.diff(old: old, new: new)
        #expect(editCount(script) == 5)
        #expect(apply(script, to: old, new: new) == new)
    }

    @Test func largeIDsTakeTheInterningPath() {
        let old = [Int.max, -5, 1 << 40, 7], new = [-5, 7, Int.min]
        let script = LineDiff.diff(old: old, new: new)
        #expect(apply(script, to: old, new: new) == new)
        #expect(editCount(script) == old.count + new.count - 2 * lcsLength(old, new))
    }

    @Test func randomScriptsRebuildNewAndAreMinimal() {
        var random = SplitMix64(seed: 0x5EED_D1FF)
        for _ in 0..<400 {
            let alphabet = Int.random(in: 1...6, using: &random)
            let old = (0..<Int.random(in: 0...24, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            var new = old
            // Mostly small edits of old, sometimes an unrelated sequence, so
            // both the near-identical and the heavy-rewrite paths are covered.
            if Int.random(in: 0..<4, using: &random) == 0 {
                new = (0..<Int.random(in: 0...24, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            } else {
                for _ in 0..<Int.random(in: 0...5, using: &random) {
                    let position = Int.random(in: 0...new.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: new.insert(Int.random(in: 0..<alphabet + 2, using: &random), at: position)
                    case 1 where position < new.count: new.remove(at: position)
                    default: if position < new.count { new[position] = Int.random(in: 0..<alphabet, using: &random) }
                    }
                }
            }
            let script = LineDiff.diff(old: old, new: new)
            #expect(apply(script, to: old, new: new) == new, "old \(old) new \(new)")
            #expect(editCount(script) <= old.count + new.count)
            #expect(editCount(script) == old.count + new.count - 2 * lcsLength(old, new), "old \(old) new \(new)")
        }
    }

    @Test func stringTokensWork() {
        let old = ["the", " ", "cat"], new = ["the", " ", "dog"]
        let script = LineDiff.diff(old: old, new: new)
        #expect(editCount(script) == 2)
        #expect(apply(script, to: old, new: new) == new)
    }
}
