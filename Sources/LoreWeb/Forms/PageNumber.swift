import LoreCore

/// Numbers typed into addresses: a page of a list, a revision of an article. Anyone can type
/// any digits, so each is read into a range where no arithmetic on it can overflow.
enum PageNumber {
    /// A list's page: the first when absent or not a number; not found when no list could have it.
    static func parse(_ text: String?) throws -> Int {
        guard let number = Int(request: text, in: Int.min...Int.max) else { return 1 }
        guard (1...Paging.maxPage).contains(number) else { throw NotFound() }
        return number
    }

    /// A revision number from the query; nil when absent, not found when it cannot be one.
    static func revision(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let number = Int(request: text, in: 1...Int(Int32.max)) else { throw NotFound() }
        return number
    }
}
