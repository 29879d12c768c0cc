import CCmark
import Crypto
import Foundation

/// GFM task lists: a list item whose text starts with `[ ]` or `[x]` gets a checkbox. The box
/// shows the state the page's text sets; each reader's own ticks are kept apart
/// (``ChecklistService``) and found again by the item's key, `data-item`: a digest of the
/// item's words (and how many items before it say the same), so that a line added above or
/// an edit elsewhere leaves every tick on its item.
enum TaskListItems {
    static func apply(_ items: [OpaquePointer]) {
        var seen: [String: Int] = [:]
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
            cmark_node_set_literal(text, String(rest))
            let words = MarkdownRenderer.plainText(of: paragraph).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let occurrence = seen[words, default: 0]
            seen[words] = occurrence + 1
            let box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            let checked = mark == " " ? "" : "checked=\"\" "
            cmark_node_set_on_enter(box, "<input \(checked)disabled=\"\" type=\"checkbox\" data-item=\"\(key(words, occurrence))\">")
            cmark_node_set_on_exit(box, "")
            cmark_node_insert_before(text, box)
        }
    }

    /// 16 hex digits of SHA-256 of the item's words and its occurrence.
    static func key(_ words: String, _ occurrence: Int) -> String {
        SHA256.hash(data: Data("\(occurrence)\u{1F}\(words)".utf8)).prefix(8).hexString
    }
}
