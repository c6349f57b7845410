package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/newsbot/newsbot/retrieval/postgres"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
)

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

const usage = `newsbot answers questions about a folder of news articles, citing file and line.

Usage:
  newsbot ask      [--corpus DIR] [--index DIR] [-c] [--json] [FILTERS] QUESTION
  newsbot repl     [--corpus DIR] [--index DIR] [FILTERS]
  newsbot search   [--corpus DIR] [--index DIR] [-k N] [--json] [FILTERS] QUERY
  newsbot articles [--corpus DIR] [--index DIR] [--json]
  newsbot index    [--corpus DIR] [--index DIR] [--watch]
  newsbot eval     [--corpus DIR] [--index DIR] FILE
  newsbot discord  [--config FILE]
  newsbot serve    [--corpus DIR] [--index DIR] [--addr HOST:PORT]
  newsbot version

FILTERS: --source TEXT (part of the path, or a glob such as '*.pdf'),
--after DATE and --before DATE (2009, 2009-06 or 2009-06-13).

Every command takes --config FILE (default: config.yaml when present) and --help.
The default corpus is the seeds/ folder; each corpus's index lives under
.newsbot/corpora/ (the folder's name and a hash of its path), or in
Postgres with pgvector when --index is a URL (postgres://user:pass@host:5432/db).
`

// run is the whole program: main only supplies the process's environment,
// so tests can run any command in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "version", "--version", "-version", "-V":
		fmt.Fprintln(stdout, version())
		return nil
	}
	commands := map[string]func(context.Context, *app, []string) error{
		"ask":      cmdAsk,
		"repl":     cmdRepl,
		"search":   cmdSearch,
		"articles": cmdArticles,
		"index":    cmdIndex,
		"eval":     cmdEval,
		"discord":  cmdDiscord,
		"serve":    cmdServe,
	}
	f, ok := commands[cmd]
	if !ok {
		msg := fmt.Sprintf("unknown command %q", cmd)
		if strings.HasPrefix(cmd, "-") {
			msg = fmt.Sprintf("unknown option %s before a command", cmd)
		}
		names := append(slices.Collect(maps.Keys(commands)), "version", "help")
		if near := closest(strings.TrimLeft(cmd, "-"), names); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return usageError{msg + "; see newsbot --help"}
	}
	a := &app{name: cmd, getenv: getenv, stdin: stdin, stdout: plainWriter{stdout}, stderr: plainWriter{stderr}, termOut: stdout, termErr: stderr}
	err := f(ctx, a, rest)
	if a.logFile != nil {
		a.logFile.Close()
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// app is what every command shares: the process's streams and the
// configuration once flags are parsed.
type app struct {
	name           string
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer // what newsbot prints, without control characters (plainWriter)
	// termOut and termErr are the process's streams themselves, for the
	// line editor and the progress bar, which draw with escapes.
	termOut, termErr io.Writer
	cfg              Config
	log              *slog.Logger
	state            string    // folder of what is kept about the corpus (corpusState, or the index's)
	skips            skipNotes // skipped-file warnings already given
	needArticles     bool      // an empty corpus is an error, not a warning
	logFile          *lazyFile // the log of a terminal command, closed by run
}

// logWriter is where the log goes. The servers (discord, serve) log to
// stderr, as services do. The terminal commands keep their log in a file
// beside the index, newsbot.log, so that what a person reads on the
// terminal is answers and one-line messages, not log records.
func (a *app) logWriter() io.Writer {
	if a.name == "discord" || a.name == "serve" {
		return a.stderr
	}
	a.logFile = &lazyFile{path: filepath.Join(a.state, "newsbot.log"), fallback: a.stderr}
	return a.logFile
}

// lazyFile appends to a file it creates on the first write, so that a
// command that logs nothing leaves no file; it writes to fallback when
// the file cannot be made.
type lazyFile struct {
	path     string
	fallback io.Writer
	mu       sync.Mutex
	f        *os.File
	err      error
}

func (l *lazyFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil && l.err == nil {
		if l.err = os.MkdirAll(filepath.Dir(l.path), 0o755); l.err == nil {
			l.f, l.err = os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		}
	}
	if l.err != nil {
		return l.fallback.Write(p)
	}
	return l.f.Write(p)
}

// Close closes the file, if it was made.
func (l *lazyFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	return l.f.Close()
}

// flags declares the options every command takes.
func (a *app) flags(synopsis string) (*flag.FlagSet, *commonFlags) {
	fs := flag.NewFlagSet("newsbot "+a.name, flag.ContinueOnError)
	// parse prints usage itself: to stdout when asked for, to stderr
	// after a mistake.
	fs.SetOutput(io.Discard)
	c := &commonFlags{}
	fs.StringVar(&c.config, "config", "", "config `FILE` (default config.yaml when present)")
	fs.StringVar(&c.corpus, "corpus", "", "folder of articles (default from config, else seeds)")
	fs.StringVar(&c.index, "index", "", "index folder or postgres:// URL (default from config, else one per corpus under .newsbot/)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: newsbot %s %s\n\nOptions:\n", a.name, synopsis)
		fs.PrintDefaults()
	}
	return fs, c
}

type commonFlags struct{ config, corpus, index string }

// parse parses args, allowing flags after positional arguments
// ("newsbot search nato -k 3"), then loads the configuration.
func (a *app) parse(fs *flag.FlagSet, c *commonFlags, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(a.stdout)
				fs.Usage()
				return nil, err
			}
			return nil, a.flagError(fs, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	cfg, err := loadConfig(c.config, a.getenv)
	if err != nil {
		return nil, err
	}
	if c.corpus != "" {
		cfg.Corpus = c.corpus
	}
	if c.index != "" {
		cfg.Index = c.index
	}
	// What newsbot keeps about a corpus goes beside its default index, or
	// into the index folder that the config or --index names.
	a.state = cfg.Index
	switch {
	case cfg.Index == "":
		a.state = corpusState(cfg.Corpus)
		cfg.Index = filepath.Join(a.state, "index")
	case postgres.IsURL(cfg.Index):
		// The index is in a database; the rest stays on this machine.
		a.state = corpusState(cfg.Corpus)
	}
	a.skips = skipNotes{path: filepath.Join(a.state, "skipped")}
	a.cfg = cfg
	a.log = newLogger(a.logWriter(), cfg.Log.Level, cfg.Log.Format)
	return pos, nil
}

// loadConfig reads the config file named by --config, or config.yaml when
// it exists, or returns the defaults.
func loadConfig(path string, getenv func(string) string) (Config, error) {
	if path == "" {
		if _, err := os.Stat("config.yaml"); err != nil {
			cfg := DefaultConfig()
			cfg.ApplyEnv(getenv)
			return cfg, cfg.Validate()
		}
		path = "config.yaml"
	}
	cfg, err := ReadConfigFile(path, getenv) // validates, naming file and line
	if err != nil {
		return Config{}, err
	}
	cfg.ApplyEnv(getenv)
	return cfg, nil
}

func newLogger(w io.Writer, level, format string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: l}
	if strings.EqualFold(format, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// oneArg joins the positional arguments into one question or query, so
// that an unquoted question works too.
func oneArg(pos []string, what string) (string, error) {
	s := strings.TrimSpace(strings.Join(pos, " "))
	if s == "" {
		return "", usageError{fmt.Sprintf("missing %s", what)}
	}
	return s, nil
}

var (
	undefinedFlagRe = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	badValueRe      = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): (.*)$`)
	needsArgRe      = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
)

// flagError turns an error of the flag package into one line that names
// the command, suggests the flag meant, and points to --help.
func (a *app) flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if m := undefinedFlagRe.FindStringSubmatch(msg); m != nil {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		msg = "unknown flag " + dashed(m[1])
		if near := closest(m[1], names); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", dashed(near))
		}
	} else if m := badValueRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("bad value %q for %s", m[1], dashed(m[2]))
	} else if m := needsArgRe.FindStringSubmatch(msg); m != nil {
		msg = dashed(m[1]) + " needs a value"
	}
	return usageError{fmt.Sprintf("%s: %s; see newsbot %s --help", a.name, msg, a.name)}
}

// dashed writes a flag as the usage does: -k, --json.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// version describes this build from its build information: the module
// version (a tag when installed with go install), else the commit it was
// built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "newsbot (unknown version)"
	}
	v := bi.Main.Version
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" && (v == "" || v == "(devel)") {
		v = rev[:min(12, len(rev))]
		if t := settings["vcs.time"]; t != "" {
			v += " " + t
		}
		if settings["vcs.modified"] == "true" {
			v += " (modified)"
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return fmt.Sprintf("newsbot %s %s", v, bi.GoVersion)
}
