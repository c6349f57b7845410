package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsbot/newsbot/bot/web"
)

// chromium returns the browser to drive: $NEWSBOT_CHROMIUM, else a
// Chromium or Chrome on PATH, else "".
func chromium() string {
	if p := os.Getenv("NEWSBOT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifacts is where the browser test saves its screenshots:
// $NEWSBOT_ARTIFACTS (CI sets it), else a folder under the system's
// temporary directory.
func artifacts(t *testing.T) string {
	dir := os.Getenv("NEWSBOT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "newsbot-browser-test")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser drives a fresh headless Chromium (skipping the test when there
// is none) and collects what the browser reports as going wrong: script
// errors and Content-Security-Policy violations.
type browser struct {
	t        *testing.T
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

func newBrowser(t *testing.T) *browser {
	exe := chromium()
	if exe == "" {
		if os.Getenv("NEWSBOT_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found, and NEWSBOT_REQUIRE_BROWSER is set (.ci/run installs it)")
		}
		t.Skip("no Chromium: install it (apt-get install -y chromium) to run the browser test")
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 760),
	)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	// Not a timing assertion: only a bound on a browser that hangs.
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel)
	b := &browser{t: t, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				b.problems = append(b.problems, "console."+string(ev.Type))
			}
		case *cdplog.EventEntryAdded:
			// Content-Security-Policy violations come this way too.
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				b.problems = append(b.problems, fmt.Sprintf("%s: %s (%s)", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatalf("starting the browser: %v", err)
	}
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.problems) > 0 {
			t.Errorf("the browser reported problems:\n%s", strings.Join(b.problems, "\n"))
		}
	})
	return b
}

func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *browser) text(what, css string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

func (b *browser) location() string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatalf("reading the address: %v", err)
	}
	return v
}

func (b *browser) check(what, js string) bool {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// shot saves a screenshot of the screen as name among the artifacts, and
// with -update as the README's picture readme (unless "").
func (b *browser) shot(name, readme string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifacts(b.t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
	if *update && readme != "" {
		if err := os.WriteFile(filepath.Join("testdata", readme), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// markInView is JavaScript: whether the marked quote is on the screen.
const markInView = `(() => { const r = document.getElementById('cited').getBoundingClientRect();
	return r.top >= 0 && r.bottom <= window.innerHeight; })()`

// The whole path a reader takes, in a real headless Chromium: open the
// page, ask, see the answer appear, follow a citation, and find the quoted
// sentence marked and in view in the article. Along the way: no script
// error and no Content-Security-Policy violation, a hostile article shown
// as text, and a phone-sized screen that needs no sideways scrolling.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	corpus := t.TempDir()
	for _, name := range []string{"000_7b664699113ac3fb.txt", "001_b7e1029fb9729208.txt", "002_6b9d529eae85757d.txt"} {
		data, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(corpus, name), data, 0o644)
	}
	evil := "Hostile <script>window.pwned = 1</script> article\n\n" +
		"It says <img src=x onerror=\"window.pwned = 2\"> and <b onmouseover=\"window.pwned = 3\">bold</b> things.\n"
	os.WriteFile(filepath.Join(corpus, "zz_evil.txt"), []byte(evil), 0o644)
	ts := httptest.NewServer(newServer(t, corpus, web.Options{}))
	defer ts.Close()

	const question = "Who wants Canada to extend its mission in Afghanistan?"
	b.do("asking",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), question),
		chromedp.Click(chromedp.CSS("#ask button")),
		// The page's script streams the answer and then swaps in the
		// checked one, with its sources.
		chromedp.WaitVisible(chromedp.CSS(".turn ol.sources")),
	)
	answer := b.text("reading the answer", ".turn .answer")
	quote := b.text("reading the quote of [1]", ".turn ol.sources blockquote")
	location := b.location()
	b.shot("answer.png", "")
	b.do("following [1]",
		chromedp.Click(chromedp.CSS(".turn a.cite")),
		chromedp.WaitVisible(chromedp.CSS("mark#cited")),
	)
	marked := b.text("reading the mark", "mark#cited")
	inView := b.check("placing the mark", markInView)
	b.shot("article.png", "")

	if !strings.Contains(answer, "Rasmussen") {
		t.Errorf("answer %q, want one naming Rasmussen", answer)
	}
	if !strings.Contains(location, "/?c=") {
		t.Errorf("page address after asking is %s, want the conversation's (/?c=...): the script did not answer", location)
	}
	if marked == "" || strings.TrimSpace(marked) != strings.TrimSpace(quote) {
		t.Errorf("the article marks %q, want the quote of [1] %q", marked, quote)
	}
	if !inView {
		t.Errorf("the marked sentence is not scrolled into view")
	}

	// A hostile article is text, and none of its script runs.
	b.do("opening the hostile article",
		chromedp.Navigate(ts.URL+"/articles/zz_evil.txt"),
		chromedp.WaitVisible(chromedp.CSS(".text")),
	)
	text := b.text("reading the hostile article", ".text")
	if b.check("looking for its script", `window.pwned !== undefined || document.querySelector('.text img, .text b') !== null`) ||
		!strings.Contains(text, "<script>window.pwned = 1</script>") {
		t.Errorf("hostile article: a script ran or its markup rendered; text %q", text)
	}

	// A linked answer, from the top of its page.
	b.do("opening a linked answer",
		chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape(question)),
		chromedp.WaitVisible(chromedp.CSS(".turn ol.sources")),
	)
	b.shot("linked-answer.png", "screenshot-answer.png")

	// On a phone, the answer fits the width.
	b.do("asking on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape(question)),
		chromedp.WaitVisible(chromedp.CSS(".turn ol.sources")),
	)
	if !b.check("measuring the page", `document.documentElement.scrollWidth <= window.innerWidth`) {
		t.Errorf("on a phone-sized screen the page is wider than the screen")
	}
	b.shot("phone.png", "")
}

// sotu is the State of the Union corpus beside the checkout (or
// $NEWSBOT_SOTU): 234 addresses, each on one line of up to 40 KB.
func sotu(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "sotu")
	if d := os.Getenv("NEWSBOT_SOTU"); d != "" {
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus %s is absent (set NEWSBOT_SOTU)", dir)
	}
	return dir
}

// In a speech that is one long line, a citation marks its sentence, not
// the line, and the page scrolls to it. Two of Lincoln's addresses are
// enough, and index fast.
func TestBrowserLongLine(t *testing.T) {
	corpus := t.TempDir()
	for _, name := range []string{"1862_abraham_lincoln_r.txt", "1863_abraham_lincoln_r.txt"} {
		data, err := os.ReadFile(filepath.Join(sotu(t), name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(corpus, name), data, 0o644)
	}
	b := newBrowser(t)
	ts := httptest.NewServer(newServer(t, corpus, web.Options{}))
	defer ts.Close()
	b.do("asking",
		chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape("What did Lincoln say about emancipation?")),
		chromedp.WaitVisible(chromedp.CSS(".turn ol.sources")),
	)
	label := b.text("reading the source of [1]", ".turn ol.sources li a")
	quote := b.text("reading the quote of [1]", ".turn ol.sources blockquote")
	b.do("following [1]",
		chromedp.Click(chromedp.CSS(".turn a.cite")),
		chromedp.WaitVisible(chromedp.CSS("mark#cited")),
	)
	marked := b.text("reading the mark", "mark#cited")
	line := b.text("reading the cited line", ".line.cited p")
	if !regexp.MustCompile(`^\S+\.txt:1\.\d+-\d+$`).MatchString(label) {
		t.Errorf("source label %q, want line 1 with the columns of the quote", label)
	}
	if strings.TrimSpace(marked) != strings.TrimSpace(quote) || len(line) < 10*len(marked) {
		t.Errorf("marked %d of the line's %d characters (%q), want just the quote %q", len(marked), len(line), marked, quote)
	}
	if !b.check("placing the mark", markInView) {
		t.Errorf("the marked sentence is not scrolled into view")
	}
	b.shot("long-line.png", "screenshot-article.png")
}
