import Testing
@testable import TranscriptMiner

@Suite struct EmailBodyCleanerTests {
    let cleaner = EmailBodyCleaner()

    @Test func attributionAndQuotedTextAreCut() {
        let body = "Still blocked.\n\nOn Mon, 15 Jan 2024 at 10:32, Tom <tom@examplebank.example> wrote:\n> Try again\n> please\n"
        #expect(cleaner.clean(body) == "Still blocked.")
    }

    @Test func aWrappedAttributionIsCut() {
        let body = "Yes.\n\nOn Mon, Feb 5, 2024 at 1:10 PM Ken Mori <ken.mori@examplebank.example>\nwrote:\n\n> Dear Ms Silva,\n"
        #expect(cleaner.clean(body) == "Yes.")
    }

    @Test func anAttributionWithoutQuotedTextIsKept() {
        let body = "On Monday my colleague wrote: the card is fine.\nIt is not."
        #expect(cleaner.clean(body) == body)
    }

    @Test func otherLanguagesAttributions() {
        #expect(cleaner.clean("Danke.\nAm 15.01.2024 um 10:32 schrieb Tom:\n> alt") == "Danke.")
        #expect(cleaner.clean("Merci.\nLe lun. 15 janv. 2024, Tom a écrit :\n> ancien") == "Merci.")
    }

    @Test func interleavedRepliesKeepTheirOwnLines() {
        let body = "> Is the card blocked?\nYes, since Monday.\n> Which shop?\nA café in Zürich."
        #expect(cleaner.clean(body) == "Yes, since Monday.\nA café in Zürich.")
    }

    @Test func outlookSeparatorsAreCut() {
        #expect(cleaner.clean("Thanks.\n\n-----Original Message-----\nFrom: Tom\nSent: Monday\n\nold") == "Thanks.")
        #expect(cleaner.clean("Ok.\n----- Original Message -----\nold") == "Ok.")
        let block = "Why the fee?\n\n________________________________\nFrom: Mia Sato <mia@examplebank.example>\nSent: Tuesday, January 16, 2024 4:20 PM\nTo: Luis\nSubject: RE: x\n\nold text"
        #expect(cleaner.clean(block) == "Why the fee?")
        let bold = "See below.\n*From:* Mia\n*Sent:* Tuesday\n*To:* Luis\nold"
        #expect(cleaner.clean(bold) == "See below.")
    }

    @Test func aFromLineAloneIsNotAnOutlookBlock() {
        let body = "From: my old account the transfer failed.\nTo be clear, it failed twice."
        #expect(cleaner.clean(body) == body)
    }

    @Test func forwardedMessagesAreCut() {
        #expect(cleaner.clean("See below.\n\n---------- Forwarded message ---------\nFrom: x\n\nold") == "See below.")
        #expect(cleaner.clean("FYI\nBegin forwarded message:\n\nFrom: x") == "FYI")
    }

    @Test func signaturesAreCut() {
        #expect(cleaner.clean("Please help.\n\n-- \nJana Novák\n+1 555 0100") == "Please help.")
        #expect(cleaner.clean("Please help.\n--\nJana") == "Please help.")
        #expect(cleaner.clean("It works.\n\nSent from my iPhone") == "It works.")
        #expect(cleaner.clean("It works.\nGet Outlook for Android") == "It works.")
        #expect(cleaner.clean("Two dashes -- inside a line stay.") == "Two dashes -- inside a line stay.")
    }

    @Test func signOffBlocksAreCut() {
        #expect(cleaner.clean("Please refund it.\n\nKind regards,\nTom Becker\nExampleBank Support\n+1 555 0199") == "Please refund it.")
        #expect(cleaner.clean("Please refund it.\nThanks!\nLuis") == "Please refund it.")
        #expect(cleaner.clean("Please refund it.\n\nBest,") == "Please refund it.")
    }

    @Test func signOffsFollowedByRealTextAreKept() {
        let body = "Hi,\nThanks\nI tried again yesterday evening and it still fails with the same error"
        #expect(cleaner.clean(body) == body)
        #expect(cleaner.clean("Thanks,\nJana") == "Thanks,\nJana")  // nothing before it: not a sign-off
        let long = "Problem.\nRegards,\nA\nB\nC\nD\nE"
        #expect(cleaner.clean(long) == long)  // five lines after the valediction: not a signature block
    }

    @Test func optionsTurnStrippingOff() {
        let body = "New text.\n> old\n-- \nsig"
        #expect(EmailBodyCleaner(stripsQuotes: false, stripsSignatures: true).clean(body) == "New text.\n> old")
        #expect(EmailBodyCleaner(stripsQuotes: true, stripsSignatures: false).clean(body) == "New text.\n--\nsig")  // lines are trimmed
    }

    @Test func aMessageThatOnlyQuotesBecomesEmpty() {
        #expect(cleaner.clean("> old\n> text\n").isEmpty)
        #expect(cleaner.clean("").isEmpty)
    }

    @Test func blankLinesCollapseAndCRLFIsHandled() {
        #expect(cleaner.clean("\r\n\r\nOne\r\n\r\n\r\n\r\nTwo\r\n") == "One\n\nTwo")
    }
}
