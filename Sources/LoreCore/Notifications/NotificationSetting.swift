import GRDB

/// One person's choice for one kind of notification: shown in Lore, also e-mailed (at once or
/// in the morning digest), or not at all. Absent rows mean the kind's default.
public struct NotificationSetting: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum Delivery: String, Codable, Sendable, CaseIterable {
        case lore, email, off
    }

    public struct Choice: Sendable, Equatable {
        public var delivery: Delivery
        /// E-mailed once a day with the rest, not one by one.
        public var digest: Bool

        public init(delivery: Delivery, digest: Bool) {
            self.delivery = delivery
            self.digest = digest
        }
    }

    public var userId: Int64
    public var kind: NotificationKind
    public var delivery: Delivery
    public var digest: Bool

    public static let databaseTableName = "notificationSetting"

    static func choice(of userId: Int64, for kind: NotificationKind, _ db: Database) throws -> Choice {
        try NotificationSetting.fetchOne(db, key: ["userId": userId, "kind": kind.rawValue])
            .map { Choice(delivery: $0.delivery, digest: $0.digest) } ?? kind.defaultSetting
    }

    static func choices(of userId: Int64, _ db: Database) throws -> [NotificationKind: Choice] {
        let stored = try NotificationSetting.filter(Column("userId") == userId).fetchAll(db)
        return Dictionary(uniqueKeysWithValues: NotificationKind.allCases.map { kind in
            (kind, stored.first { $0.kind == kind }.map { Choice(delivery: $0.delivery, digest: $0.digest) } ?? kind.defaultSetting)
        })
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("delivery", .text).notNull()
            t.column("digest", .boolean).notNull()
            t.primaryKey(["userId", "kind"])
        }
    }
}
