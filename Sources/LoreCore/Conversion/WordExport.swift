import Foundation

/// A page as a Word document, made by pandoc from the page's rendered HTML: what readers see,
/// already safe, with wiki links as their text. pandoc would fetch any image the HTML points
/// to — a file on the server, an address inside the network — so every image is either one of
/// the page's attachments, copied beside the HTML under a name of Lore's choosing, or left out.
public enum WordExport {
    /// `images`: the attachments that may be embedded, by the address the page's HTML uses for them.
    /// Copying files, pandoc and reading its output all happen on ``BlockingWork/conversions``.
    public static func document(title: String, html: String, images: [String: URL]) async throws -> Data {
        try await BlockingWork.conversions.run { try documentWaiting(title: title, html: html, images: images) }
    }

    private static func documentWaiting(title: String, html: String, images: [String: URL]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var copied: [String: String] = [:]
        for (index, (address, file)) in images.sorted(by: { $0.key < $1.key }).enumerated() {
            // Stored files are named by their digest: the kind of image is in the page's address for it.
            let kind = (address.split(separator: ".").last.map(String.init) ?? "").filter { $0.isLetter || $0.isNumber }.prefix(5)
            let name = "image-\(index).\(kind)"
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(name))
            copied[address] = name
        }
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title.htmlEscaped)</title></head><body><h1>\(title.htmlEscaped)</h1>"
            + withLocalImages(html, copied) + "</body></html>"
        try Data(page.utf8).write(to: folder.appendingPathComponent("page.html"))
        try Pandoc.runWaiting(["--from=html", "--to=docx", "--output=page.docx", "page.html"], in: folder)
        return try Data(contentsOf: folder.appendingPathComponent("page.docx"))
    }

    /// The HTML with each `<img>` pointing at its copy, or gone when it is not an attachment.
    static func withLocalImages(_ html: String, _ copied: [String: String]) -> String {
        var result = ""
        var rest = html[...]
        while let start = rest.range(of: "<img ") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
                rest = rest[rest.endIndex...]
                break
            }
            let tag = rest[start.lowerBound...end]
            if let source = tag.range(of: "src=\""), let close = tag[source.upperBound...].firstIndex(of: "\""),
               let name = copied[String(tag[source.upperBound..<close])] {
                result += tag[..<source.upperBound] + name + tag[close...]
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
