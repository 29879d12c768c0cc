/// Snippets come out of SQLite with the matched words between two control characters, which
/// no indexed text contains; the snippet is HTML-escaped first and the markers become `<mark>`
/// afterwards, so nothing in a page's text can turn into markup.
public enum SearchHighlight {
    static let start = "\u{1}"
    static let end = "\u{2}"

    public static func html(_ snippet: String) -> String {
        ByteSearch.replacing([start: "<mark>", end: "</mark>"], in: snippet.htmlEscaped)
    }
}
