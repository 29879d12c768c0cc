import Foundation
import LoreCore

/// The benchmark's company: 20 top-level categories of 10 subcategories each, the first two
/// readable by a role "Tenth" (a tenth of everything), three closed to employees.
enum World {
    static func build(_ database: AppDatabase) async throws -> (admin: Principal, reader: Principal) {
        let bootstrap = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "bench-password")
        let loader = PrincipalLoader(database: database)
        guard let adminId = bootstrap.administrator.id, let admin = try await loader.principal(userId: adminId) else { throw Missing() }
        // The reader sees the client cards they manage: a tenth of the registry.
        let tenth = try await RoleService(database: database).create(name: "Tenth", capabilities: [.clientsRead, .clientsOnlyOwn], by: admin)
        let (user, _) = try await UserAdministration(database: database, passwordCost: 4).create(
            username: "reader", displayName: "Reader", password: .given("bench-password-long"), roleIds: [tenth.id ?? 0], by: admin)
        guard let readerId = user.id, let reader = try await loader.principal(userId: readerId) else { throw Missing() }
        return (admin, reader)
    }

    /// The administrator and the reader of a database filled by an earlier run.
    static func existing(_ database: AppDatabase) async throws -> (admin: Principal, reader: Principal) {
        let loader = PrincipalLoader(database: database)
        let ids = try await database.reader.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE username IN ('admin', 'reader') ORDER BY username")
        }
        guard ids.count == 2, let admin = try await loader.principal(userId: ids[0]), let reader = try await loader.principal(userId: ids[1])
        else { throw Missing() }
        return (admin, reader)
    }

    /// The subcategories articles go into.
    static func categories(_ database: AppDatabase, _ admin: Principal) async throws -> [Int64] {
        let categories = CategoryService(database: database)
        let roles = RoleService(database: database)
        let employee = try await roles.role(kind: .employee)
        guard let tenth = try await roles.roles().first(where: { $0.name == "Tenth" })?.id, let employeeId = employee.id else { throw Missing() }
        var leaves: [Int64] = []
        for top in 0..<SearchBenchmark.topLevel {
            let parent = try await categories.create(CategoryDraft(title: "Department \(top)"), by: admin)
            guard let parentId = parent.id else { throw Missing() }
            // The reader holds only Employee and Tenth: everything but the first two departments is closed to them.
            try await roles.setGrant(top < 2 ? .read : nil, role: employeeId, category: parentId, by: admin)
            if top < 2 { try await roles.setGrant(.read, role: tenth, category: parentId, by: admin) }
            for child in 0..<SearchBenchmark.childrenEach {
                let category = try await categories.create(CategoryDraft(title: "Team \(top).\(child)", parentId: parentId), by: admin)
                if let id = category.id { leaves.append(id) }
            }
        }
        return leaves
    }

    /// `count` client cards, every tenth managed by the reader.
    static func clients(_ database: AppDatabase, count: Int, admin: Principal, reader: Principal) async throws {
        let service = ClientService(database: database)
        let cities = ["Москва", "Казань", "Новосибирск", "Екатеринбург", "Berlin", "Dubai"]
        for number in 0..<count {
            var draft = ClientDraft()
            draft.name = number % 4 == 0 ? "Client \(number) Logistics" : "ООО «Клиент \(number)»"
            draft.kind = ClientKind.company.rawValue
            draft.status = ClientStatus.active.rawValue
            draft.address = "\(cities[number % cities.count]), ул. Складская, \(number % 200 + 1)"
            draft.phones = "+7 495 \(100 + number % 900)-\(10 + number % 90)-\(10 + number / 90 % 90)"
            draft.manager = String((number % 10 == 0 ? reader : admin).userId ?? 0)
            _ = try await service.create(draft, by: admin)
        }
    }

    /// What the page benchmark asks for, as shell assignments: an API token for each person
    /// and the words of its searches — one in about a quarter of the articles, one in about a
    /// hundred, a six-word question and the start of a word as typed into the search box. And
    /// 32 people (rush-0…rush-31) with passwords hashed as the server hashes them, for a rush of sign-ins.
    static func writeRequests(_ database: AppDatabase, admin: Principal, reader: Principal, vocabulary: Vocabulary, to file: URL) async throws {
        let accounts = UserAdministration(database: database, passwordCost: 12)
        for number in 0..<32 {
            _ = try await accounts.create(username: "rush-\(number)", displayName: "Rush \(number)", password: .given("bench-rush-password"),
                                          roleIds: [], by: admin)
        }
        let tokens = ApiTokenService(database: database)
        let adminToken = try await tokens.create(name: "bench", readOnly: true, expiresInDays: nil, by: admin).secret
        let readerToken = try await tokens.create(name: "bench", readOnly: true, expiresInDays: nil, by: reader).secret
        let word = { (rank: Int) in vocabulary.word(rank: rank, russian: false) }
        let lines = [
            "ADMIN_TOKEN=\(adminToken)", "READER_TOKEN=\(readerToken)",
            "COMMON_WORD=\(word(60))", "RARE_WORD=\(word(15000))",
            "QUESTION='how do \(word(40)) \(word(300)) the \(word(1500))'", "TYPED=\(word(120).prefix(3))",
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    struct Missing: Error {}
}
