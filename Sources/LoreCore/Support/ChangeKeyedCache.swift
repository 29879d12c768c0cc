import Synchronization

/// Values kept while a change counter (``DatabaseChanges``) stays where it was when they were
/// read: a newer generation empties the cache. For what is read on every request and changes
/// rarely — who a session belongs to, what a user may do.
final class ChangeKeyedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let state = Mutex<(generation: Int, values: [Key: Value])>((-1, [:]))
    private let limit: Int

    init(limit: Int = 10_000) {
        self.limit = limit
    }

    func value(for key: Key, generation: Int) -> Value? {
        state.withLock { $0.generation == generation ? $0.values[key] : nil }
    }

    /// The value kept at `generation`, or what `read` finds, kept for the next time.
    func value(for key: Key, generation: Int, orRead read: () throws -> Value) rethrows -> Value {
        if let known = value(for: key, generation: generation) { return known }
        let found = try read()
        store(found, for: key, generation: generation)
        return found
    }

    /// Keeps `value` if it was read at the latest generation seen.
    func store(_ value: Value, for key: Key, generation: Int) {
        state.withLock { state in
            if state.generation != generation {
                guard generation > state.generation else { return }
                state = (generation, [:])
            }
            if state.values.count >= limit { state.values.removeAll(keepingCapacity: true) }
            state.values[key] = value
        }
    }
}
