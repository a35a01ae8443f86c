package bot

// The load test: 2,000 questions from 50 users at once, as mentions and /ask
// interactions, through a real discordgo session and the fake Discord, while
// an admin reloads the briefings three times. Every question must be
// answered, none with a failure, and no outgoing message may allow a mention.
// Reply times are measured and logged, never asserted.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

const (
	loadUsers     = 50
	loadQuestions = 2000
)

// loadQuestionList is what the users ask: seed questions, hostile ones, and
// ones whose answers quote text that tries to ping.
var loadQuestionList = []string{
	"what did China say?",
	"what did Russia say?",
	"how many troops?",
	"who is Mark Rutte?",
	"what did North Korea say?",
	"what did France say?",
	"who is Kim?",
	"what did Ana Vell say?",
	"@everyone what did Ana Vell say?",
	"<@&456> <@123> @here who is Mark Rutte?",
	"what did Zara Quell say?",
	"NEAR(",
	`"`,
	"AND OR NOT",
	"'; DROP TABLE sentences; --",
	"🙂🙂🙂",
	"what did Chin\xe9 say?",
	"",
	"text:china",
	"how many soldiers did South Korea say?",
}

// replyFollower reads the fake Discord's requests once each and hands every
// answer to whoever waits for it: "m:<message id>" for a reply to a message,
// "i:<interaction token>" for the edit of an interaction's @original that
// holds the answer (not a progress line edited in before it).
type replyFollower struct {
	srv  *discordtest.Server
	mu   sync.Mutex
	seen int
	box  map[string]chan discordtest.Request
}

func (f *replyFollower) slot(key string) chan discordtest.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := f.box[key]
	if ch == nil {
		ch = make(chan discordtest.Request, 4)
		f.box[key] = ch
	}
	return ch
}

// poll dispatches the requests received since the last call; WaitUntil calls
// it after every change of the server's state.
func (f *replyFollower) poll() bool {
	news := f.srv.RequestsSince(f.seen)
	f.seen += len(news)
	for _, r := range news {
		if r.Status != 200 {
			continue
		}
		switch {
		case r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") && strings.HasPrefix(r.Path, "/api/v9/channels/"):
			m, err := r.Message()
			if err == nil && m.MessageReference != nil {
				f.slot("m:" + m.MessageReference.MessageID) <- r
			}
		case r.Method == "PATCH" && strings.HasSuffix(r.Path, "/messages/@original"):
			// A slow reload edits progress lines in (content only) before
			// its report: the answer is the edit that carries an embed.
			if m, err := r.Message(); err != nil || len(m.Embeds) == 0 {
				continue
			}
			parts := strings.Split(r.Path, "/") // /api/v9/webhooks/APP/TOKEN/messages/@original
			if len(parts) >= 6 {
				f.slot("i:" + parts[5]) <- r
			}
		}
	}
	return false
}

func (f *replyFollower) wait(ctx context.Context, key string) (discordtest.Request, error) {
	select {
	case r := <-f.slot(key):
		return r, nil
	case <-ctx.Done():
		return discordtest.Request{}, fmt.Errorf("no answer for %s: %w", key, ctx.Err())
	}
}

// loadResult is one question's outcome.
type loadResult struct {
	user, question string
	slash          bool
	took           time.Duration
	at             time.Time
	err            string // empty when answered properly
}

func TestLoad(t *testing.T) {
	const adminRole = "1300000000000000777"
	h := startBot(t, harnessOpts{
		briefings: map[string]string{"pings.txt": pingBriefing},
		config: func(c *Config) {
			// Unthrottled: the load is 50 users in one channel.
			c.UserRate, c.ChannelRate = Rate{}, Rate{}
			c.AdminRoles = []string{adminRole}
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // a hang guard
	defer cancel()

	f := &replyFollower{srv: h.srv, box: map[string]chan discordtest.Request{}}
	followCtx, stopFollowing := context.WithCancel(ctx)
	following := make(chan struct{})
	go func() {
		defer close(following)
		h.srv.WaitUntil(followCtx, f.poll)
	}()
	defer func() { stopFollowing(); <-following }()

	// The admin reloads three times during the load, with work to do each
	// time: a new briefing, a bigger corpus if the shared BBC articles are
	// there, a change, a removal.
	var answered atomic.Int64
	type reloadRun struct {
		start, end time.Time
		report     string
	}
	var reloads []reloadRun
	adminDone := make(chan struct{})
	bbc, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "bbc", "*.txt"))
	go func() {
		defer close(adminDone)
		steps := []func(){
			func() {
				h.writeBriefing("quell.txt", newBriefing)
				for _, p := range bbc {
					if b, err := os.ReadFile(p); err == nil {
						h.writeBriefing("bbc-"+filepath.Base(p), string(b))
					}
				}
			},
			func() { h.writeBriefing("quell.txt", strings.Replace(newBriefing, "double", "triple", 1)) },
			func() {
				for _, p := range bbc {
					os.Remove(filepath.Join(h.seeds, "bbc-"+filepath.Base(p)))
				}
				os.Remove(filepath.Join(h.seeds, "quell.txt"))
			},
		}
		for i, step := range steps {
			for answered.Load() < int64((i+1)*loadQuestions/4) {
				select {
				case <-ctx.Done():
					return
				case <-time.After(5 * time.Millisecond):
				}
			}
			step()
			run := reloadRun{start: time.Now()}
			in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", Roles: []string{adminRole}, UserID: "1300000000000000901"})
			r, err := f.wait(ctx, "i:"+in.Token)
			run.end = time.Now()
			if err != nil {
				t.Errorf("reload %d: %v", i+1, err)
				return
			}
			m, _ := r.Message()
			run.report = messageText(m)
			reloads = append(reloads, run)
		}
	}()

	// 50 users, each asking its share of the 2,000 questions one after the
	// other, alternately by mention and by /ask.
	results := make(chan loadResult, loadQuestions)
	var wg sync.WaitGroup
	start := time.Now()
	for u := range loadUsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := fmt.Sprint(1300000000000100000 + u)
			for j := u; j < loadQuestions; j += loadUsers {
				q := loadQuestionList[j%len(loadQuestionList)]
				res := loadResult{user: user, question: q, slash: j%2 == 1}
				sent := time.Now()
				var key string
				if res.slash {
					opt := q
					if opt == "" {
						opt = "?"
					}
					in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", UserID: user,
						Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", opt)}})
					key = "i:" + in.Token
				} else {
					key = "m:" + h.srv.SendMessage(discordtest.MessageOpts{Content: q, MentionBot: true, AuthorID: user})
				}
				r, err := f.wait(ctx, key)
				if err != nil {
					res.err = err.Error()
					results <- res
					return
				}
				res.took, res.at = r.Time.Sub(sent), r.Time
				res.err = checkLoadReply(r)
				answered.Add(1)
				results <- res
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	<-adminDone
	close(results)

	var took []time.Duration
	failures, n := 0, 0
	var during [3]int
	for res := range results {
		n++
		if res.err != "" {
			failures++
			if failures <= 10 {
				t.Errorf("user %s, %q (slash %v): %s", res.user, res.question, res.slash, res.err)
			}
			continue
		}
		took = append(took, res.took)
		for i, run := range reloads {
			if !res.at.Before(run.start) && !res.at.After(run.end) {
				during[i]++
			}
		}
	}
	if n != loadQuestions || failures > 0 {
		t.Errorf("%d questions asked, %d answered properly, %d failed; want %d, all answered", n, len(took), failures, loadQuestions)
	}
	if len(reloads) != 3 {
		t.Errorf("%d reloads ran, want 3", len(reloads))
	}
	for i, run := range reloads {
		if strings.Contains(run.report, "failed") || !strings.Contains(run.report, "Now serving") {
			t.Errorf("reload %d reported %q", i+1, run.report)
		}
		t.Logf("reload %d took %v, %d answers delivered meanwhile: %.200q", i+1, run.end.Sub(run.start).Round(time.Millisecond), during[i], run.report)
	}
	slices.Sort(took)
	t.Logf("load: %d questions from %d users (%d mentions, %d /ask) in %v: %d answered, %d failed; reply time p50 %v, p99 %v, max %v",
		n, loadUsers, n-n/2, n/2, elapsed.Round(time.Millisecond), len(took), failures,
		percentile(took, 50), percentile(took, 99), percentile(took, 100))

	// Nothing may ping, whatever the briefings or the questions hold.
	reqs := h.srv.Requests()
	assertNoMentionsAllowed(t, reqs)
	for _, r := range reqs {
		if r.Status >= 400 {
			t.Errorf("Discord refused %s: %.300s", r, r.Body)
		}
	}
}

// checkLoadReply returns why a reply is not a proper answer, or "".
func checkLoadReply(r discordtest.Request) string {
	m, err := r.Message()
	if err != nil {
		return err.Error()
	}
	text := messageText(m)
	switch {
	case len(m.Embeds) != 1:
		return fmt.Sprintf("not an answer: %.200q", text)
	case m.Embeds[0].Color == colorFailed || strings.Contains(strings.ToLower(text), "sorry"):
		return fmt.Sprintf("a failure: %.200q", text)
	case strings.Contains(text, "try again in"):
		return "throttled"
	}
	for _, raw := range []string{"@everyone", "@here", "<@1", "<@&"} {
		if strings.Contains(text, raw) {
			return fmt.Sprintf("raw mention %q in %.200q", raw, text)
		}
	}
	return ""
}

// percentile is the p-th percentile (nearest rank) of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
