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

// catalogue parses a language's embedded catalogue once, when first
// needed; it never changes. A report in one language parses its own
// alone: both cost a seed report about 3 ms of its 45.
func catalogue(lang string) func() (map[string]Message, error) {
	return sync.OnceValues(func() (map[string]Message, error) { return parseMessages(lang + "/messages.toml") })
}

// catalogues are the languages' catalogues, in languages' order.
var catalogues = [...]func() (map[string]Message, error){catalogue("vi"), catalogue("en")}

// languages are the catalogues' languages.
var languages = [...]string{"vi", "en"}

// Messages returns the message catalogue of a language ("vi" or "en"),
// keyed by the messages' dotted keys ("validate.negative"). It is empty for
// another language, or if the embedded catalogues do not parse (a test keeps
// them parsing).
func Messages(lang string) map[string]Message {
	for i, l := range languages {
		if l == lang {
			c, err := catalogues[i]()
			if err != nil {
				return nil
			}
			return c
		}
	}
	return nil
}

// MessagesError returns the error of parsing the embedded catalogues, if
// any.
func MessagesError() error {
	for _, c := range catalogues {
		if _, err := c(); err != nil {
			return err
		}
	}
	return nil
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
