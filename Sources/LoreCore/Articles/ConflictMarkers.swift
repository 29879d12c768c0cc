/// Writes a merge's clashes into the text between markers, as version control tools do, so
/// that both versions stay in the editor until the person resolves them.
enum ConflictMarkers {
    static let mine = "<<<<<<< your version"
    static let separator = "======="
    static let theirsPrefix = ">>>>>>> revision "

    /// The document in order; at each clash, your lines, then theirs.
    static func text(_ regions: [MergeRegion], theirRevision: Int, endsWithNewline: Bool) -> String {
        var lines: [String] = []
        for region in regions {
            switch region {
            case .stable(let stable):
                lines += stable
            case .conflict(_, let mine, let theirs):
                lines.append(Self.mine)
                lines += mine
                lines.append(separator)
                lines += theirs
                lines.append(theirsPrefix + String(theirRevision))
            }
        }
        return lines.joined(separator: "\n") + (endsWithNewline && !lines.isEmpty ? "\n" : "")
    }

    /// Whether unresolved markers are still in the text: saving it as it is would publish them.
    static func contains(_ body: String) -> Bool {
        var sawMine = false
        // "\r\n" is one Character in Swift, so lines split on any newline, not on "\n".
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line == mine { sawMine = true }
            if sawMine, line.hasPrefix(theirsPrefix) { return true }
        }
        return false
    }
}
