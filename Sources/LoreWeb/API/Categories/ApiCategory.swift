import Foundation
import LoreCore

/// A category as the API shows it, with what the caller may do there.
struct ApiCategory: Encodable, Sendable {
    let id: Int64
    @Null var parentId: Int64?
    let slug: String
    let path: String
    let title: String
    let description: String
    let position: Int
    /// Articles directly in it that the caller may read.
    let articleCount: Int
    let access: String
    let hidesHistoryFromReaders: Bool
    let updatedAt: Date

    init(_ category: Category, articleCount: Int, access: AccessLevel) {
        id = category.id ?? 0
        parentId = category.parentId
        slug = category.slug
        path = category.path
        title = category.title
        description = category.description
        position = category.position
        self.articleCount = articleCount
        self.access = access.apiName
        hidesHistoryFromReaders = category.hidesHistoryFromReaders
        updatedAt = category.updatedAt
    }

    /// What a program sends to create or change a category. On a change, a property left out
    /// keeps its value (an explicit `"parentId": null` moves the category to the top).
    struct Input: ApiInput, Sendable {
        static let schema = "CategoryInput"

        let title: String?
        let slug: String?
        let description: String?
        let parentId: Int64?
        let sendsParent: Bool
        let position: Int?
        let hidesHistoryFromReaders: Bool?

        private enum CodingKeys: String, CodingKey {
            case title, slug, description, parentId, position, hidesHistoryFromReaders
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            slug = try container.decodeIfPresent(String.self, forKey: .slug)
            description = try container.decodeIfPresent(String.self, forKey: .description)
            parentId = try container.decodeIfPresent(Int64.self, forKey: .parentId)
            sendsParent = container.contains(.parentId)
            position = try container.decodeIfPresent(Int.self, forKey: .position)
            hidesHistoryFromReaders = try container.decodeIfPresent(Bool.self, forKey: .hidesHistoryFromReaders)
        }

        func draft(replacing current: Category? = nil) -> CategoryDraft {
            CategoryDraft(title: title ?? "", slug: slug ?? current?.slug ?? "", description: description ?? current?.description ?? "",
                          parentId: sendsParent ? parentId : current?.parentId, position: position,
                          hidesHistoryFromReaders: hidesHistoryFromReaders ?? current?.hidesHistoryFromReaders)
        }
    }
}

extension AccessLevel {
    /// The level's name in the API: none, read, edit or manage.
    var apiName: String { String(describing: self) }

    init?(apiName: String) {
        guard let level = Self.allCases.first(where: { $0.apiName == apiName }) else { return nil }
        self = level
    }
}
