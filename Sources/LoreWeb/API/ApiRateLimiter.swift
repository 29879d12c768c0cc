import Foundation

/// How many requests each token may make: a bucket of `perMinute` that refills evenly, so a
/// program may burst up to the limit and then goes at the refill rate. Kept in memory: a
/// restart forgives everyone, which is harmless for a limit meant to stop runaway scripts.
actor ApiRateLimiter {
    struct Decision: Sendable {
        let allowed: Bool
        let remaining: Int
        /// Whole seconds until one more request is allowed (when refused).
        let retryAfter: Int
    }

    let perMinute: Int
    private var buckets: [Int64: (tokens: Double, at: Date)] = [:]

    /// `perMinute` of 0 turns the limit off.
    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    func take(for tokenId: Int64, now: Date = Date()) -> Decision {
        guard perMinute > 0 else { return Decision(allowed: true, remaining: Int.max, retryAfter: 0) }
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        let (stored, at) = buckets[tokenId] ?? (capacity, now)
        let tokens = min(capacity, stored + max(0, now.timeIntervalSince(at)) * perSecond)
        guard tokens >= 1 else {
            buckets[tokenId] = (tokens, now)
            return Decision(allowed: false, remaining: 0, retryAfter: max(1, Int(((1 - tokens) / perSecond).rounded(.up))))
        }
        buckets[tokenId] = (tokens - 1, now)
        if buckets.count > 10_000 { forgetFullBuckets(now) }
        return Decision(allowed: true, remaining: Int(tokens - 1), retryAfter: 0)
    }

    /// A bucket that has refilled holds nothing worth remembering.
    private func forgetFullBuckets(_ now: Date) {
        let minute = 60.0
        buckets = buckets.filter { now.timeIntervalSince($0.value.at) < minute }
    }
}
