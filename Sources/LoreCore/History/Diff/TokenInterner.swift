/// Maps tokens to dense integer ids so the diff core compares `Int`s instead of
/// strings, and so per-token bookkeeping can use plain arrays indexed by id.
struct TokenInterner<Token: Hashable> {
    private var ids: [Token: Int] = [:]

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
    }

    /// Number of distinct tokens seen; every id handed out is below this.
    var count: Int { ids.count }

    mutating func intern(_ token: Token) -> Int {
        let next = ids.count
        // The defaulted subscript's modify accessor inserts on a miss, so a new
        // token costs one hash lookup instead of a lookup plus an insert.
        return Self.read(&ids[token, default: next])
    }

    mutating func intern<S: Sequence>(_ tokens: S) -> [Int] where S.Element == Token {
        var result: [Int] = []
        result.reserveCapacity(tokens.underestimatedCount)
        for token in tokens {
            result.append(intern(token))
        }
        return result
    }

    private static func read(_ value: inout Int) -> Int { value }
}
