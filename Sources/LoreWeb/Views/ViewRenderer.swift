import Hummingbird
import Mustache

/// Renders the Mustache templates in `Templates/` into HTML responses.
struct ViewRenderer: Sendable {
    let library: MustacheLibrary

    init(templatesDirectory: String) async throws {
        library = try await MustacheLibrary(directory: templatesDirectory)
        // Fail at start-up, not on the first request, when the templates are not where they should be.
        guard library.getTemplate(named: "layout") != nil else {
            throw MissingTemplate(name: "layout", directory: templatesDirectory)
        }
    }

    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var directory = ""

        var description: String { "The template '\(name)' was not found in '\(directory)'." }
    }

    /// A template that is a whole document of its own (a feed), without the page chrome.
    func renderDocument(_ template: String, _ content: Any, contentType: String) throws -> Response {
        guard let text = library.render(TemplateData.flatten(content) as Any, withTemplate: template) else { throw MissingTemplate(name: template) }
        return Response(
            status: .ok,
            headers: [.contentType: contentType, .cacheControl: "private, no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func render<Content>(_ template: String, _ page: Page<Content>, status: HTTPResponse.Status = .ok) throws -> Response {
        let html = try html(template, page)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func html<Content>(_ template: String, _ page: Page<Content>) throws -> String {
        guard let html = library.render(TemplateData.flatten(page) as Any, withTemplate: template) else { throw MissingTemplate(name: template) }
        return html
    }

    /// Renders the page once with the cache's markers in place of the reader's own values, keeps
    /// it, and answers with those values filled in.
    func render<Content>(_ template: String, _ page: Page<Content>, caching key: PageCache.Key?, in cache: PageCache, generation: Int,
                         context: AppRequestContext) throws -> Response {
        guard let key else { return try render(template, page) }
        var shared = page
        shared.csrf = cache.csrfMarker
        if shared.chrome.userName != nil { shared.chrome.userName = cache.userNameMarker }
        if shared.chrome.bell != nil { shared.chrome.bell = cache.bellMarker }
        return cache.store(try html(template, shared), generation: generation, as: key, context: context)
    }
}
