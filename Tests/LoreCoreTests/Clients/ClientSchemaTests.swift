import Foundation
import GRDB
import Testing
@testable import LoreCore

/// One declaration drives every surface: a field added (as an administrator adds one) is
/// checked, kept, shown in history, exported, imported, filtered and found.
@Suite struct ClientSchemaTests {
    func field(_ world: TestWorld, _ label: String, kind: CustomField.Kind, target: CustomField.Target = .client,
               choices: String = "", key: String = "") async throws -> CustomField {
        var draft = CustomFieldDraft()
        draft.labelRu = label
        draft.kind = kind.rawValue
        draft.target = target.rawValue
        draft.choices = choices
        draft.key = key
        return try await CustomFieldService(database: world.database).create(draft, by: world.principal)
    }

    @Test func builtInFieldsHaveDistinctKeysHeadersAndBothLabels() {
        for fields in [ClientSchema.builtIn.client.map { ($0.key, $0.header, $0.label) },
                       ClientSchema.builtIn.contact.map { ($0.key, $0.header, $0.label) }] {
            #expect(Set(fields.map(\.0)).count == fields.count)
            #expect(Set(fields.map { $0.1.lowercased() }).count == fields.count)
            #expect(fields.allSatisfy { !$0.2.ru.isEmpty && !$0.2.en.isEmpty && $0.2.ru != $0.2.en })
        }
        let headers = ClientSchema.builtIn.columns.map(ClientSchema.builtIn.header(of:))
        #expect(Set(headers.map { $0.lowercased() }).count == headers.count, "import reads every exported column back")
        #expect(ClientSchema.builtIn.columns.allSatisfy { ClientSchema.builtIn.column(named: ClientSchema.builtIn.header(of: $0)) == $0 })
    }

    @Test func aCustomFieldIsCheckedKeptAndRecordedInHistory() async throws {
        let world = try await TestWorld()
        let region = try await field(world, "Регион", kind: .choice, choices: "Север\nЮг")
        let employees = try await field(world, "Сотрудников", kind: .number)
        #expect(region.key == "region" && employees.key == "sotrudnikov")
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft["custom.region"] = "Запад"
        draft["custom.sotrudnikov"] = "много"
        await #expect(throws: ValidationError(["custom.region": .notFound, "custom.sotrudnikov": .invalidNumber])) {
            try await world.clients.create(draft, by: world.principal)
        }
        draft["custom.region"] = "Юг"
        draft["custom.sotrudnikov"] = "1 250,5"
        let client = try await world.clients.create(draft, by: world.principal)
        #expect(client.custom == ["region": "Юг", "sotrudnikov": "1250.5"])
        var edit = ClientDraft(client)
        #expect(edit["custom.region"] == "Юг")
        edit["custom.region"] = "Север"
        _ = try await world.clients.update(slug: client.slug, edit, version: client.version, by: world.principal)
        let changes = try await world.changes(of: client).map { "\($0.field): \($0.oldValue) → \($0.newValue)" }
        #expect(changes.contains("custom.region:  → Юг") && changes.contains("custom.region: Юг → Север"))
    }

    @Test func aFieldOfEveryKindTakesWhatPeopleType() async throws {
        let world = try await TestWorld()
        _ = try await field(world, "Договор до", kind: .date, key: "contract_until")
        _ = try await field(world, "VIP", kind: .yesNo, key: "vip")
        _ = try await field(world, "Канал", kind: .text, target: .contact, key: "channel")
        var draft = ClientDraft()
        draft.name = "Лютик"
        draft["custom.contract_until"] = "31.12.2027"
        draft["custom.vip"] = "да"
        let client = try await world.clients.create(draft, by: world.principal)
        #expect(client.custom == ["contract_until": "2027-12-31", "vip": "yes"])
        var person = ContactDraft()
        person.name = "Анна"
        person["custom.channel"] = "Telegram"
        let contact = try await world.clients.addContact(person, to: client.slug, by: world.principal)
        #expect(contact.custom == ["channel": "Telegram"])
        try await world.client("Ромашка")
        var filter = ClientFilter()
        filter.custom = [.init(key: "channel", value: "telegram", exact: false, ofContact: true)]
        #expect(try await world.clientQueries.list(filter, for: world.principal).items.map(\.client.name) == ["Лютик"], "a card is found by its people's fields")
        draft["custom.vip"] = "может быть"
        await #expect(throws: ValidationError.self) { try await world.clients.create(draft, by: world.principal) }
    }

    @Test func keysAreLatinUniqueAndNeverABuiltInName() async throws {
        let world = try await TestWorld()
        _ = try await field(world, "Регион", kind: .text)
        await #expect(throws: ValidationError(field: "key", .duplicate)) { try await field(world, "Регион", kind: .text) }
        await #expect(throws: ValidationError(field: "key", .duplicate)) { try await field(world, "ИНН", kind: .text, key: "inn") }
        await #expect(throws: ValidationError(field: "key", .invalidSlug)) { try await field(world, "Код", kind: .text, key: "Код-1") }
        await #expect(throws: ValidationError(field: "choices", .required)) { try await field(world, "Уровень", kind: .choice) }
        _ = try await field(world, "Регион", kind: .text, target: .contact)
        let ivan = try await world.user("ivan", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        await #expect(throws: NotFound.self) { try await CustomFieldService(database: world.database).list(by: ivan) }
    }

    @Test func exportImportFilterAndSearchUseTheField() async throws {
        let world = try await TestWorld()
        _ = try await field(world, "Регион", kind: .choice, choices: "Север\nЮг")
        _ = try await field(world, "Отрасль клиента", kind: .text, key: "industry")
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft["custom.region"] = "Юг"
        draft["custom.industry"] = "Пищевая промышленность"
        _ = try await world.clients.create(draft, by: world.principal)
        try await world.client("Лютик")

        let (csv, _) = try await ClientExport(database: world.database).export(ClientFilter(), format: .csv(delimiter: ";"), for: world.principal)
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.contains("Регион") && text.contains("Юг"))

        let preview = try await ClientImport(database: world.database)
            .preview(ClientImportTests.utf8("Название;Регион;Industry\nВасилёк;Север;Торговля\nОдуванчик;Запад;\n"), for: world.principal)
        #expect(preview.mapping == [.client("name"), .client("custom.region"), .client("custom.industry")])
        #expect(preview.rows.map(\.problems) == [[:], ["custom.region": .notFound]])

        var filter = ClientFilter()
        filter.custom = [.init(key: "region", value: "Юг", exact: true)]
        #expect(try await world.clientQueries.list(filter, for: world.principal).items.map(\.client.name) == ["Ромашка"])
        filter.custom = [.init(key: "industry", value: "пищевая", exact: false)]
        #expect(try await world.clientQueries.list(filter, for: world.principal).items.map(\.client.name) == ["Ромашка"])
        filter.custom = [.init(key: "region", value: "Север", exact: true)]
        #expect(try await world.clientQueries.list(filter, for: world.principal).total == 0)

        let hits = try await SearchService(database: world.database).search(SearchQuery("пищевой промышленности"), filter: SearchFilter(),
                                                                            for: world.principal).hits
        #expect(hits.map(\.title) == ["Ромашка"], "a card is found by what its added fields say")
    }

    @Test func removingAFieldRemovesItsValuesInOneStepAndHistoryKeepsThem() async throws {
        let world = try await TestWorld()
        let region = try await field(world, "Регион", kind: .text)
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft["custom.region"] = "Юг"
        let client = try await world.clients.create(draft, by: world.principal)
        try await CustomFieldService(database: world.database).delete(id: region.id!, by: world.principal)
        #expect(try await world.stored(client)?.custom == [:])
        #expect(try await world.changes(of: client).contains { $0.field == "custom.region" && $0.newValue == "Юг" })
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action = 'client_field.removed'") == 1)
    }

    @Test func jsonCarriesBuiltInFieldsByKeyAndAddedOnesInCustom() throws {
        let json = #"{"name": "Ромашка", "tags": ["опт", "юг"], "inn": "7707083893", "custom": {"region": "Юг", "staff": 120, "vip": true}}"#
        let draft = try JSONDecoder().decode(ClientDraft.self, from: Data(json.utf8))
        #expect(draft.name == "Ромашка" && draft.tags == "опт, юг" && draft.inn == "7707083893" && draft.kind == "company")
        #expect(draft["custom.region"] == "Юг" && draft["custom.staff"] == "120" && draft["custom.vip"] == "yes")
    }
}
