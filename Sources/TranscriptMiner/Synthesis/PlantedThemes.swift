extension PlantedTheme {
    /// The themes `minectl synth` plants by default: twelve recurring pain points of a retail
    /// bank's support, written for this project.
    public static let banking: [PlantedTheme] = [
        PlantedTheme(label: "card_not_arrived", weight: 1.4, openings: [
            "My new card still hasn't arrived and it's been {days} days.",
            "I ordered a replacement card {days} days ago and nothing has come in the post.",
            "Where is my card? The app says it was sent but I never received it.",
            "Still waiting for my debit card, this is ridiculous.",
            "How long does card delivery take? Mine is late.",
            "The card you posted never arrived at my address.",
        ], followUps: [
            "I already checked with my neighbours, nothing.", "Can you send another one by express?",
            "I need it before my trip on {weekday}.", "This is the second card that got lost.",
        ]),
        PlantedTheme(label: "charged_twice", weight: 1.2, openings: [
            "I was charged twice for the same purchase at {merchant}.",
            "There are two identical payments of {amount} to {merchant} on my statement.",
            "Why did you take the money twice? I only paid once.",
            "Duplicate transaction of {amount}, please refund one of them.",
            "My card was debited two times for one order ({order}).",
        ], followUps: [
            "The second payment is still pending.", "I need the extra {amount} back today.",
            "The merchant says it's your fault.", "Yet another double charge, third time this month!",
        ]),
        PlantedTheme(label: "app_login_failed", weight: 1.0, openings: [
            "I can't log in to the app since the update.",
            "The app keeps saying my password is wrong but it isn't.",
            "Login fails every time with an error, I'm locked out.",
            "I can't access my account in the app, it crashes on the login screen.",
            "Face ID stopped working and now I can't sign in.",
        ], followUps: [
            "I reinstalled it twice already.", "I'm on the latest version.", "It works on the website but not in the app.",
            "Still can't get in, this is so frustrating.",
        ]),
        PlantedTheme(label: "transfer_pending", weight: 1.1, openings: [
            "My transfer of {amount} has been pending for {days} days.",
            "Why is my bank transfer still not complete?",
            "I sent money to my landlord on {weekday} and it still hasn't arrived.",
            "The transfer shows as pending, when will it go through?",
            "How long do transfers take? Mine is stuck.",
        ], followUps: [
            "The reference is {order}.", "My rent is due tomorrow.", "It normally takes minutes.",
            "Please cancel it if you can't send it.",
        ]),
        PlantedTheme(label: "refund_not_received", weight: 0.9, openings: [
            "{merchant} refunded me {days} days ago but I don't see the money.",
            "Where is my refund? The shop says they sent it.",
            "I got a refund notification but the balance hasn't changed.",
            "My refund of {amount} still isn't in my account.",
        ], followUps: [
            "They gave me a reference: {order}.", "How long do refunds usually take?", "I need that money.",
        ]),
        PlantedTheme(label: "cancel_account", weight: 0.6, openings: [
            "I want to close my account.", "Please cancel my account and send me the balance.",
            "How do I close my account? I'm moving to another bank.",
            "Cancel my account, I've had enough of the problems.",
        ], followUps: ["Send the remaining {amount} to my other bank.", "Do I need to return the card?", "No, I don't want an offer."]),
        PlantedTheme(label: "exchange_rate", weight: 0.7, openings: [
            "The exchange rate you used for my payment in {currency} is much worse than the market rate.",
            "Why was I charged a foreign exchange fee?",
            "What exchange rate do you apply to card payments abroad?",
            "I was overcharged on a payment in {currency}, the rate is wrong.",
        ], followUps: ["Google shows a much better rate.", "I want the fee refunded.", "It cost me {amount} more than expected."]),
        PlantedTheme(label: "card_blocked", weight: 0.9, openings: [
            "My card has been blocked and I don't know why.",
            "Card declined everywhere today, is it blocked?",
            "You froze my card for suspicious activity but it was me.",
            "Please unblock my card, I'm stuck at the checkout.",
        ], followUps: ["It was a normal payment at {merchant}.", "I confirmed it in the app already.", "Third time this happens!"]),
        PlantedTheme(label: "change_pin", weight: 0.5, openings: [
            "How can I change my PIN?", "I forgot my PIN, how do I reset it?",
            "Where do I see my PIN in the app?", "My PIN is blocked after three wrong tries.",
        ], followUps: ["Can I do it at an ATM?", "Thanks, that worked.", "The option isn't in my app."]),
        PlantedTheme(label: "unknown_direct_debit", weight: 0.6, openings: [
            "There's a direct debit from {merchant} that I never set up.",
            "I don't recognise a payment of {amount} on my account.",
            "Someone took {amount} from my account, I didn't authorise it.",
            "Unknown transaction from {merchant}, is this fraud?",
        ], followUps: ["Please block it.", "I want my money back.", "I've never heard of this company."]),
        PlantedTheme(label: "atm_kept_card", weight: 0.4, openings: [
            "The cash machine kept my card.", "The ATM swallowed my card and didn't give me the cash.",
            "My card got stuck in an ATM on {weekday}.",
        ], followUps: ["What do I do now?", "Will you send a new one?", "The machine also took {amount}."]),
        PlantedTheme(label: "top_up_failed", weight: 0.7, openings: [
            "My top-up failed but the money left my other account.",
            "Why was my top-up declined?", "I tried to top up {amount} and it didn't work.",
            "Top up by card keeps failing with an error.",
        ], followUps: ["I tried three different cards.", "The money is gone from my bank.", "It worked last week."]),
    ]
}
