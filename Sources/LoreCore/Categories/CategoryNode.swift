/// A category with its subcategories, as shown in the sidebar tree and on category pages.
public struct CategoryNode: Sendable, Equatable {
    public var category: Category
    /// Live articles directly in this category.
    public var articleCount: Int
    public var children: [CategoryNode]

    /// Builds the forest from categories already in display order. A category whose parent the
    /// reader may not see stands at the top, so its title never shows the hidden parent.
    static func forest(of categories: [Category], articleCounts: [Int64: Int]) -> [CategoryNode] {
        let visible = Set(categories.compactMap(\.id))
        let byParent = Dictionary(grouping: categories) { $0.parentId.flatMap { visible.contains($0) ? $0 : nil } }
        func nodes(under parentId: Int64?) -> [CategoryNode] {
            (byParent[parentId] ?? []).map { category in
                CategoryNode(
                    category: category,
                    articleCount: category.id.flatMap { articleCounts[$0] } ?? 0,
                    children: nodes(under: category.id))
            }
        }
        return nodes(under: nil)
    }
}

extension CategoryNode {
    /// Articles in this category and all its subcategories.
    public var totalArticleCount: Int {
        articleCount + children.map(\.totalArticleCount).reduce(0, +)
    }
}

extension [CategoryNode] {
    /// Every node of the forest, depth first.
    public var flattened: [CategoryNode] {
        flatMap { [$0] + $0.children.flattened }
    }

    /// Every node of the forest by its category's id.
    public var byId: [Int64: CategoryNode] {
        Dictionary(flattened.compactMap { node in node.category.id.map { ($0, node) } }) { first, _ in first }
    }
}
