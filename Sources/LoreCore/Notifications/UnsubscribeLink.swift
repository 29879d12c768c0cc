import Crypto
import Foundation
import GRDB

/// The link in each e-mail that stops that kind of e-mail for its recipient, without signing
/// in: signed with a secret kept in the database, so nobody can unsubscribe someone else.
public struct UnsubscribeLink: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// `/unsubscribe/<user>-<kind>-<signature>`.
    public func path(userId: Int64, kind: NotificationKind) async throws -> String {
        let key = try await secret()
        return "/unsubscribe/\(userId)-\(kind.rawValue)-\(Self.signature("\(userId)-\(kind.rawValue)", key))"
    }

    /// Whose and which kind the token stops, when it is genuine.
    public func verify(_ token: String) async throws -> (userId: Int64, kind: NotificationKind)? {
        let parts = token.split(separator: "-")
        guard parts.count == 3, let userId = Int64(parts[0]), let kind = NotificationKind(rawValue: String(parts[1])) else { return nil }
        let expected = Self.signature("\(userId)-\(kind.rawValue)", try await secret())
        // Compared in constant time, as any signature is.
        guard expected.utf8.count == parts[2].utf8.count,
              zip(expected.utf8, parts[2].utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        return (userId, kind)
    }

    private func secret() async throws -> Data {
        try await database.reader.read { db in
            Data(hex: try String.fetchOne(db, sql: "SELECT value FROM secret WHERE name = 'unsubscribe'") ?? "")
        }
    }

    private static func signature(_ text: String, _ key: Data) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)).prefix(16)
            .hexString
    }

    static func createSecret(_ db: Database) throws {
        try db.create(table: "secret") { t in
            t.primaryKey("name", .text)
            t.column("value", .text).notNull()
        }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try db.execute(sql: "INSERT INTO secret (name, value) VALUES ('unsubscribe', ?)", arguments: [bytes.hexString])
    }
}

private extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), index < hex.endIndex {
            if let byte = UInt8(hex[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        self.init(bytes)
    }
}
