/// Gives each heading of one document a distinct, readable anchor.
struct AnchorNamer {
    private var used: Set<String> = []
    /// The next number to try after each base: counting from 2 each time made a page of 65,000
    /// headings alike take minutes (each tried every number before it).
    private var nextSuffix: [String: Int] = [:]

    mutating func unique(for text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        var suffix = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        if candidate != base { nextSuffix[base] = suffix }
        used.insert(candidate)
        return candidate
    }
}
