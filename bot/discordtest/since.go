package discordtest

// RequestsSince returns the REST requests received after the first n, oldest
// first: a test that follows many answers reads each request once instead of
// copying them all at every change (see WaitUntil).
func (s *Server) RequestsSince(n int) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n >= len(s.requests) {
		return nil
	}
	return append([]Request(nil), s.requests[max(n, 0):]...)
}
