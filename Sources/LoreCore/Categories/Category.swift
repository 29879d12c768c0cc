import Foundation
import GRDB

/// A node of the category tree. `path` is the slugs from the root, joined by "/", as in `/c/hr/onboarding`.
public struct Category: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var parentId: Int64?
    public var slug: String
    public var path: String
    public var title: String
    public var description: String
    public var position: Int
    public var createdById: Int64
    public var createdAt: Date
    public var updatedById: Int64
    public var updatedAt: Date
    /// Text removed from a page may be confidential: when set, only those who may edit here
    /// see its articles' history.
    public var hidesHistoryFromReaders: Bool

    /// Whether someone with `level` here sees its articles' history (the rule
    /// ``AccessPolicy/readableHistory(_:)`` applies in SQL).
    public func showsHistory(to level: AccessLevel) -> Bool {
        level >= .edit || (level >= .read && !hidesHistoryFromReaders)
    }

    public static let databaseTableName = "category"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// True where `column` holds the category `root` or one below it.
    static func inSubtree(_ column: String, of root: Int64) -> SQL {
        """
        \(sql: column) IN (SELECT id FROM category WHERE id = \(root)
            OR path LIKE (SELECT path FROM category WHERE id = \(root)) || '/%')
        """
    }

    /// Siblings are shown by position, then alphabetically.
    static let displayOrder = [Column("position").asc, Column("title").collating(.localizedCaseInsensitiveCompare).asc]
}
