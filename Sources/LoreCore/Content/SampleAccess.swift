import Foundation

/// The roles, rights and demo accounts that come with the sample content, so that a newcomer
/// sees access rights at work on the first start: HR's internal notes are for HR only, sales
/// material for sales, regulations are edited by HR and read by everyone.
public struct SampleAccess: Sendable {
    public struct DemoUser: Sendable {
        public let username: String
        public let displayName: String
        public let roles: [String]
        /// Generated at first start and shown once.
        public let password: String
    }

    struct Grant {
        let path: String
        let role: String
        let level: AccessLevel
    }

    static let roles = ["HR", "Sales"]
    /// Sales keeps the client registry; deleting cards stays with administrators.
    static let capabilities: [String: Set<Capability>] = ["Sales": [.clientsRead, .clientsEdit, .clientsExport]]
    static let grants = [
        Grant(path: "hr/hr-team", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "hr/hr-team", role: "HR", level: .manage),
        Grant(path: "hr", role: "HR", level: .manage),
        Grant(path: "sales", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "sales", role: "Sales", level: .edit),
        Grant(path: "competitors", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "competitors", role: "Sales", level: .read),
        Grant(path: "regulations", role: Role.Kind.employee.defaultName, level: .read),
        Grant(path: "regulations", role: "HR", level: .edit),
    ]
    static let users = [
        (username: "marina", displayName: "Marina Sokolova", roles: ["HR"]),
        (username: "sergey", displayName: "Sergey Volkov", roles: ["Sales"]),
        (username: "ivan", displayName: "Ivan Petrov", roles: [String]()),
    ]

    let database: AppDatabase
    let passwordCost: UInt8

    public init(database: AppDatabase, passwordCost: UInt8 = 12) {
        self.database = database
        self.passwordCost = passwordCost
    }

    /// Creates the roles, grants and demo users; categories missing from the content are skipped.
    /// The demo users get `password` when given, otherwise each a random one.
    public func apply(by administrator: Principal, password fixedPassword: String? = nil) async throws -> [DemoUser] {
        let roleService = RoleService(database: database)
        var roleIds: [String: Int64] = [:]
        for role in try await roleService.roles() { roleIds[role.name] = role.id }
        for name in Self.roles where roleIds[name] == nil {
            roleIds[name] = try await roleService.create(name: name, by: administrator).id
        }
        for (name, capabilities) in Self.capabilities {
            guard let roleId = roleIds[name] else { continue }
            try await roleService.update(id: roleId, name: name, capabilities: capabilities, by: administrator)
        }
        let categories = CategoryService(database: database)
        for grant in Self.grants {
            guard let category = try? await categories.category(path: grant.path, for: administrator),
                  let categoryId = category.id, let roleId = roleIds[grant.role] else { continue }
            try await roleService.setGrant(grant.level, role: roleId, category: categoryId, by: administrator)
        }
        let accounts = UserAdministration(database: database, passwordCost: passwordCost)
        var created: [DemoUser] = []
        for user in Self.users {
            let password = fixedPassword ?? UserService.randomPassword()
            _ = try await accounts.create(
                username: user.username, displayName: user.displayName, password: .given(password),
                roleIds: Set(user.roles.compactMap { roleIds[$0] }), by: administrator)
            created.append(DemoUser(username: user.username, displayName: user.displayName, roles: user.roles, password: password))
        }
        return created
    }
}
