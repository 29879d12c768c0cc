import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// The account page's API tokens: made with a name, shown once, listed, revoked.
@Suite struct AccountRoutesTests {
    @Test func aTokenIsShownOnceListedAndRevoked() async throws {
        try await TestApp.run { admin in
            let made = try await admin.postForm("/me/tokens", [("name", "CRM <sync>"), ("expires", "90"), ("readOnly", "on")])
            #expect(made.status == .ok)
            let secret = try #require(made.text.firstMatch(of: #/id="token-secret">(lore_[A-Za-z0-9_-]+)</#)).1
            #expect(secret.count > 40)
            #expect(made.text.contains("CRM &lt;sync&gt;") && made.text.contains("read only"))
            let again = try await admin.get("/me")
            #expect(!again.text.contains(String(secret)), "the secret is shown only once")
            let revoke = try #require(again.text.firstMatch(of: #/action="(/me/tokens/\d+/revoke)"/#)).1
            #expect(try await admin.postForm(String(revoke), []).status == .seeOther)
            let after = try await admin.get("/me")
            #expect(after.text.contains("revoked") && !after.text.contains(String(revoke)))
            let audit = try await admin.get("/admin/audit")
            #expect(audit.text.contains("api_token.created") && audit.text.contains("api_token.revoked"))
        }
    }

    @Test func aTokenNeedsANameAndTheFormSaysSo() async throws {
        try await TestApp.run { admin in
            let response = try await admin.postForm("/me/tokens", [("name", "   "), ("expires", "")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("id=\"name-error\"") && !response.text.contains("id=\"token-secret\""))
        }
    }
}
