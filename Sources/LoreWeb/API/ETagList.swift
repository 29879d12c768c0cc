import Foundation

/// The entity tags of an `If-None-Match` or `If-Match` header. Weak and strong tags compare
/// by their opaque part, as RFC 9110 asks for `If-None-Match`.
struct ETagList {
    let tags: [String]
    let isAny: Bool

    init(_ header: String?) {
        let parts = (header ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        isAny = parts.contains("*")
        tags = parts.filter { $0 != "*" }.map(Self.opaque)
    }

    func matches(_ etag: String) -> Bool {
        isAny || tags.contains(Self.opaque(etag))
    }

    /// `W/"abc"` and `"abc"` → `abc`.
    static func opaque(_ tag: String) -> String {
        var tag = Substring(tag)
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        return String(tag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
    }
}
