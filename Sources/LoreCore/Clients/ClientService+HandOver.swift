import Foundation
import GRDB

/// When a manager leaves or the team is reorganised: their cards go to a colleague in one step.
extension ClientService {
    /// Gives `from`'s live cards (all, or those with `status`) to `to`, in one transaction with
    /// one audit entry; each card's history records its new manager. For those who supervise
    /// clients; the new manager must be active and able to see clients. Returns how many.
    public func handOver(from: Int64, to: Int64, status: ClientStatus? = nil, by principal: Principal) async throws -> Int {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsSupervise)
        let author = try principal.authorId()
        return try await database.writer.write { db in
            guard from != to, let successor = try PrincipalLoader.principal(userId: to, db), successor.has(.clientsRead) else {
                throw ValidationError(field: "to", .notFound)
            }
            var request = Client.filter(Column("managerId") == from).filter(Client.live).filter(policy.readableClients())
            if let status { request = request.filter(Column("status") == status.rawValue) }
            let clients = try request.fetchAll(db)
            let writer = ClientWriter(db: db, authorId: author)
            for client in clients {
                var draft = ClientDraft(client)
                draft.manager = String(to)
                _ = try writer.update(client, with: draft)
            }
            let names = try User.displayNames([from, to], db)
            try AuditLog.record(.clientsHandedOver, by: principal,
                                subject: "\(clients.count) from \(names[from] ?? "#\(from)") to \(names[to] ?? "#\(to)")", db)
            return clients.count
        }
    }

    /// How many live cards a person manages: offered for hand-over when they leave.
    public func managedCount(of userId: Int64) async throws -> Int {
        try await database.reader.read { db in
            try Client.filter(Column("managerId") == userId).filter(Client.live).fetchCount(db)
        }
    }
}
