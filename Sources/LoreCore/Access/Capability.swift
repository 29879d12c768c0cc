/// Rights that are not tied to a category. Administrators have all of them.
public enum Capability: String, Codable, Sendable, CaseIterable {
    case clientsRead = "clients.read"
    case clientsEdit = "clients.edit"
    case clientsExport = "clients.export"
    case clientsDelete = "clients.delete"
    /// Narrows the role's client rights to the clients its holders are responsible for.
    case clientsOnlyOwn = "clients.only-own"
    /// Heads the sales team: hands a manager's clients over to another.
    case clientsSupervise = "clients.supervise"
    case usersManage = "users.manage"
    case rolesManage = "roles.manage"
    case auditRead = "audit.read"
    /// Sees who confirmed which pages they may read (HR), beyond the pages they manage.
    case acknowledgementsReport = "acknowledgements.report"
}
