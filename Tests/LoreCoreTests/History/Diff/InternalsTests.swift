import Foundation
import Testing
@testable import LoreCore

/// Checks for the fast paths, each against a slow reference.
@Suite struct InternalsTests {
    /// Characters chosen to hit every branch of the byte scans: ASCII, two-byte
    /// leads inside and outside the whitelist (0xD2/0xD4 neighbours, combining
    /// marks), three- and four-byte scalars, CR and LF.
    private static let pool: [String] = [
        "a", "Z", "7", " ", "\t", ",", "\n", "\r", "\r\n", "é", "«", "ж", "Ё", "ґ", "\u{483}", "Ԁ", "\u{52F}",
        "\u{530}", "Ա", "\u{301}", "—", "“", "€", "№", "😀", "👍🏽", "日", "Ω", "\u{2028}", "ά",
    ]

    /// Only scalars the tokenizer's scalar path accepts, so that path is taken.
    private static let simplePool: [String] = [
        "a", "Z", "7", " ", "\t", ",", "é", "«", "ж", "Ё", "ґ", "Ԁ", "\u{52F}", "—", "“", "\u{2028}", "\u{202F}",
        "\u{A0}", "²", "ʰ", "\u{482}", "_",
    ]

    private func randomText(_ random: inout SplitMix64, maxLength: Int = 40, pool: [String] = pool) -> String {
        (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in pool.randomElement(using: &random) ?? "" }.joined()
    }

    @Test func lineSplittingMatchesNaiveSplit() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let text = randomText(&random)
            // Reference: scalar by scalar, where "\r\n" is no single Character.
            var lines: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                if scalar == "\n" && previousWasCR {
                    previousWasCR = false
                    continue
                }
                previousWasCR = scalar == "\r"
                if scalar == "\n" || scalar == "\r" {
                    lines.append(String.UnicodeScalarView())
                } else {
                    lines[lines.count - 1].append(scalar)
                }
            }
            var expected = lines.map(String.init)
            if expected.last == "" { expected.removeLast() }
            let normalized = expected.joined(separator: "\n")
            let document = DocumentLines(text)
            #expect(document.lines.map(String.init) == expected, "\(text.debugDescription)")
            let allWhitelisted = normalized.unicodeScalars.allSatisfy { DocumentLines.isAlwaysNFC($0.value) }
            #expect(document.isKnownNFC == allWhitelisted, "\(text.debugDescription)")
        }
    }

    @Test func knownNFCExamples() {
        #expect(DocumentLines("Отпуск — «28» дней… №5 € 😀").isKnownNFC)
        #expect(!DocumentLines("cafe\u{301}").isKnownNFC)
        #expect(!DocumentLines("日本語").isKnownNFC)
    }

    /// Every whitelisted scalar is its own NFC form and a starter, the two
    /// facts the byte-equality shortcut relies on.
    @Test func whitelistedScalarsAreStableUnderNFC() {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x205E, 0x20A0...0x20C0, 0x2116...0x2116,
            0x2122...0x2122, 0x1F300...0x1FAFF,
        ]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(DocumentLines.isAlwaysNFC(value))
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
                let nfc = String(Character(scalar)).precomposedStringWithCanonicalMapping
                #expect(nfc.unicodeScalars.elementsEqual([scalar]), "U+\(String(value, radix: 16))")
            }
        }
        #expect(!DocumentLines.isAlwaysNFC(0x301))
        #expect(!DocumentLines.isAlwaysNFC(0x2126))
    }

    @Test func bothInterningPathsAgree() {
        var random = SplitMix64(seed: 12)
        let vocabulary = ["", "a", "b", "ж", "жж", "— x", "a ", "😀"]
        for _ in 0..<200 {
            let documents = (0..<3).map { _ in
                (0..<Int.random(in: 0...10, using: &random)).map { _ in vocabulary.randomElement(using: &random) ?? "" }
                    .joined(separator: "\n")
            }
            let split = documents.map { text in (text[...], DocumentLines(text).lines) }
            let bytes = LineInterner.intern(split, allKnownNFC: true)
            let strings = LineInterner.intern(split, allKnownNFC: false)
            #expect(bytes.ids == strings.ids)
            #expect(bytes.count == strings.count)
        }
    }

    @Test func scalarTokenizerMatchesCharacterTokenizer() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let mixed = String(String.UnicodeScalarView(randomText(&random).unicodeScalars.filter { $0 != "\r" }))
            let simple = randomText(&random, maxLength: 12, pool: Self.simplePool)
            #expect(WordTokenizer(simple[...]).isSimple)
            for text in [mixed, simple] {
                #expect(WordDiff.tokenize(text[...]) == referenceTokens(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func simpleScalarsNeverJoinIntoOneCharacter() {
        let simple = Array(0..<0x300) + Array(0x400...0x482) + Array(0x48A...0x52F) + Array(0x2010...0x205E)
        let scalars = simple.compactMap(Unicode.Scalar.init).filter { $0 != "\r" }
        var random = SplitMix64(seed: 14)
        for _ in 0..<100_000 {
            guard let first = scalars.randomElement(using: &random), let second = scalars.randomElement(using: &random) else { continue }
            var pair = String.UnicodeScalarView()
            pair.append(first)
            pair.append(second)
            #expect(String(pair).count == 2, "U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
        }
    }

    @Test func costLimitKeepsScriptsValid() {
        var random = SplitMix64(seed: 15)
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int.random(in: 0..<8, using: &random) }
            let new = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int.random(in: 0..<8, using: &random) }
            let limit = Int.random(in: 1...4, using: &random)
            let script = LineDiff.diff(interned: old, new, idCount: 8, costLimit: limit)
            #expect(apply(script, to: old, new: new) == new, "old \(old) new \(new) limit \(limit)")
            #expect(editCount(script) <= old.count + new.count)
        }
    }

    @Test func reorderedDocumentStaysFastAndValid() {
        var random = SplitMix64(seed: 16)
        let old = Array(0..<3000)
        let new = old.shuffled(using: &random)
        let script = LineDiff.diff(old: old, new: new)
        #expect(apply(script, to: old, new: new) == new)
    }

    /// The specification of `WordDiff.tokenize`, written the slow way.
    private func referenceTokens(_ text: String) -> [Substring] {
        func kind(_ character: Character) -> Int {
            character.isLetter || character.isNumber ? 0 : character.isWhitespace ? 1 : 2
        }
        var tokens: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            var end = text.index(after: start)
            let first = kind(text[start])
            while first != 2, end < text.endIndex, kind(text[end]) == first {
                end = text.index(after: end)
            }
            tokens.append(text[start..<end])
            start = end
        }
        return tokens
    }
}
