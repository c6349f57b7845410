package main

import (
	"context"
	"fmt"
	"net"
	"sync"

	"golang.org/x/time/rate"

	"github.com/newsbot/newsbot/bot/web"
)

func cmdServe(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--config FILE] [--corpus DIR] [--index DIR] [--addr HOST:PORT]")
	addr := fs.String("addr", "", "listen on `HOST:PORT` (default from config, else 127.0.0.1:8080)")
	if _, err := a.parse(fs, c, args); err != nil {
		return err
	}
	w := a.cfg.Web
	if *addr != "" {
		if !hostPort(*addr) {
			return usageError{fmt.Sprintf("--addr %q: want HOST:PORT, e.g. 127.0.0.1:8080", *addr)}
		}
		w.Addr = *addr
	}
	if w.Token == "" && !loopback(w.Addr) {
		return fmt.Errorf("web: %s is reachable from other machines, so it needs a token: set %s (or keep web.addr on 127.0.0.1)", w.Addr, EnvWebToken)
	}
	b, ix, err := a.newBot(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	ln, err := net.Listen("tcp", w.Addr)
	if err != nil {
		return fmt.Errorf("web: %w", err)
	}
	srv := web.New(b, ix, web.Options{
		Corpus:       a.cfg.Corpus,
		Token:        w.Token,
		AskRate:      rate.Every(w.AskRate.Every),
		AskBurst:     w.AskRate.Burst,
		RequestRate:  rate.Every(w.RequestRate.Every),
		RequestBurst: w.RequestRate.Burst,
		TrustProxy:   w.TrustProxy,
		MaxTurns:     a.cfg.Conversation.Turns,
		Logger:       a.log,
	})
	fmt.Fprintf(a.stdout, "newsbot: serving %d articles from %s at http://%s/ (Ctrl-C to stop); %s.\n",
		ix.Stats().Articles, a.cfg.Corpus, ln.Addr(), a.modeLine())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if w.Watch {
		a.watch(ctx, ix, &wg)
	}
	err = srv.Serve(ctx, ln)
	cancel()
	wg.Wait()
	return err
}

// loopback reports whether the listening address addr is reachable only
// from this machine.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
