import Foundation

/// Slows down password guessing. Attempts for one account, and from one address, are checked
/// one at a time, so guesses sent in parallel queue up behind each other; after a few failures
/// each waits longer, up to a ceiling, and the count fades with time. A queue that is already
/// long refuses at once. There is no lock-out, so nobody can shut a colleague out by failing on
/// purpose; and a success clears only its own account-and-address record, so signing in to one's
/// own account does not reset the count of guesses at someone else's.
public actor LoginThrottle {
    private struct Record {
        var failures: Int
        var last: Date
    }

    /// Who tries what from where; each attempt is known by all three.
    public struct Attempt: Sendable {
        let account: String
        let address: String
        var keys: [String] { ["account:" + account, "address:" + address] }
        var pair: String { "pair:" + account + "@" + address }

        public init(account: String, address: String) {
            self.account = account
            self.address = address
        }
    }

    private var records: [String: Record] = [:]
    /// Accounts signed in to from an address lately: the account's own failure count (other
    /// people's guesses) does not slow its owner down there.
    private var knownGood: [String: Date] = [:]
    private var busy: Set<String> = []
    private var waiting: [(keys: [String], continuation: CheckedContinuation<Void, Never>)] = []
    let freeAttempts: Int
    let maxDelay: TimeInterval
    let forgetAfter: TimeInterval
    let maxQueued: Int

    public init(freeAttempts: Int = 3, maxDelay: TimeInterval = 20, forgetAfter: TimeInterval = 15 * 60, maxQueued: Int = 4) {
        self.freeAttempts = freeAttempts
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
        self.maxQueued = maxQueued
    }

    /// Waits until no other attempt for this account or from this address is being checked, and
    /// then as long as the failures so far ask; false, at once, when too many wait already.
    /// After true, the caller must call ``finished(_:succeeded:)``.
    public func admit(_ attempt: Attempt, now: @Sendable () -> Date = Date.init) async -> Bool {
        let keys = attempt.keys
        while keys.contains(where: busy.contains) {
            let queued = keys.map { key in waiting.count { $0.keys.contains(key) } }.max() ?? 0
            guard queued < maxQueued else { return false }
            await withCheckedContinuation { waiting.append((keys, $0)) }
        }
        busy.formUnion(keys)
        let wait = delay(for: attempt, now: now())
        if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
        return true
    }

    public func finished(_ attempt: Attempt, succeeded: Bool, now: Date = Date()) {
        if succeeded {
            records[attempt.pair] = nil
            knownGood[attempt.pair] = now
        } else {
            for key in attempt.keys + [attempt.pair] {
                var record = records[key].flatMap { now.timeIntervalSince($0.last) < forgetAfter ? $0 : nil } ?? Record(failures: 0, last: now)
                record.failures += 1
                record.last = now
                records[key] = record
            }
        }
        if records.count > 10_000 { records = records.filter { now.timeIntervalSince($0.value.last) < forgetAfter } }
        if knownGood.count > 10_000 { knownGood = knownGood.filter { now.timeIntervalSince($0.value) < 30 * 86_400 } }
        busy.subtract(attempt.keys)
        // Everyone waiting on these keys looks again; those still blocked queue up anew.
        let (woken, still) = (waiting.filter { !Set($0.keys).isDisjoint(with: attempt.keys) },
                              waiting.filter { Set($0.keys).isDisjoint(with: attempt.keys) })
        waiting = still
        for waiter in woken { waiter.continuation.resume() }
    }

    /// How long this attempt waits before its password is checked.
    func delay(for attempt: Attempt, now: Date) -> TimeInterval {
        var keys = ["address:" + attempt.address, attempt.pair]
        if knownGood[attempt.pair].map({ now.timeIntervalSince($0) < 30 * 86_400 }) != true { keys.append("account:" + attempt.account) }
        let failures = keys.map { key -> Int in
            guard let record = records[key], now.timeIntervalSince(record.last) < forgetAfter else { return 0 }
            return record.failures
        }.max() ?? 0
        guard failures >= freeAttempts else { return 0 }
        return min(maxDelay, pow(2, Double(failures - freeAttempts)))
    }
}
