// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() interface{} {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zlibWriters keeps zlib writers for reuse: a new one allocates about
// 1.2 MB of state, more than compressing most streams costs. It is a list
// rather than a sync.Pool, which the garbage collector empties and whose
// per-processor slot misses when a goroutine moves to another processor.
var zlibWriters struct {
	sync.Mutex
	free []*zlib.Writer
}

// getZlibWriter returns a zlib writer (level BestSpeed) writing to w.
func getZlibWriter(w io.Writer) *zlib.Writer {
	zlibWriters.Lock()
	defer zlibWriters.Unlock()
	if n := len(zlibWriters.free); n > 0 {
		zw := zlibWriters.free[n-1]
		zlibWriters.free = zlibWriters.free[:n-1]
		zw.Reset(w)
		return zw
	}
	zw, err := zlib.NewWriterLevel(w, zlib.BestSpeed)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}

// putZlibWriter gives back a writer of getZlibWriter; at most four are
// kept.
func putZlibWriter(zw *zlib.Writer) {
	zw.Reset(io.Discard) // drop the reference to the last output
	zlibWriters.Lock()
	defer zlibWriters.Unlock()
	if len(zlibWriters.free) < 4 {
		zlibWriters.free = append(zlibWriters.free, zw)
	}
}

// zlibCompress appends data compressed by zlib (BestSpeed) to buf.
func zlibCompress(buf *bytes.Buffer, data []byte) {
	zw := getZlibWriter(buf)
	defer putZlibWriter(zw)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}
	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))
	zlibCompress(buf, data)
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
