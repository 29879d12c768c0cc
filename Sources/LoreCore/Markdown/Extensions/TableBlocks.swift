import Foundation
import CCmark

/// GFM tables. CommonMark reads a table as a paragraph of lines with pipes; a paragraph whose
/// line is followed by a delimiter row (`| --- | :-: |`) with as many cells becomes a table from
/// that line on, and the lines before it stay a paragraph. Each cell is Markdown of its own,
/// parsed by cmark as inlines (``MarkdownRenderer``), so links, code and emphasis work in cells
/// and everything stays as safe as the rest of the page.
///
/// Only paragraphs directly in the page (or in a callout) are read as tables: inside lists and
/// quotes the lines carry their container's markers.
enum TableBlocks {
    /// Wider tables stay text: a pasted 10,000-column line must not become 10,000 parses.
    static let maxColumns = 100

    enum Alignment {
        case none, left, center, right

        var attribute: String {
            switch self {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
        }
    }

    /// Replaces each table paragraph among `container`'s children. `lines` are the parsed
    /// source's lines; `cell` renders one cell's Markdown as inline HTML; `parse` parses
    /// Markdown into a document whose blocks can be moved into this one.
    static func apply(in container: OpaquePointer, lines: [Substring], cell: (String) throws -> String,
                      parse: (String) -> OpaquePointer?) rethrows {
        var node = cmark_node_first_child(container)
        while let current = node {
            node = cmark_node_next(current)
            guard cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH else { continue }
            let first = Int(cmark_node_get_start_line(current)), last = Int(cmark_node_get_end_line(current))
            guard first >= 1, last <= lines.count, last - first >= 1 else { continue }
            let rows = Array(lines[(first - 1)..<last])
            guard let start = headerIndex(rows) else { continue }
            let alignments = delimiterRow(rows[start + 1]) ?? []
            var html = "<div class=\"table-scroll\"><table>\n<thead>\n<tr>\n"
            for (index, text) in cells(of: rows[start]).enumerated() {
                html += "<th\(alignments[index].attribute)>\(try cell(text))</th>\n"
            }
            html += "</tr>\n</thead>\n"
            let body = rows[(start + 2)...]
            if !body.isEmpty {
                html += "<tbody>\n"
                for row in body {
                    let texts = cells(of: row)
                    html += "<tr>\n"
                    for (index, alignment) in alignments.enumerated() {
                        html += "<td\(alignment.attribute)>\(index < texts.count ? try cell(texts[index]) : "")</td>\n"
                    }
                    html += "</tr>\n"
                }
                html += "</tbody>\n"
            }
            html += "</table></div>"
            let table = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(table, html)
            cmark_node_set_on_exit(table, "")
            cmark_node_insert_before(current, table)
            if start > 0, let before = parse(rows[..<start].joined(separator: "\n")) {
                // The lines above the header are a paragraph of their own, read again.
                while let block = cmark_node_first_child(before) {
                    cmark_node_unlink(block)
                    cmark_node_insert_before(table, block)
                }
                cmark_node_free(before)
            }
            cmark_node_unlink(current)
            cmark_node_free(current)
        }
    }

    /// The line that heads a table: the first followed by a delimiter row of as many cells.
    private static func headerIndex(_ rows: [Substring]) -> Int? {
        for index in 0..<(rows.count - 1) {
            guard rows[index].contains("|") || rows[index + 1].contains("|"),
                  let alignments = delimiterRow(rows[index + 1]) else { continue }
            let count = cells(of: rows[index]).count
            if count == alignments.count, count <= maxColumns { return index }
        }
        return nil
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil when it is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        let parts = cells(of: line)
        guard !parts.isEmpty, parts.count <= maxColumns else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            let left = part.hasPrefix(":"), right = part.hasSuffix(":")
            let dashes = part.dropFirst(left ? 1 : 0).dropLast(right && part.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return alignments
    }

    /// A row's cells, trimmed, split at pipes that are not escaped; an escaped pipe is a pipe,
    /// inside code spans too (as GFM has it). One pipe at each end is only a border.
    static func cells(of line: Substring) -> [String] {
        var text = line.trimmingCharacters(in: .whitespaces)[...]
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current += character == "|" ? "|" : "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
