package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
)

// filterFlags are the options that narrow the coverage a question is
// answered from, shared by ask, repl and search.
type filterFlags struct{ source, after, before string }

func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	f := &filterFlags{}
	fs.StringVar(&f.source, "source", "", "only sources whose path contains `TEXT` or matches a glob (\"reuters\", \"*.pdf\", \"2009/*\")")
	fs.StringVar(&f.after, "after", "", "only articles dated on or after `DATE` (2009, 2009-06 or 2009-06-13)")
	fs.StringVar(&f.before, "before", "", "only articles dated before `DATE` (2009, 2009-06 or 2009-06-13)")
	return f
}

// given reports whether any filter flag was given.
func (f *filterFlags) given() bool { return f.source != "" || f.after != "" || f.before != "" }

// filter returns the filter the flags give; a bad date is a usage error.
func (f *filterFlags) filter() (bot.Filter, error) {
	out, err := bot.ParseFilter(f.source, f.after, f.before)
	if err != nil {
		return out, usageError{"--" + err.Error()} // "--after: bad date ..."
	}
	return out, nil
}

// parseFilterCommand reads the arguments of the REPL's /filter, which
// change the current filter cur: "source:reuters after:2009 before:2010-06"
// sets those parts ("after:" with nothing lifts one), "off" lifts all, and
// no arguments only show it (changed false).
func parseFilterCommand(args string, cur bot.Filter) (f bot.Filter, changed bool, err error) {
	args = strings.TrimSpace(args)
	switch args {
	case "":
		return cur, false, nil
	case "off", "none", "clear":
		return bot.Filter{}, true, nil
	}
	f = cur
	for _, w := range strings.Fields(args) {
		k, v, found := strings.Cut(w, ":")
		if !found {
			k, v, found = strings.Cut(w, "=")
		}
		switch k = strings.ToLower(k); {
		case !found:
		case k == "source":
			f.Source = v
			continue
		case k == "after" || k == "before":
			var t time.Time
			if v != "" {
				if t, err = bot.ParseDate(v); err != nil {
					return cur, false, fmt.Errorf("/filter %s: %w", k, err)
				}
			}
			if k == "after" {
				f.After = t
			} else {
				f.Before = t
			}
			continue
		}
		return cur, false, fmt.Errorf("/filter %s: want source:TEXT, after:DATE or before:DATE (or off)", w)
	}
	if !f.After.IsZero() && !f.Before.IsZero() && !f.After.Before(f.Before) {
		return cur, false, errors.New("/filter: after is not before before: no date is both")
	}
	return f, true, nil
}
