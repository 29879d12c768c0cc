import CCmark

/// Callouts, as GitHub writes them: a quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` becomes a coloured box. Its title comes from the
/// style sheet in the reader's language, so the page's HTML is the same for everyone.
enum Callouts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// Replaces the quotes that are callouts; returns the boxes (which may hold tables).
    @discardableResult
    static func apply(_ quotes: [OpaquePointer]) -> [OpaquePointer] {
        var boxes: [OpaquePointer] = []
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text) else { continue }
            let content = String(cString: literal)
            guard content.hasPrefix("[!"), let close = content.firstIndex(of: "]") else { continue }
            let kind = content[content.index(content.startIndex, offsetBy: 2)..<close].lowercased()
            let after = content[content.index(after: close)...]
            // The marker stands alone on the quote's first line.
            let next = cmark_node_next(text)
            guard kinds.contains(kind), after.allSatisfy({ $0 == " " }),
                  next == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next)) else { continue }
            if let next { cmark_node_unlink(next); cmark_node_free(next) }
            cmark_node_unlink(text)
            cmark_node_free(text)
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(box, "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\"></p>")
            cmark_node_set_on_exit(box, "</div>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(box, child)
            }
            cmark_node_insert_before(quote, box)
            cmark_node_unlink(quote)
            cmark_node_free(quote)
            if let box { boxes.append(box) }
        }
        return boxes
    }
}
