// Copyright ©2026 The dvkreport authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import (
	"container/list"
	"sync"
)

// A FontCache keeps what documents made from the same UTF-8 font files
// have in common, for a program that makes many of them: each face,
// parsed once, and the subsets the documents drew, each written and
// compressed once for a face and a set of runes. A document uses a cache
// given to SetFontCache; what it writes is byte for byte what it writes
// without one. A FontCache is safe for use by documents made at once.
type FontCache struct {
	mu      sync.Mutex
	faces   map[string]*ttfFace // by font ID (fontDefType.i)
	max     int
	subsets map[string]*list.Element // of *cachedSubset, by subsetKey
	lru     list.List                // the subsets, the most recently used first
}

// cachedSubset is a font subset's streams as a document writes them.
type cachedSubset struct {
	key     string
	streams *fontStreams
}

// fontStreams are the streams of a font subset, compressed: what
// putUTF8Font writes.
type fontStreams struct {
	sub        *ttfSubset
	programLen int    // the font program's length, uncompressed (/Length1)
	program    []byte // the font program, compressed
	cidToGID   []byte // the CIDToGIDMap, compressed
	toUnicode  []byte // the ToUnicode CMap, compressed if the document compresses
}

// NewFontCache returns a cache that keeps the subsets of at most
// maxSubsets sets of runes, those used last (a subset of a Latin and
// Vietnamese text takes about 50 KB); faces are all kept.
func NewFontCache(maxSubsets int) *FontCache {
	return &FontCache{faces: map[string]*ttfFace{}, max: max(maxSubsets, 0), subsets: map[string]*list.Element{}}
}

// SetFontCache makes the document share the faces and the subsets of its
// UTF-8 fonts with other documents through c; nil shares nothing.
func (f *Fpdf) SetFontCache(c *FontCache) { f.fontCache = c }

// face returns the parsed face of font ID id, parsing data if no document
// parsed it before.
func (c *FontCache) face(id string, data []byte) (*ttfFace, error) {
	c.mu.Lock()
	t := c.faces[id]
	c.mu.Unlock()
	if t != nil {
		return t, nil
	}
	t, err := parseTTF(data)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.faces[id]; old != nil {
		return old, nil // parsed at once by another document
	}
	c.faces[id] = t
	return t, nil
}

// subsetKey is the key of the subset of the runes of font ID id, its
// ToUnicode map compressed or not.
func subsetKey(id string, runes []rune, compress bool) string {
	b := make([]byte, 0, len(id)+2+3*len(runes))
	b = append(b, id...)
	b = append(b, 0)
	if compress {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	for _, r := range runes {
		b = append(b, byte(r>>16), byte(r>>8), byte(r))
	}
	return string(b)
}

// get returns the streams of key, if kept.
func (c *FontCache) get(key string) *fontStreams {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.subsets[key]
	if e == nil {
		return nil
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cachedSubset).streams
}

// put keeps the streams of key, forgetting the subsets used longest ago
// beyond the cache's size.
func (c *FontCache) put(key string, s *fontStreams) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.max == 0 || c.subsets[key] != nil {
		return
	}
	c.subsets[key] = c.lru.PushFront(&cachedSubset{key: key, streams: s})
	for c.lru.Len() > c.max {
		last := c.lru.Back()
		c.lru.Remove(last)
		delete(c.subsets, last.Value.(*cachedSubset).key)
	}
}
