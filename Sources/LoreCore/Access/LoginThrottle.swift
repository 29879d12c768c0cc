import Foundation

/// Slows down repeated failed sign-ins, per account and per client address: after a few
/// failures each attempt waits longer, up to a ceiling, and the count fades with time.
/// There is no lock-out, so nobody can shut a colleague out by failing on purpose.
public actor LoginThrottle {
    private struct Record {
        var failures: Int
        var last: Date
    }

    private var records: [String: Record] = [:]
    let freeAttempts: Int
    let maxDelay: TimeInterval
    let forgetAfter: TimeInterval

    public init(freeAttempts: Int = 3, maxDelay: TimeInterval = 20, forgetAfter: TimeInterval = 15 * 60) {
        self.freeAttempts = freeAttempts
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
    }

    /// How long to wait before answering an attempt for these keys.
    public func delay(for keys: [String], now: Date = Date()) -> TimeInterval {
        let failures = keys.map { key -> Int in
            guard let record = records[key], now.timeIntervalSince(record.last) < forgetAfter else { return 0 }
            return record.failures
        }.max() ?? 0
        guard failures >= freeAttempts else { return 0 }
        return min(maxDelay, pow(2, Double(failures - freeAttempts)))
    }

    public func failed(_ keys: [String], now: Date = Date()) {
        for key in keys {
            var record = records[key].flatMap { now.timeIntervalSince($0.last) < forgetAfter ? $0 : nil } ?? Record(failures: 0, last: now)
            record.failures += 1
            record.last = now
            records[key] = record
        }
        if records.count > 10_000 { records = records.filter { now.timeIntervalSince($0.value.last) < forgetAfter } }
    }

    public func succeeded(_ keys: [String]) {
        for key in keys { records[key] = nil }
    }
}
