/// Word-level comparison of two lines, for highlighting what changed inside them.
public struct WordDiff: Sendable, Hashable {
    /// The old line with removed pieces marked changed.
    public let old: [DiffSegment]
    /// The new line with added pieces marked changed.
    public let new: [DiffSegment]
    /// 2 × (characters in unchanged non-whitespace tokens on one side)
    /// ÷ (non-whitespace characters of both lines), in 0...1. Whitespace is
    /// left out so that two lines sharing only spaces do not look related.
    /// Two lines without any non-whitespace characters count as identical (1).
    public let similarity: Double

    public init(old: String, new: String) {
        self.init(oldLine: old[...], oldBody: old[...], newLine: new[...], newBody: new[...])
    }

    /// Compares the bodies (prefixes of the lines) token by token; whatever
    /// follows a body in its line is reported as unchanged.
    init(oldLine: Substring, oldBody: Substring, newLine: Substring, newBody: Substring) {
        let oldTokens = WordTokenizer(oldBody), newTokens = WordTokenizer(newBody)
        let interned = LineInterner.intern(
            [(oldBody, oldTokens.tokens.map(\.text)), (newBody, newTokens.tokens.map(\.text))],
            allKnownNFC: oldTokens.isSimple && newTokens.isSimple
        )
        var oldSegments = SegmentBuilder(line: oldLine)
        var newSegments = SegmentBuilder(line: newLine)
        var shared = 0
        for operation in LineDiff.diff(interned: interned.ids[0], interned.ids[1], idCount: interned.count) {
            switch operation {
            case .equal(let oldRange, let newRange):
                shared += WordTokenizer.visibleLength(oldTokens.tokens[oldRange])
                if let last = oldTokens.tokens[oldRange].last, let newLast = newTokens.tokens[newRange].last {
                    oldSegments.extend(to: last.text.endIndex, changed: false)
                    newSegments.extend(to: newLast.text.endIndex, changed: false)
                }
            case .delete(let oldRange, _):
                if let last = oldTokens.tokens[oldRange].last {
                    oldSegments.extend(to: last.text.endIndex, changed: true)
                }
            case .insert(let newRange, _):
                if let last = newTokens.tokens[newRange].last {
                    newSegments.extend(to: last.text.endIndex, changed: true)
                }
            }
        }
        let total = WordTokenizer.visibleLength(oldTokens.tokens[...]) + WordTokenizer.visibleLength(newTokens.tokens[...])
        self.old = oldSegments.build()
        self.new = newSegments.build()
        self.similarity = total == 0 ? 1 : Double(2 * shared) / Double(total)
    }

    /// Splits text into runs of letters and digits (in any script), runs of
    /// whitespace, and single other characters such as punctuation. Works on
    /// `Character`s, so combining marks stay with their letter.
    public static func tokenize(_ text: Substring) -> [Substring] {
        WordTokenizer(text).tokens.map(\.text)
    }
}
