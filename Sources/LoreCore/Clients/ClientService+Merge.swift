import Foundation
import GRDB

/// Two cards for one client become one: each field from the card chosen, people, timeline,
/// purchases, comments, files and linked articles together, the other card in the trash —
/// restoring it from there undoes the merge.
extension ClientService {
    /// What a merge moved, so restoring the absorbed card can move it back.
    struct Moved: Codable {
        var contacts: [Int64] = []
        var interactions: [Int64] = []
        var purchases: [Int64] = []
        var comments: [Int64] = []
        var attachments: [Int64] = []
        var articles: [Int64] = []
    }

    /// The tables whose rows belong to a card through `clientId`, with the list in ``Moved``.
    private static var movedRows: [(table: String, path: WritableKeyPath<Moved, [Int64]>)] {
        [("clientContact", \.contacts), ("clientInteraction", \.interactions), ("purchase", \.purchases), ("comment", \.comments)]
    }

    /// Merges `absorbedSlug` into `keptSlug`, taking the fields named in `taking` from the
    /// absorbed card. Needs the rights to edit and to delete cards; one transaction, one audit entry.
    @discardableResult
    public func merge(_ absorbedSlug: String, into keptSlug: String, taking: Set<String>, by principal: Principal) async throws -> Client {
        let policy = AccessPolicy(principal)
        let author = try principal.authorId()
        return try await database.writer.write { db in
            let kept = try policy.requireClient(slug: keptSlug, .clientsDelete, db)
            let absorbed = try policy.requireClient(slug: absorbedSlug, .clientsDelete, db)
            guard principal.has(.clientsEdit), let keptId = kept.id, let absorbedId = absorbed.id, keptId != absorbedId else {
                throw ValidationError(field: "with", .notFound)
            }
            let before = ClientDraft(kept)
            var draft = before
            let theirs = ClientDraft(absorbed)
            for field in try ClientSchema.load(db).client where taking.contains(field.key) { draft[field.key] = theirs[field.key] }
            let merged = try ClientWriter(db: db, authorId: author).update(kept, with: draft)

            var moved = Moved()
            for (table, path) in Self.movedRows {
                moved[keyPath: path] = try SQLRequest<Int64>("SELECT id FROM \(sql: table) WHERE clientId = \(absorbedId)").fetchAll(db)
                try db.execute(literal: "UPDATE \(sql: table) SET clientId = \(keptId) WHERE clientId = \(absorbedId)")
            }
            moved.attachments = try Int64.fetchAll(db, sql: "SELECT id FROM attachment WHERE ownerKind = 'client' AND ownerId = ?", arguments: [absorbedId])
            try db.execute(sql: "UPDATE attachment SET ownerId = ? WHERE ownerKind = 'client' AND ownerId = ?", arguments: [keptId, absorbedId])
            moved.articles = try Int64.fetchAll(db, sql: """
                SELECT articleId FROM clientArticleLink WHERE clientId = ?1 AND articleId NOT IN (SELECT articleId FROM clientArticleLink WHERE clientId = ?2)
                """, arguments: [absorbedId, keptId])
            try db.execute(sql: "UPDATE OR IGNORE clientArticleLink SET clientId = ? WHERE clientId = ?", arguments: [keptId, absorbedId])
            try db.execute(sql: "INSERT INTO clientMerge (absorbedId, keptId, moved, keptBefore, mergedAt) VALUES (?, ?, ?, ?, ?)", arguments: [
                absorbedId, keptId, String(decoding: try JSONEncoder().encode(moved), as: UTF8.self),
                String(decoding: try JSONEncoder().encode(before.values), as: UTF8.self),
                Date(),
            ])
            try Self.trash(absorbed, deleted: true, by: author, db)
            try AuditLog.record(.clientsMerged, by: principal, subject: "\(absorbed.name) (\(absorbed.slug)) into \(kept.name) (\(kept.slug))", db)
            return merged
        }
    }

    /// Restoring a card that was merged away: what came from it goes back, and the card it
    /// went into gets its own fields back.
    static func unmerge(_ absorbed: Client, by principal: Principal, _ db: Database) throws {
        guard let absorbedId = absorbed.id,
              let row = try Row.fetchOne(db, sql: "SELECT * FROM clientMerge WHERE absorbedId = ?", arguments: [absorbedId]) else { return }
        let keptId: Int64 = row["keptId"]
        let moved = try JSONDecoder().decode(Moved.self, from: Data((row["moved"] as String).utf8))
        let before = try JSONDecoder().decode([String: String].self, from: Data((row["keptBefore"] as String).utf8))
        func ids(_ list: [Int64]) -> String { "[" + list.map(String.init).joined(separator: ",") + "]" }
        for (table, path) in movedRows {
            try db.execute(literal: "UPDATE \(sql: table) SET clientId = \(absorbedId) WHERE id IN (SELECT value FROM json_each(\(ids(moved[keyPath: path]))))")
        }
        try db.execute(sql: "UPDATE attachment SET ownerId = ? WHERE ownerKind = 'client' AND id IN (SELECT value FROM json_each(?))",
                       arguments: [absorbedId, ids(moved.attachments)])
        try db.execute(sql: "UPDATE OR IGNORE clientArticleLink SET clientId = ? WHERE clientId = ? AND articleId IN (SELECT value FROM json_each(?))",
                       arguments: [absorbedId, keptId, ids(moved.articles)])
        if let kept = try Client.fetchOne(db, id: keptId) {
            var draft = ClientDraft(kept)
            draft.values.merge(before) { _, old in old }
            _ = try ClientWriter(db: db, authorId: try principal.authorId()).update(kept, with: draft)
        }
        try db.execute(sql: "DELETE FROM clientMerge WHERE absorbedId = ?", arguments: [absorbedId])
        try AuditLog.record(.clientsUnmerged, by: principal, subject: "\(absorbed.name) (\(absorbed.slug))", db)
    }
}
