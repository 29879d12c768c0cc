import Foundation
import LoreCore

/// A page's owner and review dates in the API.
struct ApiStewardship: Encodable, Sendable {
    struct Owner: Encodable, Sendable {
        let id: Int64
        let name: String
        let active: Bool
    }

    struct Input: ApiInput {
        /// Nil: the category's owner.
        let ownerId: Int64?
        /// Nil: the category's interval.
        let reviewMonths: Int?
        static let schema = "StewardshipInput"
    }

    @Null var owner: Owner?
    @Null var reviewMonths: Int?
    let reviewedAt: Date
    @Null var reviewedBy: String?
    @Null var nextReview: Date?
    let needsReview: Bool
    let canMarkReviewed: Bool

    init(_ line: StewardshipService.Line) {
        let stewardship = line.stewardship
        owner = zip(stewardship.ownerId, line.ownerName).map { Owner(id: $0, name: $1, active: line.ownerIsActive) }
        reviewMonths = stewardship.reviewMonths
        reviewedAt = stewardship.reviewedAt
        reviewedBy = line.reviewedByName
        nextReview = stewardship.nextReview
        needsReview = stewardship.needsReview()
        canMarkReviewed = line.canMarkReviewed
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
