import Foundation
import Hummingbird
import LoreCore

/// The e-mail queue for administrators: what waits, what failed and why, what went out, a test
/// e-mail to oneself and sending a failed one again.
struct MailAdminController {
    let services: AppServices
    let enabled: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/mail", use: queue)
        router.post("/admin/mail/test", use: test)
        router.post("/admin/mail/:id/retry", use: retry)
    }

    struct Row {
        let id: Int64
        let address: String
        let kind: String
        let when: String
        let attempts: Int
        let error: String
        let retryURL: String?
    }

    struct Section {
        let id: String
        let title: String
        let rows: [Row]
    }

    struct QueueView {
        let enabled: Bool
        let sections: [Section]
    }

    @Sendable func queue(request: Request, context: AppRequestContext) async throws -> Response {
        let overview = try await services.mailQueue.overview(by: context.requirePrincipal())
        let t = context.translations
        func rows(_ mails: [OutgoingMail], date: (OutgoingMail) -> Date, retry: Bool = false) -> [Row] {
            mails.map { mail in
                Row(id: mail.id ?? 0, address: mail.address, kind: t["mail_kind_\(mail.kind.rawValue)"],
                    when: DisplayDate.format(date(mail), context.language), attempts: mail.attempts, error: mail.lastError,
                    retryURL: retry ? "/admin/mail/\(mail.id ?? 0)/retry" : nil)
            }
        }
        let view = QueueView(enabled: enabled, sections: [
            Section(id: "waiting", title: t["mail_waiting"], rows: rows(overview.waiting, date: \.nextAttemptAt)),
            Section(id: "failed", title: t["mail_failed"], rows: rows(overview.failed, date: { $0.failedAt ?? $0.createdAt }, retry: true)),
            Section(id: "sent", title: t["mail_sent"], rows: rows(overview.sent, date: { $0.sentAt ?? $0.createdAt })),
        ])
        return try await services.renderPage("admin-mail", view, title: t["mail_queue"], request: request, context: context)
    }

    @Sendable func test(request: Request, context: AppRequestContext) async throws -> Response {
        do {
            try await services.mailQueue.queueTest(by: context.requirePrincipal())
        } catch is ValidationError {
            throw HTTPError(.unprocessableContent, message: context.translations["mail_test_no_address"])
        }
        return .redirect(to: "/admin/mail?notice=test_mail_queued")
    }

    @Sendable func retry(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.mailQueue.retry(context.parameters.number("id"), by: context.requirePrincipal())
        return .redirect(to: "/admin/mail?notice=mail_retried")
    }
}
