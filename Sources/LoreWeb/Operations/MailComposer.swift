import Foundation
import LoreCore

/// Writes each queued e-mail when it is sent, in its recipient's language, saying only what
/// they may read at that moment (and for confidential pages no more than what, who and where).
struct MailComposer: Sendable {
    let notifications: NotificationService
    let unsubscribe: UnsubscribeLink
    let settings: MailSettings

    /// Nil when nothing is left to say: the recipient may no longer see what it was about.
    func message(for mail: OutgoingMail) async throws -> MailMessage? {
        guard let userId = mail.userId else { return nil }
        let ids: [Int64]
        switch mail.kind {
        case .notification: ids = mail.notificationId.map { [$0] } ?? []
        case .digest: ids = mail.payload.split(separator: ",").compactMap { Int64($0) }
        case .invitation, .passwordReset, .test: ids = []
        }
        guard let (user, items) = try await notifications.mailable(ids, to: userId) else { return nil }
        let t = (Language(rawValue: user.language) ?? .ru).translations
        let body: (subject: String, lines: [Line], unsubscribe: NotificationKind?)
        switch mail.kind {
        case .notification:
            guard let shown = items.first else { return nil }
            body = (NotificationLine.text(shown, t), [line(shown, t)], shown.entry.kind)
        case .digest:
            guard !items.isEmpty else { return nil }
            body = (t.plural("digest_subject", items.count), items.map { line($0, t) }, nil)
        case .invitation, .passwordReset:
            guard !mail.payload.isEmpty else { return nil }
            let key = mail.kind == .invitation ? "mail_invitation" : "mail_reset"
            let days = String(Int(UserAdministration.linkLifetime / 86_400))
            body = (t["\(key)_subject"], [Line(text: t.format("\(key)_text", ["username": user.username, "days": days]), excerpt: nil,
                                                link: settings.publicURL + mail.payload)], nil)
        case .test:
            body = (t["mail_test_subject"], [Line(text: t.format("mail_test_text", ["url": settings.publicURL]), excerpt: nil,
                                                  link: settings.publicURL)], nil)
        }
        var stop: String?
        if let kind = body.unsubscribe { stop = settings.publicURL + (try await unsubscribe.path(userId: userId, kind: kind)) }
        return MailMessage(from: settings.from, to: mail.address, subject: "Lore: " + body.subject,
                           text: text(body.lines, stop: stop, t), html: html(body.lines, stop: stop, t), messageId: mail.messageId,
                           unsubscribe: stop)
    }

    struct Line {
        let text: String
        let excerpt: String?
        let link: String
    }

    private func line(_ shown: NotificationService.Shown, _ t: Translations) -> Line {
        let excerpt = shown.isConfidential || shown.entry.excerpt.isEmpty ? nil : shown.entry.excerpt
        return Line(text: NotificationLine.text(shown, t), excerpt: excerpt, link: settings.publicURL + shown.link)
    }

    private func text(_ lines: [Line], stop: String?, _ t: Translations) -> String {
        var text = lines.map { line in
            [line.text, line.excerpt.map { "> " + $0 }, line.link].compactMap { $0 }.joined(separator: "\n")
        }.joined(separator: "\n\n")
        text += "\n\n-- \n" + t["mail_footer"] + "\n" + settings.publicURL + "/me#notifications"
        if let stop { text += "\n" + t["mail_unsubscribe"] + ": " + stop }
        return text + "\n"
    }

    private func html(_ lines: [Line], stop: String?, _ t: Translations) -> String {
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
        for line in lines {
            html += "<p>\(line.text.htmlEscaped)</p>"
            if let excerpt = line.excerpt { html += "<blockquote style=\"color:#444;border-left:3px solid #ccc;margin:0;padding-left:8px\">\(excerpt.htmlEscaped)</blockquote>" }
            html += "<p><a href=\"\(line.link.htmlEscaped)\">\(t["mail_open"].htmlEscaped)</a></p>"
        }
        html += "<hr><p style=\"color:#666;font-size:small\">\(t["mail_footer"].htmlEscaped) "
            + "<a href=\"\((settings.publicURL + "/me#notifications").htmlEscaped)\">\(t["mail_settings"].htmlEscaped)</a>"
        if let stop { html += " · <a href=\"\(stop.htmlEscaped)\">\(t["mail_unsubscribe"].htmlEscaped)</a>" }
        return html + "</p></body></html>"
    }
}
