/// What was asked for does not exist — or, once access rights exist, may not be seen,
/// which must look exactly the same to the asker.
public struct NotFound: Error, Equatable, Sendable {
    public init() {}
}
