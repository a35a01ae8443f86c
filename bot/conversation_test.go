package bot

// End-to-end tests of conversations on Discord (issue 12): threads, replies to
// the bot, the bot's role, throttled mentions and retried posts, through a
// real discordgo session against the fake Discord.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge"
)

// keyRecorder is an Asker that answers like the default one and records the
// conversation key of every question.
type keyRecorder struct {
	r    *Router
	next Asker
	mu   sync.Mutex
	keys map[string]string // question -> conversation key
}

func recordKeys(r *Router) *keyRecorder {
	k := &keyRecorder{r: r, next: r.Asker, keys: map[string]string{}}
	r.Asker = k
	return k
}

func (k *keyRecorder) Ask(ctx context.Context, key, q string) (knowledge.Answer, error) {
	k.mu.Lock()
	k.keys[q] = key
	k.mu.Unlock()
	return k.next.Ask(ctx, key, q)
}

func (k *keyRecorder) key(q string) string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.keys[q]
}

// replyIn waits for the bot's reply to message id in channel and returns it
// as stored by Discord (with its ID).
func (h *harness) replyIn(ctx context.Context, channel, id string) *discordgo.Message {
	h.t.Helper()
	var found *discordgo.Message
	err := h.srv.WaitUntil(ctx, func() bool {
		for _, m := range h.srv.Messages(channel) {
			if m.Author.ID == h.srv.BotID && m.MessageReference != nil && m.MessageReference.MessageID == id {
				found = m
				return true
			}
		}
		return false
	})
	if err != nil {
		h.t.Fatalf("no reply to %s in %s: %v", id, channel, err)
	}
	return found
}

func TestThreadConversationOfFourTurns(t *testing.T) {
	var keys *keyRecorder
	h := startBot(t, harnessOpts{
		server: []discordtest.Option{discordtest.WithMessageContentIntent(true)},
		config: func(c *Config) { c.Threads = Threads{All: true} },
		router: func(r *Router) { keys = recordKeys(r) },
	})
	ctx := h.ctx()
	first := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	// The answer goes to a thread opened on the question.
	if _, err := h.srv.WaitFor(ctx, func(r discordtest.Request) bool {
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/messages/"+first+"/threads") && r.Status == 201
	}); err != nil {
		t.Fatalf("no thread opened: %v", err)
	}
	thread, ok := h.srv.Thread(first)
	if !ok {
		t.Fatal("no thread on the question")
	}
	h.waitTrace(ctx, "answered message="+first)
	turns := []string{"who is Mark Rutte?", "what did he say?", "and Lammy?", "how many troops?"}
	// What each follow-up's answer must quote: the follow-ups resolve against
	// the thread's earlier turns ("he" is Rutte, "and Lammy?" asks what Lammy said).
	quotes := map[string]string{"what did he say?": "Rutte", "and Lammy?": "Lammy", "how many troops?": "1,500"}
	for _, q := range turns[1:] {
		id := h.srv.SendMessage(discordtest.MessageOpts{Content: q, ChannelID: thread}) // no mention
		m := h.replyIn(ctx, thread, id)
		if len(m.Embeds) != 1 || m.Embeds[0].Color == colorFailed {
			t.Errorf("%q: answered %q", q, messageText(m))
		} else if !strings.Contains(messageText(m), quotes[q]) {
			t.Errorf("%q: answer does not mention %q: %q", q, quotes[q], messageText(m))
		}
	}
	var users, bots int
	for _, m := range h.srv.Messages(thread) {
		if m.Author.ID == h.srv.BotID {
			bots++
		} else {
			users++
		}
	}
	if users != 3 || bots != 4 {
		t.Errorf("thread holds %d questions and %d answers, want 3 follow-ups and 4 answers", users, bots)
	}
	for _, m := range h.srv.Messages(h.srv.ChannelID) {
		if m.Author.ID == h.srv.BotID {
			t.Errorf("the bot answered in the channel, not the thread: %q", messageText(m))
		}
	}
	for _, q := range turns {
		if k := keys.key(q); k != thread {
			t.Errorf("%q was asked in conversation %q, want the thread %q", q, k, thread)
		}
	}
}

func TestReplyToBotIsAFollowUp(t *testing.T) {
	var keys *keyRecorder
	h := startBot(t, harnessOpts{router: func(r *Router) { keys = recordKeys(r) }})
	ctx := h.ctx()
	q1 := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did Peskov say?", MentionBot: true})
	a1 := h.replyIn(ctx, h.srv.ChannelID, q1)
	h.waitTrace(ctx, "answered message="+q1)
	// A reply to the bot's answer, with Discord's default ping and no mention
	// in the text, is addressed to the bot.
	q2 := h.srv.SendMessage(discordtest.MessageOpts{Content: "and Lammy?", ReplyTo: a1.ID, ReplyMention: true})
	a2 := h.replyIn(ctx, h.srv.ChannelID, q2)
	if len(a2.Embeds) != 1 || !strings.Contains(messageText(a2), "Lammy") {
		t.Fatalf("follow-up answered %q, want what Lammy said", messageText(a2))
	}
	h.waitTrace(ctx, "answered message="+q2)
	// A reply to the follow-up's answer stays in the same conversation.
	q3 := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did he say?", ReplyTo: a2.ID, ReplyMention: true})
	h.reply(ctx, q3)
	for _, q := range []string{"what did Peskov say?", "and Lammy?", "what did he say?"} {
		if k := keys.key(q); k != q1 {
			t.Errorf("%q was asked in conversation %q, want the first question's %q", q, k, q1)
		}
	}
	// Another mention, not a reply, starts a conversation of its own.
	q4 := h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true})
	h.reply(ctx, q4)
	if k := keys.key("how many troops?"); k == q1 || k == "" {
		t.Errorf("a new mention joined conversation %q", k)
	}
}

func TestRoleMentionAddressesTheBot(t *testing.T) {
	const role = "1300000000000000444"
	h := startBot(t, harnessOpts{
		// A role mention is not a mention of the bot for the Message Content
		// rule: with the intent (asked for by threads) the text is readable.
		server: []discordtest.Option{discordtest.WithBotRole(role), discordtest.WithMessageContentIntent(true)},
		config: func(c *Config) { c.Threads = Threads{Channels: []string{"1300000000000000999"}} },
	})
	ctx := h.ctx()
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "<@&" + role + "> how many troops?"})
	m := h.reply(ctx, id)
	if text := messageText(m); !strings.Contains(text, "1,500") {
		t.Errorf("role mention answered %q", text)
	}
	// A role the bot does not hold is not a mention of it.
	other := h.srv.SendMessage(discordtest.MessageOpts{Content: "<@&1300000000000000445> how many troops?"})
	h.waitTrace(ctx, "serving")
	end := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	h.reply(ctx, end)
	for _, r := range h.srv.Requests() {
		if m, err := r.Message(); err == nil && r.Method == "POST" && m.MessageReference != nil && m.MessageReference.MessageID == other {
			t.Errorf("answered a mention of another role: %q", messageText(m))
		}
	}
}

func TestThrottledMentionIsNeverSilent(t *testing.T) {
	const admin = "1300000000000000555"
	h := startBot(t, harnessOpts{config: func(c *Config) {
		c.UserRate = Rate{N: 1, Per: time.Hour}
		c.AdminUsers = []string{admin}
	}})
	ctx := h.ctx()
	h.reply(ctx, h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true}))
	second := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	notice := h.reply(ctx, second)
	if !strings.Contains(notice.Content, "try again in") {
		t.Errorf("first throttled mention: notice %q, want when to retry", notice.Content)
	}
	third := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	if err := h.srv.WaitUntil(ctx, func() bool { return len(h.srv.Reactions(third)) > 0 }); err != nil {
		t.Fatalf("the second throttled mention got no reaction: %v", err)
	}
	for _, id := range []string{second, third} {
		if r := h.srv.Reactions(id); len(r) != 1 || r[0] != throttledReaction {
			t.Errorf("throttled mention %s: reactions %q, want ⏳", id, r)
		}
	}
	// Admins are not throttled.
	for _, q := range []string{"how many troops?", "who is Mark Rutte?", "what did China say?"} {
		m := h.reply(ctx, h.srv.SendMessage(discordtest.MessageOpts{Content: q, MentionBot: true, AuthorID: admin}))
		if len(m.Embeds) != 1 {
			t.Errorf("admin's %q: %q, want an answer", q, messageText(m))
		}
	}
}

func TestServerErrorRetryPostsOnce(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	path := "/api/v9/channels/" + h.srv.ChannelID + "/messages"
	// The first post lands, but its answer is lost in a 500: the retry must
	// not post the answer a second time.
	h.srv.FailAfter("POST", path, 500, 1)
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true})
	h.reply(ctx, id)
	posts := 0
	for _, r := range h.srv.Requests() {
		if r.Method == "POST" && r.Path == path {
			posts++
			var body struct {
				Nonce        string `json:"nonce"`
				EnforceNonce bool   `json:"enforce_nonce"`
			}
			if err := r.JSON(&body); err != nil || body.Nonce == "" || !body.EnforceNonce {
				t.Errorf("post without an enforced nonce: %s", r.Body)
			}
		}
	}
	if posts != 2 {
		t.Errorf("%d posts, want 2 (the failed one and its retry)", posts)
	}
	answers := 0
	for _, m := range h.srv.Messages(h.srv.ChannelID) {
		if m.Author.ID == h.srv.BotID {
			answers++
		}
	}
	if answers != 1 {
		t.Errorf("the channel holds %d answers, want 1", answers)
	}
}

func TestRoleMentionWithoutTheIntentAsksForAMention(t *testing.T) {
	const role = "1300000000000000446"
	h := startBot(t, harnessOpts{server: []discordtest.Option{discordtest.WithBotRole(role)}})
	ctx := h.ctx()
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "<@&" + role + "> how many troops?"})
	if m := h.reply(ctx, id); !strings.Contains(m.Content, "mention me") {
		t.Errorf("a blank role mention got %q, want a hint to mention the bot", messageText(m))
	}
	// So does a reply to the bot with the ping turned off.
	a := h.replyIn(ctx, h.srv.ChannelID, h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true}))
	id = h.srv.SendMessage(discordtest.MessageOpts{Content: "and why?", ReplyTo: a.ID})
	if m := h.reply(ctx, id); !strings.Contains(m.Content, "ping on") {
		t.Errorf("a blank reply got %q, want a hint to keep the ping", messageText(m))
	}
}

// TestConsoleConversation: the console is one conversation, keyed
// ConsoleConversation, and adds and removes briefings by path.
func TestConsoleConversation(t *testing.T) {
	seeds := copySeeds(t)
	lib := openLibrary(t, seeds)
	t.Cleanup(func() { lib.Close() })
	r := NewRouter(lib, slogTo(&syncBuffer{}))
	keys := recordKeys(r)
	file := filepath.Join(t.TempDir(), "quell.txt")
	if err := os.WriteFile(file, []byte(newBriefing), 0o644); err != nil {
		t.Fatal(err)
	}
	in := "who is Mark Rutte?\nwhat did he say?\n/add " + file + "\nwhat did Zara Quell say?\n/remove quell.txt\n/add /no/such/file.txt\n"
	var out syncBuffer
	if err := Console(context.Background(), r, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"NATO", "Added quell.txt", "+ quell.txt", "canal treaty", "Removed quell.txt", "- quell.txt", "Not added:"} {
		if !strings.Contains(text, want) {
			t.Errorf("console output lacks %q:\n%s", want, text)
		}
	}
	for _, q := range []string{"who is Mark Rutte?", "what did he say?"} {
		if k := keys.key(q); k != ConsoleConversation {
			t.Errorf("%q in conversation %q, want %q", q, k, ConsoleConversation)
		}
	}
	if _, err := os.Stat(filepath.Join(seeds, "quell.txt")); err == nil {
		t.Error("/remove left quell.txt in the seeds")
	}
}

// TestMentionInAUsersThreadStaysThere: with threads on everywhere, a
// mention inside a thread someone else opened is answered in that thread,
// which is its conversation; no thread is opened inside it.
func TestMentionInAUsersThreadStaysThere(t *testing.T) {
	var keys *keyRecorder
	h := startBot(t, harnessOpts{
		server: []discordtest.Option{discordtest.WithMessageContentIntent(true)},
		config: func(c *Config) { c.Threads = Threads{All: true} },
		router: func(r *Router) { keys = recordKeys(r) },
	})
	ctx := h.ctx()
	const thread = "1300000000000000666"
	h.srv.Dispatch("THREAD_CREATE", map[string]any{"id": thread, "type": discordgo.ChannelTypeGuildPublicThread,
		"guild_id": h.srv.GuildID, "parent_id": h.srv.ChannelID, "owner_id": h.srv.UserID, "name": "chat", "newly_created": true})
	h.srv.AddChannel(h.srv.GuildID, thread, "chat")
	// Not the bot's thread: a message without a mention is not for it.
	h.srv.SendMessage(discordtest.MessageOpts{Content: "anyone here?", ChannelID: thread})
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", ChannelID: thread, MentionBot: true})
	h.replyIn(ctx, thread, id)
	for _, r := range h.srv.Requests() {
		if strings.HasSuffix(r.Path, "/threads") {
			t.Errorf("opened a thread inside the thread: %s", r)
		}
	}
	if k := keys.key("how many troops?"); k != thread {
		t.Errorf("conversation %q, want the thread %q", k, thread)
	}
	if k := keys.key("anyone here?"); k != "" {
		t.Errorf("answered a message in someone else's thread without a mention")
	}
}

// TestAskOpensAThreadOnItsAnswer: with threads on, /ask answers in the
// channel and opens a thread on the answer, where follow-ups need no
// mention and continue the /ask's conversation.
func TestAskOpensAThreadOnItsAnswer(t *testing.T) {
	var keys *keyRecorder
	h := startBot(t, harnessOpts{
		server: []discordtest.Option{discordtest.WithMessageContentIntent(true)},
		config: func(c *Config) { c.Threads = Threads{Channels: []string{discordtest.DefaultChannelID}} },
		router: func(r *Router) { keys = recordKeys(r) },
	})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "who is Mark Rutte?")}})
	m := h.original(ctx, in)
	var thread string
	if err := h.srv.WaitUntil(ctx, func() bool {
		var ok bool
		thread, ok = h.srv.Thread(m.ID)
		return ok
	}); err != nil {
		t.Fatalf("no thread on the /ask answer: %v", err)
	}
	h.waitTrace(ctx, "thread opened thread="+thread)
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did he say?", ChannelID: thread})
	h.replyIn(ctx, thread, id)
	if k, want := keys.key("what did he say?"), keys.key("who is Mark Rutte?"); k != want || k == "" {
		t.Errorf("the follow-up in the thread is in conversation %q, want the /ask's %q", k, want)
	}
	// A private answer gets no thread.
	in = h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.StringOption("question", "how many troops?"), discordtest.BoolOption("private", true)}})
	if _, ok := h.srv.Thread(h.original(ctx, in).ID); ok {
		t.Error("a thread was opened on a private answer")
	}
}
