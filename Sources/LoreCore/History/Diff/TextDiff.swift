/// Line-by-line comparison of two revisions of a document, with word-level
/// highlighting inside changed lines.
///
/// Before comparing, line endings are normalised (CRLF and lone CR become LF)
/// and lines that differ only in trailing spaces or tabs count as equal.
/// Lines are compared with `String` equality, so canonically equivalent
/// Unicode (precomposed "é" versus "e" + combining accent) is equal too.
public struct TextDiff: Sendable, Hashable {
    /// Within a change block the n-th removed line is paired with the n-th
    /// added line. A pair whose `WordDiff.similarity` reaches this value gets
    /// word-level highlighting; below it the lines are unrelated rewrites and
    /// highlighting scattered common words would only be noise, so each is
    /// marked changed as a whole.
    public static let minimumSimilarity = 0.3

    /// The unified diff: each change block lists its removed lines, then its added lines.
    public let lines: [DiffLine]
    /// Number of lines only in the new document.
    public let added: Int
    /// Number of lines only in the old document.
    public let removed: Int

    public var hasChanges: Bool { added > 0 || removed > 0 }

    public init(old: String, new: String) {
        let oldDocument = DocumentLines(old), newDocument = DocumentLines(new)
        let oldLines = oldDocument.lines, newLines = newDocument.lines
        let oldBodies = oldLines.map(DocumentLines.trimmingTrailingBlanks)
        let newBodies = newLines.map(DocumentLines.trimmingTrailingBlanks)
        let interned = LineInterner.intern(
            [(oldDocument.text[...], oldBodies), (newDocument.text[...], newBodies)],
            allKnownNFC: oldDocument.isKnownNFC && newDocument.isKnownNFC
        )
        let operations = LineDiff.diff(interned: interned.ids[0], interned.ids[1], idCount: interned.count)

        var builder = Builder(oldLines: oldLines, oldBodies: oldBodies, newLines: newLines, newBodies: newBodies)
        var index = 0
        while index < operations.count {
            switch operations[index] {
            case .equal(let oldRange, let newRange):
                builder.appendUnchanged(old: oldRange, new: newRange)
            case .delete(let oldRange, let position):
                var newRange = position..<position
                if index + 1 < operations.count, case .insert(let inserted, _) = operations[index + 1] {
                    newRange = inserted
                    index += 1
                }
                builder.appendChange(old: oldRange, new: newRange)
            case .insert(let newRange, let position):
                builder.appendChange(old: position..<position, new: newRange)
            }
            index += 1
        }
        self.lines = builder.lines
        self.added = builder.added
        self.removed = builder.removed
    }

    /// Assembles `DiffLine`s from the line-level edit script.
    private struct Builder {
        let oldLines: [Substring], oldBodies: [Substring]
        let newLines: [Substring], newBodies: [Substring]
        var lines: [DiffLine] = []
        var added = 0
        var removed = 0

        init(oldLines: [Substring], oldBodies: [Substring], newLines: [Substring], newBodies: [Substring]) {
            self.oldLines = oldLines
            self.oldBodies = oldBodies
            self.newLines = newLines
            self.newBodies = newBodies
            lines.reserveCapacity(max(oldLines.count, newLines.count))
        }

        mutating func appendUnchanged(old: Range<Int>, new: Range<Int>) {
            for (oldIndex, newIndex) in zip(old, new) {
                let text = String(newLines[newIndex])
                lines.append(DiffLine(
                    kind: .unchanged, oldNumber: oldIndex + 1, newNumber: newIndex + 1,
                    text: text, highlighted: nil
                ))
            }
        }

        mutating func appendChange(old: Range<Int>, new: Range<Int>) {
            // nil marks a line that is unpaired or too different from its partner.
            var oldSegments = [[DiffSegment]?](repeating: nil, count: old.count)
            var newSegments = [[DiffSegment]?](repeating: nil, count: new.count)
            for (offset, (oldIndex, newIndex)) in zip(old, new).enumerated() {
                let words = WordDiff(
                    oldLine: oldLines[oldIndex], oldBody: oldBodies[oldIndex],
                    newLine: newLines[newIndex], newBody: newBodies[newIndex]
                )
                if words.similarity >= TextDiff.minimumSimilarity {
                    oldSegments[offset] = words.old
                    newSegments[offset] = words.new
                }
            }
            for (offset, oldIndex) in old.enumerated() {
                let text = String(oldLines[oldIndex])
                lines.append(DiffLine(
                    kind: .removed, oldNumber: oldIndex + 1, newNumber: nil, text: text,
                    highlighted: oldSegments[offset]
                ))
            }
            for (offset, newIndex) in new.enumerated() {
                let text = String(newLines[newIndex])
                lines.append(DiffLine(
                    kind: .added, oldNumber: nil, newNumber: newIndex + 1, text: text,
                    highlighted: newSegments[offset]
                ))
            }
            removed += old.count
            added += new.count
        }
    }
}
