@testable import LoreCore

/// Resolves wiki links from a fixed table, for rendering tests without a database.
struct StaticWikiLinkResolver: WikiLinkResolver {
    var slugsByKey: [String: String] = [:]

    func articleSlug(forKey key: String) throws -> String? {
        slugsByKey[key]
    }
}
