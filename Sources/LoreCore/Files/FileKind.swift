/// What a file is, told by its first bytes rather than its name: a `.png` that holds HTML is
/// HTML. Only raster images whose signature is checked are ever shown inline; everything else
/// is downloaded, so nothing uploaded can run as a page of ours.
public struct FileKind: Sendable, Equatable {
    public let contentType: String
    /// PNG, JPEG, GIF and WebP: shown in the page and served inline.
    public let isInlineImage: Bool

    public static func sniff(_ head: [UInt8], name: String) -> FileKind {
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<(offset + signature.count)]) == signature
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image("image/png") }
        if starts([0xFF, 0xD8, 0xFF]) { return .image("image/jpeg") }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .image("image/gif") }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .image("image/webp") }
        if starts(Array("%PDF-".utf8)) { return .download("application/pdf") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .download(officeType(name) ?? "application/zip") }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return .download("application/vnd.ms-office") }
        guard let text = String(validating: head.prefix(while: { $0 != 0 }), as: UTF8.self) ?? textPrefix(head), !head.contains(0) else {
            return .download("application/octet-stream")
        }
        let lowered = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if lowered.contains("<svg") { return .download("image/svg+xml") }
        if lowered.hasPrefix("<!doctype html") || lowered.contains("<html") || lowered.contains("<script") { return .download("text/html") }
        if lowered.hasPrefix("<?xml") { return .download("application/xml") }
        let lowerName = name.lowercased()
        if lowerName.hasSuffix(".csv") { return .download("text/csv; charset=utf-8") }
        if lowerName.hasSuffix(".md") { return .download("text/markdown; charset=utf-8") }
        return .download("text/plain; charset=utf-8")
    }

    static func image(_ type: String) -> FileKind { FileKind(contentType: type, isInlineImage: true) }
    static func download(_ type: String) -> FileKind { FileKind(contentType: type, isInlineImage: false) }

    /// A head cut in the middle of a multi-byte character is still text.
    private static func textPrefix(_ head: [UInt8]) -> String? {
        for cut in 1...3 where head.count > cut {
            if let text = String(validating: head.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }

    private static func officeType(_ name: String) -> String? {
        let types = [
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ]
        return types.first { name.lowercased().hasSuffix($0.key) }?.value
    }
}
