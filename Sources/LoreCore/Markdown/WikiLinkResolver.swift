/// Answers, while Markdown is rendered, whether a wiki link's target exists.
public protocol WikiLinkResolver {
    /// The slug of the live article whose slug or title matches `key` (see ``WikiLink/key``).
    func articleSlug(forKey key: String) throws -> String?
    /// The address of the attachment so named, for `file:` links and images; nil when the page
    /// being rendered has no file of that name.
    func attachmentPath(named name: String) throws -> String?
}

extension WikiLinkResolver {
    public func attachmentPath(named name: String) throws -> String? { nil }
}
