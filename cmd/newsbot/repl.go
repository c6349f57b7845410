package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ergochat/readline"
	"github.com/newsbot/newsbot/bot"
)

const replHelp = `Ask a question about the coverage, or:
  /sources   the full passages behind the last answer
  /articles  the articles of the coverage: date, outlet, title, file
  /new       start a new conversation (forget earlier questions)
  /filter    show or set what questions are answered from:
             /filter source:reuters after:2009 before:2010-06, /filter off
  /reindex   pick up new, changed and removed articles
  /help      this text
  /quit      leave (Ctrl-D works too)`

// lineReader is the REPL's input: readline on a terminal, plain lines
// otherwise, so that piped questions work and can be tested.
type lineReader interface {
	ReadLine() (string, error)
	Close() error
}

type plainLines struct{ s *bufio.Scanner }

func (p plainLines) ReadLine() (string, error) {
	if p.s.Scan() {
		return p.s.Text(), nil
	}
	if err := p.s.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

func (plainLines) Close() error { return nil }

func cmdRepl(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [--source TEXT] [--after DATE] [--before DATE]")
	ff := addFilterFlags(fs)
	if _, err := a.parse(fs, c, args); err != nil {
		return err
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	b, ix, err := a.newBot(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()

	var in lineReader
	interactive := isTerminal(a.termOut) && isTerminalReader(a.stdin)
	if interactive {
		rl, err := readline.NewFromConfig(&readline.Config{
			Prompt:      "newsbot> ",
			HistoryFile: filepath.Join(stateRoot, "history"),
			Stdin:       a.stdin,
			Stdout:      a.termOut,
			Stderr:      a.termErr,
		})
		if err != nil {
			return fmt.Errorf("starting the line editor: %w", err)
		}
		in = rl
	} else {
		sc := bufio.NewScanner(a.stdin)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		in = plainLines{sc}
	}
	defer in.Close()
	// A signal (SIGTERM, or Ctrl-C while an answer is being worked out)
	// cancels ctx; closing the line reader ends a ReadLine waiting on the
	// terminal so the REPL exits instead of hanging.
	stop := context.AfterFunc(ctx, func() { in.Close() })
	defer stop()
	// The banner goes to the terminal, or to stderr when the REPL is fed by
	// a pipe, so that piped output holds only answers.
	banner := a.stdout
	if !interactive {
		banner = a.stderr
	}
	st := ix.Stats()
	fmt.Fprintf(banner, "newsbot: %d articles, %d passages from %s; %s.\n", st.Articles, st.Chunks, a.cfg.Corpus, a.modeLine())
	if interactive {
		fmt.Fprintln(banner, "Type a question, or /help.")
	}

	conv := bot.NewConversation(a.cfg.Conversation.Turns)
	conv.SetFilter(filter)
	if !filter.IsZero() {
		fmt.Fprintf(banner, "Filter: %s.\n", filter)
	}
	for {
		line, err := in.ReadLine()
		if errors.Is(err, readline.ErrInterrupt) {
			continue // Ctrl-C clears the line, as in a shell
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case line == "/quit" || line == "/exit":
			return nil
		case line == "/help":
			fmt.Fprintln(a.stdout, replHelp)
		case line == "/sources":
			last := conv.Last()
			if last == nil {
				fmt.Fprintln(a.stdout, "No answer yet.")
				continue
			}
			sc := a.newScreen(a.termOut, ix.Articles())
			fmt.Fprintln(a.screenOut(sc), sc.sources(*last))
		case line == "/articles":
			fmt.Fprintln(a.stdout, bot.FormatArticles(b.Articles()))
		case line == "/new":
			f := conv.Filter() // the filter is a setting, not memory: it stays
			conv = bot.NewConversation(a.cfg.Conversation.Turns)
			conv.SetFilter(f)
			fmt.Fprintln(a.stdout, "New conversation: follow-up questions start afresh.")
		case line == "/filter" || strings.HasPrefix(line, "/filter "):
			f, changed, err := parseFilterCommand(strings.TrimPrefix(line, "/filter"), conv.Filter())
			switch {
			case err != nil:
				fmt.Fprintln(a.stdout, err)
			case !changed:
				fmt.Fprintf(a.stdout, "Filter: %s.\n", f)
			default:
				conv.SetFilter(f)
				fmt.Fprintf(a.stdout, "Filter: %s.\n", f)
				if why := f.Why(ix.Articles()); why != "" {
					fmt.Fprintln(a.stdout, why)
				}
			}
		case line == "/reindex":
			rep, err := a.sync(ctx, ix, true)
			if err != nil {
				fmt.Fprintf(a.stdout, "reindex failed: %v\n", err)
				continue
			}
			printReport(a.stdout, rep)
		case strings.HasPrefix(line, "/"):
			fmt.Fprintf(a.stdout, "Unknown command %s; try /help.\n", strings.Fields(line)[0])
		default:
			// Ctrl-C while the answer is being written cancels the answer,
			// not the REPL; the conversation stays as it was.
			qctx, cancel := context.WithCancel(ctx)
			release := interruptsOf(ctx).push(cancel)
			ans, streamed, err := a.answer(qctx, b, conv, line, interactive)
			release()
			cancel()
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				if qctx.Err() != nil {
					fmt.Fprintln(a.stdout, "\n(answer cancelled)")
					continue
				}
				a.log.Error("answering failed", "err", err)
				fmt.Fprintln(a.stdout, "Sorry, something went wrong answering that; see the log.")
				continue
			}
			sc := a.newScreen(a.termOut, ix.Articles())
			printAnswer(a.screenOut(sc), sc, ans, streamed)
		}
	}
}

func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isTerminal(f)
}

// answer asks question within conv. A model's answer is shown as it is
// written when stream (on a terminal), wrapped to its width; what was
// shown is returned for printAnswer.
func (a *app) answer(ctx context.Context, b *bot.Bot, conv *bot.Conversation, question string, stream bool) (bot.Answer, string, error) {
	var streamed strings.Builder
	var onToken func(string)
	var ww *wrapWriter
	if stream && b.Mode() == bot.ModeLLM {
		ww = &wrapWriter{w: a.stdout, width: a.newScreen(a.termOut, nil).width}
		onToken = func(tok string) {
			streamed.WriteString(tok)
			ww.WriteString(clean(tok))
		}
	}
	ans, err := b.Ask(ctx, conv, question, onToken)
	if ww != nil {
		ww.Flush()
	}
	return ans, streamed.String(), err
}

// printAnswer prints ans after the text already streamed of it, if any,
// and a blank line, which keeps piped output easy to split. When the
// checked answer says what was streamed, only its sources follow; when it
// differs (markers renumbered or dropped, or the model failed and the
// coverage is quoted instead), the whole checked answer is printed.
func printAnswer(w io.Writer, sc screen, ans bot.Answer, streamed string) {
	fmt.Fprintf(w, "%s\n\n", sc.answer(ans, streamed))
}
