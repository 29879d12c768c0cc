/// The tokens `WordDiff` compares: runs of letters and digits, runs of
/// whitespace, and single other characters.
struct WordTokenizer {
    struct Token {
        let text: Substring
        let isSpace: Bool
        /// Length in `Character`s.
        let length: Int
    }

    private enum Kind {
        case word, space, other
    }

    private(set) var tokens: [Token] = []
    /// True when every scalar came from the simple set below, which also
    /// means the text is in NFC (see `DocumentLines.isAlwaysNFC`).
    private(set) var isSimple = true

    init(_ text: Substring) {
        let scalars = text.unicodeScalars
        // Character iteration costs a grapheme-break check per step and
        // dominated word diffs. For scalars in the simple set every scalar is
        // a grapheme of its own (none extends, joins or pairs with another),
        // so walking scalars gives exactly the same tokens, much faster.
        guard scalars.allSatisfy(Self.isSimple) else {
            isSimple = false
            tokenizeCharacters(text)
            return
        }
        var start = scalars.startIndex
        while start < scalars.endIndex {
            let kind = Self.kind(of: scalars[start])
            var end = scalars.index(after: start)
            var length = 1
            if kind != .other {
                while end < scalars.endIndex, Self.kind(of: scalars[end]) == kind {
                    end = scalars.index(after: end)
                    length += 1
                }
            }
            tokens.append(Token(text: text[start..<end], isSpace: kind == .space, length: length))
            start = end
        }
    }

    private mutating func tokenizeCharacters(_ text: Substring) {
        var start = text.startIndex
        while start < text.endIndex {
            let kind = Self.kind(of: text[start])
            var end = text.index(after: start)
            var length = 1
            if kind != .other {
                while end < text.endIndex, Self.kind(of: text[end]) == kind {
                    end = text.index(after: end)
                    length += 1
                }
            }
            tokens.append(Token(text: text[start..<end], isSpace: kind == .space, length: length))
            start = end
        }
    }

    /// Characters in the non-whitespace tokens.
    static func visibleLength(_ tokens: ArraySlice<Token>) -> Int {
        var length = 0
        for token in tokens where !token.isSpace {
            length += token.length
        }
        return length
    }

    /// Latin up to U+02FF, Cyrillic without combining marks, and general
    /// punctuation: no grapheme-cluster rule ever joins two of these.
    private static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x400...0x482, 0x48A...0x52F, 0x2010...0x205E: true
        default: false
        }
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 { return kind(ascii: UInt8(value)) }
        switch value {
        case 0x400...0x481, 0x48A...0x52F: return .word
        case 0x2028, 0x2029, 0x202F: return .space
        case 0x2010...0x205E: return .other
        default: return kind(of: Character(scalar))
        }
    }

    private static func kind(of character: Character) -> Kind {
        if let ascii = character.asciiValue { return kind(ascii: ascii) }
        if character.isLetter || character.isNumber { return .word }
        return character.isWhitespace ? .space : .other
    }

    private static func kind(ascii: UInt8) -> Kind {
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            .word
        case UInt8(ascii: " "), 0x09...0x0D:
            .space
        default:
            .other
        }
    }
}
