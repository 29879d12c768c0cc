import Foundation
import GRDB

/// A signed-in browser. Its id is the digest of the secret in the session cookie; its CSRF
/// token is the secret every form and script of that browser sends back with a change.
public struct Session: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: String
    public var userId: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The absolute end, however active the session is.
    public var expiresAt: Date
    public var address: String
    /// Whose rights this browser is looking with ("see as", ``SeeAs``); nil normally.
    public var seeAsUserId: Int64?

    public static let databaseTableName = "session"
}
