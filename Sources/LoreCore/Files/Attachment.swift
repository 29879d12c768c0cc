import Foundation
import GRDB

/// A file attached to an article, a client card or a page being written. The bytes live in the ``FileStore`` under
/// their digest; this row says what they are called, who brought them, and whose they are —
/// a file is exactly as private as its owner.
public struct Attachment: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum Owner: String, Codable, Sendable {
        case article
        case client
        /// A page not yet saved: ``DraftFolder``.
        case draft
    }

    public var id: Int64?
    public var digest: String
    /// As shown and as `file:` links name it: unique among its owner's live files.
    public var name: String
    public var size: Int
    public var contentType: String
    public var isInlineImage: Bool
    public var ownerKind: Owner
    public var ownerId: Int64
    public var uploaderId: Int64
    public var createdAt: Date
    /// Deleted files stay, for the revisions that show them, until their owner is purged.
    public var deletedAt: Date?

    public static let databaseTableName = "attachment"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static let live = Column("deletedAt") == nil
}

extension Attachment {
    /// What puts the file on a page: `![name](file:name)` for an image, a link otherwise.
    public var markdown: String {
        let link = "[\(name.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")"))](\(Self.link(to: name)))"
        return isInlineImage ? "!" + link : link
    }

    /// `file:name` as a Markdown link's address: nothing in the name ends or breaks it.
    static func link(to name: String) -> String {
        "file:" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["(", ")", " "])) ?? name)
    }
}
