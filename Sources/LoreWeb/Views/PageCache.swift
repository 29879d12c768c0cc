import Foundation
import Hummingbird
import LoreCore
import NIOCore
import Synchronization

/// Rendered pages kept for the next reader with the same rights. A page is stored with markers
/// where the reader's own name and CSRF token go, and filled in per request; an entry is used
/// only while nothing that pages show has changed since it was rendered (``DatabaseChanges``).
/// The markers carry a secret made at start-up, so no text in an article can ask for them.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        /// What the page is of: its address, e.g. `/a/slug`.
        let page: String
        /// Everything about the reader the page depends on: see ``viewer(_:)``.
        let viewer: String
        let language: Language
    }

    /// A rendered page cut at its markers: text, a reader's value, text, …
    struct Entry: Sendable {
        let generation: Int
        let pieces: [ByteBuffer]
        let fills: [Fill]
        let size: Int
    }

    enum Fill: Sendable {
        case csrf, userName, bell
    }

    private let changes: DatabaseChanges
    private let limit: Int
    private let state = Mutex<(entries: [Key: Entry], bytes: Int)>(([:], 0))
    /// Pages being made: after a change, the many readers of a popular page wait for one
    /// rendering instead of each making their own.
    private let making = Mutex<[Key: Task<Result<Response, any Error>, Never>]>([:])
    let csrfMarker: String
    let userNameMarker: String
    let bellMarker: String

    init(changes: DatabaseChanges, limitBytes: Int = 64 << 20) {
        self.changes = changes
        limit = limitBytes
        let secret = SecretToken.random().filter { $0.isLetter || $0.isNumber }
        csrfMarker = "lore-csrf-\(secret)"
        userNameMarker = "lore-user-\(secret)"
        bellMarker = "lore-bell-\(secret)"
    }

    /// The reader's part of the key: their roles and capabilities — and who they are, when they
    /// see only their own clients. Nil when their pages must not be shared or kept: a user
    /// manager seeing as someone else.
    static func viewer(_ context: AppRequestContext) -> String? {
        guard context.seeingAs == nil, let principal = context.principal else { return nil }
        if principal.isAdministrator { return "admin" }
        var viewer = principal.readerKind + "|"
            + principal.capabilities.map(\.rawValue).sorted().joined(separator: ",")
        if principal.has(.clientsRead), !principal.seesAllClients { viewer += "|\(principal.userId ?? 0)" }
        return viewer
    }

    var generation: Int { changes.content }

    /// The page for this reader, if one rendered since the last change is kept.
    func response(_ key: Key, context: AppRequestContext) -> Response? {
        let generation = changes.content
        guard let entry = state.withLock({ $0.entries[key] }), entry.generation == generation else { return nil }
        return Self.response(entry, context: context)
    }

    /// The page at `page` for this reader: kept, or made by `make`, which is given the key to
    /// keep it under (nil when it must not be kept: a notice in the address is shown once, and
    /// a user manager seeing as someone else shares nothing) and the generation it reads.
    /// `extra` adds to the reader's part of the key what else the page depends on.
    func page(_ page: String, extra: String = "", request: Request, context: AppRequestContext,
              make: @escaping @Sendable (Key?, Int) async throws -> Response) async throws -> Response {
        // Read first: a change while the page is made leaves it stale, and it is not used.
        let generation = changes.content
        guard request.uri.query == nil, let viewer = Self.viewer(context) else { return try await make(nil, generation) }
        let key = Key(page: page, viewer: viewer + extra, language: context.language)
        return try await response(key, context: context) { try await make(key, generation) }
    }

    /// The kept page, or else the one `make` answers with: made once for all who ask at the same
    /// time, each of whom then gets it with their own values. `make` is expected to ``store(_:generation:as:context:)``
    /// the page when it can be shared (not a redirect, not an error).
    func response(_ key: Key, context: AppRequestContext, make: @escaping @Sendable () async throws -> Response) async throws -> Response {
        if let kept = response(key, context: context) { return kept }
        let (task, leads) = making.withLock { tasks in
            if let running = tasks[key] { return (running, false) }
            let task = Task<Result<Response, any Error>, Never> {
                do { return .success(try await make()) } catch { return .failure(error) }
            }
            tasks[key] = task
            return (task, true)
        }
        let result = await task.value
        if leads {
            making.withLock { $0[key] = nil }
            return try result.get()
        }
        if let made = response(key, context: context) { return made }
        return try await make()
    }

    /// Keeps `html` (rendered with the markers) under `key` and answers with it filled in.
    func store(_ html: String, generation: Int, as key: Key, context: AppRequestContext) -> Response {
        let entry = cut(html, generation: generation)
        state.withLock { state in
            if state.bytes + entry.size > limit {
                // Rarely reached: pages of older generations go first, then everything.
                let current = state.entries.filter { $0.value.generation == generation }
                state.entries = current.count * 2 < state.entries.count ? current : [:]
                state.bytes = state.entries.values.reduce(0) { $0 + $1.size }
            }
            if let old = state.entries.updateValue(entry, forKey: key) { state.bytes -= old.size }
            state.bytes += entry.size
        }
        return Self.response(entry, context: context)
    }

    private func cut(_ html: String, generation: Int) -> Entry {
        // Found in the UTF-8 bytes: Foundation's range(of:) read the whole page as UTF-16 for
        // each marker, a tenth of the time of an article page made afresh.
        let bytes = Array(html.utf8)
        let markers = [(Array(csrfMarker.utf8), Fill.csrf), (Array(userNameMarker.utf8), Fill.userName), (Array(bellMarker.utf8), Fill.bell)]
        var pieces: [ByteBuffer] = []
        var fills: [Fill] = []
        var start = 0
        while let (at, marker, fill) = markers.compactMap({ marker, fill in ByteSearch.find(marker, in: bytes, from: start).map { ($0, marker, fill) } })
            .min(by: { $0.0 < $1.0 }) {
            pieces.append(ByteBuffer(bytes: bytes[start..<at]))
            fills.append(fill)
            start = at + marker.count
        }
        pieces.append(ByteBuffer(bytes: bytes[start...]))
        return Entry(generation: generation, pieces: pieces, fills: fills, size: bytes.count)
    }

    private static func response(_ entry: Entry, context: AppRequestContext) -> Response {
        let csrf = context.csrfToken.htmlEscaped
        let userName = (context.principal?.displayName ?? "").htmlEscaped
        let bell = PageBuilder.bell(context)
        var body = ByteBuffer()
        body.reserveCapacity(entry.size + entry.fills.count * 64)
        for (index, piece) in entry.pieces.enumerated() {
            var piece = piece
            body.writeBuffer(&piece)
            if index < entry.fills.count {
                switch entry.fills[index] {
                case .csrf: body.writeString(csrf)
                case .userName: body.writeString(userName)
                case .bell: body.writeString(bell)
                }
            }
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: body))
    }
}
