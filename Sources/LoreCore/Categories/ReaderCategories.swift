import GRDB

/// The categories one reader may read, as that reader sees them. A category whose parent is
/// hidden from the reader stands at the top: its `parentId` is nil and its `path` starts with its
/// own slug, so neither an address, a breadcrumb nor the API names the hidden parent.
struct ReaderCategories: Sendable {
    /// In display order.
    let all: [Category]
    let byId: [Int64: Category]
    private let byPath: [String: Category]

    init(_ readable: [Category]) {
        let real = Dictionary(readable.compactMap { category in category.id.map { ($0, category) } }) { first, _ in first }
        var seen: [Int64: Category] = [:]
        func visible(_ category: Category) -> Category {
            if let id = category.id, let done = seen[id] { return done }
            var shown = category
            if let parentId = category.parentId, let parent = real[parentId] {
                shown.path = visible(parent).path + "/" + category.slug
            } else {
                shown.parentId = nil
                shown.path = category.slug
            }
            if let id = category.id { seen[id] = shown }
            return shown
        }
        all = readable.map(visible)
        byId = seen
        // Two categories can meet at one address once a hidden parent is left out: the one that
        // really stands there wins, the other is still reached from the tree by its id.
        byPath = Dictionary(all.map { ($0.path, $0) }) { first, second in real[first.id ?? 0]?.path == first.path ? first : second }
    }

    static func read(_ policy: AccessPolicy, _ db: Database) throws -> ReaderCategories {
        ReaderCategories(try Category.filter(policy.categories("id", atLeast: .read)).order(Category.displayOrder).fetchAll(db))
    }

    func category(path: String) throws -> Category {
        guard let category = byPath[path] else { throw NotFound() }
        return category
    }

    func category(id: Int64) throws -> Category {
        guard let category = byId[id] else { throw NotFound() }
        return category
    }

    /// The category and those above it that the reader sees, root first, for breadcrumbs.
    func lineage(of id: Int64) -> [Category] {
        var chain: [Category] = []
        var next: Int64? = id
        while let current = next, let category = byId[current] {
            chain.insert(category, at: 0)
            next = category.parentId
        }
        return chain
    }
}
