import CCmark

/// An image's size and place, written as pandoc does right after it:
/// `![Plan](file:plan.png){width=400}`, `{width=300 align=right}`. Width is in pixels
/// (1–2000); `align` is `left`, `right` or `center`. Anything else in the braces leaves them as
/// the text they are. The style sheet keeps a sized image within the page on a phone.
enum SizedImages {
    static let maxWidth = 2000

    struct Size: Equatable {
        var width: Int?
        var align: String?
    }

    /// `images`: the image nodes, their addresses already resolved and made safe.
    static func apply(_ images: [OpaquePointer]) {
        for image in images {
            guard let next = cmark_node_next(image), cmark_node_get_type(next) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(next) else { continue }
            let text = String(cString: literal)
            guard text.hasPrefix("{"), let close = text.firstIndex(of: "}"),
                  let size = parse(text[text.index(after: text.startIndex)..<close]) else { continue }
            let rest = String(text[text.index(after: close)...])
            if rest.isEmpty {
                cmark_node_unlink(next)
                cmark_node_free(next)
            } else {
                cmark_node_set_literal(next, rest)
            }
            let tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(tag, html(image, size))
            cmark_node_insert_before(image, tag)
            cmark_node_unlink(image)
            cmark_node_free(image)
        }
    }

    /// The attributes between the braces; nil unless every one is understood.
    static func parse(_ attributes: Substring) -> Size? {
        var size = Size()
        let words = attributes.split(separator: " ")
        guard !words.isEmpty, words.count <= 2 else { return nil }
        for word in words {
            let pair = word.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            let value = pair[1].lowercased()
            switch pair[0] {
            case "width" where size.width == nil:
                let digits = value.hasSuffix("px") ? String(value.dropLast(2)) : value
                guard digits.count <= 4, let width = Int(digits), (1...maxWidth).contains(width) else { return nil }
                size.width = width
            case "align" where size.align == nil:
                guard ["left", "right", "center"].contains(value) else { return nil }
                size.align = value
            default:
                return nil
            }
        }
        return size
    }

    /// The `<img>` cmark would write, with the size and place added; everything in it escaped here.
    private static func html(_ image: OpaquePointer, _ size: Size) -> String {
        let source = String(cString: cmark_node_get_url(image))
        let title = cmark_node_get_title(image).map { String(cString: $0) } ?? ""
        var tag = "<img src=\"\(source.htmlEscaped)\" alt=\"\(MarkdownRenderer.plainText(of: image).htmlEscaped)\""
        if !title.isEmpty { tag += " title=\"\(title.htmlEscaped)\"" }
        if let width = size.width { tag += " width=\"\(width)\"" }
        if let align = size.align { tag += " class=\"align-\(align)\"" }
        return tag + " />"
    }
}
