import Foundation
import GRDB

/// Who answers for a page and how often it is reviewed: set on the article, or inherited from
/// the nearest category above that sets it. Reviews are recorded without a new revision.
public struct Stewardship: Sendable, Equatable {
    public static let maxReviewMonths = 36

    /// What an article or a category sets itself (nil: inherited).
    struct Own: Sendable, Equatable {
        var ownerId: Int64?
        var reviewMonths: Int?
    }

    public var ownerId: Int64?
    public var reviewMonths: Int?
    /// The last review, or the page's creation when nobody reviewed it yet.
    public var reviewedAt: Date
    public var reviewedById: Int64?

    /// When the page is due for its next review; nil without a review interval.
    public var nextReview: Date? {
        reviewMonths.flatMap { Calendar(identifier: .gregorian).date(byAdding: .month, value: $0, to: reviewedAt) }
    }

    public func needsReview(now: Date = Date()) -> Bool {
        nextReview.map { $0 < now } ?? false
    }

    static func createTables(_ db: Database) throws {
        try db.create(table: "articleStewardship") { t in
            t.primaryKey("articleId", .integer).references("article", onDelete: .cascade)
            t.belongsTo("owner", inTable: "user")
            t.column("reviewMonths", .integer)
            t.column("reviewedAt", .datetime)
            t.belongsTo("reviewedBy", inTable: "user")
        }
        try db.create(index: "articleStewardship_owner", on: "articleStewardship", columns: ["ownerId"])
        try db.create(table: "categoryStewardship") { t in
            t.primaryKey("categoryId", .integer).references("category", onDelete: .cascade)
            t.belongsTo("owner", inTable: "user")
            t.column("reviewMonths", .integer)
        }
    }

    /// Each category's own settings and its parent, to resolve what articles inherit.
    struct Defaults: Sendable {
        let own: [Int64: Own]
        let parents: [Int64: Int64]

        static func load(_ db: Database) throws -> Defaults {
            var own: [Int64: Own] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT categoryId, ownerId, reviewMonths FROM categoryStewardship") {
                own[row["categoryId"]] = Own(ownerId: row["ownerId"], reviewMonths: row["reviewMonths"])
            }
            var parents: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, parentId FROM category WHERE parentId IS NOT NULL") {
                parents[row["id"]] = row["parentId"]
            }
            return Defaults(own: own, parents: parents)
        }

        /// The defaults kept in `cache` at `generation` (read before the snapshot `db` began), or read now and kept.
        static func kept(in cache: ChangeKeyedCache<Int, Defaults>, generation: Int, _ db: Database) throws -> Defaults {
            try cache.value(for: 0, generation: generation) { try load(db) }
        }

        /// The owner and interval articles in `categoryId` get when they set none themselves.
        func inherited(by categoryId: Int64) -> Own {
            var result = Own()
            var current: Int64? = categoryId
            var steps = 0
            while let id = current, steps < 100, result.ownerId == nil || result.reviewMonths == nil {
                if let own = own[id] {
                    result.ownerId = result.ownerId ?? own.ownerId
                    result.reviewMonths = result.reviewMonths ?? own.reviewMonths
                }
                current = parents[id]
                steps += 1
            }
            return result
        }
    }

    /// The article's stewardship: its own settings over its category's.
    static func of(articleId: Int64, categoryId: Int64, createdAt: Date, defaults: Defaults, _ db: Database) throws -> Stewardship {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM articleStewardship WHERE articleId = ?", arguments: [articleId])
        return resolve(row, categoryId: categoryId, createdAt: createdAt, defaults: defaults)
    }

    static func resolve(_ row: Row?, categoryId: Int64, createdAt: Date, defaults: Defaults) -> Stewardship {
        let inherited = defaults.inherited(by: categoryId)
        return Stewardship(ownerId: row?["ownerId"] ?? inherited.ownerId, reviewMonths: row?["reviewMonths"] ?? inherited.reviewMonths,
                           reviewedAt: row?["reviewedAt"] ?? createdAt, reviewedById: row?["reviewedById"])
    }
}
