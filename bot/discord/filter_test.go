package discord

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/retrieval/storetest"
	"golang.org/x/time/rate"
)

// /ask takes the filters of the command line: source, after and before.
func TestDiscordAskFilters(t *testing.T) {
	t.Parallel()
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		"reuters/2008-02-22-ferry.txt": "Ferry strike\n\nHALIFAX (Reuters) - Ferry workers walked off the job on Monday over pay.\n",
		"ap/2009-06-13-ferry.txt":      "Ferry strike ends\n\nHALIFAX (AP) - Ferry workers went back to work on Friday after a deal on pay.\n",
	})
	b := bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
	f := newFakeDiscord(t)
	startDiscord(t, f, b, Options{UserRate: rate.Inf, ChannelRate: rate.Inf})

	// The command is registered with its filter options.
	reg := f.requests("PUT", "/api/v9/applications/*")
	if body := string(reg[0].Body); !strings.Contains(body, `"name":"source"`) || !strings.Contains(body, `"name":"after"`) || !strings.Contains(body, `"name":"before"`) {
		t.Errorf("registered commands %s, want /ask with source, after and before", body)
	}
	opt := func(name, value string) map[string]any {
		return map[string]any{"name": name, "type": 3, "value": value}
	}
	ask := func(id string, opts ...map[string]any) string {
		t.Helper()
		f.dispatch(t, "INTERACTION_CREATE", f.slashCommand(id, "c-"+id, member("u-"+id, "0"), "ask", opts...))
		patch := "/api/v9/webhooks/app-1/itoken-" + id + "/messages/@original"
		cb := "/api/v9/interactions/" + id + "/itoken-" + id + "/callback"
		eventually(t, "the answer to "+id, func() bool {
			return len(f.requests("PATCH", patch)) > 0 || len(f.requests("POST", cb)) > 0 && f.requests("POST", cb)[0].json(t)["type"] == 4.0
		})
		if p := f.requests("PATCH", patch); len(p) > 0 {
			return content(t, p[len(p)-1])
		}
		data, _ := f.requests("POST", cb)[0].json(t)["data"].(map[string]any)
		s, _ := data["content"].(string)
		return s
	}
	q := opt("question", "What did the ferry workers do?")
	if got := ask("i-after", q, opt("after", "2009")); !strings.Contains(got, "2009-06-13-ferry.txt") || strings.Contains(got, "reuters/") {
		t.Errorf("/ask after:2009 = %q, want an answer from the 2009 article only", got)
	}
	if got := ask("i-source", q, opt("source", "reuters")); !strings.Contains(got, "reuters/") || strings.Contains(got, "ap/") {
		t.Errorf("/ask source:reuters = %q, want an answer from reuters/ only", got)
	}
	if got := ask("i-none", q, opt("source", "afp")); !strings.Contains(got, "The coverage doesn't say.") || !strings.Contains(got, "No article's file name matches") {
		t.Errorf("/ask source:afp = %q, want a refusal saying why", got)
	}
	if got := ask("i-bad", q, opt("before", "last week")); !strings.Contains(got, "2009-06-13") {
		t.Errorf("/ask before:last week = %q, want the accepted date forms", got)
	}
}
