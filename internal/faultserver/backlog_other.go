//go:build !linux

package faultserver

// Unaccepting is a listener that never accepts; only Linux supports it.
type Unaccepting struct{}

// NewUnaccepting reports ErrUnsupported off Linux.
func NewUnaccepting() (*Unaccepting, error) { return nil, ErrUnsupported }

// URL is empty off Linux.
func (u *Unaccepting) URL() string { return "" }

// Close does nothing off Linux.
func (u *Unaccepting) Close() error { return nil }
