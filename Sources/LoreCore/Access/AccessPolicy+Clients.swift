import GRDB

/// Client rights are not tied to categories: a role holds clients.read, .edit, .export or
/// .delete, possibly narrowed to the clients its holders are responsible for.
extension AccessPolicy {
    /// True for the client rows (live or not) that the principal may see.
    public func readableClients(_ table: String = "client") -> SQL {
        guard principal.has(.clientsRead) else { return "0" }
        if principal.seesAllClients { return "1" }
        guard let userId = principal.userId else { return "0" }
        return "\(sql: table).managerId = \(userId)"
    }

    /// Throws ``NotFound`` when the registry is hidden from the principal, ``AccessDenied``
    /// when it is visible but the principal lacks `capability`.
    public func requireClients(_ capability: Capability = .clientsRead) throws {
        guard principal.has(.clientsRead) else { throw NotFound() }
        if !principal.has(capability) { throw AccessDenied() }
    }

    /// The client with this slug as the principal may see it, then `capability` on it.
    func requireClient(slug: String, _ capability: Capability = .clientsRead, includingDeleted: Bool = false,
                       _ db: Database) throws -> Client {
        try requireClients()
        var request = Client.filter(Column("slug") == slug).filter(readableClients())
        if !includingDeleted { request = request.filter(Client.live) }
        guard let client = try request.fetchOne(db) else { throw NotFound() }
        if !principal.has(capability) { throw AccessDenied() }
        return client
    }
}
