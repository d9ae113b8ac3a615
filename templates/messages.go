package templates

import (
	"embed"
	"fmt"
	"sort"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed vi/messages.toml en/messages.toml
var messageFiles embed.FS

// Message is one entry of a message catalogue: its text, with placeholders
// {1}, {2}…, and for English the singular form One, used when the
// message's first integer argument is 1.
type Message struct {
	One   string
	Other string
}

// catalogues parses the embedded catalogues once; they never change.
var catalogues = sync.OnceValues(func() (map[string]map[string]Message, error) {
	out := map[string]map[string]Message{}
	for _, lang := range []string{"vi", "en"} {
		c, err := parseMessages(lang + "/messages.toml")
		if err != nil {
			return nil, err
		}
		out[lang] = c
	}
	return out, nil
})

// Messages returns the message catalogue of a language ("vi" or "en"),
// keyed by the messages' dotted keys ("validate.negative"). It is empty for
// another language, or if the embedded catalogues do not parse (a test keeps
// them parsing).
func Messages(lang string) map[string]Message {
	c, err := catalogues()
	if err != nil {
		return nil
	}
	return c[lang]
}

// MessagesError returns the error of parsing the embedded catalogues, if
// any.
func MessagesError() error {
	_, err := catalogues()
	return err
}

// MessageKeys returns the keys of a language's catalogue, sorted.
func MessageKeys(lang string) []string {
	var keys []string
	for k := range Messages(lang) {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func parseMessages(name string) (map[string]Message, error) {
	data, err := messageFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	if err := toml.Unmarshal(data, &tree); err != nil {
		return nil, fmt.Errorf("templates/%s: %w", name, err)
	}
	out := map[string]Message{}
	var walk func(prefix string, m map[string]any) error
	walk = func(prefix string, m map[string]any) error {
		for k, v := range m {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			switch v := v.(type) {
			case string:
				out[key] = Message{Other: v}
			case map[string]any:
				one, okOne := v["one"].(string)
				other, okOther := v["other"].(string)
				if okOther && len(v) <= 2 && (okOne || len(v) == 1) {
					out[key] = Message{One: one, Other: other}
					continue
				}
				if err := walk(key, v); err != nil {
					return err
				}
			default:
				return fmt.Errorf("templates/%s: %s: want a text, or a table of texts", name, key)
			}
		}
		return nil
	}
	if err := walk("", tree); err != nil {
		return nil, err
	}
	return out, nil
}
