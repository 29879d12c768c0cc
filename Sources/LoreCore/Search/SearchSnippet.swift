import GRDB

/// A search result's snippet: two dozen words of a page's text around the query's words, those
/// marked (``SearchHighlight``), made from the positions the ranking noted (``InstanceRecorder``)
/// and the text split into words as the index split it.
///
/// The body reads best: the snippet comes from it when the query's words are there, else from
/// the column where they are (the title, a heading, the category), which says why the page was
/// found. Windows are chosen as FTS5's snippet() chooses them: one scores 1000 for each of the
/// query's concepts in it and 1 for each repeat, 100 more when it starts a sentence (120 at the
/// start of the text), and is centred on its words otherwise.
struct SearchSnippet {
    /// Where a phrase of one concept was found: its first and last token positions in a column.
    struct Span {
        let concept: Int
        let column: Int
        let first: Int
        let last: Int
    }

    static let length = 24
    static let bodyColumn = 2

    /// The snippet, the words found between ``SearchHighlight`` markers.
    let text: String
    /// The concepts found anywhere in the page.
    let concepts: Set<Int>

    /// `columns`: the page's indexed text, column by column; `tokenizer`: the index's word splitter.
    init(spans: [Span], columns: [String], tokenizer: any FTS5Tokenizer) {
        concepts = Set(spans.map(\.concept))
        let inBody = spans.contains { $0.column == Self.bodyColumn }
        let candidates = inBody ? [Self.bodyColumn] : Array(Set(spans.map(\.column))).sorted()
        var best: (score: Int, start: Int, spans: [Span], tokens: [Range<Int>], bytes: [UInt8])?
        for column in candidates.isEmpty ? [Self.bodyColumn] : candidates where column < columns.count {
            let bytes = Array(columns[column].utf8)
            let tokens = Self.tokens(bytes, tokenizer)
            let found = spans.filter { $0.column == column && $0.first < tokens.count }.sorted { $0.first < $1.first }
            let window = Self.bestWindow(found, tokens: tokens, bytes: bytes)
            if window.score > best?.score ?? -1 { best = (window.score, window.start, found, tokens, bytes) }
        }
        guard let best else {
            text = ""
            return
        }
        text = Self.render(best.bytes, best.tokens, from: best.start, marking: best.spans)
    }

    /// The best window's first token, and its score.
    private static func bestWindow(_ spans: [Span], tokens: [Range<Int>], bytes: [UInt8]) -> (start: Int, score: Int) {
        var best = (start: 0, score: 0)
        let starts = sentenceStarts(tokens, bytes)
        for span in spans {
            let centred = score(spans, from: span.first, count: tokens.count)
            if centred.score > best.score { best = (centred.start, centred.score) }
            // The sentence the words are in, when the text is longer than a snippet.
            guard tokens.count > length, let sentence = starts.last(where: { $0 <= span.first }), sentence < span.first else { continue }
            let opening = score(spans, from: sentence, count: tokens.count).score + (sentence == 0 ? 120 : 100)
            if opening > best.score { best = (sentence, opening) }
        }
        return best
    }

    /// The score of the window of ``length`` tokens from `position`, and where a window centred
    /// on the words it holds starts.
    private static func score(_ spans: [Span], from position: Int, count: Int) -> (start: Int, score: Int) {
        var seen: Set<Int> = []
        var score = 0
        var first = -1
        var last = 0
        for span in spans where span.first >= position && span.first < position + length {
            score += seen.insert(span.concept).inserted ? 1000 : 1
            if first < 0 { first = span.first }
            last = max(last, span.last + 1)
        }
        var start = first - (length - (last - first)) / 2
        if start + length > count { start = count - length }
        return (max(start, 0), score)
    }

    /// Positions of the tokens that start a sentence or a line: the first one, and those after
    /// a full stop, colon, exclamation or question mark and a space, or after a line break.
    private static func sentenceStarts(_ tokens: [Range<Int>], _ bytes: [UInt8]) -> [Int] {
        guard !tokens.isEmpty else { return [] }
        var starts = [0]
        for position in tokens.indices.dropFirst() {
            var index = tokens[position].lowerBound - 1
            var spaced = false
            while index >= tokens[position - 1].upperBound, [0x20, 0x09, 0x0C, 0x0D].contains(bytes[index]) {
                index -= 1
                spaced = true
            }
            guard index >= tokens[position - 1].upperBound else { continue }
            let byte = bytes[index]
            if byte == 0x0A || (spaced && [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(byte)) {
                starts.append(position)
            }
        }
        return starts
    }

    /// The window's text, with an ellipsis where it cuts the text and the spans in it (in order
    /// of their first token) marked, overlapping ones as one.
    private static func render(_ bytes: [UInt8], _ tokens: [Range<Int>], from start: Int, marking spans: [Span]) -> String {
        guard !tokens.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        let end = min(start + length, tokens.count) - 1
        var marks: [(first: Int, last: Int)] = []
        for span in spans where span.last >= start && span.first <= end {
            let first = max(span.first, start)
            let last = min(span.last, end)
            if let previous = marks.last, first <= previous.last {
                marks[marks.count - 1].last = max(previous.last, last)
            } else {
                marks.append((first, last))
            }
        }
        var output: [UInt8] = []
        var cursor = 0
        if start > 0 {
            output += Self.ellipsis
            cursor = tokens[start].lowerBound
        }
        for mark in marks {
            output += bytes[cursor..<tokens[mark.first].lowerBound]
            output += SearchHighlight.start.utf8
            output += bytes[tokens[mark.first].lowerBound..<tokens[mark.last].upperBound]
            output += SearchHighlight.end.utf8
            cursor = tokens[mark.last].upperBound
        }
        if end == tokens.count - 1 {
            output += bytes[cursor...]
        } else {
            output += bytes[cursor..<tokens[end].upperBound]
            output += Self.ellipsis
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let ellipsis = Array("…".utf8)

    /// Each token's bytes in `bytes`, by position: the positions the index gave its words.
    private static func tokens(_ bytes: [UInt8], _ tokenizer: any FTS5Tokenizer) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withUnsafeMutablePointer(to: &tokens) { list in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                    _ = tokenizer.tokenize(context: list, tokenization: .aux, pText: text, nText: CInt(buffer.count)) { context, flags, _, _, start, end in
                        guard let context, flags & FTS5TokenFlags.colocated.rawValue == 0 else { return 0 }
                        context.assumingMemoryBound(to: [Range<Int>].self).pointee.append(Int(start)..<Int(end))
                        return 0
                    }
                }
            }
        }
        return tokens
    }
}
