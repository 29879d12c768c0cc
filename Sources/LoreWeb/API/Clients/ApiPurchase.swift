import Foundation
import LoreCore

/// A purchase logged on a card; the amount in the currency's minor units (kopecks, cents).
struct ApiPurchase: Encodable, Sendable {
    let id: Int64
    let date: String
    let amountMinor: Int64
    let currency: String
    let note: String

    init(_ purchase: Purchase) {
        id = purchase.id ?? 0
        date = purchase.date
        amountMinor = purchase.amount
        currency = purchase.currency
        note = purchase.note
    }

    struct Input: ApiInput, Sendable {
        static let schema = "PurchaseInput"

        /// As people write it: `12500`, `12 500,50`, `12500.5`.
        let amount: String
        let date: String?
        let currency: String?
        let note: String?

        var draft: PurchaseDraft {
            var draft = PurchaseDraft()
            draft.amount = amount
            draft.date = date ?? ""
            draft.currency = currency ?? ""
            draft.note = note ?? ""
            return draft
        }
    }
}
