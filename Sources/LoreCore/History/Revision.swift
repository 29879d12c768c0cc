import Foundation
import GRDB

/// One saved version of an article. Inserted on every save; afterwards only kept to its old
/// category's readers when the article moves (``restrictedToCategoryId``), or redacted.
public struct Revision: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var articleId: Int64
    public var number: Int
    public var title: String
    public var categoryId: Int64
    public var body: String
    public var summary: String
    /// Body size in UTF-8 bytes, so that history can show how much a save changed.
    public var size: Int
    public var authorId: Int64
    public var createdAt: Date
    /// The author marked it as a small change (a typo), which recent changes can hide.
    public var isMinor: Bool
    /// The number of the revision this one restored, if it was a restore.
    public var restoredFrom: Int?
    /// Written before the article moved to where more people read it, and kept to those who
    /// could read it then: readers of this category (see ``AccessPolicy/readableRevision(_:)``).
    public var restrictedToCategoryId: Int64? = nil
    /// Its text was removed (a password pasted by mistake); only administrators see it, in `redactedText`.
    public var redactedAt: Date? = nil
    public var redactedById: Int64? = nil

    public var isRedacted: Bool { redactedAt != nil }

    public static let databaseTableName = "revision"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Revision {
    /// Revision `number` of an article, if the policy lets its reader see it (see
    /// ``AccessPolicy/readableRevision(_:)``): the one way every service fetches a single revision.
    static func readable(_ number: Int, of articleId: Int64, _ policy: AccessPolicy, _ db: Database) throws -> Revision? {
        let request: SQLRequest<Revision> = """
            SELECT r.* FROM revision r WHERE r.articleId = \(articleId) AND r.number = \(number) AND \(policy.readableRevision("r"))
            """
        return try request.fetchOne(db)
    }
}
