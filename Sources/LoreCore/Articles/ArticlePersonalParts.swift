import Foundation
import GRDB

/// What makes an article's page differ between readers with the same rights: the roles asked
/// to confirm it, its owner (who may mark it reviewed), changes waiting for approval, and who
/// commented (and may edit their comments). A page none of these touch for a reader is shared.
public struct ArticlePersonalParts: Sendable, Equatable {
    public let askedRoles: Set<Int64>
    public let ownerId: Int64?
    public let hasPendingChanges: Bool
    public let commenters: Set<Int64>

    /// Whether the page as `principal` sees it is theirs alone.
    public func isPersonal(for principal: Principal) -> Bool {
        if hasPendingChanges || !askedRoles.isDisjoint(with: principal.roleIds) { return true }
        guard let userId = principal.userId else { return false }
        return ownerId == userId || commenters.contains(userId)
    }

    /// Read in one snapshot; nothing for an address that is not a live article's.
    static func read(slug: String, defaults: Stewardship.Defaults, _ db: Database) throws -> ArticlePersonalParts {
        // Three columns, not the article: its text is not needed.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, categoryId, createdAt FROM article WHERE slug = ? AND deletedAt IS NULL"),
                                         arguments: [slug]) else {
            return ArticlePersonalParts(askedRoles: [], ownerId: nil, hasPendingChanges: false, commenters: [])
        }
        let id: Int64 = row["id"]
        return ArticlePersonalParts(
            askedRoles: Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT roleId FROM readingRequirementRole WHERE articleId = ?"),
                                               arguments: [id])),
            ownerId: try Stewardship.of(articleId: id, categoryId: row["categoryId"], createdAt: row["createdAt"], defaults: defaults, db).ownerId,
            hasPendingChanges: try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM pendingChange WHERE articleId = ?)"),
                                                 arguments: [id]) ?? false,
            commenters: Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT authorId FROM comment WHERE articleId = ? AND deletedAt IS NULL"),
                                               arguments: [id])))
    }
}

extension ArticleQueries {
    /// Asked before every view of an article, to know whether its page may come from the cache:
    /// kept per article until anything changes.
    public func personalParts(ofArticle slug: String) async throws -> ArticlePersonalParts {
        let generation = database.changes.content
        if let known = personal.value(for: slug, generation: generation) { return known }
        let parts = try await database.reader.read { [database] db in
            try ArticlePersonalParts.read(
                slug: slug, defaults: Stewardship.Defaults.kept(in: database.stewardshipDefaults, generation: generation, db), db)
        }
        personal.store(parts, for: slug, generation: generation)
        return parts
    }
}
