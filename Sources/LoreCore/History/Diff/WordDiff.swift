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
        let oldTokens = Self.tokenize(oldBody)
        let newTokens = Self.tokenize(newBody)
        var oldSegments = SegmentBuilder(line: oldLine)
        var newSegments = SegmentBuilder(line: newLine)
        var shared = 0
        for operation in LineDiff.diff(old: oldTokens, new: newTokens) {
            switch operation {
            case .equal(let oldRange, let newRange):
                for token in oldTokens[oldRange] where !Self.isWhitespace(token) {
                    shared += token.count
                }
                if let last = oldTokens[oldRange].last, let newLast = newTokens[newRange].last {
                    oldSegments.extend(to: last.endIndex, changed: false)
                    newSegments.extend(to: newLast.endIndex, changed: false)
                }
            case .delete(let oldRange, _):
                if let last = oldTokens[oldRange].last {
                    oldSegments.extend(to: last.endIndex, changed: true)
                }
            case .insert(let newRange, _):
                if let last = newTokens[newRange].last {
                    newSegments.extend(to: last.endIndex, changed: true)
                }
            }
        }
        let total = Self.visibleLength(oldTokens) + Self.visibleLength(newTokens)
        self.old = oldSegments.build()
        self.new = newSegments.build()
        self.similarity = total == 0 ? 1 : Double(2 * shared) / Double(total)
    }

    /// Splits text into runs of letters and digits (in any script), runs of
    /// whitespace, and single other characters such as punctuation. Works on
    /// `Character`s, so combining marks stay with their letter.
    public static func tokenize(_ text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let first = text[start]
            var end = text.index(after: start)
            if isWordCharacter(first) {
                while end < text.endIndex, isWordCharacter(text[end]) {
                    end = text.index(after: end)
                }
            } else if isSpace(first) {
                while end < text.endIndex, isSpace(text[end]) {
                    end = text.index(after: end)
                }
            }
            tokens.append(text[start..<end])
            start = end
        }
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        // Unicode property lookups dominate tokenizing; ASCII needs none.
        if let ascii = character.asciiValue {
            return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
                || (ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9"))
        }
        return character.isLetter || character.isNumber
    }

    private static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return ascii == UInt8(ascii: " ") || (ascii >= 0x09 && ascii <= 0x0D)
        }
        return character.isWhitespace
    }

    private static func isWhitespace(_ token: Substring) -> Bool {
        token.first.map(isSpace) ?? true
    }

    private static func visibleLength(_ tokens: [Substring]) -> Int {
        var length = 0
        for token in tokens where !isWhitespace(token) {
            length += token.count
        }
        return length
    }
}
