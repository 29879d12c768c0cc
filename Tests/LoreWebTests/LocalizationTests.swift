import Foundation
import LoreCore
import Testing
@testable import LoreWeb

@Suite struct LocalizationTests {
    @Test func everyLanguageHasEveryText() {
        let english = Set(Translations.english.texts.keys)
        let russian = Set(Translations.russian.texts.keys)
        // Russian plurals have a "few" form that English does not need.
        #expect(english.subtracting(russian).isEmpty)
        #expect(russian.subtracting(english).allSatisfy { $0.hasSuffix("_few") })
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

    /// Names of products and signs that read the same in both languages.
    static let sameInBoth: Set = ["channel_sms", "channel_whatsapp", "channel_telegram", "no_contact"]

    @Test func everyRussianTextIsRussian() {
        for (key, russian) in Translations.russian.texts where !Self.sameInBoth.contains(key) {
            #expect(russian != Translations.english.texts[key], "\(key) is the English text")
            #expect(russian.contains { ("а"..."я").contains($0) || ("А"..."Я").contains($0) || $0 == "ё" || $0 == "Ё" }, "\(key): \(russian)")
        }
    }
}

