package bot

import (
	"io"
	"net/http"
	"strconv"
	"time"
)

// REST retries: discordgo retries a 429 (after its retry_after) and a 502,
// but gives up at once on Discord's other server errors, which would lose the
// answer being sent. retryTransport retries those.
const (
	restRetries = 3
	restBackoff = 250 * time.Millisecond // doubled at each retry
	maxBackoff  = 5 * time.Second
)

// retryTransport resends a request that Discord (or Cloudflare in front of
// it) answered with a server error meaning "try again": 500, 502, 503, 504
// and 520-524. It waits restBackoff, doubling, or what Retry-After asks (up
// to maxBackoff), and stops when the request's context ends. A request whose
// body cannot be replayed is not retried.
type retryTransport struct {
	next    http.RoundTripper
	retries int
	backoff time.Duration
}

func retryable(code int) bool {
	switch {
	case code == 500, code == 502, code == 503, code == 504:
		return true
	case code >= 520 && code <= 524:
		return true
	}
	return false
}

// RoundTrip sends req, retrying server errors.
func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	wait := t.backoff
	for attempt := 0; ; attempt++ {
		resp, err := t.next.RoundTrip(req)
		if err != nil || !retryable(resp.StatusCode) || attempt >= t.retries ||
			(req.Body != nil && req.Body != http.NoBody && req.GetBody == nil) {
			return resp, err
		}
		d := wait
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			d = time.Duration(s) * time.Second
		}
		d = min(d, maxBackoff)
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		timer := time.NewTimer(d)
		select {
		case <-req.Context().Done():
			timer.Stop()
			return nil, req.Context().Err()
		case <-timer.C:
		}
		wait *= 2
		next := req.Clone(req.Context())
		if req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			next.Body = body
		}
		req = next
	}
}
