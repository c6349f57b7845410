package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
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
  newsbot ask     [--corpus DIR] [--index DIR] [--json] QUESTION
  newsbot repl    [--corpus DIR] [--index DIR]
  newsbot search  [--corpus DIR] [--index DIR] [-k N] [--json] QUERY
  newsbot index   [--corpus DIR] [--index DIR] [--watch]
  newsbot eval    [--corpus DIR] [--index DIR] FILE
  newsbot discord [--config FILE]

Every command takes --config FILE (default: config.yaml when present) and --help.
The default corpus is the seeds/ folder; the index lives in .newsbot/index.
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
	}
	commands := map[string]func(context.Context, *app, []string) error{
		"ask":     cmdAsk,
		"repl":    cmdRepl,
		"search":  cmdSearch,
		"index":   cmdIndex,
		"eval":    cmdEval,
		"discord": cmdDiscord,
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
	a := &app{name: cmd, getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	err := f(ctx, a, rest)
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
	stdout, stderr io.Writer
	cfg            Config
	log            *slog.Logger
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
	fs.StringVar(&c.index, "index", "", "index folder (default from config, else .newsbot/index)")
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
			fs.SetOutput(a.stderr)
			fs.Usage()
			return nil, usageError{err.Error()}
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
	a.cfg = cfg
	a.log = newLogger(a.stderr, cfg.Log.Level, cfg.Log.Format)
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
