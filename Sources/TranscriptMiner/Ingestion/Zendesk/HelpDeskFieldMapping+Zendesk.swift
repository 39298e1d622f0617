extension HelpDeskFieldMapping {
    /// Zendesk Support's ticket export (the Tickets API with comments side-loaded, or an
    /// Incremental Export page, one ticket or page per line in JSONL).
    ///
    /// ```swift
    /// let reader = HelpDeskReader(mapping: .zendesk)   // what ZendeskReader() reads with
    /// ```
    ///
    /// Fields: `id`, `created_at`, `subject`, `via.channel`, `requester_id`, `tags`,
    /// `satisfaction_rating.score`, `description`, and `comments` with `author_id`, `body` (else
    /// `plain_body`, else `html_body` stripped), `public`, `created_at`. Kept in metadata too:
    /// `status`, `priority`, `type`, `group_id`, `assignee_id`, `organization_id`.
    ///
    /// Channels (`via.channel`): `email` → ``Channel/email``; `chat`, `native_messaging`,
    /// `mobile_sdk`, `sms`, `whatsapp` → ``Channel/chat``; `twitter`, `facebook`,
    /// `instagram_dm` → ``Channel/social``; `voice`, `phone` → ``Channel/voiceTranscript``;
    /// `web` (web form), `api`, `mobile`, `help_center`, `rule`, `closed_ticket` →
    /// ``Channel/other`` (a web-form ticket is not a live chat).
    public static let zendesk = HelpDeskFieldMapping(
        name: "zendesk",
        channelNames: [
            "email": .email, "chat": .chat, "native_messaging": .chat, "mobile_sdk": .chat, "sms": .chat,
            "whatsapp": .chat, "twitter": .social, "facebook": .social, "instagram_dm": .social, "voice": .voiceTranscript,
            "phone": .voiceTranscript, "web": .other, "api": .other, "mobile": .other, "help_center": .other,
            "rule": .other, "closed_ticket": .other,
        ],
        metadata: ["status": "status", "priority": "priority", "type": "type", "group_id": "group_id",
                   "assignee_id": "assignee_id", "organization_id": "organization_id"]
    )
}
