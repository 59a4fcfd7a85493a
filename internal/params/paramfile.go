package params

import (
	"errors"
	"io/fs"
	"os"
	"os/user"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/pyfmt"
)

// ParamFileError is a paramfile that could not be read; its text follows
// "Error parsing parameter '--x': ".
type ParamFileError struct{ Msg string }

func (e *ParamFileError) Error() string { return e.Msg }

// LoadParamFile is the AWS CLI's get_paramfile: a value starting with
// file:// is replaced by the text of that file (decoded as UTF-8, with
// Python's universal newlines), one starting with fileb:// by its bytes.
// ok is false for any other value, which is then used as it is. The path
// has ~ and $VARS expanded first.
func LoadParamFile(value string) (loaded any, ok bool, err error) {
	var prefix string
	switch {
	case strings.HasPrefix(value, "file://"):
		prefix = "file://"
	case strings.HasPrefix(value, "fileb://"):
		prefix = "fileb://"
	default:
		return nil, false, nil
	}
	path := expandVars(expandUser(value[len(prefix):]))
	data, rerr := os.ReadFile(path)
	if rerr != nil {
		return nil, true, &ParamFileError{Msg: "Unable to load paramfile " + value + ": " + osErrorText(rerr, path)}
	}
	if prefix == "fileb://" {
		return data, true, nil
	}
	if !utf8.Valid(data) {
		return nil, true, &ParamFileError{Msg: "Unable to load paramfile (" + path + "), text contents could " +
			"not be decoded.  If this is a binary file, please use the " +
			"fileb:// prefix instead of the file:// prefix."}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return text, true, nil
}

// errnoText holds glibc's strerror() for the errors opening a file can give;
// Go's own texts are lower-cased.
var errnoText = map[syscall.Errno]string{
	syscall.ENOENT:       "No such file or directory",
	syscall.EACCES:       "Permission denied",
	syscall.EISDIR:       "Is a directory",
	syscall.ENOTDIR:      "Not a directory",
	syscall.ELOOP:        "Too many levels of symbolic links",
	syscall.ENAMETOOLONG: "File name too long",
	syscall.EPERM:        "Operation not permitted",
	syscall.EIO:          "Input/output error",
	syscall.ENXIO:        "No such device or address",
	syscall.EINVAL:       "Invalid argument",
	syscall.EMFILE:       "Too many open files",
	syscall.ENOMEM:       "Cannot allocate memory",
}

// osErrorText prints an open/read failure as Python's OSError does:
// "[Errno 2] No such file or directory: 'nope.txt'".
func osErrorText(err error, path string) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg, ok := errnoText[errno]
		if !ok {
			msg = errno.Error()
			if msg != "" {
				msg = strings.ToUpper(msg[:1]) + msg[1:]
			}
		}
		return "[Errno " + itoa(int(errno)) + "] " + msg + ": " + pyfmt.StrRepr(path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error() + ": " + pyfmt.StrRepr(path)
	}
	return err.Error()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// expandUser is os.path.expanduser.
func expandUser(path string) string {
	if !strings.HasPrefix(path, "~") {
		return path
	}
	i := strings.IndexByte(path[1:], '/') + 1
	if i == 0 {
		i = len(path)
	}
	var home string
	if i == 1 {
		h, ok := os.LookupEnv("HOME")
		if !ok {
			u, err := user.Current()
			if err != nil {
				return path
			}
			h = u.HomeDir
		}
		home = h
	} else {
		u, err := user.Lookup(path[1:i])
		if err != nil {
			return path
		}
		home = u.HomeDir
	}
	home = strings.TrimRight(home, "/")
	if out := home + path[i:]; out != "" {
		return out
	}
	return "/"
}

// varRef is posixpath's _varprog: $name or ${name}.
var varRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$([A-Za-z0-9_]+|\{[^}]*\})`) })

// expandVars is os.path.expandvars: defined variables are replaced,
// undefined ones left as written.
func expandVars(path string) string {
	if !strings.Contains(path, "$") {
		return path
	}
	return varRef().ReplaceAllStringFunc(path, func(ref string) string {
		name := ref[1:]
		if strings.HasPrefix(name, "{") {
			name = name[1 : len(name)-1]
		}
		if v, ok := os.LookupEnv(name); ok {
			return v
		}
		return ref
	})
}
