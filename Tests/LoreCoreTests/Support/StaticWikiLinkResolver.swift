@testable import LoreCore

/// Resolves wiki links and attachments from fixed tables, for rendering tests without a database.
struct StaticWikiLinkResolver: WikiLinkResolver {
    var slugsByKey: [String: String] = [:]
    var files: [String: String] = [:]

    func articleSlug(forKey key: String) throws -> String? {
        slugsByKey[key]
    }

    func attachmentPath(named name: String) throws -> String? {
        files[name]
    }
}
