import LoreCore

/// The categories of a drop-down list, indented to show where each sits in the tree, as
/// `<option>` HTML: written here rather than by the templates, for the same reason as
/// ``SidebarHTML`` (two hundred options on every search and recent-changes page).
enum CategoryOption {
    /// The whole tree, depth first, leaving out `excluding` and everything below it, and the
    /// categories for which `allowed` says no.
    static func options(
        _ forest: [CategoryNode], selected: Int64?, excluding: Int64? = nil, allowed: (Int64) -> Bool = { _ in true }
    ) -> String {
        var html = ""
        func visit(_ nodes: [CategoryNode], depth: Int) {
            for node in nodes {
                guard let id = node.category.id, id != excluding else { continue }
                if allowed(id) {
                    html += id == selected ? "<option value=\"\(id)\" selected>" : "<option value=\"\(id)\">"
                    html += String(repeating: "&nbsp;&nbsp;&nbsp;", count: depth) + node.category.title.htmlEscaped + "</option>"
                }
                visit(node.children, depth: depth + 1)
            }
        }
        visit(forest, depth: 0)
        return html
    }
}
