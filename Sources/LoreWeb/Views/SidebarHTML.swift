import LoreCore

/// The sidebar's category tree as HTML, written here rather than by the templates: every page
/// shows it, and through them its two hundred nodes — each reflected, cast and looked up name
/// by name — were most of the time of a page not in the page cache.
enum SidebarHTML {
    /// `<li>` items for the tree, the category `current` marked (nil: none).
    static func items(_ tree: [CategoryNode], current: Int64?) -> String {
        var html = ""
        html.reserveCapacity(tree.count * 160)
        for node in tree { append(node, current: current, to: &html) }
        return html
    }

    private static func append(_ node: CategoryNode, current: Int64?, to html: inout String) {
        let isCurrent = node.category.id == current
        html += isCurrent ? "<li class=\"tree-node current\">\n  <a href=\"" : "<li class=\"tree-node\">\n  <a href=\""
        html += Paths.category(node.category.path).htmlEscaped
        html += isCurrent ? "\" aria-current=\"page\">" : "\">"
        html += node.category.title.htmlEscaped
        html += "</a>"
        // No badge for an empty category.
        if node.articleCount > 0 { html += " <span class=\"count\">\(node.articleCount)</span>" }
        if !node.children.isEmpty {
            html += "\n  <ul>"
            for child in node.children { append(child, current: current, to: &html) }
            html += "</ul>"
        }
        html += "\n</li>\n"
    }
}
