/// Categories × roles, with the level that applies in each cell and where it comes from:
/// what the access page shows administrators.
public struct AccessGrid: Sendable {
    public struct Cell: Sendable, Equatable {
        public let level: AccessLevel
        /// The category whose grant applies; the row's own category when the grant is its own.
        public let sourceCategoryId: Int64?
        /// The role's own grant on this category, if it sets one.
        public let own: AccessLevel?
    }

    public struct Row: Sendable {
        public let category: Category
        public let depth: Int
        public let cells: [Cell]
    }

    public let roles: [Role]
    public let rows: [Row]
}
