import CCmark

/// GFM's extended autolinks: `www.…`, `http://…`, `https://…` and e-mail addresses in text
/// become links, without the angle brackets CommonMark needs. Trailing punctuation stays
/// text, and so does a closing parenthesis that has no opening one in the link.
enum ExtendedAutolinks {
    static func apply(_ texts: [OpaquePointer]) {
        for text in texts {
            guard let literal = cmark_node_get_literal(text) else { continue }
            let content = Array(String(cString: literal))
            guard content.contains(where: { $0 == "." }) else { continue }
            let found = links(in: content)
            guard !found.isEmpty else { continue }
            var position = 0
            for link in found {
                if link.range.lowerBound > position { insertText(String(content[position..<link.range.lowerBound]), before: text) }
                let node = cmark_node_new(CMARK_NODE_LINK)
                cmark_node_set_url(node, link.url)
                let label = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(label, String(content[link.range]))
                cmark_node_append_child(node, label)
                cmark_node_insert_before(text, node)
                position = link.range.upperBound
            }
            if position < content.count { insertText(String(content[position...]), before: text) }
            cmark_node_unlink(text)
            cmark_node_free(text)
        }
    }

    private static func insertText(_ literal: String, before node: OpaquePointer) {
        let piece = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(piece, literal)
        cmark_node_insert_before(node, piece)
    }

    struct Found: Equatable {
        let range: Range<Int>
        let url: String
    }

    static func links(in text: [Character]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < text.count {
            let atBoundary = index == 0 || text[index - 1].isWhitespace || "*_~(".contains(text[index - 1])
            if atBoundary, let link = webLink(text, at: index) {
                found.append(link)
                index = link.range.upperBound
            } else if text[index] == "@", let link = email(text, at: index, after: found.last?.range.upperBound ?? 0) {
                found.append(link)
                index = link.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private static func starts(_ text: [Character], _ index: Int, with prefix: String) -> Bool {
        let characters = Array(prefix)
        guard index + characters.count <= text.count else { return false }
        return zip(text[index..<(index + characters.count)], characters).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    private static func webLink(_ text: [Character], at start: Int) -> Found? {
        var domainStart = start
        var scheme = ""
        if starts(text, start, with: "https://") {
            domainStart += 8
        } else if starts(text, start, with: "http://") {
            domainStart += 7
        } else if starts(text, start, with: "www.") {
            scheme = "http://"
        } else {
            return nil
        }
        // A domain: letters, digits, `_` and `-` in parts separated by dots, no `_` in the last two.
        var end = domainStart
        while end < text.count, text[end].isLetter || text[end].isNumber || "-_.".contains(text[end]) { end += 1 }
        var domain = String(text[domainStart..<end])
        while domain.hasSuffix(".") { domain.removeLast() }
        let parts = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty), !parts.suffix(2).contains(where: { $0.contains("_") }) else { return nil }
        while end < text.count, !text[end].isWhitespace, text[end] != "<" { end += 1 }
        end = trimmed(text, from: start, to: end)
        return Found(range: start..<end, url: scheme + String(text[start..<end]))
    }

    /// Where a link ends once trailing punctuation, unmatched `)` and an entity-like `&…;` are left out.
    private static func trimmed(_ text: [Character], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~'\"".contains(last) {
                end -= 1
            } else if last == ")" {
                let opened = text[start..<end].filter { $0 == "(" }.count, closed = text[start..<end].filter { $0 == ")" }.count
                guard closed > opened else { break }
                end -= 1
            } else if last == ";", let amp = text[start..<(end - 1)].lastIndex(of: "&"),
                      text[(amp + 1)..<(end - 1)].allSatisfy({ $0.isLetter || $0.isNumber }), amp + 1 < end - 1 {
                end = amp
            } else {
                break
            }
        }
        return end
    }

    /// An address around the `@` at `at`: `a.b-c_d+e@host.example`, not starting before `after`.
    private static func email(_ text: [Character], at: Int, after: Int) -> Found? {
        var start = at
        while start > after, text[start - 1].isASCII, text[start - 1].isLetter || text[start - 1].isNumber || ".-_+".contains(text[start - 1]) {
            start -= 1
        }
        guard start < at, start == 0 || !(text[start - 1].isLetter || text[start - 1].isNumber) || start == after else { return nil }
        var end = at + 1
        while end < text.count, text[end].isASCII, text[end].isLetter || text[end].isNumber || "-_.".contains(text[end]) { end += 1 }
        while end > at + 1, text[end - 1] == "." { end -= 1 }
        let domain = String(text[(at + 1)..<end])
        guard domain.contains("."), let last = domain.last, last != "-", last != "_", !domain.hasPrefix(".") else { return nil }
        return Found(range: start..<end, url: "mailto:" + String(text[start..<end]))
    }
}
