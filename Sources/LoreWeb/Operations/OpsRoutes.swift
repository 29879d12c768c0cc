import Foundation
import Hummingbird
import LoreCore
import NIOCore

/// `/healthz` for load balancers and `/metrics` for Prometheus, outside the web's sessions.
/// Metrics need `Authorization: Bearer <--metrics-token>`; without a token configured they are
/// answered only on the loopback address, for a scraper on the same machine.
struct OpsRoutes {
    let database: AppDatabase
    let metrics: RequestMetrics
    let metricsToken: String?
    let dataFile: URL?
    let backups: Backups?

    func router() -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.addMiddleware { SecurityHeadersMiddleware() }
        router.get("/healthz", use: health)
        router.get("/metrics", use: scrape)
        return router
    }

    @Sendable func health(request: Request, context: AppRequestContext) async throws -> Response {
        let answers = (try? await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
        let body = answers ? #"{"status":"ok","database":"ok"}"# : #"{"status":"failing","database":"not answering"}"#
        return Response(status: answers ? .ok : .serviceUnavailable,
                        headers: [.contentType: "application/json", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    @Sendable func scrape(request: Request, context: AppRequestContext) async throws -> Response {
        guard allowed(request, context) else { throw HTTPError(.notFound) }
        let counts = try await database.reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE deletedAt IS NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM client WHERE deletedAt IS NULL") ?? 0)
        }
        metrics.gauge("articles", "Live articles", Double(counts.0))
        metrics.gauge("clients", "Client cards not in the trash", Double(counts.1))
        if let dataFile {
            let size = ["", "-wal"].compactMap { try? URL(fileURLWithPath: dataFile.path + $0).resourceValues(forKeys: [.fileSizeKey]).fileSize }
            metrics.gauge("database_bytes", "Size of the database and its write-ahead log", Double(size.reduce(0, +)))
        }
        if let newest = await backups?.list().first {
            metrics.gauge("backup_age_seconds", "Seconds since the newest backup was made", Date().timeIntervalSince(newest.createdAt))
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
    }

    private func allowed(_ request: Request, _ context: AppRequestContext) -> Bool {
        if let metricsToken {
            guard let sent = ApiAuthMiddleware.bearer(request.headers[.authorization]) else { return false }
            return CSRFMiddleware.constantTimeEquals(sent, metricsToken)
        }
        return ["127.0.0.1", "::1"].contains(context.clientAddress)
    }
}
