import Testing
@testable import LoreCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Правила внутреннего распорядка", "pravila-vnutrennego-rasporyadka"),
        ("First day checklist", "first-day-checklist"),
        ("  Sales › Scripts!! ", "sales-scripts"),
        ("Объявление: подъезд № 5", "obyavlenie-podezd-5"),
        ("Щука и ёж", "shchuka-i-ezh"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("2027 plan", "2027-plan"),
        ("!!!", ""),
    ])
    func makesSlugs(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    @Test func slugsAreBounded() {
        let slug = Slug.make(from: String(repeating: "word ", count: 100))
        #expect(slug.count <= Slug.maxLength)
        #expect(!slug.hasSuffix("-"))
    }

    @Test func validity() {
        #expect(Slug.isValid("first-day"))
        #expect(!Slug.isValid("First-Day"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("../etc"))
    }
}
