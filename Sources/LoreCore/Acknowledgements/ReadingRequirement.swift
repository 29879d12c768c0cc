import Foundation
import GRDB

/// An article that chosen roles must read and confirm («лист ознакомления»): from which
/// revision on a confirmation counts (a significant change moves it forward) and how many days
/// each person has, counted from that revision or from their first sign-in, whichever is later.
public struct ReadingRequirement: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var articleId: Int64
    public var dueDays: Int
    /// Confirmations of this revision or a later one count.
    public var sinceRevision: Int
    public var sinceAt: Date
    public var setById: Int64
    public var setAt: Date

    public static let databaseTableName = "readingRequirement"
    public static let maxDueDays = 365

    /// When someone who first signed in at `firstSignIn` must have confirmed; nil for someone
    /// who never signed in, whose days have not started.
    public func due(firstSignIn: Date?) -> Date? {
        firstSignIn.map { max(sinceAt, $0).addingTimeInterval(Double(dueDays) * 86_400) }
    }

    static func createTables(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.primaryKey("articleId", .integer).references("article", onDelete: .cascade)
            t.column("dueDays", .integer).notNull()
            t.column("sinceRevision", .integer).notNull()
            t.column("sinceAt", .datetime).notNull()
            t.belongsTo("setBy", inTable: "user").notNull()
            t.column("setAt", .datetime).notNull()
        }
        try db.create(table: "readingRequirementRole") { t in
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.primaryKey(["articleId", "roleId"])
        }
        try db.create(index: "readingRequirementRole_role", on: "readingRequirementRole", columns: ["roleId", "articleId"])
        try db.create(table: "acknowledgement") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.column("revision", .integer).notNull()
            t.column("at", .datetime).notNull()
            t.column("address", .text).notNull()
        }
        try db.create(index: "acknowledgement_article", on: "acknowledgement", columns: ["articleId", "userId", "revision"])
        try db.create(index: "acknowledgement_user", on: "acknowledgement", columns: ["userId", "articleId", "revision"])
    }
}
