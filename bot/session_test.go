package bot

import (
	"net/http"
	"net/url"
	"testing"
)

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRewriteTransport(t *testing.T) {
	var got *http.Request
	rt := &rewriteTransport{base: mustURL(t, "http://127.0.0.1:9/proxy"), next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r
		return &http.Response{StatusCode: 204, Body: http.NoBody}, nil
	})}
	req, _ := http.NewRequest("GET", "https://discord.com/api/v9/gateway", nil)
	if _, err := rt.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	if u := got.URL.String(); u != "http://127.0.0.1:9/proxy/api/v9/gateway" {
		t.Errorf("rewritten to %s", u)
	}
	if req.URL.Host != "discord.com" {
		t.Error("the caller's request was modified")
	}
	other, _ := http.NewRequest("GET", "https://cdn.discordapp.com/x.png", nil)
	rt.RoundTrip(other)
	if got.URL.Host != "cdn.discordapp.com" {
		t.Errorf("a non-discord.com URL was rewritten to %s", got.URL)
	}
}
