import LoreCore

/// A category in a drop-down list, indented to show where it sits in the tree.
struct CategoryOption {
    let id: Int64
    let label: String
    let selected: Bool

    /// The whole tree, depth first, leaving out `excluding` and everything below it, and the
    /// categories for which `allowed` says no.
    static func options(
        _ forest: [CategoryNode], selected: Int64?, excluding: Int64? = nil, allowed: (Int64) -> Bool = { _ in true }
    ) -> [CategoryOption] {
        var options: [CategoryOption] = []
        func visit(_ nodes: [CategoryNode], depth: Int) {
            for node in nodes {
                guard let id = node.category.id, id != excluding else { continue }
                let indent = String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: depth)
                if allowed(id) {
                    options.append(CategoryOption(id: id, label: indent + node.category.title, selected: id == selected))
                }
                visit(node.children, depth: depth + 1)
            }
        }
        visit(forest, depth: 0)
        return options
    }
}
