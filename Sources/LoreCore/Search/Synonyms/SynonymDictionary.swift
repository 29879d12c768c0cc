/// The synonym dictionary as administrators write it: one group per line, its terms separated
/// by `=` (`отпуск = vacation = leave`); a term may be a few words; `#` starts a comment line.
/// Every term of a group finds pages with any other, in any word form.
public struct SynonymDictionary: Sendable, Equatable {
    public static let maxGroups = 2000
    public static let maxTermsPerGroup = 20
    public static let maxTermLength = 60
    public static let maxWordsPerTerm = 4

    /// A line that cannot be a group, by line number (from 1).
    public struct Problem: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case fewerThanTwoTerms = "synonyms_problem_single"
            case termTooLong = "synonyms_problem_long"
            case tooManyTerms = "synonyms_problem_terms"
            case tooManyGroups = "synonyms_problem_groups"
        }

        public let line: Int
        public let kind: Kind
    }

    public let groups: [[String]]
    public let problems: [Problem]

    public init(_ text: String) {
        var groups: [[String]] = []
        var problems: [Problem] = []
        // Browsers send a text area's lines ending in CR LF, which Swift reads as one character.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (index, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty || content.hasPrefix("#") { continue }
            var seen: Set<String> = []
            let terms = content.split(separator: "=").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                .filter { !$0.isEmpty && seen.insert(Lexicon.normalized($0)).inserted }
            let problem: Problem.Kind? = if terms.count < 2 { .fewerThanTwoTerms }
                else if terms.count > Self.maxTermsPerGroup { .tooManyTerms }
                else if terms.contains(where: { $0.count > Self.maxTermLength || $0.split(separator: " ").count > Self.maxWordsPerTerm }) { .termTooLong }
                else if groups.count == Self.maxGroups { .tooManyGroups }
                else { nil }
            if let problem {
                problems.append(Problem(line: index + 1, kind: problem))
            } else {
                groups.append(terms)
            }
        }
        self.groups = groups
        self.problems = problems
    }
}
