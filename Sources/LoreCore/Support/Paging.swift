/// Where a numbered page of a list starts. Page numbers come from addresses anyone can type, so
/// the arithmetic on them is clamped here, once: no number can overflow, and a page past the end
/// is simply empty.
public enum Paging {
    /// Far beyond the last page of any list Lore shows, and small enough that
    /// `maxPage * perPage` fits easily in an `Int`.
    public static let maxPage = 1_000_000

    /// The offset of the first item of `page` (counted from 1): 0 for a page below 1.
    public static func offset(page: Int, perPage: Int) -> Int {
        (min(max(page, 1), maxPage) - 1) * min(max(perPage, 0), 10_000)
    }

    /// Whether a list of `total` items goes on after `page`.
    public static func hasPage(after page: Int, perPage: Int, total: Int) -> Bool {
        offset(page: page, perPage: perPage) + perPage < total
    }
}
