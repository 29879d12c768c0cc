import Foundation

/// The words search knows about before reading any page: function words that neither match
/// nor count, the starter synonym dictionary a new knowledge base begins with, and the Russian
/// verbs whose forms Snowball cannot join (``RussianVerbForms``). All are data files beside
/// this one (`Lexicon/`), so that they are read and edited as lists.
///
/// The files are part of the build. ``verify()`` runs when the database opens, so that a broken
/// installation refuses to start with a message instead of searching without them.
enum Lexicon {
    /// A data file that is not where the build puts it.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "Lexicon/\(name).txt is missing from LoreCore's resources: reinstall Lore" }
    }

    static let files = ["stopwords-ru", "stopwords-en", "synonyms", "verbs-ru"]

    /// Russian and English function words, lowercase, ё written as е.
    static let stopWords: Set<String> = Set(["stopwords-ru", "stopwords-en"].flatMap { (try? lines(of: $0)) ?? [] }.map(normalized))

    /// `отпуск = vacation = leave`, one group per line (see ``SearchSynonyms``).
    static func starterSynonyms() throws -> String { try text(of: "synonyms") }

    /// Throws ``Missing`` unless every data file can be read, and ``RussianVerbForms/Conflict``
    /// when the verb list would join two verbs.
    static func verify() throws {
        for name in files { _ = try text(of: name) }
        try RussianVerbForms.verify()
    }

    /// A single word that is a function word (a phrase never is).
    static func isStopWord(_ term: SearchTerm) -> Bool {
        term.words.count == 1 && stopWords.contains(normalized(term.words[0]))
    }

    /// Lowercase, ё read as е: how the index compares words.
    static func normalized(_ word: some StringProtocol) -> String {
        foldingYo(word.lowercased())
    }

    /// A lowercase word with ё read as е.
    static func foldingYo(_ lowercase: String) -> String {
        ByteSearch.replacing(["ё": "е"], in: lowercase)
    }

    /// A data file's lines, without blank lines and `#` comments.
    static func lines(of name: String) throws -> [String] {
        try text(of: name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private static func text(of name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { throw Missing(name: name) }
        return text
    }
}
