import Foundation
import LoreCore

/// The token's user: who the API acts as, with what roles and capabilities, and the token itself.
struct ApiMe: Encodable, Sendable {
    struct Token: Encodable, Sendable {
        let name: String
        let readOnly: Bool
        @Null var expiresAt: Date?
    }

    let id: Int64
    let username: String
    let displayName: String
    let roles: [String]
    let capabilities: [String]
    let token: Token
}
