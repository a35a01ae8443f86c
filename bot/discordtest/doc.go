// Package discordtest is a fake Discord for tests, in the spirit of
// net/http/httptest: a REST API (/api/v9/...) and a gateway websocket (/ws)
// on a loopback port, which a real discordgo (v0.29.0) Session talks to.
//
// # Use
//
//	srv := discordtest.NewServer(discordtest.WithMessageContentIntent(false))
//	t.Cleanup(srv.Close) // register first: cleanups run last-in first-out
//
//	// The bot points its REST base (what replaces https://discord.com) at
//	// srv.URL; GET /api/v9/gateway then hands out srv's websocket URL.
//	session := startBot(t, srv.URL) // the bot's own code; t.Cleanup(session.Close)
//	if err := srv.WaitReady(ctx); err != nil { ... }
//
//	srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true})
//	in := srv.SendInteraction(discordtest.InteractionOpts{
//		Command: "ask",
//		Options: []*discordgo.ApplicationCommandInteractionDataOption{
//			discordtest.StringOption("question", "how many troops"),
//		},
//		Permissions: discordgo.PermissionManageGuild,
//	})
//	req, err := srv.WaitFor(ctx, discordtest.Match("POST", in.CallbackPath()))
//	resp, err := req.InteractionResponse()
//	answer, ok := srv.Original(in.ID) // @original after the bot's edits
//
// Every REST request is recorded (Requests, WaitFor), unknown routes
// included: they get a 404 JSON error and an empty Request.Route. Wait with
// WaitFor, WaitReady and WaitUntil, which wake on every state change; use
// contexts only as failure guards.
//
// # Discord behaviour the fake models
//
//   - IDs and permission fields are JSON strings, as discordgo requires (a
//     number in app_permissions makes discordgo drop the whole interaction).
//   - Gateway: HELLO, IDENTIFY -> READY (seq 1, resume_gateway_url pointing
//     back here), then GUILD_CREATE for the default guild when the session
//     asked for IntentGuilds; heartbeats are ACKed; presence updates are
//     ignored; RESUME replays the events dispatched since the client's seq,
//     then sends RESUMED; an unknown session gets op 9. A client close with
//     1000/1001 ends the session (as Discord does), an abrupt drop does not.
//     Close codes: 4004 bad token (WithToken), 4005 second IDENTIFY, 4010
//     bad shard, 4014 intent MESSAGE_CONTENT asked for but not granted
//     (WithMessageContentIntent).
//   - Routing: guild events go to the session of shard (guild_id>>22) %
//     num_shards, DM events to shard 0; MESSAGE_CREATE needs
//     IntentGuildMessages (guild) or IntentDirectMessages (DM).
//   - Message content is blanked unless the app has the privileged intent
//     (granted and asked for), the message is a DM, mentions the bot, or the
//     bot wrote it. The bot's own non-ephemeral messages (channel messages,
//     message callbacks, followups) come back as MESSAGE_CREATE.
//   - Interactions: one callback each (else 400, code 40060), with a type
//     allowed for the interaction (autocomplete takes only 8, at most 25
//     choices); optional 3 s style deadline (WithInteractionDeadline,
//     404 code 10062); @original exists after a type 4/5/6/7 callback (else
//     404 code 10008); followups need a callback first (else 404 code 10015);
//     POST /webhooks/{app}/{token} answers 204 unless ?wait=true.
//   - Message limits: content 2000 characters, 10 embeds, title 256,
//     description 4096, 25 fields, field name 256 and value 1024, footer
//     2048, author 256, 6000 over all embeds (400, code 50035); an empty
//     message gets 400 code 50006; unknown channels 404 code 10003 (register
//     channels with AddChannel, or use them in SendMessage first); editing
//     another user's message 403 code 50005.
//   - Replies (MessageOpts.ReplyTo): type 19 with message_reference and
//     referenced_message; ReplyMention pings the replied message's author
//     (in mentions, so a reply to the bot counts as mentioning it for the
//     content rule). A mention of the bot's managed role (WithBotRole) does
//     not: its text is blanked without the intent.
//   - Threads: POST /channels/{c}/messages/{m}/threads starts a public
//     thread with the message's ID, owned by the bot, announced with
//     THREAD_CREATE and listed in GUILD_CREATE; one thread per message
//     (else 400, code 160004). Server.Thread finds it.
//   - Reactions: PUT .../reactions/{emoji}/@me is recorded (Server.Reactions).
//   - Attachments (InteractionOpts.Attachments): an attachment option whose
//     value is the ID listed in data.resolved.attachments, and the file
//     served, without authorization, at its url.
//   - Nonces: a message posted with enforce_nonce and a nonce already used
//     in the channel is not created again; the first message is returned.
//     FailAfter answers a request with a 5xx after it took effect, to test
//     that.
//   - Commands (bulk overwrite): lower-case names of 1-32 letters, digits,
//     '-', '_'; descriptions 1-100; required options before optional ones;
//     at most 25 options and choices and 100 commands; a command keeps its
//     ID across overwrites, and interactions carry that ID.
//   - REST auth: "Authorization: Bot <token>" on routes other than the
//     gateway look-up, interaction callbacks and webhooks (401 otherwise).
//
// # discordgo v0.29.0 behaviour this package relies on (read in its source)
//
//   - All REST calls, the gateway look-up included, go through
//     Session.Client; Open asks GET /gateway (not /gateway/bot) and dials
//     url + "/?v=9&encoding=json". It never uses resume_gateway_url: a
//     reconnection dials the cached /gateway URL again.
//   - 429: with Session.ShouldRetryOnRateLimit (the default) discordgo sleeps
//     the body's retry_after (seconds, float) and retries, with no limit on
//     the number of retries; the X-RateLimit-Reset-After header also makes
//     the bucket wait before the retry. Without it the call returns a
//     *discordgo.RateLimitError.
//   - 5xx: only 502 Bad Gateway is retried, immediately, up to
//     Session.MaxRestRetries (default 3) times, so 4 attempts in all; 500,
//     503, 504 and every 4xx return a *discordgo.RESTError at once.
//   - Gateway: after IDENTIFY (shard sent only when ShardCount > 1) Open
//     reads one frame expecting READY/RESUMED, then starts heartbeating at
//     once and every interval. A read error makes it Close (which sleeps 1 s)
//     and reconnect with back-off 1, 2, 4 ... 600 s, sending RESUME when it
//     has a session ID; op 9 makes it IDENTIFY, op 7 reconnect; five
//     intervals without an ACK make it reconnect.
//   - Session.Close sends close 1000 and sleeps 1 s. It keeps the session ID,
//     so a later Open sends RESUME, which the fake (like Discord) answers
//     with op 9, and discordgo re-identifies.
//   - Event handlers run each in its own goroutine unless Session.SyncEvents.
//   - encoding/json cannot decode discordgo.InteractionResponseData or
//     MessageSend with components (interface slices); use
//     Request.InteractionResponse and Request.Message.
package discordtest
