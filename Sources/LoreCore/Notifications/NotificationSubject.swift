import GRDB

/// What a notification points at. Whether its recipient may see it is decided again each time
/// the notification is shown or e-mailed, so a right taken away takes the notification with it.
public enum NotificationSubject: Sendable, Equatable {
    case article(Int64)
    case client(Int64)
    case category(Int64)
    /// A change waiting for approval (``PendingChange``).
    case approval(Int64)

    var kind: String {
        switch self {
        case .article: "article"
        case .client: "client"
        case .category: "category"
        case .approval: "approval"
        }
    }

    var id: Int64 {
        switch self {
        case .article(let id), .client(let id), .category(let id), .approval(let id): id
        }
    }

    /// `article:12`: how watching is looked up and how forms name a subject.
    public var key: String { "\(kind):\(id)" }

    public init?(key: String) {
        let parts = key.split(separator: ":")
        guard parts.count == 2, let id = Int64(parts[1]), (1...(1 << 53)).contains(id) else { return nil }
        self.init(kind: String(parts[0]), id: id)
    }

    init?(kind: String?, id: Int64?) {
        guard let kind, let id else { return nil }
        switch kind {
        case "article": self = .article(id)
        case "client": self = .client(id)
        case "category": self = .category(id)
        case "approval": self = .approval(id)
        default: return nil
        }
    }

    /// Confidential: in a category beyond what every employee may read. E-mails about it carry
    /// no more than its title, who, what and the link. (A client card's notifications go to
    /// the people who work with it.)
    func isConfidential(_ db: Database) throws -> Bool {
        let categoryId: Int64?
        switch self {
        case .client: return false
        case .category(let id): categoryId = id
        case .article(let id): categoryId = try Int64.fetchOne(db, sql: "SELECT categoryId FROM article WHERE id = ?", arguments: [id])
        case .approval(let id): categoryId = try Int64.fetchOne(db, sql: "SELECT categoryId FROM pendingChange WHERE id = ?", arguments: [id])
        }
        guard let categoryId,
              let employee = try Role.id(of: .employee, db)
        else { return true }
        let everyone = Principal(userId: nil, displayName: "", roleIds: [employee], isAdministrator: false, capabilities: [])
        return try AccessPolicy(everyone).level(inCategory: categoryId, db) < .read
    }

    /// Its current title and address, when the principal may see it now; nil otherwise.
    func shown(to policy: AccessPolicy, _ db: Database) throws -> (title: String, path: String)? {
        switch self {
        case .article(let id):
            guard let article = try policy.readableArticle(id: id, db) else { return nil }
            return (article.title, Paths.article(article.slug))
        case .client(let id):
            guard policy.principal.has(.clientsRead),
                  let client = try Client.filter(key: id).filter(Client.live).filter(policy.readableClients()).fetchOne(db)
            else { return nil }
            return (client.name, Paths.client(client.slug))
        case .category(let id):
            guard try policy.level(inCategory: id, db) >= .read, let category = try Category.fetchOne(db, id: id) else { return nil }
            return (category.title, Paths.category(category.path))
        case .approval(let id):
            guard let shown = try? ApprovalService.shown(id: id, policy, db) else { return nil }
            return (shown.change.title, "/approvals/\(id)")
        }
    }
}
