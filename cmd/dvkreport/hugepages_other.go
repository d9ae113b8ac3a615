//go:build !linux

package main

// preferHugePages does nothing: only Linux is asked for huge pages (see
// the memory policy in gc.go).
func preferHugePages(n int64) {}
