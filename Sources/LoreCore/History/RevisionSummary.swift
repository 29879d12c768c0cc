import Foundation
import GRDB

/// One line of an article's history or of recent changes: a revision with what it changed
/// compared with the one before it.
public struct RevisionSummary: Sendable, Equatable {
    public let articleSlug: String
    /// The article's title now (a revision's own title may be older).
    public let articleTitle: String
    public let number: Int
    public let title: String
    public let categoryId: Int64
    /// Set when this revision renamed the article.
    public let previousTitle: String?
    /// Set when this revision moved the article.
    public let previousCategoryId: Int64?
    public let summary: String
    public let size: Int
    /// Bytes added (positive) or removed (negative); the whole size for a first revision.
    public let sizeChange: Int
    public let isMinor: Bool
    public let restoredFrom: Int?
    /// Its text was removed (see ``Revision/redactedAt``).
    public let isRedacted: Bool
    public let authorName: String
    public let authorUsername: String
    public let createdAt: Date
    /// Who approved it, in a category where changes wait for approval.
    public let approvedBy: String?

    /// Columns for `init(row:)`; `r` is the revision, `p` the one before it, `a` its article, `u` its author.
    static let columns: SQL = """
        r.number, r.title, r.categoryId, r.summary, r.size, r.isMinor, r.restoredFrom, r.createdAt, r.redactedAt,
        u.displayName AS authorName, u.username AS authorUsername, a.slug AS articleSlug, a.title AS articleTitle,
        p.title AS previousTitle, p.categoryId AS previousCategoryId, p.size AS previousSize,
        (SELECT au.displayName FROM revisionApproval ra JOIN user au ON au.id = ra.approverId
         WHERE ra.articleId = r.articleId AND ra.revision = r.number) AS approvedBy
        """
    /// The revision before is joined only where the reader may see it: its title and category
    /// would otherwise show on the next one's row as "renamed from" and "moved from".
    /// CROSS JOIN keeps the revisions the outer loop, read in the order asked (newest first by
    /// their index): left to choose, SQLite went through the authors and sorted every revision
    /// (60 ms for recent changes at 100,000 articles).
    static func joins(_ policy: AccessPolicy) -> SQL {
        """
        CROSS JOIN article a ON a.id = r.articleId
        CROSS JOIN user u ON u.id = r.authorId
        LEFT JOIN revision p ON p.articleId = r.articleId AND p.number = r.number - 1 AND \(policy.readableRevision("p"))
        """
    }

    init(row: Row) {
        articleSlug = row["articleSlug"]
        articleTitle = row["articleTitle"]
        number = row["number"]
        title = row["title"]
        categoryId = row["categoryId"]
        let previousTitle: String? = row["previousTitle"]
        self.previousTitle = previousTitle == title ? nil : previousTitle
        let previousCategoryId: Int64? = row["previousCategoryId"]
        self.previousCategoryId = previousCategoryId == categoryId ? nil : previousCategoryId
        summary = row["summary"]
        size = row["size"]
        sizeChange = size - ((row["previousSize"] as Int?) ?? 0)
        isMinor = row["isMinor"]
        restoredFrom = row["restoredFrom"]
        isRedacted = (row["redactedAt"] as Date?) != nil
        authorName = row["authorName"]
        authorUsername = row["authorUsername"]
        createdAt = row["createdAt"]
        approvedBy = row["approvedBy"]
    }
}
