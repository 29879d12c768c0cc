/// What a role may do in a category. Each level includes the ones below it.
public enum AccessLevel: Int, Codable, Sendable, Comparable, CaseIterable {
    case none = 0
    case read = 1
    case edit = 2
    case manage = 3

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
