package faultserver

import (
	"fmt"
	"net"
	"syscall"
	"time"
)

// Unaccepting is a loopback listener that never accepts and whose accept
// queue is full, so the kernel drops new connection attempts and a client's
// connect hangs until its own timeout.
type Unaccepting struct {
	fd    int
	port  int
	conns []net.Conn
}

// maxFill bounds the connections used to fill the accept queue.
const maxFill = 16

// NewUnaccepting makes the listener and fills its queue.
func NewUnaccepting() (*Unaccepting, error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("faultserver: socket: %w", err)
	}
	u := &Unaccepting{fd: fd}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		u.Close()
		return nil, fmt.Errorf("faultserver: bind: %w", err)
	}
	// A backlog of zero keeps the queue as short as the kernel allows.
	if err := syscall.Listen(fd, 0); err != nil {
		u.Close()
		return nil, fmt.Errorf("faultserver: listen: %w", err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		u.Close()
		return nil, fmt.Errorf("faultserver: getsockname: %w", err)
	}
	in4, ok := sa.(*syscall.SockaddrInet4)
	if !ok {
		u.Close()
		return nil, ErrUnsupported
	}
	u.port = in4.Port
	for i := 0; ; i++ {
		if i == maxFill {
			u.Close()
			return nil, fmt.Errorf("faultserver: accept queue still open after %d connections", maxFill)
		}
		c, err := net.DialTimeout("tcp", u.addr(), 300*time.Millisecond)
		if err != nil {
			// The queue is full: this attempt was dropped.
			break
		}
		u.conns = append(u.conns, c)
	}
	return u, nil
}

func (u *Unaccepting) addr() string { return fmt.Sprintf("127.0.0.1:%d", u.port) }

// URL is the endpoint URL to give the client.
func (u *Unaccepting) URL() string { return "http://" + u.addr() }

// Close releases the listener and the queue's connections.
func (u *Unaccepting) Close() error {
	for _, c := range u.conns {
		c.Close()
	}
	u.conns = nil
	if u.fd >= 0 {
		err := syscall.Close(u.fd)
		u.fd = -1
		return err
	}
	return nil
}
