import GRDB

extension AppDatabase {
    /// Attachments of articles and client cards, and the ones each revision used.
    static func addAttachments(_ db: Database) throws {
        try db.create(table: "attachment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("digest", .text).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("size", .integer).notNull()
            t.column("contentType", .text).notNull()
            t.column("isInlineImage", .boolean).notNull()
            t.column("ownerKind", .text).notNull()
            t.column("ownerId", .integer).notNull()
            t.belongsTo("uploader", inTable: "user").notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("deletedAt", .datetime)
        }
        try db.create(index: "attachment_on_owner", on: "attachment", columns: ["ownerKind", "ownerId"])
        try db.create(table: "revisionAttachment") { t in
            t.belongsTo("revision", onDelete: .cascade).notNull()
            t.belongsTo("attachment", onDelete: .cascade).notNull()
            t.primaryKey(["revisionId", "attachmentId"])
        }
    }
}
