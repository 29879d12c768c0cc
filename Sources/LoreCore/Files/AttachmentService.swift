import Foundation
import GRDB

/// Files attached to articles and client cards: stored once per content, each exactly as
/// private as its owner. Who may edit the owner may attach and delete; who may read it may
/// download.
public struct AttachmentService: Sendable {
    /// 25 MiB unless configured otherwise.
    public static let defaultLimit = 25 << 20

    let database: AppDatabase
    public let store: FileStore
    public let limit: Int

    public init(database: AppDatabase, store: FileStore, limit: Int = defaultLimit) {
        self.database = database
        self.store = store
        self.limit = limit
    }

    /// An attachment with its uploader's name, for lists.
    public struct Listed: Sendable {
        public let attachment: Attachment
        public let uploaderName: String
    }

    /// Throws unless the principal may attach files to `owner`: checked before a byte is read.
    public func requireUpload(to owner: AttachmentOwner, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await database.reader.read { db in
            if case .draft(let key) = owner { _ = try Self.draftFolder(key, policy, db) } else { _ = try Self.editableOwner(owner, policy, db) }
        }
    }

    /// Streams the bytes to disk, then records the file, in one transaction that checks the
    /// rights again. A failed or refused upload leaves neither a file nor a row.
    public func upload<Chunks: AsyncSequence>(_ chunks: Chunks, name: String, to owner: AttachmentOwner,
                                              by principal: Principal) async throws -> Attachment where Chunks.Element == [UInt8] {
        try await requireUpload(to: owner, by: principal)
        let author = try principal.authorId()
        let stored = try await store.store(chunks, limit: limit)
        // An empty body is a failed upload, not a file anyone meant to share.
        guard stored.size > 0 else { throw ValidationError(field: "file", .required) }
        let policy = AccessPolicy(principal)
        return try await database.writer.write { db in try Self.attach(stored, name: name, to: owner, author: author, policy, db) }
    }

    /// The row of a stored upload, inside a transaction of the caller's (an import's).
    static func attach(_ stored: FileStore.Stored, name: String, to owner: AttachmentOwner, author: Int64, _ policy: AccessPolicy,
                       _ db: Database) throws -> Attachment {
        let (kind, ownerId) = if case .draft(let key) = owner {
            (Attachment.Owner.draft, try Self.draftFolder(key, policy, db) ?? DraftFolder.make(key: key, for: author, db))
        } else {
            try Self.editableOwner(owner, policy, db)
        }
        let taken = Set(try String.fetchAll(db, sql: """
            SELECT name FROM attachment WHERE ownerKind = ? AND ownerId = ? AND deletedAt IS NULL
            """, arguments: [kind.rawValue, ownerId]))
        let cleanName = AttachmentName.clean(name)
        let fileKind = FileKind.sniff(stored.head, name: cleanName)
        var attachment = Attachment(
            digest: stored.digest, name: AttachmentName.unique(cleanName, taken: taken), size: stored.size,
            contentType: fileKind.contentType, isInlineImage: fileKind.isInlineImage, ownerKind: kind, ownerId: ownerId,
            uploaderId: author, createdAt: Date())
        try attachment.insert(db)
        return attachment
    }

    /// The live files of an owner the principal may read, newest first.
    public func attachments(of owner: AttachmentOwner, for principal: Principal) async throws -> [Listed] {
        try await database.read(as: principal) { viewer in try viewer.attachments(of: owner) }
    }

    /// The file and where its bytes are, if the principal may read its owner (a deleted file:
    /// if they may see the owner's history, where old revisions still show it).
    public func file(id: Int64, for principal: Principal) async throws -> (attachment: Attachment, path: URL) {
        let policy = AccessPolicy(principal)
        let attachment = try await database.reader.read { db -> Attachment in
            guard let attachment = try Attachment.fetchOne(db, id: id) else { throw NotFound() }
            switch attachment.ownerKind {
            case .article:
                let condition = attachment.deletedAt == nil ? policy.readableArticles() : policy.readableHistory()
                let request: SQLRequest<Bool> = """
                    SELECT EXISTS (SELECT 1 FROM article WHERE id = \(attachment.ownerId) AND deletedAt IS NULL AND \(condition))
                    """
                guard try request.fetchOne(db) == true else { throw NotFound() }
            case .client:
                guard policy.principal.has(.clientsRead),
                      try Client.filter(key: attachment.ownerId).filter(Client.live).filter(policy.readableClients()).fetchCount(db) == 1
                else { throw NotFound() }
            case .draft:
                guard let userId = policy.principal.userId, try Self.isDraftFolder(attachment.ownerId, of: userId, db) else { throw NotFound() }
            }
            return attachment
        }
        return (attachment, store.path(of: attachment.digest))
    }

    /// Takes a file off its owner's list. Its bytes stay for the revisions that used it.
    public func delete(id: Int64, by principal: Principal) async throws -> Attachment {
        let policy = AccessPolicy(principal)
        return try await database.writer.write { db in
            guard var attachment = try Attachment.filter(key: id).filter(Attachment.live).fetchOne(db) else { throw NotFound() }
            let owner: AttachmentOwner = switch attachment.ownerKind {
            case .article: .article(slug: try String.fetchOne(db, sql: "SELECT slug FROM article WHERE id = ?", arguments: [attachment.ownerId]) ?? "")
            case .client: .client(slug: try String.fetchOne(db, sql: "SELECT slug FROM client WHERE id = ?", arguments: [attachment.ownerId]) ?? "")
            case .draft: .draft(key: try String.fetchOne(db, sql: "SELECT key FROM draftFolder WHERE id = ?", arguments: [attachment.ownerId]) ?? "")
            }
            _ = try Self.editableOwner(owner, policy, db)
            attachment.deletedAt = Date()
            try attachment.update(db)
            return attachment
        }
    }

    /// Removes the bytes no attachment uses any more (after an article was purged). Files
    /// written in the last hour are left alone: an upload of the same bytes may be about to use them.
    @discardableResult
    public func removeUnusedFiles() async throws -> Int {
        let candidates = await BlockingWork.files.run { [store] in store.digests(olderThan: Date().addingTimeInterval(-3600)) }
        let used = try await database.reader.read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT digest FROM attachment")) }
        let unused = candidates.filter { !used.contains($0) }
        await BlockingWork.files.run { [store] in
            for digest in unused { try? FileManager.default.removeItem(at: store.path(of: digest)) }
        }
        return unused.count
    }

    // MARK: Owners

    /// The writer's draft folder (nil when not made yet), if they may write pages somewhere.
    private static func draftFolder(_ key: String, _ policy: AccessPolicy, _ db: Database) throws -> Int64? {
        let userId = try policy.principal.authorId()
        let folder = try DraftFolder.id(key: key, of: userId, db)
        guard try policy.levels(db).values.contains(where: { $0 >= .edit }) else { throw AccessDenied() }
        return folder
    }

    private static func isDraftFolder(_ id: Int64, of userId: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM draftFolder WHERE id = ? AND userId = ?)", arguments: [id, userId]) == true
    }

    private static func editableOwner(_ owner: AttachmentOwner, _ policy: AccessPolicy, _ db: Database) throws -> (Attachment.Owner, Int64) {
        switch owner {
        case .article(let slug):
            guard let article = try Article.filter(Column("slug") == slug).filter(Article.live).fetchOne(db), let id = article.id
            else { throw NotFound() }
            try policy.require(.edit, onArticle: article, db)
            // A file added to the page would reach its readers before the change it belongs to is approved.
            if try ApprovalRule.holds(policy, in: article.categoryId, db) { throw AccessDenied() }
            return (.article, id)
        case .client(let slug):
            let client = try policy.requireClient(slug: slug, .clientsEdit, db)
            guard let id = client.id else { throw NotFound() }
            return (.client, id)
        case .draft(let key):
            guard let id = try draftFolder(key, policy, db) else { throw NotFound() }
            return (.draft, id)
        }
    }

    static func readableOwner(_ owner: AttachmentOwner, _ policy: AccessPolicy, _ db: Database) throws -> (Attachment.Owner, Int64) {
        switch owner {
        case .article(let slug):
            guard let article = try Article.filter(Column("slug") == slug).filter(Article.live).fetchOne(db), let id = article.id,
                  try policy.canRead(article, db)
            else { throw NotFound() }
            return (.article, id)
        case .client(let slug):
            guard let id = try policy.requireClient(slug: slug, .clientsRead, db).id else { throw NotFound() }
            return (.client, id)
        case .draft(let key):
            guard let userId = policy.principal.userId, let id = try DraftFolder.id(key: key, of: userId, db) else { throw NotFound() }
            return (.draft, id)
        }
    }
}
