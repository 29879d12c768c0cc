import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Client cards and categories over the API: the web's validation, versions and audit.
@Suite struct ApiClientTests {
    static func json(_ object: [String: Any]) -> String {
        String(data: try! JSONSerialization.data(withJSONObject: object), encoding: .utf8)!
    }

    @Test func aCardIsCreatedChangedOnItsVersionAndKeepsItsPeopleAndTimeline() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let bad = try await api.send(.post, "/api/v1/clients", json: Self.json(["name": "Acme", "inn": "1234567890", "emails": "not-mail"]))
            #expect(bad.status == .unprocessableContent)
            let fields = Set((bad.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["inn", "emails"])
            let created = try await api.send(.post, "/api/v1/clients", json: Self.json(["name": "Acme", "tags": ["vip", "north"], "status": "active"]))
            #expect(created.status == .created && created.json["version"] as? Int == 1)
            #expect(created.json["tags"] as? [String] == ["vip", "north"] && created.json["manager"] is NSNull)
            let slug = try #require(created.json["slug"] as? String)
            let etag = try #require(created.headers[.eTag])

            let person = try await api.send(.post, "/api/v1/clients/\(slug)/contacts", json: Self.json(["name": "Anna", "email": "anna@acme.test"]))
            #expect(person.status == .created && person.json["email"] as? String == "anna@acme.test")
            let contactId = try #require(person.json["id"] as? Int)
            let renamed = try await api.send(.put, "/api/v1/clients/\(slug)/contacts/\(contactId)", json: Self.json(["name": "Anna K."]))
            #expect(renamed.status == .ok && renamed.json["name"] as? String == "Anna K." && renamed.json["email"] as? String == "")
            let call = try await api.send(.post, "/api/v1/clients/\(slug)/interactions", json: Self.json([
                "summary": "Discussed prices", "contactId": contactId, "nextStep": "Send the offer", "nextStepDue": "2030-01-15",
            ]))
            #expect(call.status == .created && call.json["nextStepDue"] as? String == "2030-01-15" && call.json["kind"] as? String == "call")

            // Logging a call does not outdate the card's version: the edit based on it goes through.
            let changed = try await api.send(.put, "/api/v1/clients/\(slug)", json: Self.json(["name": "Acme Ltd", "status": "regular"]),
                                             headers: [.ifMatch: etag])
            #expect(changed.status == .ok && changed.json["version"] as? Int == 2 && changed.json["name"] as? String == "Acme Ltd")
            let stale = try await api.send(.put, "/api/v1/clients/\(slug)", json: Self.json(["name": "Acme Old"]), headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed && stale.json["code"] as? String == "edit_conflict")
            #expect((stale.json["current"] as? [String: Any])?["name"] as? String == "Acme Ltd")
            let card = try await api.get("/api/v1/clients/\(slug)")
            #expect((card.json["contacts"] as? [[String: Any]])?.count == 1 && (card.json["interactions"] as? [[String: Any]])?.count == 1)

            #expect(try await api.send(.delete, "/api/v1/clients/\(slug)/contacts/\(contactId)").status == .noContent)
            #expect(try await api.send(.delete, "/api/v1/clients/\(slug)").status == .noContent)
            #expect(try await api.get("/api/v1/clients/\(slug)").status == .notFound)
        }
    }

    @Test func tasksPurchasesAndAMergeWorkAsOnTheWeb() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let first = try #require(try await api.send(.post, "/api/v1/clients", json: Self.json(["name": "Ромашка"])).json["slug"] as? String)
            let second = try #require(try await api.send(.post, "/api/v1/clients", json: Self.json(["name": "ООО Ромашка", "inn": "7707083893"]))
                .json["slug"] as? String)
            let call = try await api.send(.post, "/api/v1/clients/\(second)/interactions", json: Self.json([
                "summary": "Звонок", "nextStep": "Выслать КП", "nextStepDue": "2020-01-15", "nextStepTime": "10:30", "nextStepKind": "email",
            ]))
            #expect(call.status == .created && call.json["nextStepKind"] as? String == "email" && call.json["assigneeId"] is Int)
            let tasks = try #require(try await api.get("/api/v1/tasks?view=overdue").json["items"] as? [[String: Any]])
            let task = try #require(tasks.first { $0["step"] as? String == "Выслать КП" })
            #expect(task["overdue"] as? Bool == true && task["time"] as? String == "10:30")
            let id = try #require(task["id"] as? Int)
            #expect(try await api.get("/api/v1/tasks?view=everything").status == .badRequest)
            #expect(try await api.send(.post, "/api/v1/tasks/\(id)/reschedule", json: Self.json(["due": "никогда"])).status == .unprocessableContent)
            #expect(try await api.send(.post, "/api/v1/tasks/\(id)/reschedule", json: Self.json(["due": "2099-01-01"])).status == .noContent)
            #expect(try await api.send(.post, "/api/v1/tasks/\(id)/reassign", json: Self.json(["assigneeId": 999_999])).status == .unprocessableContent)
            #expect((try await api.get("/api/v1/tasks?view=overdue").json["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == id } == false)
            #expect(try await api.send(.post, "/api/v1/tasks/\(id)/done").status == .noContent)
            #expect(try await api.send(.post, "/api/v1/tasks/\(id)/done").status == .notFound, "a closed step is not open any more")

            #expect(try await api.send(.post, "/api/v1/clients/\(second)/purchases", json: Self.json(["amount": "много"])).status == .unprocessableContent)
            let bought = try await api.send(.post, "/api/v1/clients/\(second)/purchases", json: Self.json(["amount": "12 500,50", "date": "2026-11-02"]))
            #expect(bought.status == .created && bought.json["amountMinor"] as? Int == 1_250_050 && bought.json["currency"] as? String == "RUB")
            #expect((try await api.get("/api/v1/clients/\(second)/purchases").json["items"] as? [[String: Any]])?.count == 1)

            let merged = try await api.send(.post, "/api/v1/clients/\(first)/merge", json: Self.json(["with": second, "taking": ["inn"]]))
            #expect(merged.status == .ok && merged.json["inn"] as? String == "7707083893")
            #expect((merged.json["interactions"] as? [[String: Any]])?.count == 1)
            #expect((try await api.get("/api/v1/clients/\(first)/purchases").json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await api.get("/api/v1/clients/\(second)").status == .notFound)
        }
    }

    @Test func theListPagesByCursorAndTheExportIsAudited() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            for name in ["Alpha", "Beta", "Gamma"] {
                _ = try await api.send(.post, "/api/v1/clients", json: Self.json(["name": name, "segment": "Retail"]))
            }
            let first = try await api.get("/api/v1/clients?limit=2&segment=Retail")
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await api.get("/api/v1/clients?limit=2&segment=Retail&cursor=\(cursor)")
            let names = ((first.json["items"] as? [[String: Any]] ?? []) + (second.json["items"] as? [[String: Any]] ?? [])).compactMap { $0["name"] as? String }
            #expect(names == ["Alpha", "Beta", "Gamma"] && second.json["nextCursor"] is NSNull)
            #expect(try await api.get("/api/v1/clients?status=sleeping").json["code"] as? String == "invalid_parameter")
            let export = try await api.get("/api/v1/clients/export?segment=Retail&delimiter=semicolon")
            #expect(export.status == .ok && export.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(export.text.contains("Gamma") && export.text.contains(";"))
            let audit = try await admin.get("/admin/audit")
            #expect(audit.text.contains("clients.exported") && audit.text.contains("3 rows"))
        }
    }

    @Test func categoriesAreMadeChangedGrantedAndRemoved() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let created = try await api.send(.post, "/api/v1/categories", json: Self.json(["title": "Legal", "description": "Contracts"]))
            #expect(created.status == .created && created.json["path"] as? String == "legal" && created.json["access"] as? String == "manage")
            let id = try #require(created.json["id"] as? Int)
            let changed = try await api.send(.put, "/api/v1/categories/\(id)", json: Self.json(["title": "Legal team"]))
            #expect(changed.status == .ok && changed.json["title"] as? String == "Legal team" && changed.json["description"] as? String == "Contracts")
            let grants = try await api.get("/api/v1/categories/\(id)/grants").json["items"] as? [[String: Any]] ?? []
            let employee = try #require(grants.first { $0["role"] as? String == "Employee" }?["roleId"] as? Int)
            let set = try await api.send(.put, "/api/v1/categories/\(id)/grants", json: Self.json(["grants": [["roleId": employee, "level": "none"]]]))
            let row = (set.json["items"] as? [[String: Any]])?.first { $0["roleId"] as? Int == employee }
            #expect(row?["own"] as? String == "none" && row?["level"] as? String == "none")
            let wrong = try await api.send(.put, "/api/v1/categories/\(id)/grants", json: Self.json(["grants": [["roleId": employee, "level": "all"]]]))
            #expect(wrong.status == .unprocessableContent)
            #expect(try await api.send(.delete, "/api/v1/categories/\(id)").status == .noContent)
            #expect(try await api.get("/api/v1/categories/\(id)").status == .notFound)
            let full = try await api.get("/api/v1/categories").json["items"] as? [[String: Any]] ?? []
            let occupied = try #require(full.first { ($0["articleCount"] as? Int ?? 0) > 0 }?["id"] as? Int)
            let refused = try await api.send(.delete, "/api/v1/categories/\(occupied)")
            #expect(refused.status == .conflict && refused.json["code"] as? String == "category_not_empty")
        }
    }

    @Test func searchSpeaksTheWebsQueryLanguage() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let found = try await api.get("/api/v1/search?q=vacation")
            #expect(found.status == .ok && (found.json["total"] as? Int ?? 0) >= 1)
            let hit = try #require((found.json["items"] as? [[String: Any]])?.first)
            #expect(hit["kind"] as? String == "article" && (hit["snippet"] as? String)?.contains("<mark>") == true)
            #expect(try await api.get("/api/v1/search?q=").json["code"] as? String == "invalid_parameter")
            #expect(try await api.get("/api/v1/search?q=x&kind=page").json["code"] as? String == "invalid_parameter")
            let corrected = try await api.get("/api/v1/search?q=vacatoins%20days")
            #expect(corrected.json["didYouMean"] as? String == "vacations days", "a typo is corrected, and said")
            let first = try #require((corrected.json["items"] as? [[String: Any]])?.first)
            #expect(first["missing"] as? [String] == [])
            let translated = try await api.get("/api/v1/search?q=%D0%BE%D1%82%D0%BF%D1%83%D1%81%D0%BA")  // отпуск
            #expect((translated.json["alsoSearched"] as? [String])?.contains("vacation") == true)
        }
    }
}
