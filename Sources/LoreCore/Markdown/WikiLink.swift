/// A `[[…]]` reference found in Markdown text.
public struct WikiLink: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case article
        case client
    }

    public let kind: Kind
    /// What the author wrote as the target: a title or a slug for articles, a slug for clients.
    public let target: String
    /// The text shown for the link.
    public let label: String

    /// The normalised form under which targets are matched and stored, so that
    /// `[[First Day Checklist]]` and `[[first-day-checklist]]` name the same page.
    public var key: String { Slug.make(from: target) }

    /// Parses the inside of `[[…]]`; nil when it names nothing.
    init?(inner: Substring) {
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        var target = parts[0].trimmingCharacters(in: .whitespaces)
        let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        var kind = Kind.article
        if target.lowercased().hasPrefix("client:") {
            kind = .client
            target = String(target.dropFirst("client:".count)).trimmingCharacters(in: .whitespaces)
        }
        guard !target.isEmpty, !Slug.make(from: target).isEmpty else { return nil }
        self.kind = kind
        self.target = target
        self.label = label.isEmpty ? target : label
    }
}

/// Finds `[[…]]` spans in a text in one linear pass, so that hostile input such as
/// 100 KB of `[[` costs no more than any other text of that size.
enum WikiLinkScanner {
    static let maxInnerLength = 200

    enum Piece: Equatable {
        case text(Substring)
        case link(WikiLink)
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var textStart = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == "[", text.index(after: i) < text.endIndex, text[text.index(after: i)] == "[" else {
                i = text.index(after: i)
                continue
            }
            let innerStart = text.index(i, offsetBy: 2)
            var j = innerStart
            var length = 0
            while j < text.endIndex, text[j] != "]", text[j] != "[", !text[j].isNewline, length < maxInnerLength {
                j = text.index(after: j)
                length += 1
            }
            let closes = j < text.endIndex && text[j] == "]"
                && text.index(after: j) < text.endIndex && text[text.index(after: j)] == "]"
            if closes, let link = WikiLink(inner: text[innerStart..<j]) {
                if textStart < i { pieces.append(.text(text[textStart..<i])) }
                pieces.append(.link(link))
                i = text.index(j, offsetBy: 2)
                textStart = i
            } else if j == innerStart, j < text.endIndex, text[j] == "[" {
                // "[[[": the link may start one bracket later.
                i = text.index(after: i)
            } else {
                // Nothing before j can start a link, so the scan never goes back.
                i = j
            }
        }
        if textStart < text.endIndex { pieces.append(.text(text[textStart...])) }
        return pieces
    }
}
