package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/llm"
	"github.com/newsbot/newsbot/retrieval"
)

// Environment variables that hold secrets. Secrets belong in the
// environment, not in the configuration file (which tends to be copied,
// shared and committed); the file may still name them as
// "${DISCORD_TOKEN}", and ApplyEnv fills them in when the file is silent.
const (
	EnvOpenAIKey    = "OPENAI_API_KEY"
	EnvDiscordToken = "DISCORD_TOKEN"
	EnvWebToken     = "NEWSBOT_WEB_TOKEN"
)

// Config is newsbot's configuration. Its yaml tags are the keys of the
// configuration file; config.example.yaml documents every one. Relative
// paths are relative to the working directory.
type Config struct {
	Corpus       string             `yaml:"corpus"`         // folder of articles
	Index        string             `yaml:"index"`          // index directory; "" is one per corpus under .newsbot/
	MaxFileBytes int64              `yaml:"max_file_bytes"` // larger article files are skipped
	Ignore       []string           `yaml:"ignore"`         // gitignore patterns of files that are not articles
	Chunk        ChunkConfig        `yaml:"chunk"`
	Embedder     EmbedderConfig     `yaml:"embedder"`
	LLM          LLMConfig          `yaml:"llm"`
	Search       SearchConfig       `yaml:"search"`
	Conversation ConversationConfig `yaml:"conversation"`
	Watch        WatchConfig        `yaml:"watch"`
	Discord      DiscordConfig      `yaml:"discord"`
	Web          WebConfig          `yaml:"web"`
	Log          LogConfig          `yaml:"log"`
}

// ChunkConfig sizes the passages articles are split into.
type ChunkConfig struct {
	TargetChars      int `yaml:"target_chars"`
	OverlapSentences int `yaml:"overlap_sentences"`
}

// Embedder providers.
const (
	ProviderBuiltin = "builtin" // offline hashing embedder
	ProviderOpenAI  = "openai"  // any OpenAI-compatible /v1/embeddings endpoint
)

// EmbedderConfig picks and tunes the embedder.
type EmbedderConfig struct {
	Provider   string `yaml:"provider"`   // ProviderBuiltin or ProviderOpenAI
	Dimensions int    `yaml:"dimensions"` // builtin only
	Model      string `yaml:"model"`      // openai only
	BaseURL    string `yaml:"base_url"`   // openai only; "" means the OpenAI API
	APIKey     string `yaml:"api_key"`    // openai only; ApplyEnv fills it from OPENAI_API_KEY
	BatchSize  int    `yaml:"batch_size"` // texts per embedding request
}

// LLMConfig configures the language model; no model means extractive
// answers only.
type LLMConfig struct {
	Model       string        `yaml:"model"`
	BaseURL     string        `yaml:"base_url"` // "" means the OpenAI API
	APIKey      string        `yaml:"api_key"`  // ApplyEnv fills it from OPENAI_API_KEY
	Temperature float64       `yaml:"temperature"`
	MaxTokens   int           `yaml:"max_tokens"`
	Timeout     time.Duration `yaml:"timeout"`
	MaxRetries  int           `yaml:"max_retries"`
	// ContextTokens and CoverageBudget bound questions about the whole
	// coverage: one request's size, and all requests' together.
	ContextTokens  int `yaml:"context_tokens"`
	CoverageBudget int `yaml:"coverage_budget"`
}

// SearchConfig sizes retrieval.
type SearchConfig struct {
	K            int     `yaml:"k"`             // passages retrieved per question
	VectorWeight float64 `yaml:"vector_weight"` // share of vector similarity in the fused score, the rest BM25
}

// ConversationConfig sizes the memory of a conversation.
type ConversationConfig struct {
	Turns int `yaml:"turns"`
}

// WatchConfig tunes live reindexing of the corpus.
type WatchConfig struct {
	Debounce time.Duration `yaml:"debounce"` // quiet time after the last change before reindexing
}

// DiscordConfig configures the Discord bot. IDs are Discord snowflakes,
// kept as strings as discordgo does.
type DiscordConfig struct {
	Token           string     `yaml:"token"`            // ApplyEnv fills it from DISCORD_TOKEN
	GuildIDs        []string   `yaml:"guild_ids"`        // register commands per guild; empty: globally
	AllowedGuilds   []string   `yaml:"allowed_guilds"`   // empty: all
	AllowedChannels []string   `yaml:"allowed_channels"` // empty: all
	ReindexRole     string     `yaml:"reindex_role"`     // role allowed to /reindex besides Manage Server
	MessageContent  bool       `yaml:"message_content"`  // ask for the privileged Message Content intent
	UserRate        RateConfig `yaml:"user_rate"`
	ChannelRate     RateConfig `yaml:"channel_rate"`
	Watch           bool       `yaml:"watch"`       // reindex the corpus live while running
	ShardID         int        `yaml:"shard_id"`    // this process's shard, 0..shard_count-1
	ShardCount      int        `yaml:"shard_count"` // processes sharing the bot's guilds; 0 or 1: one
}

// WebConfig configures the web page and API (`newsbot serve`), and where
// the other front ends link citations to.
type WebConfig struct {
	Addr string `yaml:"addr"` // host:port to listen on
	// PublicURL is the address readers reach the server at; when set,
	// Discord, ask and the REPL link every citation to its article view.
	PublicURL   string     `yaml:"public_url"`
	Token       string     `yaml:"token"`       // ApplyEnv fills it from NEWSBOT_WEB_TOKEN; required off loopback
	TrustProxy  bool       `yaml:"trust_proxy"` // clients' addresses from X-Forwarded-For
	AskRate     RateConfig `yaml:"ask_rate"`
	RequestRate RateConfig `yaml:"request_rate"`
	Watch       bool       `yaml:"watch"` // reindex the corpus live while serving
}

// RateConfig is a token bucket: Burst requests at once, then one per Every.
type RateConfig struct {
	Every time.Duration `yaml:"every"`
	Burst int           `yaml:"burst"`
}

// LogConfig configures log/slog.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn or error
	Format string `yaml:"format"` // text or json
}

// DefaultConfig returns the configuration used when there is no file, and
// the values of options a file leaves out. It works as is: builtin
// embedder, no model (extractive answers), the seeds folder.
func DefaultConfig() Config {
	chunk := retrieval.DefaultChunkOptions()
	return Config{
		Corpus:       "seeds",
		MaxFileBytes: retrieval.DefaultMaxBytes,
		Chunk:        ChunkConfig{TargetChars: chunk.TargetChars, OverlapSentences: chunk.OverlapSentences},
		Embedder:     EmbedderConfig{Provider: ProviderBuiltin, Dimensions: retrieval.DefaultHashDim, BatchSize: 64},
		LLM: LLMConfig{
			Temperature: 0.1,
			MaxTokens:   512,
			Timeout:     llm.DefaultTimeout,
			MaxRetries:  3,

			ContextTokens:  16000,
			CoverageBudget: 200000,
		},
		Search:       SearchConfig{K: bot.DefaultK, VectorWeight: retrieval.DefaultVectorWeight},
		Conversation: ConversationConfig{Turns: 4},
		Watch:        WatchConfig{Debounce: time.Second},
		Discord: DiscordConfig{
			UserRate:    RateConfig{Every: 10 * time.Second, Burst: 3},
			ChannelRate: RateConfig{Every: 2 * time.Second, Burst: 10},
			Watch:       true,
		},
		Web: WebConfig{
			Addr:        "127.0.0.1:8080",
			AskRate:     RateConfig{Every: 5 * time.Second, Burst: 5},
			RequestRate: RateConfig{Every: 100 * time.Millisecond, Burst: 100},
			Watch:       true,
		},
		Log: LogConfig{Level: "info", Format: "text"},
	}
}

// ApplyEnv fills the secrets the configuration leaves empty from the
// environment: both API keys from OPENAI_API_KEY, the Discord token from
// DISCORD_TOKEN and the web token from NEWSBOT_WEB_TOKEN. getenv is
// os.Getenv outside tests.
func (c *Config) ApplyEnv(getenv func(string) string) {
	fill := func(dst *string, env string) {
		if *dst == "" {
			*dst = getenv(env)
		}
	}
	fill(&c.Embedder.APIKey, EnvOpenAIKey)
	fill(&c.LLM.APIKey, EnvOpenAIKey)
	fill(&c.Discord.Token, EnvDiscordToken)
	fill(&c.Web.Token, EnvWebToken)
}

// ConfigError is a problem with the configuration, placed at the line of
// the key it concerns when that is known. Its message is one line.
type ConfigError struct {
	File string // configuration file; "" when parsing a reader
	Line int    // 1-based line; 0 when unknown
	Key  string // dotted key path, e.g. "llm.model" or "discord.guild_ids[0]"; "" for the whole file
	Msg  string // what is wrong, e.g. `unknown key "modle" in llm (did you mean "model"?)`
}

func (e *ConfigError) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return e.File + ": " + e.Msg
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ReadConfigFile reads and parses the configuration file at path (see
// ParseConfig). Errors about the content start with "path:line:".
func ReadConfigFile(path string, getenv func(string) string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Config{}, fmt.Errorf("reading config: %w", err)
	}
	defer f.Close()
	cfg, err := ParseConfig(f, getenv)
	if err != nil {
		var ce *ConfigError
		if errors.As(err, &ce) {
			ce.File = path
			return Config{}, ce
		}
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// ParseConfig reads a YAML configuration: the options it sets override
// DefaultConfig, and an option left empty ("key:" or "key: ~") keeps its
// default. It is strict: an unknown key, a value of the wrong type or a
// second YAML document is an error. ${VAR} and $VAR in values are replaced
// by getenv(VAR), "" when unset, and "$$" by "$"; values coming from the
// environment are not expanded again. The result is validated (see
// Validate); every error is a *ConfigError naming the line and the key.
//
// ParseConfig does not apply ApplyEnv: callers do, for the file and the
// no-file case alike.
func ParseConfig(r io.Reader, getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	lines, err := decodeConfig(r, getenv, &cfg)
	if err != nil {
		return Config{}, err
	}
	if err := cfg.Validate(); err != nil {
		var ce *ConfigError
		if errors.As(err, &ce) {
			ce.Line = lineOf(lines, ce.Key)
		}
		return Config{}, err
	}
	return cfg, nil
}

// decodeConfig decodes the YAML of r over cfg and returns the line of every
// key path it set, to place later errors.
func decodeConfig(r io.Reader, getenv func(string) string, cfg *Config) (map[string]int, error) {
	dec := yaml.NewDecoder(r)
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil, nil // empty file or comments only
	}
	if err != nil {
		return nil, malformed(err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &ConfigError{Line: extra.Line, Msg: "more than one YAML document; want a single mapping of options"}
	case !errors.Is(err, io.EOF):
		return nil, malformed(err)
	}
	d := decoder{getenv: getenv, lines: map[string]int{}}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if err := d.decode(root, reflect.ValueOf(cfg).Elem(), ""); err != nil {
		return nil, err
	}
	return d.lines, nil
}

var yamlErrLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// malformed turns a yaml.v3 syntax error ("yaml: line 12: did not find
// expected key") into a ConfigError at that line.
func malformed(err error) error {
	m := yamlErrLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &ConfigError{Msg: "malformed YAML: " + firstLine(err.Error())}
	}
	line, _ := strconv.Atoi(m[1])
	return &ConfigError{Line: line, Msg: "malformed YAML: " + firstLine(m[2])}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// lineOf returns the line of key, or of its nearest ancestor that the file
// sets, or 0.
func lineOf(lines map[string]int, key string) int {
	for key != "" {
		if l, ok := lines[key]; ok {
			return l
		}
		i := strings.LastIndexAny(key, ".[")
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
	return 0
}

var durationType = reflect.TypeFor[time.Duration]()

// decoder walks YAML nodes into Config, itself rather than with
// yaml.v3's KnownFields, so that errors name the dotted key and its line.
type decoder struct {
	getenv func(string) string
	lines  map[string]int
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil // "key:" keeps the default
	}
	switch {
	case v.Type() == durationType:
		return d.scalar(n, path, `a duration such as "2s" or "1m"`, func(s string) bool {
			dur, err := time.ParseDuration(s)
			if err != nil {
				return false
			}
			v.SetInt(int64(dur))
			return true
		})
	case v.Kind() == reflect.Struct:
		return d.mapping(n, v, path)
	case v.Kind() == reflect.Slice:
		return d.sequence(n, v, path)
	case v.Kind() == reflect.String:
		return d.scalar(n, path, "a string", func(s string) bool {
			v.SetString(s)
			return true
		})
	case v.Kind() == reflect.Bool:
		return d.scalar(n, path, "true or false", func(s string) bool {
			switch strings.ToLower(s) {
			case "true", "yes", "on":
				v.SetBool(true)
			case "false", "no", "off":
				v.SetBool(false)
			default:
				return false
			}
			return true
		})
	case v.CanInt():
		return d.scalar(n, path, "a whole number", func(s string) bool {
			i, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, v.Type().Bits())
			if err != nil {
				return false
			}
			v.SetInt(i)
			return true
		})
	case v.CanFloat():
		return d.scalar(n, path, "a number", func(s string) bool {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return false
			}
			v.SetFloat(f)
			return true
		})
	}
	panic(fmt.Sprintf("config: no decoding for %s (%s)", path, v.Type()))
}

// scalar expands the value of n and hands it to set, which reports whether
// the text was acceptable, i.e. what a field of this type wants.
func (d *decoder) scalar(n *yaml.Node, path, want string, set func(string) bool) error {
	if n.Kind != yaml.ScalarNode {
		return badValue(n, path, want)
	}
	s, err := expand(n.Value, d.getenv)
	if err != nil {
		return &ConfigError{Line: n.Line, Key: path, Msg: fmt.Sprintf("bad value %s for %s: %v", quote(n.Value), path, err)}
	}
	if !set(s) {
		return badValue(n, path, want)
	}
	return nil
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.SequenceNode {
		return badValue(n, path, "a list, such as [\"123\", \"456\"]")
	}
	if len(n.Content) == 0 {
		v.SetZero() // [] and an absent key are the same: nil
		return nil
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, e := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.lines[p] = e.Line
		if err := d.decode(e, s.Index(i), p); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		if path == "" {
			return &ConfigError{Line: n.Line, Msg: "want a mapping of options at the top level, got " + kindName(n)}
		}
		return badValue(n, path, "a mapping of options")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return &ConfigError{Line: k.Line, Key: path, Msg: "bad key " + inSection(path) + ": want a plain name, got " + kindName(k)}
		}
		name := k.Value
		child := joinKey(path, name)
		if first, ok := seen[name]; ok {
			return &ConfigError{Line: k.Line, Key: child, Msg: fmt.Sprintf("duplicate key %q %s (first set at line %d)", name, inSection(path), first)}
		}
		seen[name] = k.Line
		f, ok := fieldByKey(v.Type(), name)
		if !ok {
			return &ConfigError{Line: k.Line, Key: child, Msg: unknownKey(v.Type(), path, name)}
		}
		d.lines[child] = k.Line
		if err := d.decode(val, v.Field(f), child); err != nil {
			return err
		}
	}
	return nil
}

// fieldByKey returns the index of the field of struct type t whose yaml
// tag is key.
func fieldByKey(t reflect.Type, key string) (int, bool) {
	for i := range t.NumField() {
		if yamlKey(t.Field(i)) == key {
			return i, true
		}
	}
	return 0, false
}

func yamlKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func inSection(path string) string {
	if path == "" {
		return "at the top level"
	}
	return "in " + path
}

// unknownKey explains an unknown key: a near miss among its siblings, the
// same option in another section, or the keys that are allowed.
func unknownKey(t reflect.Type, path, key string) string {
	msg := fmt.Sprintf("unknown key %q", key)
	if path != "" {
		msg += " in " + path
	}
	var keys []string
	for i := range t.NumField() {
		keys = append(keys, yamlKey(t.Field(i)))
	}
	if s := closest(key, keys); s != "" {
		return fmt.Sprintf("%s (did you mean %q?)", msg, s)
	}
	var elsewhere []string
	for _, p := range keyPaths(reflect.TypeFor[Config](), "") {
		if normKey(p[strings.LastIndex(p, ".")+1:]) == normKey(key) {
			elsewhere = append(elsewhere, p)
		}
	}
	if len(elsewhere) > 0 {
		return fmt.Sprintf("%s (did you mean %s?)", msg, strings.Join(elsewhere, " or "))
	}
	return fmt.Sprintf("%s (known keys: %s)", msg, strings.Join(keys, ", "))
}

// keyPaths lists the dotted paths of every option of struct type t, in
// field order.
func keyPaths(t reflect.Type, path string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		p := joinKey(path, yamlKey(f))
		if f.Type.Kind() == reflect.Struct && f.Type != durationType {
			out = append(out, keyPaths(f.Type, p)...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// closest returns the key of keys nearest to key when it is a plausible
// misspelling of it, else "".
func closest(key string, keys []string) string {
	best, bestDist := "", math.MaxInt
	for _, k := range keys {
		// Past 2 edits no key is a plausible misspelling: 3 stands for all.
		if d := retrieval.EditDistance(normKey(key), normKey(k), 2); d < bestDist {
			best, bestDist = k, d
		}
	}
	if bestDist <= 2 && 2*bestDist < len(key) {
		return best
	}
	return ""
}

// normKey folds the spellings "baseURL", "base-url" and "base_url" together.
func normKey(s string) string {
	return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(s))
}

func badValue(n *yaml.Node, path, want string) error {
	msg := fmt.Sprintf("bad value %s for %s: want %s", quote(n.Value), path, want)
	if n.Kind != yaml.ScalarNode {
		msg = fmt.Sprintf("bad value for %s: want %s, got %s", path, want, kindName(n))
	}
	return &ConfigError{Line: n.Line, Key: path, Msg: msg}
}

// quote quotes a value for a one-line message. It is the text as written,
// before expansion, so that no secret from the environment is printed.
func quote(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "..."
	}
	return strconv.Quote(s)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	return "a value"
}

// expand replaces ${NAME} and $NAME by getenv(NAME) and "$$" by "$". A "$"
// followed by anything else is kept as is.
func expand(s string, getenv func(string) string) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			i++
			continue
		}
		switch next := s[i+1]; {
		case next == '$':
			b.WriteByte('$')
			i += 2
		case next == '{':
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				return "", errors.New(`unclosed "${" (write "$$" for a literal "$")`)
			}
			name := s[i+2 : i+2+end]
			if !isEnvName(name) {
				return "", fmt.Errorf("bad variable name %q in ${...}", name)
			}
			b.WriteString(getenv(name))
			i += 3 + end
		case isNameByte(next, true):
			j := i + 2
			for j < len(s) && isNameByte(s[j], false) {
				j++
			}
			b.WriteString(getenv(s[i+1 : j]))
			i = j
		default:
			b.WriteByte('$')
			i++
		}
	}
	return b.String(), nil
}

func isEnvName(s string) bool {
	for i := range len(s) {
		if !isNameByte(s[i], i == 0) {
			return false
		}
	}
	return s != ""
}

func isNameByte(c byte, first bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || !first && '0' <= c && c <= '9'
}

// Validate checks the facts that hold whatever the environment: ranges,
// known names, and options that only mean something together. It does not
// check what only use can tell, such as whether an API key is needed for
// the configured base URL or whether the corpus exists. The error is a
// *ConfigError whose message names the key, e.g.
// "llm.temperature: must be between 0 and 2".
func (c Config) Validate() error {
	type rule struct {
		key  string
		bad  bool
		want string
	}
	rules := []rule{
		{"corpus", c.Corpus == "", "must not be empty"},
		{"max_file_bytes", c.MaxFileBytes <= 0, "must be positive"},
		{"chunk.target_chars", c.Chunk.TargetChars <= 0, "must be positive"},
		{"chunk.overlap_sentences", outside(c.Chunk.OverlapSentences, 0, 5), "must be between 0 and 5"},
		{"embedder.provider", c.Embedder.Provider != ProviderBuiltin && c.Embedder.Provider != ProviderOpenAI,
			fmt.Sprintf(`must be "builtin" or "openai", not %q`, c.Embedder.Provider)},
		{"embedder.dimensions", outside(c.Embedder.Dimensions, 1, 8192), "must be between 1 and 8192"},
		{"embedder.model", c.Embedder.Provider == ProviderOpenAI && c.Embedder.Model == "",
			`is required when embedder.provider is "openai" (e.g. text-embedding-3-small)`},
		{"embedder.model", c.Embedder.Provider == ProviderBuiltin && c.Embedder.Model != "",
			`is only used when embedder.provider is "openai"`},
		{"embedder.base_url", c.Embedder.Provider == ProviderBuiltin && c.Embedder.BaseURL != "",
			`is only used when embedder.provider is "openai"`},
		{"embedder.base_url", !httpURL(c.Embedder.BaseURL), "want an http or https URL, e.g. http://localhost:11434/v1"},
		{"embedder.batch_size", outside(c.Embedder.BatchSize, 1, 2048), "must be between 1 and 2048"},
		{"llm.base_url", c.LLM.BaseURL != "" && c.LLM.Model == "", "is set but llm.model is empty (no model: extractive answers)"},
		{"llm.base_url", !httpURL(c.LLM.BaseURL), "want an http or https URL, e.g. http://localhost:11434/v1"},
		{"llm.temperature", !(c.LLM.Temperature >= 0 && c.LLM.Temperature <= 2), "must be between 0 and 2"},
		{"llm.max_tokens", c.LLM.MaxTokens <= 0, "must be positive"},
		{"llm.timeout", c.LLM.Timeout <= 0, `must be positive, e.g. "20s"`},
		{"llm.max_retries", outside(c.LLM.MaxRetries, 0, 10), "must be between 0 and 10"},
		{"llm.context_tokens", c.LLM.ContextTokens < 2*c.LLM.MaxTokens+1000, "must leave room for the articles: at least twice llm.max_tokens plus 1000"},
		{"llm.coverage_budget", c.LLM.CoverageBudget < c.LLM.ContextTokens, "must be at least llm.context_tokens"},
		{"search.k", outside(c.Search.K, 1, 50), "must be between 1 and 50"},
		{"search.vector_weight", c.Search.VectorWeight <= 0 || c.Search.VectorWeight > 1, "must be above 0 and at most 1"},
		{"conversation.turns", outside(c.Conversation.Turns, 1, 50), "must be between 1 and 50"},
		{"watch.debounce", c.Watch.Debounce <= 0, `must be positive, e.g. "1s"`},
	}
	for _, ids := range []struct {
		key string
		ids []string
	}{
		{"discord.guild_ids", c.Discord.GuildIDs},
		{"discord.allowed_guilds", c.Discord.AllowedGuilds},
		{"discord.allowed_channels", c.Discord.AllowedChannels},
	} {
		for i, id := range ids.ids {
			rules = append(rules, rule{fmt.Sprintf("%s[%d]", ids.key, i), !snowflake(id), notSnowflake(id)})
		}
	}
	rules = append(rules,
		rule{"discord.reindex_role", c.Discord.ReindexRole != "" && !snowflake(c.Discord.ReindexRole), notSnowflake(c.Discord.ReindexRole)},
		rule{"discord.shard_count", c.Discord.ShardCount < 0, "must not be negative"},
		rule{"discord.shard_id", c.Discord.ShardID < 0 || (c.Discord.ShardID > 0 && c.Discord.ShardID >= c.Discord.ShardCount),
			fmt.Sprintf("must be between 0 and shard_count-1 (%d)", max(c.Discord.ShardCount-1, 0))},
		rule{"discord.user_rate.every", c.Discord.UserRate.Every <= 0, `must be positive, e.g. "10s"`},
		rule{"discord.user_rate.burst", c.Discord.UserRate.Burst <= 0, "must be positive"},
		rule{"discord.channel_rate.every", c.Discord.ChannelRate.Every <= 0, `must be positive, e.g. "2s"`},
		rule{"discord.channel_rate.burst", c.Discord.ChannelRate.Burst <= 0, "must be positive"},
		rule{"web.addr", !hostPort(c.Web.Addr), `want host:port, e.g. "127.0.0.1:8080" or ":8080"`},
		rule{"web.public_url", !httpURL(c.Web.PublicURL), "want an http or https URL, e.g. https://news.example.org"},
		rule{"web.public_url", hasPath(c.Web.PublicURL), "want the address of the server's root, without a path: pages are served from /"},
		rule{"web.ask_rate.every", c.Web.AskRate.Every <= 0, `must be positive, e.g. "5s"`},
		rule{"web.ask_rate.burst", c.Web.AskRate.Burst <= 0, "must be positive"},
		rule{"web.request_rate.every", c.Web.RequestRate.Every <= 0, `must be positive, e.g. "100ms"`},
		rule{"web.request_rate.burst", c.Web.RequestRate.Burst <= 0, "must be positive"},
		rule{"log.level", !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level),
			fmt.Sprintf("must be debug, info, warn or error, not %q", c.Log.Level)},
		rule{"log.format", c.Log.Format != "text" && c.Log.Format != "json",
			fmt.Sprintf("must be text or json, not %q", c.Log.Format)},
	)
	for _, r := range rules {
		if r.bad {
			return &ConfigError{Key: r.key, Msg: r.key + ": " + r.want}
		}
	}
	return nil
}

func outside(v, lo, hi int) bool { return v < lo || v > hi }

// httpURL reports whether s is empty or an absolute http(s) URL.
func httpURL(s string) bool {
	if s == "" {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// hasPath reports whether the URL s has a path beyond "/".
func hasPath(s string) bool {
	u, err := url.Parse(s)
	return err == nil && strings.Trim(u.Path, "/") != ""
}

// hostPort reports whether s is a listening address: host:port with a
// port number (the host may be empty, meaning every interface).
func hostPort(s string) bool {
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return false
	}
	n, err := strconv.Atoi(port)
	return err == nil && n >= 0 && n <= 65535
}

// snowflake reports whether s looks like a Discord ID: a decimal number
// of at most 20 digits.
func snowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func notSnowflake(id string) string {
	return fmt.Sprintf("%q is not a Discord ID (want the number Copy ID gives)", id)
}
