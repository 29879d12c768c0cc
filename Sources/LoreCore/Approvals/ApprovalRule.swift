import GRDB

/// Whether changes in a category wait for approval, and who approves them: set on a category
/// and inherited by its subcategories unless one sets its own.
public struct ApprovalRule: Sendable, Equatable {
    public var required: Bool
    /// Nil: the category's managers.
    public var approverRoleId: Int64?
    /// The category that set it: this one or an ancestor.
    public var setIn: Int64

    /// The rule that applies in `categoryId`, nil when no category up the tree sets one.
    static func applying(in categoryId: Int64, _ db: Database) throws -> ApprovalRule? {
        var current: Int64? = categoryId
        var steps = 0
        while let id = current, steps < 100 {
            if let row = try Row.fetchOne(db, sql: "SELECT required, approverRoleId FROM approvalRule WHERE categoryId = ?", arguments: [id]) {
                return ApprovalRule(required: row["required"], approverRoleId: row["approverRoleId"], setIn: id)
            }
            current = try Int64?.fetchOne(db, sql: "SELECT parentId FROM category WHERE id = ?", arguments: [id]) ?? nil
            steps += 1
        }
        return nil
    }

    /// Whether the principal approves changes in `categoryId` under this rule.
    func approves(_ policy: AccessPolicy, in categoryId: Int64, _ db: Database) throws -> Bool {
        if policy.principal.isAdministrator { return true }
        if let role = approverRoleId {
            guard policy.principal.roleIds.contains(role) else { return false }
            return try policy.level(inCategory: categoryId, db) >= .read
        }
        return try policy.level(inCategory: categoryId, db) >= .manage
    }

    /// Whether a change by the principal in `categoryId` must wait for approval. Someone who
    /// may not edit there is refused as ever, not asked to wait.
    static func holds(_ policy: AccessPolicy, in categoryId: Int64, _ db: Database) throws -> Bool {
        guard let rule = try applying(in: categoryId, db), rule.required, try policy.level(inCategory: categoryId, db) >= .edit else {
            return false
        }
        return try !rule.approves(policy, in: categoryId, db)
    }
}

/// The change must wait for approval: it was not saved (see ``ApprovalService/submit(_:article:baseRevision:by:)``).
public struct ApprovalRequired: Error, Equatable, Sendable {
    public init() {}
}
