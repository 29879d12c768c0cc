import Foundation
import LoreCore
import Testing
@testable import LoreWeb

@Suite struct LocalizationTests {
    static let pluralCategories = ["zero", "one", "two", "few", "many", "other"]

    /// The counted texts of a table (those with a `_one` form), each with the categories it has forms for.
    static func plurals(_ t: Translations) -> [String: Set<String>] {
        let bases = t.texts.keys.filter { $0.hasSuffix("_one") }.map { String($0.dropLast("_one".count)) }
        return Dictionary(uniqueKeysWithValues: bases.map { base in
            (base, Set(pluralCategories.filter { t.texts["\(base)_\($0)"] != nil }))
        })
    }

    /// The keys of a table, counted texts under their base name.
    static func keys(_ t: Translations) -> Set<String> {
        let plurals = plurals(t)
        return Set(t.texts.keys.map { key in
            plurals.keys.first { base in pluralCategories.contains { key == "\(base)_\($0)" } } ?? key
        })
    }

    @Test func placeholdersAreFilledOnceAndValuesStayAsTyped() {
        let t = Translations(language: .en, texts: ["moved": "{name} moved {title} to {category}", "plain": "No placeholders"])
        #expect(t.format("moved", ["name": "Olga", "title": "{category} & {name}", "category": "HR"]) == "Olga moved {category} & {name} to HR")
        #expect(t.format("moved", ["name": "Olga"]) == "Olga moved {title} to {category}", "unknown placeholders stay")
        #expect(t.format("plain", ["name": "x"]) == "No placeholders")
        #expect(t.format("missing_key", [:]) == "missing_key")
    }

    @Test func everyLanguageHasEveryText() {
        let english = Self.keys(.english), russian = Self.keys(.russian)
        #expect(english.symmetricDifference(russian).isEmpty, "\(english.symmetricDifference(russian).sorted())")
    }

    /// Every counted text has the form each count asks for by the language's ICU rules, and no other.
    @Test(arguments: [Translations.english, Translations.russian])
    func everyPluralHasTheFormsItsLanguageNeeds(_ t: Translations) {
        let needed = Set((0...1_000).map { t.pluralRules.category(of: $0) })
        #expect(needed == (t.language == .ru ? ["one", "few", "many"] : ["one", "other"]))
        let plurals = Self.plurals(t)
        #expect(plurals["article_count"] != nil, "counted texts are found by their _one form")
        for (key, forms) in plurals {
            #expect(forms == needed, "\(t.language) \(key): \(forms.sorted())")
        }
    }

    @Test(arguments: [(1, "1 статья"), (2, "2 статьи"), (5, "5 статей"), (11, "11 статей"), (21, "21 статья"), (104, "104 статьи"), (112, "112 статей")])
    func russianPlurals(count: Int, text: String) {
        #expect(Translations.russian.articleCount(count) == text)
    }

    @Test func everyTemplateKeyIsTranslated() throws {
        let templates = TestApp.repositoryRoot.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }
        let pattern = #/\{\{[#^/]?t\.([a-z_]+)\}\}/#
        for file in files {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                #expect(Translations.english.texts[String(match.1)] != nil, "\(file): \(match.1)")
            }
        }
    }

    @Test func aDayWithoutItsYearReadsAsTheLanguageWritesIt() throws {
        let day = try #require(DayDate(iso: "2000-12-04"))
        #expect(DisplayDate.dayAndMonth(day, .ru) == "4 дек.")
        #expect(DisplayDate.dayAndMonth(day, .en) == "4 Dec")
        #expect(ClientCardView.birthday("--12-04", .ru) == "4 дек.", "no stray «г.» of an absent year")
    }

    @Test func builtInRolesAreNamedInTheReadersLanguageUntilRenamed() {
        let employee = Role(name: "Employee", kind: .employee, createdAt: Date())
        #expect(Translations.russian.name(of: employee) == "Сотрудник" && Translations.english.name(of: employee) == "Employee")
        #expect(Translations.russian.name(of: Role(name: "Staff", kind: .employee, createdAt: Date())) == "Staff", "a name an administrator chose stays")
        #expect(Translations.russian.name(of: Role(name: "Sales", kind: nil, createdAt: Date())) == "Sales")
    }

    @Test func everyAuditActionReadsAsWordsInBothLanguages() {
        for action in AuditLog.actions {
            let key = "audit_action_" + action.replacingOccurrences(of: ".", with: "_")
            let english = Translations.english.texts[key], russian = Translations.russian.texts[key]
            #expect(english != nil && russian != nil && english != russian, "\(action)")
        }
    }

    /// Subjects as the services record them read as words in Russian: no capability code, no English count.
    @Test(arguments: [
        ("role.changed", "HR: acknowledgements.report, clients.read", "Роль HR: Видеть, кто с какими страницами ознакомился; Видеть карточки клиентов"),
        ("role.changed", "Sales: ", "Роль Sales: без особых прав"),
        ("user.pages_reassigned", "marina → ivan: 3", "От marina к ivan: 3 страницы и раздела"),
        ("clients.read_limit", "200 cards", "200 карточек в день"),
        ("purchases.imported", "12 added, 3 already logged", "добавлено 12, уже были 3"),
        ("search.synonyms_changed", "21", "Сейчас 21 группа."),
        ("grant.changed", "category 4 role 2: inherit", "Роль Sales: Наследовать в разделе «Продажи»"),
    ])
    func auditSubjectsReadAsRussian(action: String, subject: String, expected: String) {
        let entry = AuditLog.Entry(at: Date(), actor: "admin", actorName: nil, action: action, subject: subject, address: "")
        #expect(AuditController.subject(entry, t: .russian, categories: [4: "Продажи"], roles: [2: "Sales"]) == expected)
    }

    /// Names of products and signs that read the same in both languages.
    static let sameInBoth: Set = ["channel_sms", "channel_whatsapp", "channel_telegram", "no_contact"]

    @Test func everyRussianTextIsRussian() {
        for (key, russian) in Translations.russian.texts where !Self.sameInBoth.contains(key) {
            #expect(russian != Translations.english.texts[key], "\(key) is the English text")
            #expect(russian.contains { ("а"..."я").contains($0) || ("А"..."Я").contains($0) || $0 == "ё" || $0 == "Ё" }, "\(key): \(russian)")
        }
    }
}

