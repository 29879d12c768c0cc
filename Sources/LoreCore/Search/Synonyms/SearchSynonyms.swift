import Foundation
import GRDB

/// The synonym dictionary search expands queries with, kept in the database: the text as the
/// administrators wrote it, and each term under its key (its words' stems, ё read as е), so
/// that any form of a term — «отпуска», "vacations" — finds its group.
public struct SearchSynonyms: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The dictionary's text, for its page (administrators only).
    public func text(by principal: Principal) async throws -> String {
        guard principal.isAdministrator else { throw NotFound() }
        return try await database.reader.read { db in try Self.text(db) }
    }

    /// Replaces the dictionary, or returns the lines that cannot be groups and changes nothing.
    public func save(_ text: String, by principal: Principal) async throws -> [SynonymDictionary.Problem] {
        guard principal.isAdministrator else { throw NotFound() }
        let dictionary = SynonymDictionary(text)
        guard dictionary.problems.isEmpty else { return dictionary.problems }
        try await database.writer.write { db in
            try Self.store(text, dictionary, db)
            try AuditLog.record(.synonymsChanged, by: principal, subject: "\(dictionary.groups.count)", db)
        }
        return []
    }

    static func text(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT text FROM searchSynonymText WHERE id = 1") ?? ""
    }

    static func createTables(_ db: Database) throws {
        try db.create(table: "searchSynonymText") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("text", .text).notNull()
        }
        try db.create(table: "searchSynonym") { t in
            t.column("groupNumber", .integer).notNull()
            t.column("term", .text).notNull()
            t.column("key", .text).notNull().indexed()
        }
        let starter = try Lexicon.starterSynonyms()
        try store(starter, SynonymDictionary(starter), db)
    }

    private static func store(_ text: String, _ dictionary: SynonymDictionary, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO searchSynonymText (id, text) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text",
                       arguments: [text])
        try db.execute(sql: "DELETE FROM searchSynonym")
        let stemmer = try Stemmer()
        for (number, group) in dictionary.groups.enumerated() {
            for term in group {
                try db.execute(sql: "INSERT INTO searchSynonym (groupNumber, term, key) VALUES (?, ?, ?)",
                               arguments: [number, term, key(term, stemmer)])
            }
        }
    }

    /// A term's key: its words' stems, one space between, without function words (which a
    /// query loses too: «отпуск без сохранения зарплаты» is typed and keyed as three words),
    /// unless only one word would be left.
    /// A term of several words keys each word by its family (``WordFamily``), so that it is
    /// found in any form: Snowball stems «терминал сбора данных» and «терминалов сбора данных»
    /// apart (термина / терминал); a single word keeps its stem, where a family is too broad.
    static func key(_ text: String, _ stemmer: Stemmer) -> String {
        let words = SearchQueryLexer(text, mode: .plainWords).flatMap { token -> [String] in
            guard case .term(let term) = token else { return [] }
            return term.words
        }
        let meaningful = words.filter { !Lexicon.stopWords.contains(Lexicon.normalized($0)) }
        // A term that is one word with function words ("on call") is an idiom: keyed by its one
        // word, it would stand for every "call".
        let kept = meaningful.count < min(words.count, 2) ? words : meaningful
        let stem = { (word: String) in stemmer.stem(Lexicon.normalized(word)) }
        guard kept.count > 1 else { return kept.map(stem).joined() }
        return kept.map { word in
            let wordStem = stem(word)
            return WordFamily.key(of: word, stem: wordStem) ?? wordStem
        }.joined(separator: " ")
    }

    /// Keys the stored dictionary again, after ``key(_:_:)`` changed.
    static func rekey(_ db: Database) throws {
        let text = try text(db)
        try store(text, SynonymDictionary(text), db)
    }

    /// For each concept of the query, the terms of every group that one of its words, or a
    /// run of up to four consecutive one-word concepts ("sick leave"), belongs to.
    static func expansions(for query: SearchQuery, _ db: Database) throws -> [Int: [String]] {
        let stemmer = try Stemmer()
        // Each key the query could match, with the concepts it stands for.
        var concepts: [String: [Int]] = [:]
        let single = query.concepts.map { concept -> String? in
            concept.alternatives.count == 1 && !concept.isRequired ? concept.alternatives[0].text : nil
        }
        for (index, concept) in query.concepts.enumerated() where !concept.isRequired {
            for term in concept.alternatives where !term.isPrefix {
                concepts[key(term.text, stemmer), default: []].append(index)
            }
            for length in 2...SynonymDictionary.maxWordsPerTerm where index + length <= single.count {
                let run = single[index..<(index + length)]
                guard run.allSatisfy({ $0 != nil }) else { break }
                concepts[key(run.compactMap { $0 }.joined(separator: " "), stemmer), default: []] += Array(index..<(index + length))
            }
        }
        guard !concepts.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT found.key, other.term, other.key AS otherKey FROM searchSynonym found
            JOIN searchSynonym other ON other.groupNumber = found.groupNumber AND other.key <> found.key
            WHERE found.key IN (\(databaseQuestionMarks(count: concepts.count)))
            ORDER BY other.groupNumber, other.rowid
            """, arguments: StatementArguments(Array(concepts.keys)))
        var expansions: [Int: [String]] = [:]
        for row in rows {
            let term: String = row["term"]
            // A term the query already says in other words ("сверхурочную работу") is no news.
            guard concepts[row["otherKey"] as String] == nil else { continue }
            for index in concepts[row["key"]] ?? [] where !(expansions[index] ?? []).contains(term) {
                expansions[index, default: []].append(term)
            }
        }
        return expansions
    }
}
