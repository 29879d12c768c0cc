/// The words of rendered HTML, for the search index: tags dropped, the few entities our
/// renderer writes decoded, so snippets show text rather than markup.
enum PlainText {
    static func from(html: String) -> String {
        // Byte by byte: the renderer escapes every "<" of the text, so each one left opens a tag.
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">") where inTag:
                inTag = false
                text.append(UInt8(ascii: " "))
            default:
                if !inTag { text.append(byte) }
            }
        }
        return ByteSearch.replacing([
            "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&amp;": "&",
            // Snippet markers are control characters; nothing indexed may contain them.
            SearchHighlight.start: "", SearchHighlight.end: "",
        ], in: String(decoding: text, as: UTF8.self))
    }
}
