import Foundation
import LoreCore

/// A file in an attachments list: its name, size, who brought it and when.
struct AttachmentRow {
    let id: Int64
    let name: String
    let url: String
    let details: String
    let isImage: Bool
    /// What to paste into the text to show or link it.
    let markdown: String
    /// In the editor, a button puts the file's Markdown into the text.
    let insertable: Bool
    let deleteURL: String?
    let back: String

    static func rows(_ files: [AttachmentService.Listed], back: String, canDelete: Bool, insertable: Bool = false,
                     language: Language) -> [AttachmentRow] {
        files.map { listed in
            let file = listed.attachment
            let id = file.id ?? 0
            return AttachmentRow(
                id: id, name: file.name, url: Paths.file(id: id, name: file.name),
                details: "\(size(file.size)) · \(listed.uploaderName) · \(DisplayDate.format(file.createdAt, language))",
                isImage: file.isInlineImage, markdown: file.markdown, insertable: insertable,
                deleteURL: canDelete ? "/files/\(id)/delete" : nil, back: back)
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return String(format: "%.0f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
