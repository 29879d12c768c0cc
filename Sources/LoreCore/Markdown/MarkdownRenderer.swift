import CCmark
import Foundation

/// Renders CommonMark through libcmark in safe mode and adds what a wiki needs:
/// `[[wiki links]]`, heading anchors, and a whitelist of link schemes.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ markdown: String, resolver: any WikiLinkResolver) throws -> RenderedMarkdown {
        var source = BracketLimiter.limited(markdown)
        // cmark >= 0.29 is safe by default: raw HTML is omitted and javascript:/vbscript:/file: URLs dropped.
        let parsed = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
        guard let document = parsed else { throw MarkdownError.parserFailed }
        defer { cmark_node_free(document) }
        // Adjacent text nodes are merged so that "[[" and "]]" are never split apart.
        cmark_consolidate_text_nodes(document)

        let nodes = collectNodes(of: document)
        var files = Set<String>()
        for node in nodes.destinations {
            let url = String(cString: cmark_node_get_url(node))
            if url.lowercased().hasPrefix("file:") {
                // `file:name.png` names one of the page's attachments; an unknown name links nowhere.
                let name = String(url.dropFirst("file:".count)).removingPercentEncoding ?? String(url.dropFirst("file:".count))
                let path = try resolver.attachmentPath(named: name) ?? ""
                if !path.isEmpty { files.insert(path) }
                cmark_node_set_url(node, path)
            } else if !Self.isSafeURL(url) {
                cmark_node_set_url(node, "")
            }
        }
        var links = Set<WikiLink>()
        for node in nodes.texts {
            try replaceWikiLinks(in: node, resolver: resolver, found: &links)
        }
        var anchors = AnchorNamer()
        let headings = nodes.headings.map { node in
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
        return RenderedMarkdown(html: String(cString: rendered), headings: headings, links: links, files: files)
    }

    private struct CollectedNodes {
        var texts: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
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
            } else if type == CMARK_NODE_HEADING, event == CMARK_EVENT_EXIT {
                collected.headings.append(node)
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
