import CCmark
import Foundation

/// Renders CommonMark through libcmark in safe mode and adds what a wiki needs:
/// `[[wiki links]]`, heading anchors, a whitelist of link schemes, and GFM's tables, task lists,
/// strikethrough and extended autolinks, callouts and image sizes (`Extensions/`), each a change of cmark's
/// own tree: nothing is done to the HTML with patterns.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// What the page links to and shows, gathered from the page and its table cells.
    private struct Found {
        var links = Set<WikiLink>()
        var files = Set<String>()
    }

    public func render(_ markdown: String, resolver: any WikiLinkResolver) throws -> RenderedMarkdown {
        // One kind of line end, so that cmark's line numbers find the table rows in `lines`.
        let source = ByteSearch.replacing(["\r\n": "\n", "\r": "\n"], in: BracketLimiter.limited(markdown))
        guard let document = Self.parse(source) else { throw MarkdownError.parserFailed }
        defer { cmark_node_free(document) }
        var found = Found()
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        // Callouts first: a callout may hold a table.
        let boxes = Callouts.apply(Self.nodes(of: document, [CMARK_NODE_BLOCK_QUOTE]))
        try TableBlocks.apply(in: document, lines: lines, cell: { try cell($0, resolver, &found) }, parse: Self.parse)
        let quoted = lines.map { line -> Substring in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(">") else { return line }
            let rest = trimmed.dropFirst()
            return rest.hasPrefix(" ") ? rest.dropFirst() : rest
        }
        for box in boxes {
            try TableBlocks.apply(in: box, lines: quoted, cell: { try cell($0, resolver, &found) }, parse: Self.parse)
        }
        TaskListItems.apply(Self.nodes(of: document, [CMARK_NODE_ITEM]))
        try transformInlines(of: document, resolver, &found)
        var anchors = AnchorNamer()
        let headings = Self.nodes(of: document, [CMARK_NODE_HEADING]).map { node in
            let text = Self.plainText(of: node)
            let anchor = anchors.unique(for: text)
            let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(marker, "<a class=\"heading-anchor\" id=\"\(anchor)\" href=\"#\(anchor)\" aria-hidden=\"true\">")
            cmark_node_set_on_exit(marker, "</a>")
            cmark_node_prepend_child(node, marker)
            return Heading(level: Int(cmark_node_get_heading_level(node)), anchor: anchor, text: text)
        }

        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { throw MarkdownError.parserFailed }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), headings: headings, links: found.links, files: found.files)
    }

    /// cmark >= 0.29 is safe by default: raw HTML is omitted and javascript:/vbscript:/file: URLs dropped.
    /// Adjacent text nodes are merged, so that "[[", "]]", "[ ]" and "[!NOTE]" are never split apart.
    private static func parse(_ source: String) -> OpaquePointer? {
        var source = source
        let document = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
        if let document { cmark_consolidate_text_nodes(document) }
        return document
    }

    /// One table cell's Markdown as inline HTML, through the same changes as the page's text.
    private func cell(_ markdown: String, _ resolver: any WikiLinkResolver, _ found: inout Found) throws -> String {
        // A cell holds inlines only: what would start a block (`# `, `- `, `> `, `1. `, a fence,
        // a rule) is escaped, so that it reads as the text it is.
        var text = markdown
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let afterMarker = { (count: Int) in text.dropFirst(count).first.map { $0 == " " } ?? true }
        if let first = text.first,
           first == ">" || (("#-+*".contains(first)) && afterMarker(1)) || text.hasPrefix("```") || text.hasPrefix("~~~")
            || (text.count >= 3 && text.allSatisfy { "-*_ ".contains($0) }) {
            text = "\\" + text
        } else if !digits.isEmpty, digits.count < 10, let marker = text.dropFirst(digits.count).first, marker == "." || marker == ")",
                  afterMarker(digits.count + 1) {
            text = digits + "\\" + text.dropFirst(digits.count)
        }
        guard let document = Self.parse(text) else { throw MarkdownError.parserFailed }
        defer { cmark_node_free(document) }
        try transformInlines(of: document, resolver, &found)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { throw MarkdownError.parserFailed }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    /// Wiki links, strikethrough, extended autolinks, then the safety of every link's address.
    private func transformInlines(of document: OpaquePointer, _ resolver: any WikiLinkResolver, _ found: inout Found) throws {
        for node in collectNodes(of: document).texts {
            try replaceWikiLinks(in: node, resolver: resolver, found: &found.links)
        }
        Strikethrough.apply(Self.nodes(of: document, [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
                                                      CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE]))
        ExtendedAutolinks.apply(collectNodes(of: document).texts.filter { node in
            // A wiki link's label is a link already.
            cmark_node_parent(node).map { cmark_node_get_type($0) != CMARK_NODE_CUSTOM_INLINE } ?? true
        })
        for node in collectNodes(of: document).destinations {
            let url = String(cString: cmark_node_get_url(node))
            if url.lowercased().hasPrefix("file:") {
                // `file:name.png` names one of the page's attachments; an unknown name links nowhere.
                let name = String(url.dropFirst("file:".count)).removingPercentEncoding ?? String(url.dropFirst("file:".count))
                let path = try resolver.attachmentPath(named: name) ?? ""
                if !path.isEmpty { found.files.insert(path) }
                cmark_node_set_url(node, path)
            } else if !Self.isSafeURL(url) {
                cmark_node_set_url(node, "")
            }
        }
        SizedImages.apply(Self.nodes(of: document, [CMARK_NODE_IMAGE]))
    }

    /// The nodes of these types, in document order, gathered before any is changed.
    private static func nodes(of document: OpaquePointer, _ types: [cmark_node_type]) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), types.contains(cmark_node_get_type(node)) else { continue }
            nodes.append(node)
        }
        return nodes
    }

    private struct CollectedNodes {
        var texts: [OpaquePointer] = []
        var destinations: [OpaquePointer] = []
    }

    /// Gathers the nodes to change before changing any: cmark's iterator must not see a mutating tree.
    private func collectNodes(of document: OpaquePointer) -> CollectedNodes {
        var collected = CollectedNodes()
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var linkDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                if event == CMARK_EVENT_ENTER {
                    linkDepth += 1
                    collected.destinations.append(node)
                } else {
                    linkDepth -= 1
                }
            } else if type == CMARK_NODE_TEXT, linkDepth == 0 {
                // Text inside a link's label must stay text: links cannot nest.
                collected.texts.append(node)
            }
        }
        return collected
    }

    private func replaceWikiLinks(in node: OpaquePointer, resolver: any WikiLinkResolver, found: inout Set<WikiLink>) throws {
        let text = String(cString: cmark_node_get_literal(node))
        guard text.contains("[[") else { return }
        let pieces = WikiLinkScanner.pieces(of: text)
        guard pieces.contains(where: { if case .link = $0 { true } else { false } }) else { return }
        for piece in pieces {
            switch piece {
            case .text(let part):
                cmark_node_insert_before(node, Self.textNode(String(part)))
            case .link(let link):
                found.insert(link)
                let anchor = try Self.anchorTag(for: link, resolver: resolver)
                let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(wrapper, anchor)
                cmark_node_set_on_exit(wrapper, "</a>")
                cmark_node_append_child(wrapper, Self.textNode(link.label))
                cmark_node_insert_before(node, wrapper)
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The opening tag is written here rather than by cmark, so everything in it is escaped here.
    private static func anchorTag(for link: WikiLink, resolver: any WikiLinkResolver) throws -> String {
        switch link.kind {
        case .client:
            return WikiLinkMarkup.client(slug: link.key)
        case .article:
            if let slug = try resolver.articleSlug(forKey: link.key) {
                return WikiLinkMarkup.existing(slug: slug, target: link.target)
            }
            return WikiLinkMarkup.missing(target: link.target)
        }
    }

    private static func textNode(_ literal: String) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(node, literal)
        return node
    }

    static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Only schemes that cannot run code in the reader's browser, plus relative addresses.
    static func isSafeURL(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let beforeColon = trimmed[..<colon]
        if beforeColon.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto", "tel"].contains(beforeColon.lowercased())
    }
}

public enum MarkdownError: Error {
    case parserFailed
}
