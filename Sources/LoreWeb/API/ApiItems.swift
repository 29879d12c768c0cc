/// A whole list in one answer (the category tree, a category's grants, a page's files).
struct ApiItems<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
}
