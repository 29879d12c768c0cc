import CCmark

/// GFM strikethrough: text between `~~` and `~~` (or `~` and `~`) is struck through. A run of
/// three or more tildes is text; an opening run is followed by a non-space and a closing one
/// follows a non-space; both ends lie in the same span of text (a paragraph, an emphasis…).
enum Strikethrough {
    /// `parents` are the nodes whose children are inlines (paragraphs, headings, emphasis…).
    static func apply(_ parents: [OpaquePointer]) {
        for parent in parents { apply(in: parent) }
    }

    private struct Delimiter {
        let node: OpaquePointer
        let length: Int
        let canOpen: Bool
        let canClose: Bool
    }

    private static func apply(in parent: OpaquePointer) {
        var delimiters: [Delimiter] = []
        var child = cmark_node_first_child(parent)
        while let current = child {
            child = cmark_node_next(current)
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current) else { continue }
            let text = Array(String(cString: literal))
            guard text.contains("~") else { continue }
            delimiters += split(current, text)
        }
        var openers: [Delimiter] = []
        for delimiter in delimiters {
            if delimiter.canClose, let index = openers.lastIndex(where: { $0.length == delimiter.length }) {
                wrap(from: openers[index].node, to: delimiter.node)
                openers.removeSubrange(index...)
            } else if delimiter.canOpen {
                openers.append(delimiter)
            }
        }
    }

    /// Splits a text node at its runs of one or two tildes, each into a node of its own.
    private static func split(_ node: OpaquePointer, _ text: [Character]) -> [Delimiter] {
        var found: [Delimiter] = []
        var pending = ""
        var index = 0
        func flush() {
            guard !pending.isEmpty else { return }
            let piece = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(piece, pending)
            cmark_node_insert_before(node, piece)
            pending = ""
        }
        let hasBefore = cmark_node_previous(node) != nil, hasAfter = cmark_node_next(node) != nil
        while index < text.count {
            guard text[index] == "~" else {
                pending.append(text[index])
                index += 1
                continue
            }
            var end = index
            while end < text.count, text[end] == "~" { end += 1 }
            let length = end - index
            if length > 2 {
                pending += String(repeating: "~", count: length)
            } else {
                flush()
                let before: Character? = index > 0 ? text[index - 1] : (hasBefore ? "x" : nil)
                let after: Character? = end < text.count ? text[end] : (hasAfter ? "x" : nil)
                let run = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(run, String(repeating: "~", count: length))
                cmark_node_insert_before(node, run)
                if let run {
                    found.append(Delimiter(node: run, length: length, canOpen: after.map { !$0.isWhitespace } ?? false,
                                           canClose: before.map { !$0.isWhitespace } ?? false))
                }
            }
            index = end
        }
        flush()
        cmark_node_unlink(node)
        cmark_node_free(node)
        return found
    }

    /// Puts everything between two delimiter nodes into `<del>`, and drops the delimiters.
    private static func wrap(from opener: OpaquePointer, to closer: OpaquePointer) {
        let struck = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(struck, "<del>")
        cmark_node_set_on_exit(struck, "</del>")
        cmark_node_insert_before(opener, struck)
        while let next = cmark_node_next(opener), next != closer {
            cmark_node_unlink(next)
            cmark_node_append_child(struck, next)
        }
        for node in [opener, closer] {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}
