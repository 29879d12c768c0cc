import LoreCore

/// Recent changes' list items as HTML, written here rather than by the template for the reason
/// ``SidebarHTML`` gives: fifty rows through swift-mustache were most of the page's time.
enum ChangeListHTML {
    static func items(_ rows: [RevisionRow], t: Translations) -> String {
        let diffPrevious = t["diff_previous"].htmlEscaped
        let minor = "<abbr class=\"badge\" title=\"\(t["minor_edit"].htmlEscaped)\">\(t["minor_short"].htmlEscaped)</abbr>"
        var html = ""
        html.reserveCapacity(rows.count * 600)
        for row in rows {
            html += "<li>\n    <span class=\"nowrap meta\">\(row.date.htmlEscaped)</span>\n"
            html += "    <a class=\"title\" href=\"\(row.articleURL.htmlEscaped)\">\(row.articleTitle.htmlEscaped)</a>\n"
            html += "    <a href=\"\(row.url.htmlEscaped)\">#\(row.number)</a>"
            if let diffURL = row.diffURL { html += " (<a href=\"\(diffURL.htmlEscaped)\">\(diffPrevious)</a>)" }
            html += "\n    " + (row.isMinor ? minor : "") + "\n"
            html += "    <span class=\"size \(row.sizeClass)\">\(row.sizeChange.htmlEscaped)</span>\n"
            html += "    — <a href=\"\(row.authorURL.htmlEscaped)\">\(row.author.htmlEscaped)</a>"
            if !row.summary.isEmpty { html += ": <span class=\"summary\">\(row.summary.htmlEscaped)</span>" }
            for note in row.notes { html += " <span class=\"note\">(\(note.htmlEscaped))</span>" }
            html += "\n  </li>\n"
        }
        return html
    }
}
