import Foundation

/// The HTML of article wiki links. Saved HTML is shared by all readers, so each link carries
/// its target: when a reader may not see the page it points at, ``masked(_:keeping:)`` turns
/// it into exactly the link a missing page gets, and the reader cannot tell the difference.
public enum WikiLinkMarkup {
    static func existing(slug: String, target: String) -> String {
        "<a class=\"wikilink\" href=\"\(Paths.article(slug).htmlEscaped)\" data-target=\"\(target.htmlEscaped)\">"
    }

    static func missing(target: String) -> String {
        "<a class=\"wikilink missing\" href=\"\(Paths.newArticle(title: target).htmlEscaped)\" data-target=\"\(target.htmlEscaped)\" rel=\"nofollow\">"
    }

    /// Client links are written alike for every card, existing or not: whether the card exists
    /// and whether the reader may see it is decided when the page is shown (``maskedClients(_:keeping:)``).
    static func client(slug: String) -> String {
        "<a class=\"wikilink client-link\" href=\"\(Paths.client(slug).htmlEscaped)\">"
    }

    static func missingClient(slug: String) -> String {
        "<a class=\"wikilink client-link missing\" href=\"\(Paths.client(slug).htmlEscaped)\" rel=\"nofollow\">"
    }

    private static func clientLink() -> Regex<(Substring, Substring)> {
        #/<a class="wikilink client-link" href="/clients/([a-z0-9-]+)">/#
    }

    /// `[[client:slug]]` written without a label shows the card's name to those who see the
    /// card (`names`, by slug); to others it stays the bare address of a missing card.
    public static func namedClients(_ html: String, names: [String: String]) -> String {
        html.replacing(#/<a class="wikilink client-link" href="/clients/([a-z0-9-]+)">([a-z0-9-]+)</a>/#) { match in
            guard match.1 == match.2, let name = names[String(match.1)] else { return String(match.0) }
            return client(slug: String(match.1)) + name.htmlEscaped + "</a>"
        }
    }

    /// `html` with links to the slugs in `targets` pointing to their new slugs; a link that
    /// showed its old slug as its text shows the new one (and so the card's name, next).
    static func redirectedClients(_ html: String, to targets: [String: String]) -> String {
        guard !targets.isEmpty else { return html }
        return html.replacing(#/<a class="wikilink client-link" href="/clients/([a-z0-9-]+)">(([a-z0-9-]+)</a>)?/#) { match in
            guard let target = targets[String(match.1)] else { return String(match.0) }
            let text = match.3.map { $0 == match.1 ? target + "</a>" : $0 + "</a>" } ?? ""
            return client(slug: target) + text
        }
    }

    /// The client slugs linked from `html`.
    public static func linkedClients(in html: String) -> Set<String> {
        // Most pages link no card: their text is not handed to a Regex, which costs more to build than to run.
        guard ByteSearch.contains("<a class=\"wikilink client-link\" href=\"/clients/", in: html) else { return [] }
        return Set(html.matches(of: clientLink()).map { String($0.1) })
    }

    /// `html` with every client link outside `visible` shown as a link to a missing card.
    public static func maskedClients(_ html: String, keeping visible: Set<String>) -> String {
        html.replacing(clientLink()) { match in
            visible.contains(String(match.1)) ? String(match.0) : missingClient(slug: String(match.1))
        }
    }

    /// A function, not a stored constant: `Regex` is not Sendable, so it cannot be a shared static.
    private static func existingLink() -> Regex<(Substring, Substring, Substring)> {
        #/<a class="wikilink" href="/a/([a-z0-9-]+)" data-target="([^"]*)">/#
    }

    /// The slugs of the existing-article links in `html`.
    public static func linkedSlugs(in html: String) -> Set<String> {
        guard ByteSearch.contains("<a class=\"wikilink\" href=\"/a/", in: html) else { return [] }
        return Set(html.matches(of: existingLink()).map { String($0.1) })
    }

    /// `html` with every link to a slug outside `visible` rewritten as a link to a missing page.
    public static func masked(_ html: String, keeping visible: Set<String>) -> String {
        html.replacing(existingLink()) { match in
            let slug = String(match.1)
            if visible.contains(slug) { return String(match.0) }
            return missing(target: unescape(String(match.2)))
        }
    }

    private static func unescape(_ text: String) -> String {
        ByteSearch.replacing(["&quot;": "\"", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&"], in: text)
    }
}
