import Testing
@testable import LoreCore

@Suite struct SearchQueryLimitTests {
    @Test func extraTermsAreDroppedAndReported() {
        let words = (1...40).map { "w\($0)" }
        let query = SearchQuery(words.joined(separator: " "))
        #expect(query.terms == Array(words.prefix(SearchQuery.maxTerms)))
        #expect(query.wasTruncated)
    }

    @Test func prefixesBeyondTheLimitAreSearchedAsWholeWords() {
        let query = SearchQuery((1...20).map { "w\($0)*" }.joined(separator: " OR "))
        #expect(query.wasTruncated)
        #expect(query.expression?.components(separatedBy: "\" *").count == SearchQuery.maxPrefixes + 1)
        #expect(!SearchQuery("a* b* c*").wasTruncated)
    }

    @Test func exactlyTheLimitIsNotTruncated() {
        let words = (1...SearchQuery.maxTerms).map { "w\($0)" }
        let query = SearchQuery(words.joined(separator: " ") + " OR -")
        #expect(query.terms.count == SearchQuery.maxTerms)
        #expect(!query.wasTruncated)
    }

    @Test func exclusionsCountTowardsTheLimit() {
        let text = (1...31).map { "w\($0)" }.joined(separator: " ") + " -x -y z"
        let query = SearchQuery(text)
        #expect(query.terms.count == 31)
        #expect(query.excluded == ["x"])
        #expect(query.wasTruncated)
    }

    @Test func overLongWordIsCutAndSearchedAsPrefix() {
        let word = String(repeating: "я", count: 250)
        let query = SearchQuery("x " + word)
        let cut = String(repeating: "я", count: SearchQuery.maxTermLength)
        #expect(query.expression == #"("x" OR "\#(cut)" *)"#)
        #expect(query.wasTruncated)
    }

    @Test func overLongPhraseKeepsWholeWordsWithoutStar() {
        // "abcde " is 6 characters: 33 words make 197 characters, the 34th would exceed 200.
        let words = Array(repeating: "abcde", count: 50)
        let query = SearchQuery("\"" + words.joined(separator: " ") + "\"*")
        let kept = Array(repeating: "abcde", count: 33).joined(separator: " ")
        #expect(query.terms == [kept])
        #expect(SearchQueryOutputTests.readable(query.expression) == "(\"" + kept + "\")")
        #expect(query.wasTruncated)
    }

    @Test func termOfExactlyMaxLengthIsKept() {
        let word = String(repeating: "b", count: SearchQuery.maxTermLength)
        let query = SearchQuery(word + "*")
        #expect(query.expression == "(\"" + word + "\" *)")
        #expect(!query.wasTruncated)
    }

    @Test func prefixExpressionHasTheSameLimits() throws {
        let text = (1...40).map { "w\($0)" }.joined(separator: " ")
        let expression = try #require(SearchQuery.prefixExpression(text))
        #expect(expression.hasSuffix(#""w32" *"#))
        #expect(!expression.contains("w33"))
    }

    @Test func hugeInputIsHandledQuickly() {
        let text = String(repeating: "слово ", count: 2_000) + String(repeating: "\"(*", count: 4_000)
        let start = ContinuousClock.now
        let query = SearchQuery(text)
        #expect(query.terms.count == SearchQuery.maxTerms)
        // Nothing searchable at all, so the whole 100 KB is scanned: must stay linear.
        let junk = String(repeating: "-\"( --*^ ", count: 10_000)
        #expect(SearchQuery(junk).expression == nil)
        #expect(SearchQuery.prefixExpression(junk) == nil)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
