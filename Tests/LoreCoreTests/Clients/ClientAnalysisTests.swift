import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Purchases and what is read from them: RFM segments, ABC classes and reactivation by each
/// client's own rhythm, on a fixture whose answers are known.
@Suite struct ClientAnalysisTests {
    @Test(arguments: [("12 500,50", Int64(1_250_050)), ("12500.5", 1_250_050), ("300", 30_000), ("0,07", 7)])
    func amountsAreReadAsPeopleWriteThem(text: String, cents: Int64) {
        #expect(PurchaseDraft.cents(text) == cents)
    }

    @Test(arguments: ["-5", "12,345", "abc", "1e5", "", "1 000 000 000 000 000"])
    func nonsenseIsNoAmount(text: String) {
        #expect(PurchaseDraft.cents(text) == nil)
    }

    @Test func segmentsClassesAndReactivationFollowThePurchases() async throws {
        let world = try await TestWorld()
        func buy(_ client: Client, daysAgo: [Int], amount: String) async throws {
            for days in daysAgo {
                var draft = PurchaseDraft()
                draft.date = isoDay(-days)
                draft.amount = amount
                try await world.clients.addPurchase(draft, to: client.slug, by: world.principal)
            }
        }
        let champion = try await world.client("Champion"), sleeper = try await world.client("Sleeper")
        let fading = try await world.client("Fading"), small = try await world.client("Small"), lead = try await world.client("Lead")
        try await buy(champion, daysAgo: Array(stride(from: 3, to: 360, by: 30)), amount: "100000")   // 12 a year, last 3 days ago
        try await buy(fading, daysAgo: [200, 230, 260, 290], amount: "50000")                        // 4 a year, stopped 200 days ago
        try await buy(sleeper, daysAgo: [400, 700], amount: "900000")                                 // nothing this year
        try await buy(small, daysAgo: [10], amount: "1000")
        var bad = PurchaseDraft()
        bad.amount = "lots"
        await #expect(throws: ValidationError.self) { try await world.clients.addPurchase(bad, to: lead.slug, by: world.principal) }

        let lines = try await ClientAnalysis(database: world.database).lines(for: world.principal)
        func line(_ name: String) throws -> ClientAnalysis.Line { try #require(lines.first { $0.name == name }) }
        #expect(try line("Champion").segment == .champions && line("Champion").abc == .a && line("Champion").revenue == 1_200_000_00)
        #expect(try line("Fading").segment == .atRisk && line("Fading").abc == .b)
        #expect(try line("Fading").interval == 30 && line("Fading").isDueForReactivation, "200 days since, buys every 30")
        #expect(try line("Sleeper").segment == .hibernating && line("Sleeper").abc == nil, "no revenue this year, no class")
        #expect(try line("Small").segment == .promising && line("Small").abc == .c)
        #expect(try line("Lead").segment == .noPurchases && !line("Lead").isDueForReactivation)

        var filter = ClientFilter()
        filter.rfm = .atRisk
        #expect(try await world.clientQueries.list(filter, for: world.principal).items.map(\.client.name) == ["Fading"], "the list filters by segment")
        filter.rfm = nil
        filter.abc = .a
        #expect(try await world.clientQueries.list(filter, for: world.principal).items.map(\.client.name) == ["Champion"])
        let (csv, rows) = try await ClientExport(database: world.database).export(filter, format: .csv(delimiter: ","), for: world.principal)
        #expect(rows == 1 && String(decoding: csv, as: UTF8.self).contains("Champion"), "export follows the same filter")

        var patient = ClientAnalysis.Thresholds()
        patient.reactivationFactor = 10
        let relaxed = try await ClientAnalysis(database: world.database).lines(for: world.principal, thresholds: patient)
        #expect(relaxed.first { $0.name == "Fading" }?.isDueForReactivation == false)
    }
}

/// The home page's "get back in touch" list: by each client's own buying rhythm once it has one.
@Suite struct ReactivationReminderTests {
    @Test func aClientWithARhythmIsDueByItAndOthersByDaysWithoutContact() async throws {
        let world = try await TestWorld()
        let sales = try await world.role("Sales", [.clientsRead, .clientsEdit])
        let olga = try await world.user("olga", roles: [sales])
        let weekly = try await world.client("Weekly", manager: olga, status: .regular)
        let quarterly = try await world.client("Quarterly", manager: olga, status: .regular)
        try await world.client("Never bought", manager: olga, status: .active)
        for (client, days) in [(weekly, [20, 27, 34]), (quarterly, [20, 110, 200])] {
            for ago in days {
                var draft = PurchaseDraft()
                draft.date = isoDay(-ago)
                draft.amount = "1000"
                try await world.clients.addPurchase(draft, to: client.slug, by: olga)
            }
            // In touch recently: by days alone neither would be listed.
            try await world.interaction(on: client, "Звонок", date: isoDay(-1), by: olga)
        }
        let quiet = try await world.reminders.reminders(for: olga, quietAfterDays: 60).quiet.map(\.clientName)
        #expect(quiet.sorted() == ["Never bought", "Weekly"], "Weekly buys every 7 days and has not for 20; Quarterly is on time")
    }
}
