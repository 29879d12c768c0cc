import Foundation
import GRDB

/// The current state of an article. Its past lives in ``Revision`` rows.
public struct Article: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var slug: String
    public var title: String
    /// ``Slug/make(from:)`` of the title, so that `[[Some Title]]` finds the article after its slug changed.
    public var titleKey: String
    public var categoryId: Int64
    public var body: String
    /// Rendered from `body` at save time; rendered again when a page it links to appears or goes.
    public var html: String
    public var outline: [Heading]
    public var position: Int
    /// The number of the latest revision.
    public var revision: Int
    public var createdById: Int64
    public var createdAt: Date
    public var updatedById: Int64
    public var updatedAt: Date
    public var deletedAt: Date?
    public var deletedById: Int64?

    public static let databaseTableName = "article"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var isDeleted: Bool { deletedAt != nil }

    static let live = Column("deletedAt") == nil
    static let displayOrder = [Column("position").asc, Column("title").collating(.localizedCaseInsensitiveCompare).asc]
}

extension Article {
    /// Read column by column: the `Decodable` path through GRDB's keyed containers was a sixth of
    /// an API page of fifty articles.
    public init(row: Row) throws {
        id = row["id"]
        slug = row["slug"]
        title = row["title"]
        titleKey = row["titleKey"]
        categoryId = row["categoryId"]
        body = row["body"]
        html = row["html"]
        outline = try Heading.outline(fromJSON: row["outline"])
        position = row["position"]
        revision = row["revision"]
        createdById = row["createdById"]
        createdAt = row["createdAt"]
        updatedById = row["updatedById"]
        updatedAt = row["updatedAt"]
        deletedAt = row["deletedAt"]
        deletedById = row["deletedById"]
    }
}
