import GRDB

/// What happens to an article's earlier revisions when it moves to a category more people may
/// read: text written while the page was confidential would become readable to them.
public enum HistoryOnMove: String, Sendable, Equatable {
    /// Earlier revisions stay visible only to those who may see the old category's history.
    case keepRestricted
    /// Earlier revisions become visible wherever the article now is.
    case show
}

/// The move would show earlier revisions to roles that could not see them until now: the
/// mover chooses (``HistoryOnMove``) before anything is saved.
public struct MoveExposesHistory: Error, Sendable, Equatable {
    /// Revisions that would become visible.
    public let revisions: Int
    /// The roles that would newly see them, by name.
    public let roles: [String]
}

enum HistoryExposure {
    /// Applies the mover's choice, or throws ``MoveExposesHistory`` when none was made and the
    /// move would show earlier revisions to new people.
    static func settle(_ article: Article, movingTo categoryId: Int64, choice: HistoryOnMove?, _ db: Database) throws {
        guard let id = article.id, categoryId != article.categoryId else { return }
        switch choice {
        case .keepRestricted:
            try db.execute(sql: "UPDATE revision SET restrictedToCategoryId = ? WHERE articleId = ? AND restrictedToCategoryId IS NULL",
                           arguments: [article.categoryId, id])
        case .show:
            break
        case nil:
            let exposed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM revision WHERE articleId = ? AND restrictedToCategoryId IS NULL",
                                           arguments: [id]) ?? 0
            let roles = try newReaders(of: id, from: article.categoryId, to: categoryId, db)
            if exposed > 0, !roles.isEmpty { throw MoveExposesHistory(revisions: exposed, roles: roles) }
        }
    }

    /// Roles that may see the article's history in `new` but not in `old` (administrators see all
    /// anyway; an article restricted to some roles stays so wherever it goes).
    private static func newReaders(of articleId: Int64, from old: Int64, to new: Int64, _ db: Database) throws -> [String] {
        func seesHistory(_ category: String) -> String {
            """
            EXISTS (SELECT 1 FROM effectiveGrant g JOIN category c ON c.id = g.categoryId
                    WHERE g.roleId = role.id AND g.categoryId = \(category)
                      AND g.level >= CASE WHEN c.hidesHistoryFromReaders THEN \(AccessLevel.edit.rawValue) ELSE \(AccessLevel.read.rawValue) END)
            """
        }
        return try String.fetchAll(db, sql: """
            SELECT role.name FROM role
            WHERE role.kind != ? AND \(seesHistory("?")) AND NOT \(seesHistory("?"))
              AND (NOT EXISTS (SELECT 1 FROM articleRestriction WHERE articleId = ?)
                   OR role.id IN (SELECT roleId FROM articleRestriction WHERE articleId = ?))
            ORDER BY role.name
            """, arguments: [Role.Kind.administrator.rawValue, new, old, articleId, articleId])
    }
}
