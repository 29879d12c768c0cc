import GRDB
import Synchronization

/// Counts the committed transactions that changed what pages show (`content`) and those that
/// changed sessions (`sessions`), so that in-memory caches can tell in one comparison whether
/// what they hold may be out of date. API tokens and the audit log change on many requests
/// and show on no cached page.
public final class DatabaseChanges: Sendable {
    private let counts = Mutex((content: 0, sessions: 0))

    static let sessionTable = "session"
    // Client reads are written as cards are shown, confirmations and views as pages are read: no shared page changes with them.
    static let ignoredTables: Set<String> = ["apiToken", "auditEntry", "clientRead", "acknowledgement", "articleView", "grdb_migrations"]

    public init() {}

    /// Goes up by one with each commit that changed anything but sessions, tokens and the audit log.
    public var content: Int { counts.withLock { $0.content } }

    /// Goes up by one with each commit that changed sessions.
    public var sessions: Int { counts.withLock { $0.sessions } }

    func bump(content: Bool, sessions: Bool) {
        counts.withLock { counts in
            if content { counts.content += 1 }
            if sessions { counts.sessions += 1 }
        }
    }

    /// Registered on the database's writer for its lifetime.
    final class Observer: TransactionObserver {
        let changes: DatabaseChanges
        private var content = false
        private var sessions = false

        init(_ changes: DatabaseChanges) {
            self.changes = changes
        }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            !DatabaseChanges.ignoredTables.contains(eventKind.tableName)
        }

        func databaseDidChange(with event: DatabaseEvent) {
            if event.tableName == DatabaseChanges.sessionTable { sessions = true } else { content = true }
        }

        func databaseDidCommit(_ db: Database) {
            if content || sessions { changes.bump(content: content, sessions: sessions) }
            content = false
            sessions = false
        }

        func databaseDidRollback(_ db: Database) {
            content = false
            sessions = false
        }
    }
}
