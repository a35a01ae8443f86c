package answer

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	type parsed struct {
		Intent  Intent
		Subject string
		Focus   string
		Topic   string
	}
	for _, tc := range []struct {
		q    string
		want parsed
	}{
		{"what did China say?", parsed{Said, "china", "say", ""}},
		{"What did Moscow say about China's role?", parsed{Said, "moscow", "say", "china role"}},
		{"WHAT DID THE KREMLIN SAY", parsed{Said, "the kremlin", "say", ""}},
		{"what does South Korea want?", parsed{Said, "south korea", "want", ""}},
		{"what do critics argue", parsed{Said, "critics", "argue", ""}},
		{"whats the french position on lifting the arms embargo", parsed{Said, "the french", "position", "lifting arms embargo"}},
		{"What's the Israeli position on Syria?", parsed{Said, "the israeli", "position", "syria"}},
		{"how did islamabad respond to the report", parsed{Said, "islamabad", "respond", "report"}},
		{"What are economists forecasting?", parsed{Said, "economists", "forecasting", ""}},
		{"has ankara said anything about recognising cyprus", parsed{Said, "ankara", "said", "recognising cyprus"}},
		{"how many troops?", parsed{Quantity, "", "troops", "troops"}},
		{"how much did yugansk go for at the auction?", parsed{Quantity, "", "", "yugansk auction"}},
		{"What % of Japan's trade was with China in 2004?", parsed{Quantity, "", "%", "% japan trade china 2004"}},
		{"who is Mark Rutte?", parsed{WhoIs, "mark rutte", "", ""}},
		{"who's john mccain", parsed{WhoIs, "john mccain", "", ""}},
		{"who is the NATO secretary general", parsed{WhoIs, "the nato secretary general", "", ""}},
		{"tell me about Peskov", parsed{Summary, "peskov", "", ""}},
		{"when was the security pact signed?", parsed{When, "", "", "security pact signed"}},
		{"where did David Lammy visit?", parsed{Where, "", "", "david lammy visit"}},
		{"why didnt CNPC take a stake in yugansk?", parsed{Why, "", "", "cnpc take stake yugansk"}},
		{"did nelson mandela support the chancellor's plan?", parsed{YesNo, "", "", "nelson mandela support chancellor plan"}},
		{"who did South Korea summon?", parsed{Search, "", "", "south korea summon"}},
		{"  ", parsed{Search, "", "", ""}},
	} {
		q := Parse(tc.q)
		got := parsed{q.Intent, q.Subject, q.Focus, strings.Join(q.Topic, " ")}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tc.q, diff)
		}
	}
}

func TestParseStrangeInput(t *testing.T) {
	for _, q := range []string{
		"", " ", "???", "\x00\x01\x02", strings.Repeat("a", 100_000), "NEAR(", `"`, "*", "AND OR NOT",
		"'; DROP TABLE sentences; --", "🙂🙂🙂", "\xff\xfe bad utf8", "what did \u202e say",
	} {
		p := Parse(q) // must not panic
		if len(p.Raw) > MaxQuestion {
			t.Errorf("Parse kept %d bytes of a long question", len(p.Raw))
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"what did China say?", "how many troops", "who is X", "NEAR(", "\"", "what's the x position on y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		if len(q.Raw) > MaxQuestion {
			t.Fatalf("raw too long: %d", len(q.Raw))
		}
		for _, w := range q.Words {
			if w == "" {
				t.Fatal("empty word")
			}
		}
	})
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"lamy", "lammy", 2, 1},
		{"peskv", "peskov", 2, 1},
		{"ryabyk", "ryabykh", 2, 1},
		{"etzoni", "etzioni", 2, 1},
		{"chaves", "chavez", 2, 1},
		{"form", "from", 2, 1}, // a transposition is one edit
		{"smith", "straw", 2, 3},
		{"", "abc", 5, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestExpects checks that Parse decides once what a question expects, the
// intent settling it where it can and the wh-word otherwise.
func TestExpects(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want answerType
	}{
		{"how many troops?", ansNumber},
		{"what is the estimate of casualties", ansNumber},
		{"when was the pact signed?", ansTime},
		{"which country sent troops?", ansPlace},
		{"what caused the delay?", ansReason},
		{"who leads the talks", ansPerson},
		{"which team won", ansName},
		{"what did China say?", ansNone},
	} {
		if got := Parse(tc.q).expects; got != tc.want {
			t.Errorf("Parse(%q).expects = %d, want %d", tc.q, got, tc.want)
		}
	}
}
