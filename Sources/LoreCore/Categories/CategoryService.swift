import Foundation
import GRDB

/// Reads and changes the category tree.
public struct CategoryService: Sendable {
    public enum Direction: String, Sendable {
        case up, down
    }

    let database: AppDatabase
    /// Every page shows the reader's tree with its counts, which read every article: kept per
    /// kind of reader (the same roles see the same tree) until something that pages show changes.
    private let trees = ChangeKeyedCache<String, [CategoryNode]>(limit: 1_000)

    public init(database: AppDatabase) {
        self.database = database
    }

    // MARK: Reading

    public func tree(for principal: Principal) async throws -> [CategoryNode] {
        let reader = principal.readerKind
        // Read before the tree: a change committed meanwhile leaves the kept tree at the older generation.
        let generation = database.changes.content
        if let kept = trees.value(for: reader, generation: generation) { return kept }
        let tree = try await database.read(as: principal) { viewer in try viewer.tree() }
        trees.store(tree, for: reader, generation: generation)
        return tree
    }

    /// A category by its address as the reader sees it (see ``ReaderCategories``).
    public func category(path: String, for principal: Principal) async throws -> Category {
        try await database.read(as: principal) { viewer in try viewer.categories().category(path: path) }
    }

    /// A category as the reader sees it: under a hidden parent, it stands at the top.
    public func category(id: Int64, for principal: Principal) async throws -> Category {
        try await database.read(as: principal) { viewer in try viewer.categories().category(id: id) }
    }

    /// What the principal may do in each category it can see, for offering only allowed choices.
    public func levels(for principal: Principal) async throws -> [Int64: AccessLevel] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in try policy.levels(db) }
    }

    /// What the principal may do in a category, for showing or hiding actions.
    public func level(inCategory id: Int64, for principal: Principal) async throws -> AccessLevel {
        try await database.read(as: principal) { viewer in try viewer.level(inCategory: id) }
    }

    /// The category and the ones above it, root first, for breadcrumbs.
    public func lineage(of category: Category, for principal: Principal) async throws -> [Category] {
        guard let id = category.id else { return [] }
        return try await database.read(as: principal) { viewer in try viewer.categories().lineage(of: id) }
    }

    // MARK: Changing

    public func create(_ draft: CategoryDraft, by principal: Principal) async throws -> Category {
        try await database.writer.write { db in try Self.create(draft, by: principal, db) }
    }

    /// ``create(_:by:)`` inside a transaction of the caller's (an import's).
    static func create(_ draft: CategoryDraft, by principal: Principal, _ db: Database) throws -> Category {
        let policy = AccessPolicy(principal)
        let author = try principal.authorId()
        try Self.requireManage(under: draft.parentId, policy, db)
        let fields = try Self.validate(draft, db: db)
        let parent = try draft.parentId.map { try Self.existing($0, db: db, field: "parent") }
        let siblings = try Category.filter(Column("parentId") == draft.parentId).fetchCount(db)
        let now = Date()
        var category = Category(
            id: nil, parentId: draft.parentId, slug: fields.slug,
            path: Self.path(parent: parent, slug: fields.slug),
            title: fields.title, description: fields.description, position: draft.position ?? siblings,
            createdById: author, createdAt: now, updatedById: author, updatedAt: now,
            hidesHistoryFromReaders: draft.hidesHistoryFromReaders ?? false)
        try Self.ensurePathIsFree(category.path, except: nil, db: db, field: draft.slug.isEmpty ? "title" : "slug")
        try category.insert(db)
        var grants = draft.grants
        if parent == nil, let employee = try Role.id(of: .employee, db),
           grants[employee] == nil {
            grants[employee] = .read
        }
        for (roleId, level) in grants.sorted(by: { $0.key < $1.key }) {
            // Administrators may do everything everywhere: a grant of theirs would mean nothing.
            guard let role = try Role.fetchOne(db, id: roleId), role.kind != .administrator else { throw ValidationError(field: "role", .notFound) }
            try db.execute(sql: "INSERT INTO categoryGrant (categoryId, roleId, level) VALUES (?, ?, ?)",
                           arguments: [category.id, roleId, level.rawValue])
            try AuditLog.record(.grantChanged, by: principal, subject: "category \(category.id ?? 0) role \(roleId): \(level)", db)
        }
        try EffectiveGrants.rebuild(db)
        return try ReaderCategories.read(policy, db).category(id: category.id ?? 0)
    }

    /// Renames, re-describes and moves a category; its subtree follows it.
    public func update(id: Int64, with draft: CategoryDraft, by principal: Principal) async throws -> Category {
        try await database.writer.write { db in try Self.update(id: id, with: draft, by: principal, db) }
    }

    /// ``update(id:with:by:)`` inside a transaction of the caller's (an import's).
    static func update(id: Int64, with draft: CategoryDraft, by principal: Principal, _ db: Database) throws -> Category {
        let policy = AccessPolicy(principal)
        var category = try Self.existing(id, db: db, field: "id")
        try policy.require(.manage, inCategory: id, db)
        var draft = draft
        // The form showed a category under a hidden parent at the top: "no parent" keeps it where it is.
        if draft.parentId == nil, let parentId = category.parentId, try policy.level(inCategory: parentId, db) < .read {
            draft.parentId = parentId
        }
        if draft.parentId != category.parentId { try Self.requireManage(under: draft.parentId, policy, db) }
        let fields = try Self.validate(draft, db: db)
        let parent = try draft.parentId.map { try Self.existing($0, db: db, field: "parent") }
        if let parent, parent.id == id || parent.path.hasPrefix(category.path + "/") {
            throw ValidationError(field: "parent", .wouldCreateLoop)
        }
        let oldPath = category.path
        let titleBefore = category.title
        let newPath = Self.path(parent: parent, slug: fields.slug)
        try Self.ensurePathIsFree(newPath, except: id, db: db, field: draft.slug.isEmpty ? "title" : "slug")
        if let position = draft.position {
            category.position = position
        } else if category.parentId != draft.parentId {
            category.position = try Category.filter(Column("parentId") == draft.parentId).fetchCount(db)
        }
        category.slug = fields.slug
        category.path = newPath
        category.title = fields.title
        category.description = fields.description
        category.hidesHistoryFromReaders = draft.hidesHistoryFromReaders ?? category.hidesHistoryFromReaders
        let movedElsewhere = category.parentId != draft.parentId
        category.parentId = draft.parentId
        category.updatedById = try principal.authorId()
        category.updatedAt = Date()
        try category.update(db)
        if movedElsewhere { try EffectiveGrants.rebuild(db) }
        if newPath != oldPath {
            try db.execute(sql: """
                UPDATE category SET path = ? || substr(path, length(?) + 1)
                WHERE substr(path, 1, length(?) + 1) = ? || '/'
                """, arguments: [newPath, oldPath, oldPath, oldPath])
        }
        // Articles are found by the titles of the categories they sit in.
        if newPath != oldPath || fields.title != titleBefore {
            try SearchIndex.updateArticles(inCategoryTree: newPath, db)
        }
        return try ReaderCategories.read(policy, db).category(id: id)
    }

    /// Moves a category one place up or down among its siblings.
    public func reorder(id: Int64, _ direction: Direction, by principal: Principal) async throws {
        try await database.writer.write { db in
            let category = try Self.existing(id, db: db, field: "id")
            try AccessPolicy(principal).require(.read, inCategory: id, db)
            do {
                try Self.requireManage(under: category.parentId, AccessPolicy(principal), db)
            } catch is ValidationError {
                // The parent is hidden from them: ordering among its children is not theirs to do.
                throw AccessDenied()
            }
            var siblings = try Category.filter(Column("parentId") == category.parentId)
                .order(Category.displayOrder).fetchAll(db)
            guard let index = siblings.firstIndex(where: { $0.id == id }) else { return }
            let target = direction == .up ? index - 1 : index + 1
            guard siblings.indices.contains(target) else { return }
            siblings.swapAt(index, target)
            for (position, var sibling) in siblings.enumerated() where sibling.position != position {
                sibling.position = position
                try sibling.update(db, columns: ["position"])
            }
        }
    }

    /// Deletes an empty category. One that still holds subcategories or articles (trashed ones
    /// included, as they may be restored into it) is refused.
    public func delete(id: Int64, by principal: Principal) async throws {
        try await database.writer.write { db in
            let category = try Self.existing(id, db: db, field: "id")
            try AccessPolicy(principal).require(.manage, inCategory: id, db)
            let hasChildren = try Category.filter(Column("parentId") == id).fetchCount(db) > 0
            let hasArticles = try Article.filter(Column("categoryId") == id).fetchCount(db) > 0
            // History kept to this category's readers after its articles moved away needs it.
            let holdsHistory = try Revision.filter(Column("restrictedToCategoryId") == id).fetchCount(db) > 0
            if hasChildren || hasArticles || holdsHistory { throw CategoryNotEmpty(title: category.title) }
            try category.delete(db)
            try EffectiveGrants.rebuild(db)
        }
    }

    // MARK: Helpers

    private struct ValidFields {
        var title: String
        var slug: String
        var description: String
    }

    private static func validate(_ draft: CategoryDraft, db: Database) throws -> ValidFields {
        var validator = Validator()
        let title = validator.text("title", draft.title, maxBytes: CategoryDraft.maxTitleBytes)
        let description = validator.text("description", draft.description, required: false, maxBytes: CategoryDraft.maxDescriptionBytes)
        let typedSlug = draft.slug.trimmingCharacters(in: .whitespaces)
        let slug = typedSlug.isEmpty ? Slug.make(from: title) : typedSlug
        if !title.isEmpty, !Slug.isValid(slug) { validator.add(typedSlug.isEmpty ? "title" : "slug", .invalidSlug) }
        try validator.check()
        return ValidFields(title: title, slug: slug, description: description)
    }

    /// Creating, moving into or ordering within a parent needs manage on it; at the top level,
    /// where there is no parent, it needs roles.manage.
    private static func requireManage(under parentId: Int64?, _ policy: AccessPolicy, _ db: Database) throws {
        guard let parentId else { return try policy.requireManageTopLevel() }
        do {
            try policy.require(.manage, inCategory: parentId, db)
        } catch is NotFound {
            throw ValidationError(field: "parent", .notFound)
        }
    }

    private static func existing(_ id: Int64, db: Database, field: String) throws -> Category {
        guard let category = try Category.fetchOne(db, id: id) else {
            if field == "id" { throw NotFound() }
            throw ValidationError(field: field, .notFound)
        }
        return category
    }

    private static func path(parent: Category?, slug: String) -> String {
        parent.map { "\($0.path)/\(slug)" } ?? slug
    }

    private static func ensurePathIsFree(_ path: String, except id: Int64?, db: Database, field: String) throws {
        var request = Category.filter(Column("path") == path)
        if let id { request = request.filter(Column("id") != id) }
        if try request.fetchCount(db) > 0 { throw ValidationError(field: field, .duplicate) }
    }
}

/// A category cannot be deleted while anything is inside it.
public struct CategoryNotEmpty: Error, Equatable, Sendable {
    public let title: String
}
