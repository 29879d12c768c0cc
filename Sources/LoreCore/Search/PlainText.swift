/// The words of rendered HTML, for the search index: tags dropped, the few entities our
/// renderer writes decoded, so snippets show text rather than markup.
enum PlainText {
    static func from(html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">" where inTag:
                inTag = false
                text.append(" ")
            default:
                if !inTag { text.append(character) }
            }
        }
        return decodeEntities(text)
            // Snippet markers are control characters; nothing indexed may contain them.
            .replacingOccurrences(of: SearchHighlight.start, with: "").replacingOccurrences(of: SearchHighlight.end, with: "")
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
