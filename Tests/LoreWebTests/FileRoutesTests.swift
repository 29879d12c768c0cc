import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Attachments over HTTP: what a download says about itself, conditional and partial requests,
/// the size limit, and images in the saved page.
@Suite struct FileRoutesTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 992)

    static func upload(_ browser: Browser, _ bytes: [UInt8], name: String, to owner: String = "/a/vacations") async throws -> (status: HTTPResponse.Status, url: String) {
        let response = try await browser.postFile("\(owner)/files?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", bytes)
        let url = response.text.firstMatch(of: #/"url":"([^"]+)"/#).map { String($0.1) } ?? ""
        return (response.status, url)
    }

    @Test func imagesShowInlineAndEverythingElseDownloadsUnderASandbox() async throws {
        try await TestApp.run { admin in
            let image = try await Self.upload(admin, Self.png, name: "map.png")
            #expect(image.status == .created)
            let shown = try await admin.get(image.url)
            #expect(shown.status == .ok && shown.headers[.contentType] == "image/png")
            #expect(shown.headers[.contentDisposition]?.hasPrefix("inline;") == true)
            #expect(shown.headers[.cacheControl]?.contains("private") == true)
            #expect(shown.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let page = try await Self.upload(admin, Array("<!doctype html><script>alert(1)</script>".utf8), name: "innocent.png")
            let served = try await admin.get(page.url)
            #expect(served.headers[.contentType] == "text/html")
            #expect(served.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(served.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            let named = try await Self.upload(admin, [1, 2, 3], name: "отчёт \"Q3\"\r\nX-Evil: 1.pdf")
            let disposition = try #require(try await admin.get(named.url).headers[.contentDisposition])
            #expect(!disposition.contains("\r") && !disposition.contains("\n") && disposition.contains("filename*=UTF-8''"))
        }
    }

    @Test func downloadsAnswerETagsAndRanges() async throws {
        try await TestApp.run { admin in
            let file = try await Self.upload(admin, Self.png, name: "map.png")
            let whole = try await admin.get(file.url)
            let etag = try #require(whole.headers[.eTag])
            #expect(try await admin.get(file.url, headers: [.ifNoneMatch: etag]).status == .notModified)
            let part = try await admin.get(file.url, headers: [.range: "bytes=8-15"])
            #expect(part.status == .partialContent && part.headers[.contentRange] == "bytes 8-15/1000")
            #expect(Array(part.body.readableBytesView) == Array(repeating: 0x42, count: 8))
            let tail = try await admin.get(file.url, headers: [.range: "bytes=-4"])
            #expect(tail.headers[.contentRange] == "bytes 996-999/1000")
            #expect(try await admin.get(file.url, headers: [.range: "bytes=5000-"]).status == .rangeNotSatisfiable)
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithAClearMessage() async throws {
        let app = try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path,
            contentDirectory: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: TestApp.adminPassword, inMemory: true, demoAccounts: false, passwordCost: 4, uploadLimitMiB: 1, logLevel: .critical))
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let response = try await admin.postFile("/a/vacations/files?name=big.bin", Array(repeating: 0, count: (1 << 20) + 1))
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("1 MiB"))
            #expect(try await admin.postFile("/a/vacations/files?name=ok.bin", Array(repeating: 0, count: 1 << 20)).status == .created)
        }
    }

    @Test func aSavedPageShowsItsImagesAndListsItsFiles() async throws {
        try await TestApp.run { admin in
            let file = try await Self.upload(admin, Self.png, name: "office map.png")
            let saved = try await admin.postForm("/a/vacations/edit", EditingRoutesTests.articleFields(
                title: "Vacations", body: "Where we sit:\n\n![Office](file:office%20map.png)", summary: "", base: "1"))
            #expect(saved.status == .seeOther)
            let page = try await admin.get("/a/vacations")
            #expect(page.text.contains("<img src=\"\(file.url)\" alt=\"Office\""))
            #expect(page.text.contains("id=\"attachment-list\"") && page.text.contains("office map.png"))
        }
    }
}
