import Foundation

/// Slows down password guessing. Attempts for one account, and from an address that has failed
/// lately, are checked one at a time, so guesses sent in parallel queue up behind each other; an
/// address without failures (an office behind one NAT, signing in at nine) has a few checked at
/// once and a longer queue, so a morning's rush waits its turn rather than being refused. After a few failures
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
        var keys: [String] { ["account:" + account, addressKey] }
        var addressKey: String { "address:" + address }
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
    /// Attempts being checked, by key.
    private var busy: [String: Int] = [:]
    private var waiting: [(keys: [String], continuation: CheckedContinuation<Void, Never>)] = []
    let freeAttempts: Int
    let maxDelay: TimeInterval
    let forgetAfter: TimeInterval
    let maxQueued: Int
    /// Attempts checked at once, and waiting, from an address without recent failures: enough
    /// for every hashing thread, few enough that a burst of guesses at many accounts is small.
    let cleanAddressWidth: Int
    let cleanAddressQueue: Int

    public init(freeAttempts: Int = 3, maxDelay: TimeInterval = 20, forgetAfter: TimeInterval = 15 * 60, maxQueued: Int = 4,
                cleanAddressWidth: Int = 4, cleanAddressQueue: Int = 64) {
        self.freeAttempts = freeAttempts
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
        self.maxQueued = maxQueued
        self.cleanAddressWidth = cleanAddressWidth
        self.cleanAddressQueue = cleanAddressQueue
    }

    /// Waits until no other attempt for this account or from this address is being checked, and
    /// then as long as the failures so far ask; false, at once, when too many wait already.
    /// After true, the caller must call ``finished(_:succeeded:)``.
    public func admit(_ attempt: Attempt, now: @Sendable () -> Date = Date.init) async -> Bool {
        let keys = attempt.keys
        while true {
            let clean = isClean(attempt.addressKey, now: now())
            let full = keys.filter { (busy[$0] ?? 0) >= (clean && $0 == attempt.addressKey ? cleanAddressWidth : 1) }
            if full.isEmpty { break }
            for key in full {
                let limit = clean && key == attempt.addressKey ? cleanAddressQueue : maxQueued
                guard waiting.count(where: { $0.keys.contains(key) }) < limit else { return false }
            }
            await withCheckedContinuation { waiting.append((keys, $0)) }
        }
        for key in keys { busy[key, default: 0] += 1 }
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
        for key in attempt.keys {
            let remaining = (busy[key] ?? 1) - 1
            busy[key] = remaining > 0 ? remaining : nil
        }
        // Everyone waiting on these keys looks again; those still blocked queue up anew.
        let (woken, still) = (waiting.filter { !Set($0.keys).isDisjoint(with: attempt.keys) },
                              waiting.filter { Set($0.keys).isDisjoint(with: attempt.keys) })
        waiting = still
        for waiter in woken { waiter.continuation.resume() }
    }

    /// No failure from this address lately.
    private func isClean(_ addressKey: String, now: Date) -> Bool {
        records[addressKey].map { now.timeIntervalSince($0.last) >= forgetAfter } ?? true
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
