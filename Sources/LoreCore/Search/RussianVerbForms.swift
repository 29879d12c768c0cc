/// The forms of a Russian verb that Snowball cannot join: its stems change as it conjugates
/// («стереть» → стерет, «сотрёт» → сотрет, «стёр» → стер; «подписать» → подписа, «подпишет»
/// → подпишет), so a question with the infinitive would miss the page that says what someone
/// «сотрёт», and the word family (the stem's first six letters) does not join them either.
/// The verbs are a data file, `Lexicon/verbs-ru.txt`, one verb per line.
enum RussianVerbForms {
    /// Two lines of the list share a stem, which would join two verbs.
    struct Conflict: Error, CustomStringConvertible {
        let stem: String
        var description: String { "verbs-ru: the stem «\(stem)» is on two lines" }
    }

    /// A shorter stem is another word's too («подам» → под, «дай» → да).
    static let shortestStem = 4

    /// For each stem of a listed verb, one form for each of the verb's other stems. Made once,
    /// when the database opens (``verify()``), so that no search reads the file.
    private static let others: Result<[String: [String]], any Error> = Result {
        try table(Lexicon.lines(of: "verbs-ru"), stemmer: Stemmer())
    }

    /// Throws when the list cannot be read or would join two verbs (see ``Lexicon/verify()``).
    static func verify() throws {
        _ = try others.get()
    }

    /// The forms to search beside a word with this Snowball stem (none when it is not a listed verb's).
    static func otherForms(ofStem stem: String) -> [String] {
        (try? others.get())?[stem] ?? []
    }

    /// Each stem of the lines' forms, with a form of each other stem of its line.
    static func table(_ lines: [String], stemmer: Stemmer) throws -> [String: [String]] {
        var table: [String: [String]] = [:]
        for line in lines {
            var forms: [(stem: String, form: String)] = []
            for word in line.split(separator: " ") {
                let form = Lexicon.normalized(word)
                let stem = stemmer.stem(form)
                guard stem.count >= shortestStem, !Lexicon.stopWords.contains(form), !forms.contains(where: { $0.stem == stem }) else { continue }
                guard table[stem] == nil else { throw Conflict(stem: stem) }
                forms.append((stem, form))
            }
            for (stem, _) in forms where forms.count > 1 {
                table[stem] = forms.filter { $0.stem != stem }.map(\.form)
            }
        }
        return table
    }
}
