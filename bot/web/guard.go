package web

import (
	"crypto/subtle"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// contentSecurityPolicy lets the page run only the binary's own script
// and style files: no inline script or style, nothing from elsewhere, no
// framing. An article or answer that smuggled markup past the escaping
// could still not run anything.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// tokenCookie holds the token for a browser that logged in.
const tokenCookie = "newsbot_token"

// guard wraps every request: security headers, a 404 for any path that
// is not in clean form (so that no "..", "//" or encoded variant of them
// ever reaches a handler), the client's request rate, and the token.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if !cleanPath(r.URL.Path) {
			s.notFound(w, r)
			return
		}
		c := s.client(r)
		if ok, wait := allow(c.requests); !ok {
			s.tooMany(w, r, wait)
			return
		}
		if !s.authorized(r) && !open(r.URL.Path) {
			s.unauthorized(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cleanPath reports whether p is an absolute path with no empty, "." or
// ".." segment and no backslash. ServeMux would redirect such paths to
// their clean form; refusing them outright keeps traversal attempts,
// however encoded (net/http has decoded %2e and %2f by now), from
// reaching anything.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || seg == "" && i < len(segs)-1 {
			return false
		}
	}
	return true
}

// open reports whether path is served without the token: what the login
// page needs, and the health check.
func open(path string) bool {
	return path == "/login" || path == "/healthz" || strings.HasPrefix(path, "/static/")
}

// authorized reports whether r carries the token, as "Authorization:
// Bearer TOKEN" or in the login cookie, or no token is needed.
func (s *Server) authorized(r *http.Request) bool {
	if s.opt.Token == "" {
		return true
	}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && s.tokenMatches(strings.TrimSpace(auth)) {
		return true
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.tokenMatches(c.Value)
}

func (s *Server) tokenMatches(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.opt.Token)) == 1
}

func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsbot"`)
		jsonError(w, http.StatusUnauthorized, "this server needs its token: send \"Authorization: Bearer TOKEN\"")
		return
	}
	s.render(w, r, http.StatusUnauthorized, "login.html", s.loginPage(r.URL.RequestURI(), false))
}

// login checks the token a person typed and, when it is right, sets the
// cookie that carries it from then on (HttpOnly, so no script reads it;
// SameSite=Strict, so no other site's page can use it).
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if ok, wait := allow(s.client(r).asks); !ok { // guessing tokens is as dear as asking
		s.tooMany(w, r, wait)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	next := localPath(r.PostFormValue("next"))
	if s.opt.Token == "" || !s.tokenMatches(r.PostFormValue("token")) {
		s.render(w, r, http.StatusUnauthorized, "login.html", s.loginPage(next, s.opt.Token != ""))
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: tokenCookie, Value: s.opt.Token, Path: "/", HttpOnly: true,
		Secure:   r.TLS != nil || s.opt.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https",
		SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600,
	})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// localPath returns p when it is a path on this server, else "/", so
// that the login form cannot send anyone elsewhere.
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return "/"
	}
	return p
}

// client is the rate limits of one client address.
type client struct {
	requests *rate.Limiter
	asks     *rate.Limiter
}

// client returns the limits of r's client: its address, or with
// TrustProxy the last address the proxy put in X-Forwarded-For.
func (s *Server) client(r *http.Request) *client {
	key, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		key = r.RemoteAddr
	}
	if s.opt.TrustProxy {
		if fwd := r.Header.Values("X-Forwarded-For"); len(fwd) > 0 {
			hops := strings.Split(fwd[len(fwd)-1], ",")
			if hop := strings.TrimSpace(hops[len(hops)-1]); hop != "" {
				key = hop
			}
		}
	}
	return s.clients.GetOrPut(key, func() *client {
		return &client{
			requests: rate.NewLimiter(s.opt.RequestRate, s.opt.RequestBurst),
			asks:     rate.NewLimiter(s.opt.AskRate, s.opt.AskBurst),
		}
	})
}

// allow takes a token from l, or says how long until one is free.
func allow(l *rate.Limiter) (bool, time.Duration) {
	res := l.Reserve()
	if d := res.Delay(); d > 0 {
		res.Cancel()
		return false, d
	}
	return true, 0
}

func (s *Server) tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	if wait == rate.InfDuration {
		secs = 60
	}
	w.Header().Set("Retry-After", fmt.Sprint(secs))
	msg := fmt.Sprintf("too many requests: try again in %d s", secs)
	if isAPI(r) {
		jsonError(w, http.StatusTooManyRequests, msg)
		return
	}
	s.errorPage(w, r, http.StatusTooManyRequests, "Slow down", msg)
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
