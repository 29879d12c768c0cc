/// Answers, while Markdown is rendered, whether a wiki link's target exists.
public protocol WikiLinkResolver {
    /// The slug of the live article whose slug or title matches `key` (see ``WikiLink/key``).
    func articleSlug(forKey key: String) throws -> String?
}
