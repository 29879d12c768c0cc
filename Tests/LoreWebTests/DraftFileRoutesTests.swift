import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Images pasted into a page before its first save wait in the writer's draft folder: only
/// they can see them, and saving the page makes them its attachments.
@Suite struct DraftFileRoutesTests {
    static func sample() async throws -> some ApplicationProtocol {
        try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
            demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical))
    }

    @Test func anImagePastedBeforeTheFirstSaveIsAttachedWhenThePageIsSaved() async throws {
        try await Self.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let form = try await marina.get("/new").text
            let key = try #require(form.firstMatch(of: #/name="files" value="([A-Za-z0-9_-]{43})"/#)).1
            #expect(form.contains("data-upload-url=\"/drafts/\(key)/files\""), "a new page takes files at once")
            let team = try #require(form.firstMatch(of: #/<option value="(\d+)"[^>]*>[^<]*Отдел персонала[^<]*</option>/#)).1

            let uploaded = try await marina.postFile("/drafts/\(key)/files?name=plan.png", FileRoutesTests.png)
            #expect(uploaded.status == .created && uploaded.text.contains("![plan.png](file:plan.png)"))
            let url = try #require(uploaded.text.firstMatch(of: #/"url":"([^"]+)"/#)).1
            #expect(try await marina.get(String(url)).status == .ok)
            #expect(try await sergey.get(String(url)).status == .notFound, "a draft's files are its writer's alone")
            #expect(try await sergey.postFile("/drafts/\(key)/files?name=x.png", FileRoutesTests.png).status == .notFound)

            let preview = try await marina.postForm("/preview", [("body", "![Plan](file:plan.png)"), ("files", String(key))])
            #expect(preview.text.contains("<img src=\"\(url)\" alt=\"Plan\""), "the preview shows the pasted image")
            let othersPreview = try await sergey.postForm("/preview", [("body", "![Plan](file:plan.png)"), ("files", String(key))])
            #expect(!othersPreview.text.contains(String(url)))

            let saved = try await marina.postForm("/new", [
                ("title", "Office plan"), ("category", String(team)), ("body", "Where we sit:\n\n![Plan](file:plan.png)"),
                ("slug", ""), ("files", String(key)),
            ])
            #expect(saved.status == .seeOther)
            let page = try await marina.get("/a/office-plan")
            #expect(page.text.contains("<img src=\"\(url)\" alt=\"Plan\"") && page.text.contains("id=\"attachment-list\""))
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            #expect(try await admin.get(String(url)).status == .ok, "now as readable as the page")
            #expect(try await sergey.get(String(url)).status == .notFound, "and no more: the HR team's pages are HR's")
            #expect(try await marina.postFile("/drafts/\(key)/files?name=late.png", FileRoutesTests.png).status == .created,
                    "a used folder name starts a new folder")
        }
    }

    @Test func malformedFoldersAreMissingAndEmptyFilesRefused() async throws {
        try await Self.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            #expect(try await marina.postFile("/drafts/short/files?name=x.png", FileRoutesTests.png).status == .notFound)
            #expect(try await marina.postFile("/drafts/\(String(repeating: "b", count: 43))/files?name=x.png", []).status == .unprocessableContent)
        }
    }
}
