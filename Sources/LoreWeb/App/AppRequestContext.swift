import Hummingbird
import LoreCore
import NIOCore

/// What the middleware learns about a request before a controller sees it.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Who is acting: the signed-in user, or a guest. Set by ``SessionMiddleware``.
    var principal: Principal?
    /// The signed-in browser's session; nil for guests.
    var session: Session?
    /// Whose rights a user manager is browsing with ("see as"); nil normally.
    var seeingAs: String?
    /// The signed-in user while they see as someone else (``principal`` is then the one seen).
    var viewer: Principal?
    /// The secret that forms of this browser must send back with a change.
    var csrfToken: String = ""
    /// The bell's count for the signed-in reader: see ``BellMiddleware``.
    var unreadNotifications = 0
    var language: Language = .en
    /// The personal token a JSON API request came with; nil on the web.
    var apiToken: ApiToken?

    /// The client's IP address, for the audit log and for slowing down password guessing: the
    /// connection's peer, or the client a trusted proxy names (set by ``LoreResponder``).
    var clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }

    /// The acting principal (a guest when nobody is signed in).
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw NotFound() }
        return principal
    }

    var isGuest: Bool { principal?.isGuest ?? true }

    var translations: Translations { language.translations }
}
