import Testing
@testable import LoreCore

/// Templates are pages in Templates, offered where they suit, filled in where Lore can.
@Suite struct TemplateServiceTests {
    @Test func templatesAreOfferedWhereTheySuitAndOnlyToTheirReaders() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let onboarding = try await world.category("Onboarding", in: hr)
        let sales = try await world.category("Sales")
        let templates = try await world.category("Templates")
        let hrTemplates = try await world.category("HR templates", in: templates)
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE category SET path = 'templates' WHERE id = ?", arguments: [templates.id!])
            try db.execute(sql: "UPDATE category SET path = 'templates/' || ? WHERE id = ?", arguments: [hr.path, hrTemplates.id!])
        }
        try await world.article("Meeting note", in: templates, body: "{{date}} by {{author}}: {{topic}}")
        try await world.article("Onboarding plan", in: hrTemplates, body: "Plan for {{employee name}}")
        let service = TemplateService(database: world.database)
        #expect(try await service.templates(forCategory: onboarding.id, for: world.principal).map(\.title) == ["Meeting note", "Onboarding plan"])
        #expect(try await service.templates(forCategory: sales.id, for: world.principal).map(\.title) == ["Meeting note"])

        try await world.grant(nil, to: try await world.roles.role(kind: .employee), on: templates)
        let reader = try await world.user("reader")
        #expect(try await service.templates(forCategory: onboarding.id, for: reader).isEmpty)
        await #expect(throws: NotFound.self) { try await service.template(slug: "onboarding-plan", for: reader) }
        await #expect(throws: NotFound.self) { try await service.template(slug: "vacations", for: world.principal) }
    }

    @Test func knownPlaceholdersAreFilledAndTheOthersNamed() {
        let filled = TemplateService.fill("{{Дата}}, {{автор}}: {{тема}} for {{employee name}} {{date}}", date: "3 дек. 2026", author: "Марина")
        #expect(filled == "3 дек. 2026, Марина: {{тема}} for {{employee name}} 3 дек. 2026")
        #expect(TemplateService.placeholders(in: filled) == ["тема", "employee name"])
        #expect(TemplateService.placeholders(in: "{{}} {{ a }} {{a}} {{unclosed") == ["a"])
    }

    @Test func suitsItsCategoryAndTheOnesBelow() {
        #expect(TemplateService.suits("templates", nil))
        #expect(TemplateService.suits("templates/hr", "hr/onboarding"))
        #expect(!TemplateService.suits("templates/hr", "hrx"))
        #expect(!TemplateService.suits("templates/hr", nil))
    }
}
