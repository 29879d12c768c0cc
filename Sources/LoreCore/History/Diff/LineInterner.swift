/// Gives every distinct line of several documents one id, comparing lines
/// with `String` semantics (canonical equivalence).
enum LineInterner {
    /// Ids per document, in the same shape as `documents`, and the id count.
    /// Each document is a `scope` (a document or a single line) and pieces
    /// of text that must all lie within it: its lines or its word tokens.
    ///
    /// `String` hashing has to normalise non-ASCII text, which made hashing
    /// Cyrillic lines the most expensive step of a whole diff. When all
    /// documents are known to be NFC already, equal strings have equal bytes,
    /// so comparing raw UTF-8 gives the same answer much faster.
    static func intern(
        _ documents: [(scope: Substring, lines: [Substring])], allKnownNFC: Bool
    ) -> (ids: [[Int]], count: Int) {
        if allKnownNFC {
            return internBytes(documents)
        }
        var interner = TokenInterner<Substring>(capacity: documents.reduce(0) { $0 + $1.lines.count })
        let ids = documents.map { interner.intern($0.lines) }
        return (ids, interner.count)
    }

    /// Byte-wise interning in a flat open-addressing table of line numbers.
    /// Unlike a `Dictionary` of substrings this does no reference counting
    /// per line. Hashes come from the randomly seeded `Hasher`, so crafted
    /// revisions cannot force collisions.
    private static func internBytes(_ documents: [(scope: Substring, lines: [Substring])]) -> (ids: [[Int]], count: Int) {
        // Copy each scope once and address its pieces by byte offset.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documents.reduce(0) { $0 + $1.scope.utf8.count })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(documents.reduce(0) { $0 + $1.lines.count })
        for (scope, lines) in documents {
            let utf8 = scope.base.utf8
            let offset = bytes.count - utf8.distance(from: utf8.startIndex, to: scope.startIndex)
            // Substring's UTF-8 view is copied byte by byte unless asked for its storage.
            let copied: Void? = scope.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil {
                bytes.append(contentsOf: scope.utf8)
            }
            for line in lines where line.startIndex >= scope.startIndex && line.endIndex <= scope.endIndex {
                let start = utf8.distance(from: utf8.startIndex, to: line.startIndex)
                let end = utf8.distance(from: utf8.startIndex, to: line.endIndex)
                ranges.append((offset + start)..<(offset + end))
            }
        }
        guard ranges.count == documents.reduce(0, { $0 + $1.lines.count }) else {
            // A piece outside its scope is a caller bug; stay correct anyway.
            return intern(documents, allKnownNFC: false)
        }

        var lineIDs = [Int](repeating: 0, count: ranges.count)
        var count = 0
        bytes.withUnsafeBytes { raw in
            var capacity = 16
            while capacity < 2 * ranges.count { capacity *= 2 }
            let mask = capacity - 1
            // Slots hold the first line seen with a text (or -1); packing the
            // hash into the slots as well measured slower, not faster.
            var slots = [Int](repeating: -1, count: capacity)
            var hashes = [Int](repeating: 0, count: ranges.count)
            for (line, range) in ranges.enumerated() {
                let text = UnsafeRawBufferPointer(rebasing: raw[range])
                var hasher = Hasher()
                hasher.combine(bytes: text)
                let hash = hasher.finalize()
                hashes[line] = hash
                var slot = hash & mask
                while true {
                    let other = slots[slot]
                    if other < 0 {
                        slots[slot] = line
                        lineIDs[line] = count
                        count += 1
                        break
                    }
                    if hashes[other] == hash, equal(text, UnsafeRawBufferPointer(rebasing: raw[ranges[other]])) {
                        lineIDs[line] = lineIDs[other]
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }

        var ids: [[Int]] = []
        var start = 0
        for document in documents {
            ids.append(Array(lineIDs[start..<(start + document.lines.count)]))
            start += document.lines.count
        }
        return (ids, count)
    }

    /// Byte comparison eight bytes at a time.
    private static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        var offset = 0
        while offset + 8 <= left.count {
            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < left.count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }
}
