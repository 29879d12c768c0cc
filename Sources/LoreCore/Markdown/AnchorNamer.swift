/// Gives each heading of one document a distinct, readable anchor.
struct AnchorNamer {
    private var used: Set<String> = []

    mutating func unique(for text: String) -> String {
        let base = Slug.make(from: text).isEmpty ? "section" : Slug.make(from: text)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}
