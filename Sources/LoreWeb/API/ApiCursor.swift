import Foundation
import Hummingbird

/// The page a list answer continues from: `<kind>.<number>`, where the number is the last id
/// seen (lists in id order), the last revision seen, or the next page (search, which is
/// ranked). Programs pass it on as they got it; its shape is in the OpenAPI document, so that
/// every cursor the document allows is one the server reads. A cursor of another list is
/// refused, not misread.
struct ApiCursor {
    static let defaultLimit = 50
    static let maxLimit = 100

    let kind: String
    let limit: Int
    /// Nil on the first page.
    let position: Int64?

    /// Reads `limit` and `cursor` from the query.
    init(_ parameters: Parameters, kind: String) throws {
        self.kind = kind
        if let text = parameters.get("limit") {
            guard let limit = Int(request: text, in: 1...Self.maxLimit) else {
                throw ApiProblem.invalidParameter("limit", "limit must be a whole number from 1 to \(Self.maxLimit).")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        guard let cursor = parameters.get("cursor"), !cursor.isEmpty else {
            position = nil
            return
        }
        guard cursor.hasPrefix(kind + "."), let value = Int64(request: cursor.dropFirst(kind.count + 1), in: 0...Int64.max) else {
            throw Self.invalid
        }
        position = value
    }

    static let invalid = ApiProblem(.badRequest, "invalid_cursor", detail: "Use the nextCursor of the previous page of this list.")

    /// One more than the page holds: when it comes back, there is a next page.
    var fetchLimit: Int { limit + 1 }

    /// The page out of what `fetchLimit` fetched, and the cursor to the next one if there is one.
    func page<Item>(_ fetched: [Item], position: (Item) -> Int64) -> (items: [Item], next: String?) {
        let items = Array(fetched.prefix(limit))
        return (items, fetched.count > limit ? items.last.map(position).map(encode) : nil)
    }

    func encode(_ value: Int64) -> String {
        "\(kind).\(value)"
    }
}

/// A page of a list, as every list answer has it.
struct ApiPage<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let nextCursor: String?

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // Present as null on the last page, so that a program tests one property.
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
