import Foundation
import Hummingbird
import HummingbirdTesting
import LoreCore
import LoreWeb
import Testing

/// A field an administrator adds shows everywhere the built-in ones do: the card's form, the
/// card, the list's filters, the spreadsheet export, the API and the card's history.
@Suite struct ClientSchemaRoutesTests {
    @Test func anAddedFieldAppearsInFormCardFilterExportApiAndHistory() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let refused = try await admin.postForm("/admin/client-fields", [("target", "client"), ("kind", "choice"), ("labelRu", "Регион продаж"),
                                                                           ("labelEn", "Sales region"), ("key", ""), ("choices", "")])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"value="Регион продаж""#))
            let added = try await admin.postForm("/admin/client-fields", [("target", "client"), ("kind", "choice"), ("labelRu", "Регион продаж"),
                                                                         ("labelEn", "Sales region"), ("key", ""), ("choices", "Север\nЮг")])
            #expect(added.status == .seeOther)
            #expect(try await admin.get("/admin/client-fields").text.contains("<code>sales_region</code>"))

            let form = try await admin.get("/clients/volga-retail-group/edit").text
            #expect(form.contains(#"name="custom.sales_region""#) && form.contains(">Юг</option>"))
            let version = try #require(form.firstMatch(of: /name="version" value="(\d+)"/)?.1)
            let saved = try await admin.postForm("/clients/volga-retail-group/edit", [
                ("version", String(version)), ("name", "Волга Ритейл Групп"), ("kind", "company"), ("status", "regular"),
                ("custom.sales_region", "Юг"), ("duplicateOK", "on"),
            ])
            #expect(saved.status == .seeOther)
            let card = try await admin.get("/clients/volga-retail-group").text
            #expect(card.contains("<dt>Sales region</dt><dd>Юг"))
            #expect(card.contains("<strong>Sales region</strong>"), "history names the field")

            let list = try await admin.get("/clients?f.sales_region=%D0%AE%D0%B3").text
            #expect(list.contains(#"name="f.sales_region""#) && list.contains("Волга Ритейл Групп") && !list.contains("Polka Market"))
            let export = try await admin.postForm("/clients/export.csv", []).text
            #expect(export.contains("Sales region") && export.contains("Юг"))
            let workbook = try await admin.postForm("/clients/export.csv", [("format", "xlsx")])
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.headers[.contentDisposition]?.hasSuffix(".xlsx\"") == true && Array(workbook.body.readableBytesView.prefix(2)) == [0x50, 0x4B])

            let api = try await ApiCaller.make(admin)
            let json = try await api.get("/api/v1/clients/volga-retail-group").json
            #expect((json["custom"] as? [String: String])?["sales_region"] == "Юг")
            let schema = try await api.get("/api/v1/client-fields").json
            #expect((schema["client"] as? [[String: Any]])?.contains { $0["key"] as? String == "sales_region" && $0["custom"] as? Bool == true } == true)
            let made = try await api.send(.post, "/api/v1/clients", json: ApiClientTests.json(["name": "Север-Опт", "custom": ["sales_region": "Север"]]))
            #expect(made.status == .created && (made.json["custom"] as? [String: String])?["sales_region"] == "Север")
            let wrong = try await api.send(.post, "/api/v1/clients", json: ApiClientTests.json(["name": "Запад-Опт", "custom": ["sales_region": "Запад"]]))
            #expect(wrong.status == .unprocessableContent)
        }
    }

    @Test func theApiDocumentDescribesEveryBuiltInField() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Public/api/v1/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        func properties(_ name: String) -> Set<String> {
            Set(((schemas[name] as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let client = Set(ClientSchema.builtIn.client.map(\.key)), contact = Set(ClientSchema.builtIn.contact.map(\.key))
        #expect(properties("ClientInput") == client.union(["custom"]))
        #expect(properties("ContactInput") == contact.union(["custom"]))
        #expect(client.union(["custom", "id", "slug", "url", "version", "createdAt", "updatedAt", "notesHtml", "contacts", "interactions", "articles"])
            == properties("Client"))
        #expect(properties("Contact") == contact.union(["custom", "id"]))
    }
}
