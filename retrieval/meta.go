package retrieval

import (
	"cmp"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes bounds a title taken from a first line or sentence.
const maxTitleRunes = 150

// describeText fills what a's markup did not give: the title (a short first
// line before a blank line, else the first sentence), the dateline, the
// bylines and the date (a "Date:" header, the file name, the dateline).
// Dates are never guessed from body text.
func describeText(a *Article) {
	lines := textLines(a.Text)
	i := skipBlank(lines, 0)
	// A block of "Key: value" header lines at the top may give the title.
	for ; i < len(lines); i++ {
		k, v, ok := headerLine(lines[i])
		if !ok {
			break
		}
		if (k == "title" || k == "headline" || k == "subject") && a.Title == "" {
			a.Title = cleanTitle(v)
		}
	}
	// Other header lines ("BYLINE: ...", "Date: ...") count among the first
	// lines, as in exports from news databases.
	var headerDate time.Time
	headerDateline := ""
	for k, n := 0, 0; k < len(lines) && n < 20; k++ {
		if lines[k].text == "" {
			continue
		}
		n++
		key, v, ok := headerLine(lines[k])
		switch {
		case !ok:
		case key == "date" || key == "published" || key == "posted":
			if d, ok := parseDate(v); ok && headerDate.IsZero() {
				headerDate = d
			}
		case key == "author" || key == "authors" || key == "by" || key == "byline":
			a.Bylines = addByline(a.Bylines, v)
		case key == "dateline":
			headerDateline = cmp.Or(headerDateline, collapseSpace(v))
		}
	}
	// The title: a short line standing alone at the top.
	i = skipBlank(lines, i)
	if a.Title == "" && i < len(lines) && isTitleLine(lines, i) {
		a.Title = cleanTitle(strings.Trim(lines[i].text, "*_# \t"))
		i++
	}
	// The dateline opens one of the first paragraphs.
	var dl dateline
	for n := 0; i < len(lines) && n < 6; i++ {
		l := lines[i].text
		if _, _, header := headerLine(lines[i]); l == "" || header || isBylineLine(l) {
			continue
		}
		if d, ok := parseDateline(l); ok {
			dl = d
			break
		}
		n++
	}
	a.Dateline, a.Agency = cmp.Or(dl.place, headerDateline), cmp.Or(dl.agency, a.Agency)
	for _, l := range lines {
		a.Bylines = appendBylines(a.Bylines, l.text)
	}
	if a.Date.IsZero() {
		a.Date = headerDate
	}
	if a.Date.IsZero() {
		a.Date = fileDate(a.Source, dl)
	}
	if a.Title == "" {
		a.Title = cmp.Or(fileNameTitle(a.Source), firstSentenceTitle(a.Text, lines))
	}
}

// fileNameTitle is the title a file's name gives an article that has no
// headline: "1862_abraham_lincoln_r.txt" gives "1862 Abraham Lincoln". A
// name that says little ("002_6b9d529e.txt", "article1.txt", "story.txt")
// gives "", and the first sentence is the title instead. A short trailing tag ("_r",
// "-v2") and a leading full date are dropped, and lower-case words are
// capitalised.
func fileNameTitle(source string) string {
	base := path.Base(source)
	base = strings.TrimSuffix(base, path.Ext(base))
	words := strings.FieldsFunc(base, func(r rune) bool {
		return r == '_' || r == '-' || r == '.' || r == '+' || unicode.IsSpace(r)
	})
	for len(words) > 1 && utf8.RuneCountInString(words[len(words)-1]) <= 2 {
		words = words[:len(words)-1]
	}
	// A full date opening the name is the article's date, not its title.
	if m := fileDateRe.FindStringSubmatch(base); m != nil {
		switch {
		case len(words) > 3 && words[0] == m[1] && words[1] == m[2] && words[2] == m[3]:
			words = words[3:]
		case len(words) > 1 && words[0] == m[1]+m[2]+m[3]:
			words = words[1:]
		}
	}
	named := 0 // words that are words: letters, three or more, not a hex hash
	for i, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 3 && letters == utf8.RuneCountInString(w) && !isHex(w) {
			named++
		}
		if r, size := utf8.DecodeRuneInString(w); w == strings.ToLower(w) && unicode.IsLetter(r) {
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	if named < 2 { // "story.txt", "2008_oil.txt": the first sentence says more
		return ""
	}
	return cleanTitle(strings.Join(words, " "))
}

// isHex reports whether w could be a hexadecimal hash rather than a word.
func isHex(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, c := range []byte(strings.ToLower(w)) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// skipBlank returns the index of the first non-blank line from i on.
func skipBlank(lines []textLine, i int) int {
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	return i
}

// textLine is a line of text (or, in HTML, a block) with its offset.
type textLine struct {
	off  int
	text string // trimmed of white space
}

// textLines splits text at '\n' and U+2029 into trimmed lines, blank ones
// kept (empty) so that blank lines can be seen.
func textLines(text string) []textLine {
	var lines []textLine
	for off := 0; ; {
		n := strings.IndexByte(text[off:], '\n')
		if n < 0 {
			n = len(text) - off
		}
		for i, raw := range strings.Split(text[off:off+n], "\u2029") {
			if i > 0 {
				off += len("\u2029")
			}
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			lines = append(lines, textLine{off: off + lead, text: strings.TrimSpace(raw)})
			off += len(raw)
		}
		if off >= len(text) {
			return lines
		}
		off++ // the '\n'
	}
}

var headerRe = regexp.MustCompile(`^(?i:(title|headline|subject|date|published|posted|updated|author|authors|by|byline|source|url|dateline|section|length|copyright))\s*:\s*(\S.*)$`)

// headerLine parses a "Date: 2008-02-22" style header line.
func headerLine(l textLine) (key, value string, ok bool) {
	if len(l.text) > 300 {
		return "", "", false
	}
	m := headerRe.FindStringSubmatch(l.text)
	if m == nil {
		return "", "", false
	}
	return strings.ToLower(m[1]), m[2], true
}

// isTitleLine reports whether line i looks like a headline: short, one
// sentence not ending in a period, not a byline or dateline, standing alone
// (a blank line, a byline or a dateline after it) and followed by more text.
func isTitleLine(lines []textLine, i int) bool {
	t := lines[i].text
	if t == "" || utf8.RuneCountInString(t) > maxTitleRunes || isBylineLine(t) {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(t, "*_ "), ".") {
		return false
	}
	if _, ok := parseDateline(t); ok {
		return false
	}
	if len(SplitSentences(t)) != 1 || skipBlank(lines, i+1) == len(lines) {
		return false // more than a headline, or all there is
	}
	next := lines[i+1].text
	if _, _, header := headerLine(lines[i+1]); next == "" || header || isBylineLine(next) {
		return true
	}
	_, ok := parseDateline(next)
	return ok
}

// firstSentenceTitle is the first sentence of text that is not a header or
// a byline, without its dateline, cut to maxTitleRunes at a word.
func firstSentenceTitle(text string, lines []textLine) string {
	from := 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if _, _, ok := headerLine(l); ok || isBylineLine(l.text) {
			continue
		}
		from = l.off
		if d, ok := parseDateline(l.text); ok {
			from += d.textOff
		}
		break
	}
	// The first sentence starts within a few KB; do not split the whole text.
	window := text[from:]
	if len(window) > 4<<10 {
		cut := 4 << 10
		for cut > 0 && !utf8.RuneStart(window[cut]) {
			cut--
		}
		window = window[:cut]
	}
	for _, s := range SplitSentences(window) {
		return cleanTitle(window[s.Start:s.End])
	}
	return ""
}

// cleanTitle collapses white space and cuts a long title at a word
// boundary, marking the cut with "…".
func cleanTitle(s string) string {
	s = collapseSpace(s)
	if utf8.RuneCountInString(s) <= maxTitleRunes {
		return s
	}
	r := []rune(s)[:maxTitleRunes]
	cut := len(r)
	for i := len(r) - 1; i > maxTitleRunes/2; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:-–—") + "…"
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// dateline is the opening "OTTAWA (Reuters) -" of a wire story.
type dateline struct {
	place, agency string
	month         time.Month // of a date in the dateline ("LONDON, Feb 22"), if any
	day, year     int
	textOff       int // offset of the story text after the dateline
}

const monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var datelineRe = regexp.MustCompile(`^` +
	// place: capitalised words, e.g. OTTAWA, NEW YORK, ST. LOUIS
	`(\p{Lu}[\p{L}\p{M}.'’\-]*(?: \p{Lu}[\p{L}\p{M}.'’\-]*){0,3})?` +
	// region: ", Afghanistan", ", D.C."
	`(?:, (\p{Lu}[\p{L}\p{M}.'’\-]*(?: \p{Lu}[\p{L}\p{M}.'’\-]*){0,2}))?` +
	// date: ", Feb 22", ", Feb. 22, 2008"
	`(?:,? ` + monthPattern + ` (\d{1,2})(?:,? (\d{4}))?)?` +
	// agency: "(Reuters)", "(AP)"
	`(?: ?\((\p{L}[\p{L} .&'\-]{0,38})\))?` +
	// the dash before the story
	` ?(--?|—|–|―|_) +\S`)

// parseDateline parses the dateline that opens line, if any. A place in
// mixed case ("Washington") counts only with an agency after it; one in
// capitals ("NEW YORK --") counts alone.
func parseDateline(line string) (dateline, bool) {
	if len(line) < 6 || !strings.ContainsAny(line, "-—–―_") {
		return dateline{}, false
	}
	m := datelineRe.FindStringSubmatchIndex(line)
	if m == nil {
		return dateline{}, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return line[m[2*i]:m[2*i+1]]
	}
	// The match ends with the first character of the story.
	_, size := utf8.DecodeLastRuneInString(line[:m[1]])
	d := dateline{place: group(1), agency: group(6), textOff: m[1] - size}
	// Without an agency, only capitals and a long dash make a dateline:
	// "US - China talks" is a headline.
	if d.agency == "" && (!isUpperWord(d.place) || group(7) == "-") {
		return dateline{}, false
	}
	if region := group(2); region != "" {
		d.place += ", " + region
	}
	if mon := group(3); mon != "" {
		d.month = monthNumber(mon)
		d.day, _ = strconv.Atoi(group(4))
		d.year, _ = strconv.Atoi(group(5))
	}
	return d, true
}

// isUpperWord reports whether s has at least two letters and no lower-case one.
func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// monthNumber returns the month a name or abbreviation ("Sept.") names.
func monthNumber(name string) time.Month {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if len(name) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name[:3]) {
			return m
		}
	}
	return 0
}

var (
	// "By Jane Doe", "BY JANE DOE, Associated Press Writer", "By Jane Doe and John Roe | Reuters"
	byLineRe = regexp.MustCompile(`^(?:By|BY|by):? +(\p{Lu}[\p{L}\p{M}.'’\-]*)(?:(?: *[,|/·•]? +| *[,|/·•] *)(?:and|&|of|de|del|der|van|von|da|la|le|du|bin|al|for|the|\p{Lu}[\p{L}\p{M}.'’\-]*))*$`)
	// "Reporting by David Ljunggren; editing by Rob Wilson" as a line
	creditLineRe = regexp.MustCompile(`^\(?(?:(?:Additional|additional) (?:reporting|Reporting)|Reporting|Writing|Editing|Compiled|Reported|Written|Edited|Story|Text) by \p{Lu}`)
	// "(Reporting by ...; Editing by ...)" at the end of a paragraph
	creditParenRe = regexp.MustCompile(`\(((?:Additional reporting|Reporting|Writing|Editing|Compiled|Reported|Written|Edited) by \p{Lu}[^()]{0,300})\)`)
)

// isBylineLine reports whether a line is a "By Jane Doe" byline.
func isBylineLine(s string) bool {
	if len(s) < 4 || len(s) > 160 || (s[0]|0x20) != 'b' && s[0] != '*' && s[0] != '_' {
		return false
	}
	s = strings.Trim(s, "*_ ")
	if utf8.RuneCountInString(s) > 100 || !byLineRe.MatchString(s) {
		return false
	}
	return !isMonthOrDay(strings.Fields(s)[1])
}

// isMonthOrDay reports whether w is a month or weekday name ("By Friday").
func isMonthOrDay(w string) bool {
	w = strings.TrimRight(strings.ToLower(w), ".,")
	for m := time.January; m <= time.December; m++ {
		if w == strings.ToLower(m.String()) {
			return true
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w == strings.ToLower(d.String()) {
			return true
		}
	}
	return false
}

// appendBylines adds the bylines a line holds: a "By ..." line, a
// "Reporting by ..." credit line, or "(Reporting by ...)" credits in it.
func appendBylines(dst []string, line string) []string {
	if line == "" {
		return dst
	}
	if isBylineLine(line) {
		return addByline(dst, strings.Trim(line, "*_ "))
	}
	if !hasCredit(line) {
		return dst
	}
	if len(line) <= 400 && creditLineRe.MatchString(line) {
		if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
			line = line[1 : len(line)-1]
		}
		return addByline(dst, line)
	}
	for _, m := range creditParenRe.FindAllStringSubmatch(line, -1) {
		dst = addByline(dst, m[1])
	}
	return dst
}

// hasCredit reports cheaply whether a line may hold a "Reporting by" credit.
func hasCredit(line string) bool {
	for off := 0; ; {
		k := strings.Index(line[off:], " by ")
		if k < 0 {
			return false
		}
		k += off
		word := strings.TrimLeft(line[strings.LastIndexByte(line[:k], ' ')+1:k], "(")
		switch strings.ToLower(word) {
		case "reporting", "writing", "editing", "compiled", "reported", "written", "edited", "story", "text":
			return true
		}
		off = k + len(" by ")
	}
}

// addByline appends b unless it (or a longer one holding it) is already there.
func addByline(dst []string, b string) []string {
	b = collapseSpace(b)
	if b == "" {
		return dst
	}
	lb := strings.ToLower(b)
	for i, have := range dst {
		lh := strings.ToLower(have)
		switch {
		case strings.Contains(lh, lb):
			return dst
		case strings.Contains(lb, lh):
			dst[i] = b
			return dst
		}
	}
	return append(dst, b)
}

var (
	// 2008-02-22, 2008_02_22, 20080222 at the start of a file name
	fileDateRe = regexp.MustCompile(`^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?:\D|$)`)
	// 1790_george_washington.txt
	fileYearRe = regexp.MustCompile(`^(\d{4})(?:[-_ .]|$)`)
	// 2008/02/22/story.html
	dirDateRe = regexp.MustCompile(`(?:^|/)(\d{4})/(\d{2})/(\d{2})/`)
)

// fileDate is the date a file's path gives, completed or refined by the
// date of its dateline: a full date in the name, else a full date in the
// dateline, else the dateline's month and day in the year of the name,
// else January 1 of the year the name starts with (a year alone says no
// more than that).
func fileDate(source string, dl dateline) time.Time {
	if m := fileDateRe.FindStringSubmatch(path.Base(source)); m != nil {
		if d, ok := makeDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	if m := dirDateRe.FindStringSubmatch(source); m != nil {
		if d, ok := makeDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	year := 0
	if m := fileYearRe.FindStringSubmatch(path.Base(source)); m != nil {
		if y, _ := strconv.Atoi(m[1]); plausibleYear(y) {
			year = y
		}
	}
	if dl.month != 0 && dl.day >= 1 && dl.day <= 31 {
		y := cmp.Or(dl.year, year)
		if plausibleYear(y) {
			return time.Date(y, dl.month, dl.day, 0, 0, 0, 0, time.UTC)
		}
	}
	if year != 0 {
		return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

func plausibleYear(y int) bool { return y >= 1500 && y <= 2200 }

// makeDate builds a date from digits, refusing impossible ones.
func makeDate(y, m, d string) (time.Time, bool) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	if !plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // February 30
		return time.Time{}, false
	}
	return t, true
}

var (
	isoDateRe   = regexp.MustCompile(`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?`)
	slashDateRe = regexp.MustCompile(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`)
	mdyDateRe   = regexp.MustCompile(`\b` + monthPattern + `[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	dmyDateRe   = regexp.MustCompile(`\b(\d{1,2}) ` + monthPattern + `[a-z]*\.?,? (\d{4})\b`)
)

// parseDate finds a date in a metadata value: ISO 8601 ("2008-02-22",
// "2008-02-22T10:00:00Z"), "2008/02/22", "February 22, 2008", "22 Feb 2008"
// (as in RFC 1123). A time of day is kept only with ISO dates.
func parseDate(s string) (time.Time, bool) {
	if m := isoDateRe.FindString(s); m != "" {
		m = strings.Replace(m, " ", "T", 1)
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05 Z0700",
			"2006-01-02T15:04:05 Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
			"2006-01-02T15:04", "2006-01-02"} {
			if t, err := time.Parse(layout, m); err == nil && plausibleYear(t.Year()) {
				return t, true
			}
		}
		if t, ok := makeDate(m[:4], m[5:7], m[8:10]); ok {
			return t, true
		}
	}
	if m := slashDateRe.FindStringSubmatch(s); m != nil {
		if t, ok := makeDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	if m := mdyDateRe.FindStringSubmatch(s); m != nil {
		return makeDate(m[3], strconv.Itoa(int(monthNumber(m[1]))), m[2])
	}
	if m := dmyDateRe.FindStringSubmatch(s); m != nil {
		return makeDate(m[3], strconv.Itoa(int(monthNumber(m[2]))), m[1])
	}
	return time.Time{}, false
}
