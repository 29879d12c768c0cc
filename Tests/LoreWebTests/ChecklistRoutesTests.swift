import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Ticking a page's checklist through the routes the page's script uses.
@Suite struct ChecklistRoutesTests {
    @Test func aReaderTicksAndSeesTheirProgressAndManagersSeeEveryone() async throws {
        try await TestApp.run { admin in
            let created = try await admin.postForm("/new", [
                ("title", "Day one"), ("category", "3"), ("body", "- [ ] Access card\n- [ ] Meet HR\n"), ("slug", ""),
            ])
            #expect(created.status == .seeOther)
            let page = try await admin.get("/a/day-one")
            #expect(page.text.contains("id=\"checklist-progress\"") && page.text.contains("data-checklist=\"/a/day-one/checklist\""))
            let state = try await admin.get("/a/day-one/checklist.json")
            #expect(state.headers[.cacheControl] == "no-store")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(state.text.utf8)) as? [String: Any])
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count == 2 && json["done"] as? Int == 0 && json["canTick"] as? Bool == true)
            let key = try #require(items.first?["key"] as? String)
            let ticked = try await admin.postForm("/a/day-one/checklist", [("item", key), ("checked", "1")])
            #expect(ticked.status == .ok && ticked.text.contains("\"done\":1"))
            let everyone = try await admin.get("/a/day-one/checklist")
            #expect(everyone.status == .ok && everyone.text.contains("1 of 2 done"))
            #expect(try await admin.postForm("/a/day-one/checklist", [("item", "not-an-item"), ("checked", "1")]).status == .notFound)
        }
    }
}
