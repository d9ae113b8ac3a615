package templates

import (
	"embed"
	"fmt"
	"sort"
	"strings"

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

// languages are the catalogues' languages, in messageTable's order.
var languages = [...]string{"vi", "en"}

// Lookup returns the message of a key ("validate.negative") in a language
// ("vi" or "en"). The catalogues are Go tables made from the embedded
// messages.toml files by a test (TestMessageTable), so that a run does not
// parse 80 KB of TOML: that cost a seed report 1.5 ms.
func Lookup(lang, key string) (Message, bool) {
	for i, l := range languages {
		if l == lang {
			t := messageTable[i]
			k, ok := sort.Find(len(t), func(j int) int { return strings.Compare(key, t[j].key) })
			if !ok {
				return Message{}, false
			}
			return t[k].Message, true
		}
	}
	return Message{}, false
}

// Messages returns the message catalogue of a language ("vi" or "en"),
// keyed by the messages' dotted keys ("validate.negative"), as a new map;
// it is empty for another language.
func Messages(lang string) map[string]Message {
	for i, l := range languages {
		if l == lang {
			m := make(map[string]Message, len(messageTable[i]))
			for _, e := range messageTable[i] {
				m[e.key] = e.Message
			}
			return m
		}
	}
	return nil
}

// messageEntry is a message of messageTable under its key.
type messageEntry struct {
	key string
	Message
}

// MessagesError returns the error of parsing the embedded catalogues, if
// any.
func MessagesError() error {
	for _, l := range languages {
		if _, err := parseMessages(l + "/messages.toml"); err != nil {
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
