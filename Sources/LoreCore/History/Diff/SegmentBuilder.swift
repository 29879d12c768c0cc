/// Collects consecutive pieces of one line and turns them into segments.
///
/// Pieces are tracked as index ranges of the line so that merging neighbours
/// of the same kind is free; strings are only made once at the end.
struct SegmentBuilder {
    private let line: Substring
    private var cursor: String.Index
    private var pieces: [(range: Range<String.Index>, changed: Bool)] = []

    init(line: Substring) {
        self.line = line
        self.cursor = line.startIndex
    }

    /// Extends the line covered so far up to `end`, with the given highlighting.
    mutating func extend(to end: String.Index, changed: Bool) {
        guard end > cursor, end <= line.endIndex else { return }
        if let last = pieces.last, last.changed == changed {
            pieces[pieces.count - 1].range = last.range.lowerBound..<end
        } else {
            pieces.append((cursor..<end, changed))
        }
        cursor = end
    }

    /// The segments, with any uncovered rest of the line added as unchanged.
    ///
    /// Whitespace that merely separates two changed pieces is folded into the
    /// change: "a b" → "x y" then reads as one replaced phrase rather than two
    /// words with an unchanged gap between them.
    func build() -> [DiffSegment] {
        var pieces = self.pieces
        if cursor < line.endIndex {
            pieces.append((cursor..<line.endIndex, false))
        }
        var merged: [(range: Range<String.Index>, changed: Bool)] = []
        for (position, piece) in pieces.enumerated() {
            var changed = piece.changed
            if !changed, position > 0, position + 1 < pieces.count,
               pieces[position - 1].changed, pieces[position + 1].changed,
               line[piece.range].allSatisfy(\.isWhitespace) {
                changed = true
            }
            if let last = merged.last, last.changed == changed {
                merged[merged.count - 1].range = last.range.lowerBound..<piece.range.upperBound
            } else {
                merged.append((piece.range, changed))
            }
        }
        return merged.map { DiffSegment(text: String(line[$0.range]), changed: $0.changed) }
    }
}
