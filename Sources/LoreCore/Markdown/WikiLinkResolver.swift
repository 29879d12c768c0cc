/// Answers, while Markdown is rendered, whether a wiki link's target exists.
public protocol WikiLinkResolver {
    /// The slug of the live article whose slug or title matches `key` (see ``WikiLink/key``).
    func articleSlug(forKey key: String) throws -> String?
}

/// For previews of text that is not tied to any stored data, and for tests.
public struct StaticWikiLinkResolver: WikiLinkResolver {
    public var slugsByKey: [String: String]

    public init(slugsByKey: [String: String] = [:]) {
        self.slugsByKey = slugsByKey
    }

    public func articleSlug(forKey key: String) throws -> String? {
        slugsByKey[key]
    }
}
