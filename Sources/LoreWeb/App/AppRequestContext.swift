import Hummingbird
import LoreCore

/// What the middleware learns about a request before a controller sees it.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Who is acting. Until sign-in exists every request acts as the bootstrap administrator.
    var principal: Principal?
    var language: Language = .en

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The acting user, for routes that need one.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw NotFound() }
        return principal
    }

    var translations: Translations { language.translations }
}
