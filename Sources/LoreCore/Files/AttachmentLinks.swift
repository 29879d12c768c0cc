import Foundation
import GRDB

/// What `file:name` means on a page: the owner's file of that name. A live file wins over a
/// deleted one; an old revision first uses the files it was saved with, so it still shows its
/// images after they were deleted or replaced.
enum AttachmentLinks {
    static func paths(_ owner: Attachment.Owner, _ ownerId: Int64, revisionId: Int64? = nil, _ db: Database) throws -> [String: String] {
        var paths: [String: String] = [:]
        // Deleted first, then live, each oldest first: later entries win.
        let attachments = try Attachment.filter(Column("ownerKind") == owner.rawValue && Column("ownerId") == ownerId)
            .order(Column("deletedAt") == nil, Column("id")).fetchAll(db)
        for attachment in attachments { paths[attachment.name] = Paths.file(id: attachment.id ?? 0, name: attachment.name) }
        if let revisionId {
            let used = try Attachment.fetchAll(db, sql: """
                SELECT attachment.* FROM revisionAttachment JOIN attachment ON attachment.id = revisionAttachment.attachmentId
                WHERE revisionAttachment.revisionId = ? ORDER BY attachment.id
                """, arguments: [revisionId])
            for attachment in used { paths[attachment.name] = Paths.file(id: attachment.id ?? 0, name: attachment.name) }
        }
        return paths
    }

    /// Records which attachments a revision's text used, from its rendered HTML.
    static func record(revisionId: Int64, html: String, _ db: Database) throws {
        // Most pages have no files: the regex, a twentieth of a bulk import, runs only on those that do.
        guard ByteSearch.contains("\"/files/", in: html) else { return }
        let ids = Set(html.matches(of: #/(?:href|src)="/files/(\d+)//#).compactMap { Int64($0.1) })
        for id in ids {
            try db.execute(sql: "INSERT OR IGNORE INTO revisionAttachment (revisionId, attachmentId) VALUES (?, ?)", arguments: [revisionId, id])
        }
    }
}
