package bot

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a token-bucket rate: bursts of up to N questions, refilled at N
// per Per. The zero Rate means "no limit".
type Rate struct {
	N   int
	Per time.Duration
}

// Unlimited reports whether the rate imposes no limit.
func (r Rate) Unlimited() bool { return r.N <= 0 || r.Per <= 0 }

// String formats the rate as ParseRate reads it.
func (r Rate) String() string {
	if r.Unlimited() {
		return "off"
	}
	return fmt.Sprintf("%d/%s", r.N, r.Per)
}

// ParseRate reads a rate such as "5/1m", "20/1h", "1/10s" or "5/m"; "off"
// and "0" mean no limit.
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	if s == "off" || s == "0" {
		return Rate{}, nil
	}
	n, per, ok := strings.Cut(s, "/")
	count, err := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err != nil || count < 1 {
		return Rate{}, fmt.Errorf("%q is not a rate like 5/1m (or off)", clip(s))
	}
	per = strings.TrimSpace(per)
	if per != "" && (per[0] < '0' || per[0] > '9') {
		per = "1" + per // "5/m" is "5/1m"
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return Rate{}, fmt.Errorf("%q is not a rate like 5/1m (or off)", clip(s))
	}
	return Rate{N: count, Per: d}, nil
}

// limiter keeps one token bucket (golang.org/x/time/rate) per user and one
// per channel. A question spends a token from both, or from neither when
// either is empty.
type limiter struct {
	user, channel Rate
	now           func() time.Time

	mu       sync.Mutex
	buckets  map[string]*rate.Limiter // "u:ID" and "c:ID"
	noticed  map[string]time.Time
	lastTrim time.Time
}

func newLimiter(user, channel Rate) *limiter {
	return &limiter{user: user, channel: channel, now: time.Now,
		buckets: map[string]*rate.Limiter{}, noticed: map[string]time.Time{}}
}

// verdict is what allow decided.
type verdict struct {
	OK bool
	// Wait is how long until a question would be accepted.
	Wait time.Duration
	// Notify is true for the first refusal of a user in a cool-down, so a
	// user who keeps asking is told once in words (and with a reaction
	// after that), not once per message.
	Notify bool
}

// allow decides whether userID may ask a question in channelID now.
func (l *limiter) allow(userID, channelID string) verdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.trim(now)
	u := l.bucket("u:"+userID, l.user).ReserveN(now, 1)
	c := l.bucket("c:"+channelID, l.channel).ReserveN(now, 1)
	wait := max(u.DelayFrom(now), c.DelayFrom(now))
	if wait == 0 {
		delete(l.noticed, userID)
		return verdict{OK: true}
	}
	u.CancelAt(now) // give back the token of the bucket that had one
	c.CancelAt(now)
	v := verdict{Wait: wait}
	if until, ok := l.noticed[userID]; !ok || now.After(until) {
		l.noticed[userID] = now.Add(wait)
		v.Notify = true
	}
	return v
}

// bucket returns the limiter for key, full when new. Unlimited rates get a
// throw-away one that always allows.
func (l *limiter) bucket(key string, r Rate) *rate.Limiter {
	if r.Unlimited() {
		return rate.NewLimiter(rate.Inf, 0)
	}
	b := l.buckets[key]
	if b == nil {
		b = rate.NewLimiter(rate.Limit(float64(r.N)/r.Per.Seconds()), r.N)
		l.buckets[key] = b
	}
	return b
}

// trim forgets, once a minute, buckets that have refilled completely and
// notices that have expired, so memory stays bounded by recent askers.
func (l *limiter) trim(now time.Time) {
	if now.Sub(l.lastTrim) < time.Minute {
		return
	}
	l.lastTrim = now
	for k, b := range l.buckets {
		if b.TokensAt(now) >= float64(b.Burst()) {
			delete(l.buckets, k)
		}
	}
	for k, until := range l.noticed {
		if now.After(until) {
			delete(l.noticed, k)
		}
	}
}

// coolDownText is the notice a rate-limited user sees.
func coolDownText(wait time.Duration) string {
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	unit := "seconds"
	if secs == 1 {
		unit = "second"
	}
	return fmt.Sprintf("You're asking faster than I can keep up — please try again in %d %s.", secs, unit)
}
