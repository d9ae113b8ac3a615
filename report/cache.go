package report

import (
	"sync"

	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/templates"
)

// A Cache keeps what the reports one program makes have in common, so
// that each is made once: a language's texts, parsed, and the fonts of
// the PDFs (package pdf's Cache). The reports of a batch share one
// (Options.Cache); each report is byte for byte what it is without it.
// A Cache is safe for reports made at once.
type Cache struct {
	mu    sync.Mutex
	texts map[[2]string]*templates.Set // by language and edited copy
	pdf   *pdf.Cache
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{texts: map[[2]string]*templates.Set{}, pdf: pdf.NewCache()}
}

// templates returns the texts of lang with the edited copy override (see
// templates.Load), loaded once for c; a nil c loads them each time. A
// Set is never changed once loaded, so the reports share it.
func (c *Cache) templates(lang, override string) (*templates.Set, error) {
	if c == nil {
		return templates.Load(lang, override)
	}
	key := [2]string{lang, override}
	c.mu.Lock()
	defer c.mu.Unlock()
	if set := c.texts[key]; set != nil {
		return set, nil
	}
	set, err := templates.Load(lang, override)
	if err != nil {
		return nil, err
	}
	c.texts[key] = set
	return set, nil
}

// pdfCache returns the cache of the PDFs, or nil for a nil c.
func (c *Cache) pdfCache() *pdf.Cache {
	if c == nil {
		return nil
	}
	return c.pdf
}
