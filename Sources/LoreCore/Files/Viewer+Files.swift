import GRDB

extension Viewer {
    /// The live files of an owner the reader may read, newest first.
    func attachments(of owner: AttachmentOwner) throws -> [AttachmentService.Listed] {
        let (kind, ownerId) = try AttachmentService.readableOwner(owner, policy, db)
        let request: SQLRequest<Row> = """
            SELECT attachment.*, user.displayName AS uploaderName FROM attachment JOIN user ON user.id = attachment.uploaderId
            WHERE ownerKind = \(kind.rawValue) AND ownerId = \(ownerId) AND deletedAt IS NULL ORDER BY attachment.id DESC
            """
        return try request.fetchAll(db).map { AttachmentService.Listed(attachment: try Attachment(row: $0), uploaderName: $0["uploaderName"]) }
    }
}
