/// A document split into lines the way both the diff and the merge see them.
struct DocumentLines {
    /// The text after line-ending normalisation; every line is a slice of it.
    let text: String
    /// Lines after CRLF and lone CR became LF. A final newline does not start
    /// another line, so "" has no lines and "a" and "a\n" have one each.
    let lines: [Substring]
    /// True when every scalar is one that is always in Unicode NFC (see
    /// `isAlwaysNFC`). Such text equals other such text exactly when the
    /// bytes are equal, which lets `LineInterner` skip Unicode-aware hashing.
    let isKnownNFC: Bool

    init(_ original: String) {
        var text = original
        text.makeContiguousUTF8()
        var scan = Self.withBytes(of: text, ByteScan.init)
        if scan.hasCarriageReturn {
            text = Self.normalizingLineEndings(text)
            scan = Self.withBytes(of: text, ByteScan.init)
        }
        var lines: [Substring] = []
        lines.reserveCapacity(scan.lineFeeds.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        // LF is ASCII, never inside a multi-byte sequence, and (with CR gone)
        // always a grapheme boundary, so indices made from its offsets are valid.
        for offset in scan.lineFeeds {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        if start != utf8.endIndex {
            lines.append(text[start..<utf8.endIndex])
        }
        self.text = text
        self.lines = lines
        self.isKnownNFC = scan.isKnownNFC
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Facts gathered from the raw bytes. Each pass skips eight plain bytes
    /// at a time (SWAR) because most of a Markdown document is such bytes.
    private struct ByteScan {
        var lineFeeds: [Int] = []
        var hasCarriageReturn = false
        var isKnownNFC = true

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if !Self.containsByte(word, 0x0A), !Self.containsByte(word, 0x0D) {
                        index += 8
                        continue
                    }
                }
                switch bytes[index] {
                case 0x0A: lineFeeds.append(index)
                case 0x0D: hasCarriageReturn = true
                default: break
                }
                index += 1
            }
            isKnownNFC = Self.isKnownNFC(bytes, raw)
        }

        /// Decodes only what it must: bytes below 0xCC (ASCII, continuation
        /// bytes, two-byte leads up to U+02FF) and the leads 0xD0, 0xD1, 0xD3
        /// (Cyrillic U+0400–047F, U+04C0–04FF) are whitelisted whatever
        /// follows, so Latin and Russian text is skipped eight bytes at a time.
        private static func isKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>, _ raw: UnsafeRawBufferPointer) -> Bool {
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count,
                   !needsDecoding(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let lead = bytes[index]
                if lead < 0xCC || lead == 0xD0 || lead == 0xD1 || lead == 0xD3 {
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard index + length <= bytes.count else { return false }
                var scalar = UInt32(lead) & (0xFF >> (length + 1))
                for offset in 1..<length {
                    scalar = scalar << 6 | (UInt32(bytes[index + offset]) & 0x3F)
                }
                guard DocumentLines.isAlwaysNFC(scalar) else { return false }
                index += length
            }
            return true
        }

        /// Whether `word` holds a byte that is 0xCC–0xCF, 0xD2 or 0xD4 and up
        /// (the complement of the whitelist above). Adding to the low seven
        /// bits never carries into the next byte, so bytes stay independent.
        private static func needsDecoding(_ word: UInt64) -> Bool {
            let high = word & 0x8080_8080_8080_8080
            guard high != 0 else { return false }
            let low = word & 0x7F7F_7F7F_7F7F_7F7F
            let atLeastD4 = low &+ 0x2C2C_2C2C_2C2C_2C2C
            let fromCCtoCF = (low &+ 0x3434_3434_3434_3434) & ~(low &+ 0x3030_3030_3030_3030)
            return (atLeastD4 | fromCCtoCF) & high != 0 || containsByte(word, 0xD2)
        }

        /// Whether any byte of `word` equals `byte` (the classic zero-byte test).
        private static func containsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
            let spread = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
            return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
        }
    }

    /// Scalars with canonical combining class 0 and NFC quick-check "Yes":
    /// text made only of them is in NFC (UAX #15 quick check), so canonical
    /// equivalence between such texts is plain byte equality. The list is
    /// deliberately short — Latin, Cyrillic, common typography and emoji;
    /// anything else just takes the slower, fully Unicode-aware path.
    static func isAlwaysNFC(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300: true                        // Latin, IPA, spacing modifiers
        case 0x400...0x482, 0x48A...0x52F: true     // Cyrillic without its combining marks
        case 0x2010...0x205E: true                  // dashes, quotes, bullets, primes
        case 0x20A0...0x20C0, 0x2116, 0x2122: true  // currency, №, ™
        case 0x1F300...0x1FAFF: true                // emoji
        default: false
        }
    }

    static func normalizingLineEndings(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousWasCR = true
            } else {
                if !(byte == UInt8(ascii: "\n") && previousWasCR) {
                    bytes.append(byte)
                }
                previousWasCR = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func endsWithNewline(_ text: String) -> Bool {
        let last = text.utf8.last
        return last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")
    }

    /// `line` without trailing spaces and tabs: editors add and strip these
    /// silently, and in Markdown they rarely change what a reader sees.
    static func trimmingTrailingBlanks(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        var end = utf8.endIndex
        while end != utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { break }
            end = before
        }
        return line[line.startIndex..<end]
    }
}
