import Foundation
import GRDB

/// Administrators add, rename and remove the fields of client cards and of the people on them.
public struct CustomFieldService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func list(by principal: Principal) async throws -> [CustomField] {
        guard principal.isAdministrator else { throw NotFound() }
        return try await database.reader.read { try ClientSchema.load($0).customFields }
    }

    public func field(id: Int64, by principal: Principal) async throws -> CustomField {
        guard principal.isAdministrator else { throw NotFound() }
        return try await database.reader.read { db in
            guard let field = try CustomField.fetchOne(db, id: id) else { throw NotFound() }
            return field
        }
    }

    @discardableResult
    public func create(_ draft: CustomFieldDraft, by principal: Principal) async throws -> CustomField {
        guard principal.isAdministrator else { throw NotFound() }
        return try await database.writer.write { db in
            var field = CustomField(target: .client, key: "", labelRu: "", labelEn: "", kind: .text, choices: [], position: 0, createdAt: Date())
            try draft.apply(to: &field, db)
            field.position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM clientField WHERE target = ?",
                                               arguments: [field.target.rawValue]) ?? 0) + 1
            try field.insert(db)
            try AuditLog.record(.clientFieldAdded, by: principal, subject: Self.describe(field), db)
            return field
        }
    }

    /// Renames the field or changes its choices; its key, target and kind stay.
    public func update(id: Int64, _ draft: CustomFieldDraft, by principal: Principal) async throws {
        guard principal.isAdministrator else { throw NotFound() }
        try await database.writer.write { db in
            guard var field = try CustomField.fetchOne(db, id: id) else { throw NotFound() }
            try draft.apply(to: &field, db)
            try field.update(db)
            try AuditLog.record(.clientFieldChanged, by: principal, subject: Self.describe(field), db)
        }
    }

    /// Removes the field and every value of it, in one transaction; the cards' history keeps
    /// what the values were.
    public func delete(id: Int64, by principal: Principal) async throws {
        guard principal.isAdministrator else { throw NotFound() }
        try await database.writer.write { db in
            guard let field = try CustomField.fetchOne(db, id: id) else { throw NotFound() }
            let table = field.target == .client ? "client" : "clientContact"
            try db.execute(literal: """
                UPDATE \(sql: table) SET custom = json_remove(custom, \("$." + field.key)) WHERE json_type(custom, \("$." + field.key)) IS NOT NULL
                """)
            try field.delete(db)
            try AuditLog.record(.clientFieldRemoved, by: principal, subject: Self.describe(field), db)
        }
    }

    private static func describe(_ field: CustomField) -> String {
        "\(field.target.rawValue).\(field.key) «\(field.labelRu)» (\(field.kind.rawValue))"
    }
}
