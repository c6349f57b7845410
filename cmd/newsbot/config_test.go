package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// envOf returns a getenv that reads env only.
func envOf(env map[string]string) func(string) string {
	return func(name string) string { return env[name] }
}

func noEnv(string) string { return "" }

func TestDefaultConfigIsValid(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Errorf("DefaultConfig().Validate() = %v, want nil", err)
	}
}

func TestParseConfigEmptyGivesDefaults(t *testing.T) {
	for _, in := range []string{"", "\n", "# only a comment\n", "---\n", "{}\n", "llm:\n", "discord: ~\n  # nothing\n"} {
		got, err := ParseConfig(strings.NewReader(in), noEnv)
		if err != nil {
			t.Errorf("ParseConfig(%q) error = %v, want nil", in, err)
			continue
		}
		if want := DefaultConfig(); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseConfig(%q) = %+v, want DefaultConfig() %+v", in, got, want)
		}
	}
}

func TestParseConfigValues(t *testing.T) {
	in := `
corpus: /srv/news
index: /var/lib/newsbot
max_file_bytes: 1_000_000
chunk: {target_chars: 1200, overlap_sentences: 0}
embedder:
  provider: openai
  model: nomic-embed-text
  base_url: http://localhost:11434/v1
  api_key: sk-local
  batch_size: 16
llm:
  model: llama3.1
  base_url: https://llm.example.com/v1
  temperature: 0
  max_tokens: 1024
  timeout: 1m30s
  max_retries: 0
search: {k: 10}
conversation: {turns: 8}
watch: {debounce: 250ms}
discord:
  token: abc.def
  guild_ids: [123456789012345678, "234567890123456789"]
  allowed_guilds: []
  allowed_channels:
    - 345678901234567890
  reindex_role: "456789012345678901"
  user_rate: &rate {every: 5s, burst: 2}
  channel_rate: *rate
  watch: false
web:
  addr: ":9090"
  public_url: https://news.example.org
  token: web-secret
  trust_proxy: true
  ask_rate: {every: 2s, burst: 3}
  request_rate: {every: 50ms, burst: 20}
  watch: false
log: {level: debug, format: json}
`
	want := Config{
		Corpus:       "/srv/news",
		Index:        "/var/lib/newsbot",
		MaxFileBytes: 1_000_000,
		Chunk:        ChunkConfig{TargetChars: 1200, OverlapSentences: 0},
		Embedder: EmbedderConfig{
			Provider: "openai", Dimensions: 384, Model: "nomic-embed-text",
			BaseURL: "http://localhost:11434/v1", APIKey: "sk-local", BatchSize: 16,
		},
		LLM: LLMConfig{
			Model: "llama3.1", BaseURL: "https://llm.example.com/v1", Temperature: 0,
			MaxTokens: 1024, Timeout: 90 * time.Second, MaxRetries: 0, ContextTokens: 16000, CoverageBudget: 200000,
		},
		Search:       SearchConfig{K: 10, VectorWeight: 0.25},
		Conversation: ConversationConfig{Turns: 8},
		Watch:        WatchConfig{Debounce: 250 * time.Millisecond},
		Discord: DiscordConfig{
			Token:           "abc.def",
			GuildIDs:        []string{"123456789012345678", "234567890123456789"},
			AllowedChannels: []string{"345678901234567890"},
			ReindexRole:     "456789012345678901",
			UserRate:        RateConfig{Every: 5 * time.Second, Burst: 2},
			ChannelRate:     RateConfig{Every: 5 * time.Second, Burst: 2},
			Watch:           false,
		},
		Web: WebConfig{
			Addr: ":9090", PublicURL: "https://news.example.org", Token: "web-secret", TrustProxy: true,
			AskRate:     RateConfig{Every: 2 * time.Second, Burst: 3},
			RequestRate: RateConfig{Every: 50 * time.Millisecond, Burst: 20},
		},
		Log: LogConfig{Level: "debug", Format: "json"},
	}
	got, err := ParseConfig(strings.NewReader(in), noEnv)
	if err != nil {
		t.Fatalf("ParseConfig() error = %v, want nil", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseConfig() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseConfigKeepsDefaultsOfOmittedKeys(t *testing.T) {
	got, err := ParseConfig(strings.NewReader("llm:\n  model: gpt-4o-mini\ndiscord:\n  user_rate:\n    burst: 5\n"), noEnv)
	if err != nil {
		t.Fatalf("ParseConfig() error = %v, want nil", err)
	}
	want := DefaultConfig()
	want.LLM.Model = "gpt-4o-mini"
	want.Discord.UserRate.Burst = 5
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseConfig() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseConfigExpandsEnv(t *testing.T) {
	env := map[string]string{
		"DISCORD_TOKEN": "tok$EN",
		"HOST":          "gpu.local",
		"K":             "9",
		"MODEL":         "llama3.1",
		"GUILD":         "123",
	}
	tests := []struct {
		name string
		in   string
		get  func(Config) any
		want any
	}{
		{"braces", "discord:\n  token: ${DISCORD_TOKEN}\n", func(c Config) any { return c.Discord.Token }, "tok$EN"},
		{"bare", "llm:\n  model: $MODEL\n", func(c Config) any { return c.LLM.Model }, "llama3.1"},
		{"inside text", "llm:\n  model: m\n  base_url: http://${HOST}:11434/v1\n", func(c Config) any { return c.LLM.BaseURL }, "http://gpu.local:11434/v1"},
		{"bare name ends at non-name", "llm:\n  model: $MODEL-q4\n", func(c Config) any { return c.LLM.Model }, "llama3.1-q4"},
		{"unset is empty", "llm:\n  model: ${NOT_SET}\n", func(c Config) any { return c.LLM.Model }, ""},
		{"unset bare is empty", "llm:\n  model: pre${NOT_SET}$ALSO_NOT\n", func(c Config) any { return c.LLM.Model }, "pre"},
		{"number", "search:\n  k: ${K}\n", func(c Config) any { return c.Search.K }, 9},
		{"quoted", "search:\n  k: \"$K\"\n", func(c Config) any { return c.Search.K }, 9},
		{"list element", "discord:\n  guild_ids: [$GUILD]\n", func(c Config) any { return c.Discord.GuildIDs }, []string{"123"}},
		{"dollar dollar", "discord:\n  token: a$$b\n", func(c Config) any { return c.Discord.Token }, "a$b"},
		{"lone dollar", "discord:\n  token: a$ b$\n", func(c Config) any { return c.Discord.Token }, "a$ b$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ParseConfig(strings.NewReader(tt.in), envOf(env))
			if err != nil {
				t.Fatalf("ParseConfig(%q) error = %v, want nil", tt.in, err)
			}
			if got := tt.get(cfg); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseConfig(%q) gave %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseConfigExpandsOnlyValues(t *testing.T) {
	var asked []string
	getenv := func(name string) string {
		asked = append(asked, name)
		return "x"
	}
	in := "# see $IN_COMMENT\nllm:\n  model: ${IN_VALUE} # and $IN_LINE_COMMENT\n"
	if _, err := ParseConfig(strings.NewReader(in), getenv); err != nil {
		t.Fatalf("ParseConfig(%q) error = %v, want nil", in, err)
	}
	if want := []string{"IN_VALUE"}; !reflect.DeepEqual(asked, want) {
		t.Errorf("ParseConfig(%q) looked up %q, want %q", in, asked, want)
	}
}

func TestReadConfigFileErrors(t *testing.T) {
	tests := []struct {
		file string
		line int
		key  string
		msg  string
	}{
		// Unknown keys.
		{"unknown_top.yaml", 2, "corpse", `unknown key "corpse" (did you mean "corpus"?)`},
		{"unknown_nested.yaml", 7, "llm.modle", `unknown key "modle" in llm (did you mean "model"?)`},
		{"unknown_misplaced.yaml", 3, "turns", `unknown key "turns" (did you mean conversation.turns?)`},
		{"unknown_ambiguous.yaml", 1, "model", `unknown key "model" (did you mean embedder.model or llm.model?)`},
		{"unknown_deep.yaml", 3, "discord.user_rate.evry", `unknown key "evry" in discord.user_rate (did you mean "every"?)`},
		{"unknown_far.yaml", 2, "llm.colour", `unknown key "colour" in llm (known keys: model, base_url, api_key, temperature, max_tokens, timeout, max_retries, context_tokens, coverage_budget)`},
		{"unknown_spelling.yaml", 3, "embedder.baseURL", `unknown key "baseURL" in embedder (did you mean "base_url"?)`},
		{"key_not_name.yaml", 1, "", `bad key at the top level: want a plain name, got a list`},
		{"duplicate.yaml", 3, "search.k", `duplicate key "k" in search (first set at line 2)`},
		// Wrong types.
		{"type_int.yaml", 3, "search.k", `bad value "fast" for search.k: want a whole number`},
		{"type_int_fraction.yaml", 2, "search.k", `bad value "2.5" for search.k: want a whole number`},
		{"type_float.yaml", 2, "llm.temperature", `bad value "warm" for llm.temperature: want a number`},
		{"type_float_nan.yaml", 2, "llm.temperature", `bad value "NaN" for llm.temperature: want a number`},
		{"type_int_overflow.yaml", 1, "max_file_bytes", `bad value "99999999999999999999" for max_file_bytes: want a whole number`},
		{"type_bool.yaml", 2, "discord.watch", `bad value "sometimes" for discord.watch: want true or false`},
		{"type_mapping.yaml", 1, "llm", `bad value "gpt-4o" for llm: want a mapping of options`},
		{"type_list.yaml", 2, "discord.guild_ids", `bad value "123" for discord.guild_ids: want a list, such as ["123", "456"]`},
		{"type_string.yaml", 1, "corpus", `bad value for corpus: want a string, got a list`},
		{"type_list_element.yaml", 4, "discord.allowed_channels[1]", `bad value for discord.allowed_channels[1]: want a string, got a mapping`},
		{"top_level_list.yaml", 1, "", `want a mapping of options at the top level, got a list`},
		// Durations.
		{"duration_unitless.yaml", 2, "llm.timeout", `bad value "60" for llm.timeout: want a duration such as "2s" or "1m"`},
		{"duration_words.yaml", 2, "watch.debounce", `bad value "one second" for watch.debounce: want a duration such as "2s" or "1m"`},
		{"duration_negative.yaml", 2, "watch.debounce", `watch.debounce: must be positive, e.g. "1s"`},
		// Malformed YAML.
		{"malformed.yaml", 4, "", `malformed YAML: mapping values are not allowed in this context`},
		{"malformed_tab.yaml", 2, "", `malformed YAML: found a tab character that violates indentation`},
		{"two_documents.yaml", 2, "", `more than one YAML document; want a single mapping of options`},
		{"env_unclosed.yaml", 2, "llm.model", `bad value "${LLM_MODEL" for llm.model: unclosed "${" (write "$$" for a literal "$")`},
		// Invalid values, placed at their key (or at its section when
		// the key itself is absent).
		{"invalid_temperature.yaml", 3, "llm.temperature", `llm.temperature: must be between 0 and 2`},
		{"invalid_k.yaml", 2, "search.k", `search.k: must be between 1 and 50`},
		{"invalid_provider.yaml", 2, "embedder.provider", `embedder.provider: must be "builtin" or "openai", not "bert"`},
		{"invalid_openai_no_model.yaml", 2, "embedder.model", `embedder.model: is required when embedder.provider is "openai" (e.g. text-embedding-3-small)`},
		{"invalid_guild_id.yaml", 4, "discord.guild_ids[1]", `discord.guild_ids[1]: "My Server" is not a Discord ID (want the number Copy ID gives)`},
		{"invalid_log_level.yaml", 2, "log.level", `log.level: must be debug, info, warn or error, not "verbose"`},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".yaml"), func(t *testing.T) {
			path := filepath.Join("testdata", "config", tt.file)
			_, err := ReadConfigFile(path, noEnv)
			if err == nil {
				t.Fatalf("ReadConfigFile(%q) error = nil, want %q", path, tt.msg)
			}
			if want := fmt.Sprintf("%s:%d: %s", path, tt.line, tt.msg); err.Error() != want {
				t.Errorf("ReadConfigFile(%q) error =\n%s\nwant\n%s", path, err, want)
			}
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("ReadConfigFile(%q) error is %T, want *ConfigError", path, err)
			}
			if ce.File != path || ce.Line != tt.line || ce.Key != tt.key {
				t.Errorf("ReadConfigFile(%q) error at %s:%d key %q, want %s:%d key %q", path, ce.File, ce.Line, ce.Key, path, tt.line, tt.key)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("ReadConfigFile(%q) error %q has several lines, want one", path, err)
			}
		})
	}
}

func TestParseConfigErrorWithoutFile(t *testing.T) {
	tests := []struct{ in, want string }{
		{"llm:\n  modle: x\n", `line 2: unknown key "modle" in llm (did you mean "model"?)`},
		{"a: *nope\n", `malformed YAML: unknown anchor 'nope' referenced`},
		{"llm:\n  model: ${A B}\n", `line 2: bad value "${A B}" for llm.model: bad variable name "A B" in ${...}`},
		{"search:\n  k: " + strings.Repeat("x", 50) + "\n", `line 2: bad value "` + strings.Repeat("x", 40) + `..." for search.k: want a whole number`},
		{"llm:\n  temperature: 3\n", `line 2: llm.temperature: must be between 0 and 2`},
	}
	for _, tt := range tests {
		_, err := ParseConfig(strings.NewReader(tt.in), noEnv)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseConfig(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestReadConfigFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	_, err := ReadConfigFile(path, noEnv)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadConfigFile(%q) error = %v, want fs.ErrNotExist", path, err)
	}
}

func TestReadConfigFileMalformedWithoutLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte("a: *nope\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadConfigFile(path, noEnv)
	if want := path + `: malformed YAML: unknown anchor 'nope' referenced`; err == nil || err.Error() != want {
		t.Errorf("ReadConfigFile(%q) error = %v, want %s", path, err, want)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		want   string // "" for valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"openai embedder", func(c *Config) { c.Embedder.Provider, c.Embedder.Model = "openai", "text-embedding-3-small" }, ""},
		{"local llm", func(c *Config) { c.LLM.Model, c.LLM.BaseURL = "llama3.1", "http://localhost:11434/v1" }, ""},
		{"edges", func(c *Config) {
			c.LLM.Temperature, c.Search.K, c.Chunk.OverlapSentences, c.LLM.MaxRetries = 2, 50, 0, 0
		}, ""},
		{"discord ids", func(c *Config) {
			c.Discord.GuildIDs, c.Discord.ReindexRole = []string{"123456789012345678"}, "987654321098765432"
		}, ""},
		{"empty corpus", func(c *Config) { c.Corpus = "" }, "corpus: must not be empty"},
		{"max file bytes", func(c *Config) { c.MaxFileBytes = 0 }, "max_file_bytes: must be positive"},
		{"target chars", func(c *Config) { c.Chunk.TargetChars = -1 }, "chunk.target_chars: must be positive"},
		{"overlap", func(c *Config) { c.Chunk.OverlapSentences = 6 }, "chunk.overlap_sentences: must be between 0 and 5"},
		{"negative overlap", func(c *Config) { c.Chunk.OverlapSentences = -1 }, "chunk.overlap_sentences: must be between 0 and 5"},
		{"provider", func(c *Config) { c.Embedder.Provider = "OpenAI" }, `embedder.provider: must be "builtin" or "openai", not "OpenAI"`},
		{"dimensions", func(c *Config) { c.Embedder.Dimensions = 0 }, "embedder.dimensions: must be between 1 and 8192"},
		{"openai without model", func(c *Config) { c.Embedder.Provider = "openai" }, `embedder.model: is required when embedder.provider is "openai" (e.g. text-embedding-3-small)`},
		{"model with builtin", func(c *Config) { c.Embedder.Model = "text-embedding-3-small" }, `embedder.model: is only used when embedder.provider is "openai"`},
		{"base url with builtin", func(c *Config) { c.Embedder.BaseURL = "http://localhost:11434/v1" }, `embedder.base_url: is only used when embedder.provider is "openai"`},
		{"embedder base url", func(c *Config) {
			c.Embedder.Provider, c.Embedder.Model, c.Embedder.BaseURL = "openai", "m", "localhost:11434"
		}, "embedder.base_url: want an http or https URL, e.g. http://localhost:11434/v1"},
		{"batch size", func(c *Config) { c.Embedder.BatchSize = 4096 }, "embedder.batch_size: must be between 1 and 2048"},
		{"llm base url without model", func(c *Config) { c.LLM.BaseURL = "http://localhost:11434/v1" }, "llm.base_url: is set but llm.model is empty (no model: extractive answers)"},
		{"llm base url", func(c *Config) { c.LLM.Model, c.LLM.BaseURL = "m", "ftp://example.com" }, "llm.base_url: want an http or https URL, e.g. http://localhost:11434/v1"},
		{"temperature high", func(c *Config) { c.LLM.Temperature = 2.01 }, "llm.temperature: must be between 0 and 2"},
		{"temperature negative", func(c *Config) { c.LLM.Temperature = -0.1 }, "llm.temperature: must be between 0 and 2"},
		{"temperature NaN", func(c *Config) { c.LLM.Temperature = math.NaN() }, "llm.temperature: must be between 0 and 2"},
		{"max tokens", func(c *Config) { c.LLM.MaxTokens = 0 }, "llm.max_tokens: must be positive"},
		{"timeout", func(c *Config) { c.LLM.Timeout = 0 }, `llm.timeout: must be positive, e.g. "20s"`},
		{"retries", func(c *Config) { c.LLM.MaxRetries = -1 }, "llm.max_retries: must be between 0 and 10"},
		{"k zero", func(c *Config) { c.Search.K = 0 }, "search.k: must be between 1 and 50"},
		{"k large", func(c *Config) { c.Search.K = 51 }, "search.k: must be between 1 and 50"},
		{"turns", func(c *Config) { c.Conversation.Turns = 0 }, "conversation.turns: must be between 1 and 50"},
		{"debounce", func(c *Config) { c.Watch.Debounce = -time.Second }, `watch.debounce: must be positive, e.g. "1s"`},
		{"guild id", func(c *Config) { c.Discord.GuildIDs = []string{"123", ""} }, `discord.guild_ids[1]: "" is not a Discord ID (want the number Copy ID gives)`},
		{"allowed guild", func(c *Config) { c.Discord.AllowedGuilds = []string{"news"} }, `discord.allowed_guilds[0]: "news" is not a Discord ID (want the number Copy ID gives)`},
		{"allowed channel", func(c *Config) { c.Discord.AllowedChannels = []string{"#news"} }, `discord.allowed_channels[0]: "#news" is not a Discord ID (want the number Copy ID gives)`},
		{"reindex role", func(c *Config) { c.Discord.ReindexRole = "@editors" }, `discord.reindex_role: "@editors" is not a Discord ID (want the number Copy ID gives)`},
		{"user rate every", func(c *Config) { c.Discord.UserRate.Every = 0 }, `discord.user_rate.every: must be positive, e.g. "10s"`},
		{"user rate burst", func(c *Config) { c.Discord.UserRate.Burst = 0 }, "discord.user_rate.burst: must be positive"},
		{"channel rate every", func(c *Config) { c.Discord.ChannelRate.Every = 0 }, `discord.channel_rate.every: must be positive, e.g. "2s"`},
		{"channel rate burst", func(c *Config) { c.Discord.ChannelRate.Burst = -1 }, "discord.channel_rate.burst: must be positive"},
		{"web on all interfaces", func(c *Config) { c.Web.Addr, c.Web.PublicURL = ":8080", "https://news.example.org/" }, ""},
		{"web addr", func(c *Config) { c.Web.Addr = "localhost" }, `web.addr: want host:port, e.g. "127.0.0.1:8080" or ":8080"`},
		{"web port", func(c *Config) { c.Web.Addr = "localhost:http-alt" }, `web.addr: want host:port, e.g. "127.0.0.1:8080" or ":8080"`},
		{"web public url", func(c *Config) { c.Web.PublicURL = "news.example.org" }, "web.public_url: want an http or https URL, e.g. https://news.example.org"},
		{"web public url path", func(c *Config) { c.Web.PublicURL = "https://example.org/newsbot" }, "web.public_url: want the address of the server's root, without a path: pages are served from /"},
		{"web ask rate", func(c *Config) { c.Web.AskRate.Every = 0 }, `web.ask_rate.every: must be positive, e.g. "5s"`},
		{"web request burst", func(c *Config) { c.Web.RequestRate.Burst = 0 }, "web.request_rate.burst: must be positive"},
		{"log level", func(c *Config) { c.Log.Level = "INFO" }, `log.level: must be debug, info, warn or error, not "INFO"`},
		{"log format", func(c *Config) { c.Log.Format = "logfmt" }, `log.format: must be text or json, not "logfmt"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultConfig()
			tt.change(&c)
			err := c.Validate()
			if tt.want == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("Validate() = %v, want %s", err, tt.want)
			}
			var ce *ConfigError
			if key, _, _ := strings.Cut(tt.want, ":"); !errors.As(err, &ce) || ce.Key != key {
				t.Errorf("Validate() = %#v, want a *ConfigError with Key %q", err, key)
			}
		})
	}
}

func TestApplyEnv(t *testing.T) {
	env := envOf(map[string]string{EnvOpenAIKey: "sk-env", EnvDiscordToken: "tok-env", EnvWebToken: "web-env"})

	c := DefaultConfig()
	c.ApplyEnv(env)
	if c.Embedder.APIKey != "sk-env" || c.LLM.APIKey != "sk-env" || c.Discord.Token != "tok-env" || c.Web.Token != "web-env" {
		t.Errorf("ApplyEnv on empty secrets: keys %q %q, tokens %q %q; want %q %q, %q %q",
			c.Embedder.APIKey, c.LLM.APIKey, c.Discord.Token, c.Web.Token, "sk-env", "sk-env", "tok-env", "web-env")
	}

	c = DefaultConfig()
	c.Embedder.APIKey, c.LLM.APIKey, c.Discord.Token, c.Web.Token = "sk-emb", "sk-llm", "tok-file", "web-file"
	c.ApplyEnv(env)
	if c.Embedder.APIKey != "sk-emb" || c.LLM.APIKey != "sk-llm" || c.Discord.Token != "tok-file" || c.Web.Token != "web-file" {
		t.Errorf("ApplyEnv on set secrets: keys %q %q, tokens %q %q; want %q %q, %q %q",
			c.Embedder.APIKey, c.LLM.APIKey, c.Discord.Token, c.Web.Token, "sk-emb", "sk-llm", "tok-file", "web-file")
	}
}

const examplePath = "../../config.example.yaml"

// The example file documents the defaults: parsing it must give exactly
// DefaultConfig().
func TestConfigExampleIsDefaultConfig(t *testing.T) {
	got, err := ReadConfigFile(examplePath, noEnv)
	if err != nil {
		t.Fatalf("ReadConfigFile(%q) error = %v", examplePath, err)
	}
	if want := DefaultConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadConfigFile(%q) =\n%+v\nwant DefaultConfig()\n%+v", examplePath, got, want)
	}
}

// Every option appears in the example, with a comment of its own.
func TestConfigExampleDocumentsEveryOption(t *testing.T) {
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := joinKey(path, k.Value)
			if v.Kind == yaml.MappingNode {
				walk(v, p)
				continue
			}
			documented[p] = k.HeadComment != "" || k.LineComment != "" || v.LineComment != ""
		}
	}
	walk(doc.Content[0], "")
	for _, key := range keyPaths(reflect.TypeFor[Config](), "") {
		c, ok := documented[key]
		switch {
		case !ok:
			t.Errorf("%s: option %s is missing", examplePath, key)
		case !c:
			t.Errorf("%s: option %s has no comment", examplePath, key)
		}
	}
}

func ExampleParseConfig() {
	getenv := func(name string) string {
		return map[string]string{"LLM_MODEL": "llama3.1"}[name]
	}
	cfg, err := ParseConfig(strings.NewReader(`
llm:
  model: ${LLM_MODEL}
  base_url: http://localhost:11434/v1
search:
  k: 8
`), getenv)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.LLM.Model, cfg.LLM.BaseURL, cfg.Search.K, cfg.Embedder.Provider, cfg.LLM.Timeout)

	_, err = ParseConfig(strings.NewReader("search:\n  k: fast\n"), getenv)
	fmt.Println(err)
	// Output:
	// llama3.1 http://localhost:11434/v1 8 builtin 20s
	// line 2: bad value "fast" for search.k: want a whole number
}

// FuzzParseConfig reads arbitrary YAML as a config: it never panics, and
// either gives a config that validates or one error, a *ConfigError of
// one line naming where it is.
func FuzzParseConfig(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "config.example.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	files, _ := filepath.Glob(filepath.Join("testdata", "config", "*.yaml"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("llm:\n  timeout: 20s\n  model: ${MODEL}\ndiscord:\n  guild_ids: [1, 2]\n")
	f.Add("a: &x [*x]\n")
	f.Add("search: {k: 1e400}\n---\nb: c\n")
	f.Add("corpus: !!binary aGk=\nlog: {level: 7}\n")
	f.Fuzz(func(t *testing.T, yaml string) {
		getenv := func(k string) string { return map[string]string{"MODEL": "m", "DISCORD_TOKEN": "t$x"}[k] }
		cfg, err := ParseConfig(strings.NewReader(yaml), getenv)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("ParseConfig error %v (%T), want a *ConfigError", err, err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") || msg == "" {
				t.Fatalf("ParseConfig error %q, want one line", msg)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("ParseConfig gave a config that does not validate: %v", err)
		}
	})
}
