import Foundation
import Hummingbird
import Logging
import LoreCore

/// Turns every error of an API request into `application/problem+json`. Hidden and missing
/// things give the same 404; internals never reach the answer, only a reference to the log line.
struct ApiErrorMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ApiProblem {
            return try ApiJSON.problem(problem)
        } catch {
            return try ApiJSON.problem(Self.problem(for: error, context: context))
        }
    }

    static func problem(for error: any Error, context: AppRequestContext) -> ApiProblem {
        switch error {
        case is NotFound: return .notFound
        case is AccessDenied: return .forbidden
        case let invalid as ValidationError: return .validation(invalid, t: context.translations)
        case let notEmpty as CategoryNotEmpty:
            return ApiProblem(.conflict, "category_not_empty", detail: "The category \"\(notEmpty.title)\" still holds articles or subcategories.")
        case let limit as ClientReadLimitReached:
            return ApiProblem(.tooManyRequests, "client_read_limit",
                              detail: "You have read \(limit.limit) distinct client cards today, the most allowed without the export right. It resets tomorrow.")
        case let tooLarge as FileStore.TooLarge:
            return ApiProblem(.contentTooLarge, "payload_too_large", detail: "The file is larger than \(tooLarge.limit >> 20) MiB.")
        case let http as HTTPError where http.status == .notFound:
            return .notFound
        case let http as HTTPError where http.status == .contentTooLarge:
            return ApiProblem(.contentTooLarge, "payload_too_large")
        case let http as HTTPError where http.status.code < 500:
            return .badRequest(http.body ?? http.status.reasonPhrase)
        default:
            context.logger.error("API request failed", metadata: ["error": "\(String(reflecting: error))"])
            var problem = ApiProblem(.internalServerError, "server_error", detail: "Something went wrong on the server. Quote the request id to its administrator.")
            problem.requestId = context.id
            return problem
        }
    }
}
