import Foundation
import LoreCore

/// A file attached to an article or a client card.
struct ApiAttachment: Encodable, Sendable {
    let id: Int64
    let name: String
    let size: Int
    let contentType: String
    /// A raster image that pages show inline; everything else is only downloaded.
    let inline: Bool
    /// The web address, for people.
    let url: String
    /// The API address, for programs with a token.
    let download: String
    /// What to write in an article's Markdown to show or link it.
    let markdown: String
    let uploadedBy: String
    let createdAt: Date

    init(_ attachment: Attachment, uploadedBy: String) {
        id = attachment.id ?? 0
        name = attachment.name
        size = attachment.size
        contentType = attachment.contentType
        inline = attachment.isInlineImage
        url = FileController.url(of: attachment)
        download = "/api/v1/files/\(id)"
        markdown = attachment.markdown
        self.uploadedBy = uploadedBy
        createdAt = attachment.createdAt
    }
}
