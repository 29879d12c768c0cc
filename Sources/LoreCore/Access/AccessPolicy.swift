import Foundation
import GRDB

/// The one place that decides what a principal may see and do. Services ask it before acting
/// and put its SQL conditions into every list, so that hidden things never reach a count,
/// a page of results or a template.
public struct AccessPolicy: Sendable {
    public let principal: Principal

    public init(_ principal: Principal) {
        self.principal = principal
    }

    // MARK: SQL conditions

    /// True where `column` holds a category in which the principal has at least `level`.
    public func categories(_ column: String, atLeast level: AccessLevel) -> SQL {
        if principal.isAdministrator { return "1" }
        return """
            \(sql: column) IN (SELECT categoryId FROM effectiveGrant
                               WHERE level >= \(level.rawValue) AND roleId IN (SELECT value FROM json_each(\(rolesJSON))))
            """
    }

    /// True for the rows of `table` (article rows) that the principal may read: a readable
    /// category, and no restriction to roles the principal lacks.
    public func readableArticles(_ table: String = "article") -> SQL {
        readableArticles(id: table + ".id", category: table + ".categoryId")
    }

    /// The same, for rows that carry an article's id and category in other columns (the search
    /// index's documents).
    public func readableArticles(id: String, category: String) -> SQL {
        if principal.isAdministrator { return "1" }
        // The articles restricted to roles the principal lacks, found once per query rather
        // than probed row by row: there are few of them, and a search may check thousands of rows.
        let restricted: SQL = """
            \(sql: id) NOT IN (SELECT articleId FROM articleRestriction GROUP BY articleId
                             HAVING SUM(roleId IN (SELECT value FROM json_each(\(rolesJSON)))) = 0)
            """
        return categories(category, atLeast: .read) && restricted
    }

    /// True for the article rows whose history the principal may see: readable articles, except
    /// in categories that hide history from those who may only read there.
    public func readableHistory(_ table: String = "article") -> SQL {
        if principal.isAdministrator { return "1" }
        let shown: SQL = """
            (NOT EXISTS (SELECT 1 FROM category c WHERE c.id = \(sql: table).categoryId AND c.hidesHistoryFromReaders)
             OR \(categories(table + ".categoryId", atLeast: .edit)))
            """
        return readableArticles(table) && shown
    }

    /// Whether a revision (`table` is its alias) is shown: one written before a move, and kept
    /// to the readers of its old category, only to those who may see that category's history.
    public func readableRevision(_ table: String) -> SQL {
        if principal.isAdministrator { return "1" }
        let column = table + ".restrictedToCategoryId"
        return """
            (\(sql: column) IS NULL OR (\(categories(column, atLeast: .read)) AND (
                NOT EXISTS (SELECT 1 FROM category c WHERE c.id = \(sql: column) AND c.hidesHistoryFromReaders)
                OR \(categories(column, atLeast: .edit)))))
            """
    }

    // MARK: Decisions

    public func level(inCategory categoryId: Int64, _ db: Database) throws -> AccessLevel {
        if principal.isAdministrator { return .manage }
        let level = try Int.fetchOne(db, sql: """
            SELECT MAX(level) FROM effectiveGrant WHERE categoryId = ? AND roleId IN (SELECT value FROM json_each(?))
            """, arguments: [categoryId, rolesJSON])
        return level.flatMap(AccessLevel.init(rawValue:)) ?? AccessLevel.none
    }

    /// The principal's level in every category it may read, in one query.
    public func levels(_ db: Database) throws -> [Int64: AccessLevel] {
        if principal.isAdministrator {
            return Dictionary(uniqueKeysWithValues: try Int64.fetchAll(db, sql: "SELECT id FROM category").map { ($0, AccessLevel.manage) })
        }
        let request: SQLRequest<Row> = """
            SELECT categoryId, MAX(level) AS level FROM effectiveGrant
            WHERE roleId IN (SELECT value FROM json_each(\(rolesJSON))) GROUP BY categoryId HAVING MAX(level) >= \(AccessLevel.read.rawValue)
            """
        return Dictionary(uniqueKeysWithValues: try request.fetchAll(db).map { row in
            (row["categoryId"] as Int64, AccessLevel(rawValue: row["level"]) ?? AccessLevel.none)
        })
    }

    /// Throws ``NotFound`` when the category is hidden, ``AccessDenied`` when it is visible but
    /// the principal lacks `level` there.
    public func require(_ level: AccessLevel, inCategory categoryId: Int64, _ db: Database) throws {
        let held = try self.level(inCategory: categoryId, db)
        if held < .read { throw NotFound() }
        if held < level { throw AccessDenied() }
    }

    /// The live article with this id, if the principal may read it: one statement, kept prepared.
    public func readableArticle(id: Int64, _ db: Database) throws -> Article? {
        try SQLRequest<Article>(literal: "SELECT * FROM article WHERE id = \(id) AND deletedAt IS NULL AND \(readableArticles())", cached: true)
            .fetchOne(db)
    }

    public func canRead(_ article: Article, _ db: Database) throws -> Bool {
        guard let id = article.id else { return false }
        let request: SQLRequest<Bool> = "SELECT EXISTS (SELECT 1 FROM article WHERE id = \(id) AND \(readableArticles()))"
        return try request.fetchOne(db) ?? false
    }

    /// Reading an article, then `level` in its category.
    public func require(_ level: AccessLevel, onArticle article: Article, _ db: Database) throws {
        guard try canRead(article, db) else { throw NotFound() }
        try require(level, inCategory: article.categoryId, db)
    }

    /// Throws ``NotFound`` when the article is hidden, ``AccessDenied`` when its history is
    /// hidden from those who only read it.
    public func requireHistory(of article: Article, _ db: Database) throws {
        guard let id = article.id else { throw NotFound() }
        guard try canRead(article, db) else { throw NotFound() }
        let request: SQLRequest<Bool> = "SELECT EXISTS (SELECT 1 FROM article WHERE id = \(id) AND \(readableHistory()))"
        if try request.fetchOne(db) != true { throw AccessDenied() }
    }

    /// Top-level categories have no parent to manage them: creating, moving or ordering them
    /// is for those who manage roles.
    public func requireManageTopLevel() throws {
        if !principal.has(.rolesManage) { throw AccessDenied() }
    }

    private var rolesJSON: String {
        // Written by hand: JSONEncoder cost more than some of the queries it went into.
        "[" + principal.roleIds.map(String.init).joined(separator: ",") + "]"
    }
}

extension SQL {
    static func && (lhs: SQL, rhs: SQL) -> SQL {
        "(\(lhs)) AND (\(rhs))"
    }
}
