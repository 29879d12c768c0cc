import CCmark

/// GFM task lists: a list item whose text starts with `[ ]` or `[x]` gets a checkbox. The box
/// says the state the page's text sets; readers' own ticks are kept apart from it.
enum TaskListItems {
    static func apply(_ items: [OpaquePointer]) {
        for item in items {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text) else { continue }
            let content = String(cString: literal)
            guard content.count >= 3, content.hasPrefix("["), Array(content.prefix(3))[2] == "]" else { continue }
            let mark = Array(content.prefix(3))[1]
            guard mark == " " || mark == "x" || mark == "X" else { continue }
            let rest = content.dropFirst(3)
            // The marker must be followed by a space (or end the line) to be one.
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            let box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(box, mark == " " ? "<input disabled=\"\" type=\"checkbox\">" : "<input checked=\"\" disabled=\"\" type=\"checkbox\">")
            cmark_node_set_on_exit(box, "")
            cmark_node_set_literal(text, String(rest))
            cmark_node_insert_before(text, box)
        }
    }
}
