package bot

import (
	"testing"
	"time"
)

func TestParseRate(t *testing.T) {
	for in, want := range map[string]Rate{
		"5/1m": {5, time.Minute}, "20/1h": {20, time.Hour}, "1/10s": {1, 10 * time.Second},
		"5/m": {5, time.Minute}, " 3 / 2m ": {3, 2 * time.Minute}, "off": {}, "0": {},
	} {
		got, err := ParseRate(in)
		if err != nil || got != want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "5", "x/1m", "-1/1m", "5/0s", "5/forever"} {
		if _, err := ParseRate(bad); err == nil {
			t.Errorf("ParseRate(%q) succeeded", bad)
		}
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLimiter(Rate{2, time.Minute}, Rate{3, time.Minute})
	l.now = func() time.Time { return now }

	for i := range 2 {
		if v := l.allow("u1", "c1"); !v.OK {
			t.Fatalf("question %d refused", i+1)
		}
	}
	v := l.allow("u1", "c1")
	if v.OK || !v.Notify || v.Wait != 30*time.Second {
		t.Errorf("third question: %+v, want refused, notified, wait 30s", v)
	}
	if v := l.allow("u1", "c1"); v.OK || v.Notify {
		t.Errorf("fourth question: %+v, want refused silently", v)
	}
	// Another user may still ask, until the channel's bucket is empty.
	if v := l.allow("u2", "c1"); !v.OK {
		t.Error("u2 refused")
	}
	if v := l.allow("u3", "c1"); v.OK {
		t.Error("channel limit not applied")
	}
	// A refusal by the channel spends no user token.
	if v := l.allow("u3", "c2"); !v.OK {
		t.Error("u3 refused in another channel")
	}
	now = now.Add(30 * time.Second)
	if v := l.allow("u1", "c2"); !v.OK {
		t.Errorf("after the cool-down: %+v", v)
	}
	// Unlimited rates never refuse.
	free := newLimiter(Rate{}, Rate{})
	for range 100 {
		if !free.allow("u", "c").OK {
			t.Fatal("unlimited limiter refused")
		}
	}
}
