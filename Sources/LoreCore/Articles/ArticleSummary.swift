import Foundation
import GRDB

/// An article as a list shows it: no text, no HTML, no outline, which a list of fifty would
/// otherwise read and decode only to drop.
public struct ArticleSummary: Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var slug: String
    public var title: String
    public var categoryId: Int64
    public var revision: Int
    public var updatedById: Int64
    public var updatedAt: Date

    static let columns: [Column] = ["id", "slug", "title", "categoryId", "revision", "updatedById", "updatedAt"].map { Column($0) }

    public init(_ article: Article) {
        id = article.id ?? 0
        slug = article.slug
        title = article.title
        categoryId = article.categoryId
        revision = article.revision
        updatedById = article.updatedById
        updatedAt = article.updatedAt
    }

    public init(row: Row) {
        id = row[0]
        slug = row[1]
        title = row[2]
        categoryId = row[3]
        revision = row[4]
        updatedById = row[5]
        updatedAt = row[6]
    }
}
