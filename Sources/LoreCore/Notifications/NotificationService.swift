import Foundation
import GRDB

/// A person's notifications, their settings and what they watch. Each notification is shown
/// only while its recipient may still see what it is about.
public struct NotificationService: Sendable {
    let database: AppDatabase
    /// Unread counts for the bell on every page, until anything changes.
    private let unread = ChangeKeyedCache<Int64, Int>()
    /// What each person watches, asked on every view of a page: see ``isWatching(_:principal:)``.
    private let watched = ChangeKeyedCache<String, Bool>()

    public init(database: AppDatabase) {
        self.database = database
    }

    public struct Shown: Sendable {
        public let entry: NotificationEntry
        /// The subject's title now, and its address with the notification's anchor or diff.
        public let title: String
        public let link: String
        public let actorName: String
        /// Beyond what every employee reads: e-mails say only what, who and where.
        public let isConfidential: Bool
    }

    public static let pageSize = 50

    /// The newest first, `pageSize` to a page.
    public func list(for principal: Principal, kind: NotificationKind? = nil, unreadOnly: Bool = false, page: Int = 1) async throws
        -> (items: [Shown], hasMore: Bool) {
        let userId = try principal.authorId()
        return try await database.reader.read { db in
            var request = NotificationEntry.filter(Column("userId") == userId)
            if let kind { request = request.filter(Column("kind") == kind.rawValue) }
            if unreadOnly { request = request.filter(Column("readAt") == nil) }
            let entries = try request.order(Column("updatedAt").desc, Column("id").desc)
                .limit(Self.pageSize + 1, offset: (page - 1) * Self.pageSize).fetchAll(db)
            return (try Self.shown(entries.prefix(Self.pageSize), to: principal, db), entries.count > Self.pageSize)
        }
    }

    /// The entries the principal may see now, with their subjects' titles and addresses.
    static func shown(_ entries: some Sequence<NotificationEntry>, to principal: Principal, _ db: Database) throws -> [Shown] {
        let policy = AccessPolicy(principal)
        let entries = Array(entries)
        let names = try User.displayNames(Set(entries.compactMap(\.actorId)), db)
        return try entries.compactMap { entry in
            var title = "", path = "/notifications", confidential = false
            if let subject = entry.subject {
                guard let shown = try subject.shown(to: policy, db) else { return nil }
                (title, path) = (shown.title, shown.path + entry.suffix)
                confidential = try subject.isConfidential(db)
            } else if !entry.suffix.isEmpty {
                path = entry.suffix
            }
            return Shown(entry: entry, title: title, link: path, actorName: entry.actorId.flatMap { names[$0] } ?? "",
                         isConfidential: confidential)
        }
    }

    /// For an e-mail being made now: its recipient and those of `ids` that are theirs and
    /// that they may see at this moment. Nil when the account is gone or deactivated.
    public func mailable(_ ids: [Int64], to userId: Int64) async throws -> (user: User, items: [Shown])? {
        try await database.reader.read { db in
            guard let user = try User.fetchOne(db, id: userId), let principal = try PrincipalLoader.principal(userId: userId, db) else { return nil }
            let entries = try NotificationEntry.filter(ids.contains(Column("id")) && Column("userId") == userId).order(Column("id")).fetchAll(db)
            return (user, try Self.shown(entries, to: principal, db))
        }
    }

    /// What the bell shows: unread notifications the principal may see.
    public func unreadCount(for principal: Principal) async throws -> Int {
        guard let userId = principal.userId else { return 0 }
        let generation = database.changes.content &+ database.changes.notices
        if let cached = unread.value(for: userId, generation: generation) { return cached }
        let count = try await database.reader.read { db in
            let entries = try NotificationEntry.filter(Column("userId") == userId && Column("readAt") == nil)
                .order(Column("id").desc).limit(100).fetchAll(db)
            return try Self.shown(entries, to: principal, db).count
        }
        unread.store(count, for: userId, generation: generation)
        return count
    }

    /// Marks one read, and answers where it leads (nil when it is not theirs to see).
    public func open(_ id: Int64, by principal: Principal) async throws -> String? {
        let userId = try principal.authorId()
        return try await database.writer.write { db in
            guard let entry = try NotificationEntry.filter(key: id).filter(Column("userId") == userId).fetchOne(db) else { return nil }
            try db.execute(sql: "UPDATE notification SET readAt = ? WHERE id = ? AND readAt IS NULL", arguments: [Date(), id])
            return try Self.shown([entry], to: principal, db).first?.link
        }
    }

    public func markRead(_ ids: [Int64], by principal: Principal) async throws {
        let userId = try principal.authorId()
        _ = try await database.writer.write { db in
            try NotificationEntry.filter(ids.contains(Column("id")) && Column("userId") == userId && Column("readAt") == nil)
                .updateAll(db, Column("readAt").set(to: Date()))
        }
    }

    public func markAllRead(by principal: Principal) async throws {
        let userId = try principal.authorId()
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE notification SET readAt = ? WHERE userId = ? AND readAt IS NULL", arguments: [Date(), userId])
        }
    }

    /// The usernames `text` newly mentions (not in `before`) of people who may not see the
    /// article: they were not told, and its writer should know.
    public func unseeingMentions(in text: String, before: String, article id: Int64, by principal: Principal) async throws -> [String] {
        guard let author = principal.userId else { return [] }
        return try await database.reader.read { db in try Mentions.unseeing(in: text, before: before, subject: .article(id), by: author, db) }
    }

    // MARK: Settings

    public struct Settings: Sendable, Equatable {
        public var choices: [NotificationKind: NotificationSetting.Choice]
        /// Writers and commenters follow what they wrote on.
        public var autoWatch: Bool

        public init(choices: [NotificationKind: NotificationSetting.Choice], autoWatch: Bool) {
            self.choices = choices
            self.autoWatch = autoWatch
        }
    }

    public func settings(for principal: Principal) async throws -> Settings {
        let userId = try principal.authorId()
        return try await database.reader.read { db in
            Settings(choices: try NotificationSetting.choices(of: userId, db),
                     autoWatch: try Bool.fetchOne(db, sql: "SELECT autoWatch FROM user WHERE id = ?", arguments: [userId]) ?? true)
        }
    }

    public func save(_ settings: Settings, by principal: Principal) async throws {
        let userId = try principal.authorId()
        try await database.writer.write { db in
            for (kind, choice) in settings.choices {
                try NotificationSetting(userId: userId, kind: kind, delivery: choice.delivery, digest: choice.digest).save(db)
            }
            try db.execute(sql: "UPDATE user SET autoWatch = ? WHERE id = ? AND autoWatch <> ?",
                           arguments: [settings.autoWatch, userId, settings.autoWatch])
        }
    }

    /// From a signed link in an e-mail: that kind stays in Lore but is no longer e-mailed.
    public func unsubscribe(userId: Int64, from kind: NotificationKind) async throws {
        try await database.writer.write { db in
            let current = try NotificationSetting.choice(of: userId, for: kind, db)
            guard current.delivery == .email else { return }
            try NotificationSetting(userId: userId, kind: kind, delivery: .lore, digest: current.digest).save(db)
        }
    }

    // MARK: Watching

    /// Whether the principal follows the subject itself (not through a category above it).
    /// Kept in memory until watching changes: pages ask on every view.
    public func isWatching(_ subject: NotificationSubject, principal: Principal) async throws -> Bool {
        try await isWatching(subject.key, principal: principal) { db, userId in try Watch.isWatching(userId, subject, db) }
    }

    /// Whether the principal follows the article or category at this address (`/a/slug`,
    /// `/c/path`): asked before a page is taken from the cache, where watchers' pages are kept
    /// apart from everyone else's.
    public func isWatching(pageAt address: String, principal: Principal) async throws -> Bool {
        let (prefix, table, column) = address.hasPrefix(Paths.article("")) ? (Paths.article(""), "article", "slug")
            : (Paths.category(""), "category", "path")
        guard address.hasPrefix(prefix) else { return false }
        let key = String(address.dropFirst(prefix.count))
        return try await isWatching(address, principal: principal) { db, userId in
            try Bool.fetchOne(db, sql: """
                SELECT w.watching FROM \(table) s JOIN watch w ON w.userId = ? AND w.subjectKind = '\(table)' AND w.subjectId = s.id
                WHERE s.\(column) = ?
                """, arguments: [userId, key]) ?? false
        }
    }

    /// One question about one person's watching, kept until anything changes: every page asks
    /// it. (Reading all they follow at once took 400 ms for someone who wrote 100,000 pages.)
    private func isWatching(_ key: String, principal: Principal, read: @escaping @Sendable (Database, Int64) throws -> Bool) async throws -> Bool {
        guard let userId = principal.userId else { return false }
        let generation = database.changes.content &+ database.changes.notices
        let cacheKey = "\(userId)|\(key)"
        if let cached = watched.value(for: cacheKey, generation: generation) { return cached }
        let found = try await database.reader.read { db in try read(db, userId) }
        watched.store(found, for: cacheKey, generation: generation)
        return found
    }

    /// Starts or stops following something the principal may see.
    public func watch(_ watching: Bool, _ subject: NotificationSubject, by principal: Principal) async throws {
        let userId = try principal.authorId()
        try await database.writer.write { db in
            guard try subject.shown(to: AccessPolicy(principal), db) != nil else { throw NotFound() }
            try Watch.set(watching, userId, subject, db)
        }
    }
}
