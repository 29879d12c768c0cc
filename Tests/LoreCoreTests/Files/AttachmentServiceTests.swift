import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Uploads stream to a content-addressed store, fail without leaving anything, and are exactly
/// as private as the page they belong to.
@Suite struct AttachmentServiceTests {
    struct Chunks: AsyncSequence, Sendable {
        let pieces: [[UInt8]]
        /// Throws after this many pieces, as a dropped connection does.
        var failAfter: Int? = nil

        struct Broken: Error {}

        struct AsyncIterator: AsyncIteratorProtocol {
            var pieces: [[UInt8]]
            var failAfter: Int?
            var sent = 0

            mutating func next() async throws -> [UInt8]? {
                if let failAfter, sent == failAfter { throw Broken() }
                guard sent < pieces.count else { return nil }
                sent += 1
                return pieces[sent - 1]
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pieces: pieces, failAfter: failAfter) }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)

    func setUp(limit: Int = 1 << 20) async throws -> (TestWorld, AttachmentService, Article) {
        let world = try await TestWorld()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lore-test-files-\(UUID().uuidString)")
        let service = AttachmentService(database: world.database, store: FileStore(root: root), limit: limit)
        let article = try await world.article("Office map", in: world.category("Company"))
        return (world, service, article)
    }

    func storedFiles(_ service: AttachmentService) -> [String] {
        let paths = FileManager.default.enumerator(atPath: service.store.root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { path in
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: service.store.root.appendingPathComponent(path).path, isDirectory: &directory) && !directory.boolValue
        }
    }

    @Test func theSameBytesAreStoredOnceAndNamesStayUnique() async throws {
        let (world, service, article) = try await setUp()
        let first = try await service.upload(Chunks(pieces: [Self.png]), name: "map.png", to: .article(slug: article.slug), by: world.principal)
        let second = try await service.upload(Chunks(pieces: [Array(Self.png.prefix(50)), Array(Self.png.dropFirst(50))]), name: "map.png",
                                              to: .article(slug: article.slug), by: world.principal)
        #expect(first.digest == second.digest && first.size == Self.png.count)
        #expect(second.name == "map (2).png", "a second file of the same name gets a name of its own")
        #expect(first.contentType == "image/png" && first.isInlineImage)
        #expect(storedFiles(service).count == 1)
    }

    @Test func anUploadPastTheLimitOrCutOffLeavesNothing() async throws {
        let (world, service, article) = try await setUp(limit: 100)
        await #expect(throws: FileStore.TooLarge.self) {
            try await service.upload(Chunks(pieces: [Array(repeating: 1, count: 60), Array(repeating: 2, count: 60)]), name: "big.bin",
                                     to: .article(slug: article.slug), by: world.principal)
        }
        await #expect(throws: Chunks.Broken.self) {
            try await service.upload(Chunks(pieces: [[1, 2, 3], [4, 5]], failAfter: 1), name: "cut.bin", to: .article(slug: article.slug),
                                     by: world.principal)
        }
        #expect(storedFiles(service).isEmpty, "no partial file")
        #expect(try await world.database.reader.read { db in try Attachment.fetchCount(db) } == 0, "no row")
    }

    @Test func hostileNamesAndContentsAreTamed() async throws {
        let (world, service, article) = try await setUp()
        let owner = AttachmentOwner.article(slug: article.slug)
        let html = try await service.upload(Chunks(pieces: [Array("<html><script>alert(1)</script>".utf8)]), name: "photo.png", to: owner, by: world.principal)
        #expect(html.contentType == "text/html" && !html.isInlineImage, "the content decides, not the name")
        let svg = try await service.upload(Chunks(pieces: [Array("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".utf8)]),
                                           name: "logo.svg", to: owner, by: world.principal)
        #expect(svg.contentType == "image/svg+xml" && !svg.isInlineImage, "SVG can hold script: never inline")
        let escaped = try await service.upload(Chunks(pieces: [[1]]), name: "../../etc/passwd", to: owner, by: world.principal)
        #expect(escaped.name == "passwd")
        let quoted = try await service.upload(Chunks(pieces: [[1]]), name: "a\"b\r\nContent-Type: text/html\u{202E}gnp.exe", to: owner, by: world.principal)
        #expect(!quoted.name.contains("\"") && !quoted.name.contains("\n") && !quoted.name.contains("\r") && !quoted.name.contains("\u{202E}"))
        let dotted = try await service.upload(Chunks(pieces: [[1]]), name: "...", to: owner, by: world.principal)
        #expect(dotted.name == "file")
    }

    @Test func filesAreAsPrivateAsTheirPage() async throws {
        let (world, service, article) = try await setUp()
        let hidden = try await world.category("Hidden")
        let secret = try await world.article("Secret plan", in: hidden)
        let employee = try #require(try await world.roles.roles().first { $0.kind == .employee })
        try await world.grant(AccessLevel.none, to: employee, on: hidden)
        try await world.grant(.read, to: employee, on: try await world.categories.category(id: article.categoryId, for: world.principal))
        let reader = try await world.user("reader")
        let open = try await service.upload(Chunks(pieces: [Self.png]), name: "map.png", to: .article(slug: article.slug), by: world.principal)
        let closed = try await service.upload(Chunks(pieces: [Self.png]), name: "plan.png", to: .article(slug: secret.slug), by: world.principal)
        #expect(try await service.file(id: open.id!, for: reader).attachment.name == "map.png")
        await #expect(throws: NotFound.self) { try await service.file(id: closed.id!, for: reader) }
        await #expect(throws: NotFound.self) { try await service.attachments(of: .article(slug: secret.slug), for: reader) }
        await #expect(throws: NotFound.self) {
            try await service.upload(Chunks(pieces: [[1]]), name: "x", to: .article(slug: secret.slug), by: reader)
        }
        await #expect(throws: AccessDenied.self) {
            try await service.upload(Chunks(pieces: [[1]]), name: "x", to: .article(slug: article.slug), by: reader)
        }
        // A trashed page takes its files with it.
        try await world.articles.delete(id: article.id!, by: world.principal)
        await #expect(throws: NotFound.self) { try await service.file(id: open.id!, for: world.principal) }
    }

    @Test func anOldRevisionStillShowsTheImageItWasSavedWith() async throws {
        let (world, service, article) = try await setUp()
        let owner = AttachmentOwner.article(slug: article.slug)
        let old = try await service.upload(Chunks(pieces: [Self.png]), name: "map.png", to: owner, by: world.principal)
        let saved = try await world.articles.save(id: article.id!, ArticleDraft(title: article.title, categoryId: article.categoryId,
                                                                                body: "![Map](file:map.png)"),
                                                  baseRevision: nil, by: world.principal)
        #expect(saved.html.contains("src=\"/files/\(old.id!)/map.png\""))
        _ = try await service.delete(id: old.id!, by: world.principal)
        let new = try await service.upload(Chunks(pieces: [Self.png + [1]]), name: "map.png", to: owner, by: world.principal)
        #expect(new.name == "map.png", "the name is free again once the old file is deleted")
        let revision = try await world.articles.preview("![Map](file:map.png)", article: article.id, revision: saved.revision, for: world.principal)
        #expect(revision.html.contains("/files/\(old.id!)/map.png"), "the revision uses the file it was saved with")
        let current = try await world.articles.preview("![Map](file:map.png)", article: article.id, for: world.principal)
        #expect(current.html.contains("/files/\(new.id!)/map.png"))
        // The deleted file is still served, to those who may see the history.
        #expect(try await service.file(id: old.id!, for: world.principal).attachment.deletedAt != nil)
        let missing = try await world.articles.preview("![Gone](file:nothing.png)", article: article.id, for: world.principal)
        #expect(missing.html.contains("src=\"\""), "an unknown name points nowhere")
    }
}

extension AttachmentServiceTests {
    @Test func purgingAnArticleRemovesItsFilesButNotBytesOthersUse() async throws {
        let (world, service, article) = try await setUp()
        let other = try await world.article("Other", in: world.category("Elsewhere"))
        _ = try await service.upload(Chunks(pieces: [Self.png]), name: "shared.png", to: .article(slug: article.slug), by: world.principal)
        _ = try await service.upload(Chunks(pieces: [Self.png]), name: "shared.png", to: .article(slug: other.slug), by: world.principal)
        let own = try await service.upload(Chunks(pieces: [[9, 9, 9]]), name: "own.bin", to: .article(slug: article.slug), by: world.principal)
        try await world.articles.delete(id: article.id!, by: world.principal)
        try await world.articles.purge(id: article.id!, by: world.principal)
        #expect(try await world.database.reader.read { db in try Attachment.fetchCount(db) } == 1)
        // Files younger than an hour are spared: age them as if the purge came later.
        for name in storedFiles(service) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)],
                                                  ofItemAtPath: service.store.root.appendingPathComponent(name).path)
        }
        #expect(try await service.removeUnusedFiles() == 1)
        #expect(!FileManager.default.fileExists(atPath: service.store.path(of: own.digest).path))
        #expect(storedFiles(service).count == 1, "the bytes the other article uses stay")
    }
}
