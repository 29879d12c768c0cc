import Foundation
import Hummingbird
import LoreCore
import NIOCore

/// The JSON API's router: its own middleware (no cookies, no CSRF, problem+json errors), the
/// public OpenAPI document, and behind a personal token every resource.
struct ApiRoutes {
    let services: AppServices
    let tokens: ApiTokenService
    let principals: PrincipalLoader
    let rateLimit: Int
    let openAPIDocument: URL

    func router() throws -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.addMiddleware {
            SecurityHeadersMiddleware()
            LanguageMiddleware()
            ApiErrorMiddleware()
        }
        let account = ApiAccountController(services: services, openAPIDocument: try Data(contentsOf: openAPIDocument))
        account.addPublicRoutes(to: router)
        let secured = router.group().add(middleware: ApiAuthMiddleware(tokens: tokens, principals: principals, limiter: ApiRateLimiter(perMinute: rateLimit)))
        account.addRoutes(to: secured)
        ApiCategoryController(services: services).addRoutes(to: secured)
        ApiArticleController(services: services).addRoutes(to: secured)
        ApiHistoryController(services: services).addRoutes(to: secured)
        ApiAcknowledgementController(services: services).addRoutes(to: secured)
        ApiStewardshipController(services: services).addRoutes(to: secured)
        ApiApprovalController(services: services).addRoutes(to: secured)
        ApiSearchController(services: services).addRoutes(to: secured)
        ApiClientController(services: services).addRoutes(to: secured)
        ApiClientFieldsController(services: services).addRoutes(to: secured)
        ApiClientSalesController(services: services).addRoutes(to: secured)
        ApiTaskController(services: services).addRoutes(to: secured)
        ApiClientPeopleController(services: services).addRoutes(to: secured)
        ApiFileController(services: services).addRoutes(to: secured)
        return router
    }
}
