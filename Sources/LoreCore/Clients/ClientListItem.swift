import Foundation

/// A row of the client list.
public struct ClientListItem: Sendable, Equatable {
    public let client: Client
    public let managerName: String?
    public let lastContactAt: Date?
}
