import Foundation
import Hummingbird
import LoreCore

/// The administrators' backup page: the backups in the folder, the schedule, and a button to
/// make one now. Restoring stays on the command line, where the server can be stopped first.
struct BackupController {
    let services: AppServices
    let backups: Backups?
    let interval: TimeInterval?
    let keep: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/backups", use: list)
        router.post("/admin/backups", use: create)
    }

    struct Row {
        let name: String
        let made: String
        let size: String
    }

    struct PageView {
        let intro: String
        let folder: String?
        let schedule: String?
        let stale: Bool
        let rows: [Row]
        let unavailable: Bool
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdministrator(context)
        let t = context.translations
        let archives = await backups?.list() ?? []
        let view = PageView(
            intro: t["backups_intro"],
            folder: backups.map { t.format("backups_folder", ["folder": $0.directory.path]) },
            schedule: backups == nil ? nil : schedule(t),
            stale: archives.first.map { Date().timeIntervalSince($0.createdAt) > 2 * (interval ?? .infinity) } ?? false,
            rows: archives.map { Row(name: $0.url.lastPathComponent, made: DisplayDate.format($0.createdAt, t.language), size: AttachmentRow.size($0.size)) },
            unavailable: backups == nil)
        return try await services.renderPage("admin-backups", view, title: t["backups"], request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdministrator(context)
        guard let backups else { throw NotFound() }
        _ = try await backups.create(by: context.requirePrincipal())
        try await backups.prune(keep: keep)
        return .redirect(to: "/admin/backups?notice=backup_made", type: .normal)
    }

    private func schedule(_ t: Translations) -> String {
        guard let interval else { return t["backups_schedule_off"] }
        let every = switch interval {
        case 86_400: t["backups_every_day"]
        case 7 * 86_400: t["backups_every_week"]
        default: t.format("backups_every_hours", ["n": String(Int(interval / 3600))])
        }
        return t.format("backups_schedule", ["every": every, "keep": String(keep)])
    }

    /// The whole database leaves through a backup: only administrators see this page.
    private static func requireAdministrator(_ context: AppRequestContext) throws {
        guard try context.requirePrincipal().isAdministrator else { throw NotFound() }
    }
}
