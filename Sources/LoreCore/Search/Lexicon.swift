import Foundation

/// The words search knows about before reading any page: function words that neither match
/// nor count, and the starter synonym dictionary a new knowledge base begins with. Both are
/// data files beside this one (`Lexicon/`), so that they are read and edited as lists.
enum Lexicon {
    /// Russian and English function words, lowercase, ё written as е.
    static let stopWords: Set<String> = Set(["stopwords-ru", "stopwords-en"].flatMap { lines(of: $0) }.map(normalized))

    /// `отпуск = vacation = leave`, one group per line (see ``SearchSynonyms``).
    static var starterSynonyms: String { text(of: "synonyms") }

    /// A single word that is a function word (a phrase never is).
    static func isStopWord(_ term: SearchTerm) -> Bool {
        term.words.count == 1 && stopWords.contains(normalized(term.words[0]))
    }

    /// Lowercase, ё read as е: how the index compares words.
    static func normalized(_ word: some StringProtocol) -> String {
        word.lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    private static func lines(of name: String) -> [String] {
        text(of: name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The files are part of the build: without them search would silently match function
    /// words, so their absence is a broken installation, said at once.
    private static func text(of name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Lexicon/\(name).txt is missing from LoreCore's resources")
        }
        return text
    }
}
