import Foundation
import Hummingbird
import LoreCore

/// An API error as RFC 9457 problem details, with a `code` that programs may rely on.
/// Thrown by the API's controllers and middleware; ``ApiErrorMiddleware`` writes it out.
struct ApiProblem: Error, Encodable, Sendable {
    struct FieldError: Encodable, Sendable {
        let field: String
        let code: String
        let message: String
    }

    let type: String
    let title: String
    let status: Int
    let code: String
    var detail: String?
    var requestId: String?
    var errors: [FieldError]?
    /// Extra members (the two versions of an edit conflict), written beside the standard ones.
    var extra: (any Encodable & Sendable)?
    /// Headers the answer needs besides the content type (`WWW-Authenticate`, `Retry-After`).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, detail: String? = nil, errors: [FieldError]? = nil) {
        self.type = "https://lore.invalid/problems/\(code)"
        self.title = status.reasonPhrase
        self.status = status.code
        self.code = code
        self.detail = detail
        self.errors = errors
    }

    static let notFound = ApiProblem(.notFound, "not_found")
    static let forbidden = ApiProblem(.forbidden, "forbidden")

    static func badRequest(_ detail: String) -> ApiProblem { ApiProblem(.badRequest, "bad_request", detail: detail) }

    /// A query parameter that cannot be used, reported like a form field.
    static func invalidParameter(_ name: String, _ message: String) -> ApiProblem {
        ApiProblem(.badRequest, "invalid_parameter", errors: [FieldError(field: name, code: "invalid", message: message)])
    }

    /// Where the API's names for a property differ from the web form's.
    static let fieldNames = ["body": "markdown", "category": "categoryId", "parent": "parentId", "contact": "contactId"]

    static func validation(_ error: ValidationError, t: Translations) -> ApiProblem {
        let errors = error.fields.map { (field: fieldNames[$0.key] ?? $0.key, problem: $0.value) }.sorted { $0.field < $1.field }
            .map { FieldError(field: $0.field, code: $0.problem.apiCode, message: t.message(for: $0.problem)) }
        return ApiProblem(.unprocessableContent, "validation_failed", errors: errors)
    }

    private enum CodingKeys: String, CodingKey {
        case type, title, status, code, detail, requestId, errors
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encodeIfPresent(requestId, forKey: .requestId)
        try container.encodeIfPresent(errors, forKey: .errors)
        try extra?.encode(to: encoder)
    }
}

extension ValidationError.Problem {
    /// The stable name of the problem in the API's field errors.
    var apiCode: String {
        switch self {
        case .required: "required"
        case .tooLong: "too_long"
        case .invalidText: "invalid_text"
        case .duplicate: "duplicate"
        case .invalidSlug: "invalid_slug"
        case .notFound: "not_found"
        case .wouldCreateLoop: "would_create_loop"
        case .tooShort: "too_short"
        case .tooCommon: "too_common"
        case .unresolvedConflict: "unresolved_conflict"
        case .invalidEmail: "invalid_email"
        case .invalidPhone: "invalid_phone"
        case .invalidWebsite: "invalid_website"
        case .invalidRequisite: "invalid_requisite"
        case .invalidDate: "invalid_date"
        case .invalidNumber: "invalid_number"
        }
    }
}
