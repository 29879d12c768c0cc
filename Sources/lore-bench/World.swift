import LoreCore

/// The benchmark's company: 20 top-level categories of 10 subcategories each, the first two
/// readable by a role "Tenth" (a tenth of everything), three closed to employees.
enum World {
    static func build(_ database: AppDatabase) async throws -> (admin: Principal, reader: Principal) {
        let bootstrap = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "bench-password")
        let loader = PrincipalLoader(database: database)
        guard let adminId = bootstrap.administrator.id, let admin = try await loader.principal(userId: adminId) else { throw Missing() }
        let tenth = try await RoleService(database: database).create(name: "Tenth", by: admin)
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
            try await roles.setGrant(top < 2 ? .read : .none, role: employeeId, category: parentId, by: admin)
            if top < 2 { try await roles.setGrant(.read, role: tenth, category: parentId, by: admin) }
            for child in 0..<SearchBenchmark.childrenEach {
                let category = try await categories.create(CategoryDraft(title: "Team \(top).\(child)", parentId: parentId), by: admin)
                if let id = category.id { leaves.append(id) }
            }
        }
        return leaves
    }

    struct Missing: Error {}
}
