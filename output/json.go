package output

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// WriteJSON prints v as the AWS CLI's json output does:
// json.dumps(v, indent=4, ensure_ascii=False) followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 32*1024)
	appendJSON(bw, v, 4, 0)
	bw.WriteByte('\n')
	return bw.Flush()
}

// FormatJSON returns v in the same layout as WriteJSON, without the newline;
// indent 0 gives Python's compact-with-spaces form (", " and ": ").
func FormatJSON(v any, indent int) string {
	var b writerBuffer
	bw := bufio.NewWriter(&b)
	appendJSON(bw, v, indent, 0)
	bw.Flush()
	return string(b)
}

type writerBuffer []byte

func (b *writerBuffer) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

func newline(w *bufio.Writer, indent, level int) {
	w.WriteByte('\n')
	for i := 0; i < indent*level; i++ {
		w.WriteByte(' ')
	}
}

func appendJSON(w *bufio.Writer, v any, indent, level int) {
	switch t := v.(type) {
	case nil:
		w.WriteString("null")
	case bool:
		if t {
			w.WriteString("true")
		} else {
			w.WriteString("false")
		}
	case string:
		writeJSONString(w, t)
	case int64:
		w.WriteString(strconv.FormatInt(t, 10))
	case int:
		w.WriteString(strconv.Itoa(t))
	case *big.Int:
		w.WriteString(t.String())
	case float64:
		w.WriteString(jsonFloat(t))
	case []byte:
		writeJSONString(w, base64.StdEncoding.EncodeToString(t))
	case []any:
		if len(t) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				w.WriteByte(',')
				if indent == 0 {
					w.WriteByte(' ')
				}
			}
			if indent > 0 {
				newline(w, indent, level+1)
			}
			appendJSON(w, e, indent, level+1)
		}
		if indent > 0 {
			newline(w, indent, level)
		}
		w.WriteByte(']')
	case *document.Map:
		if t.Len() == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteByte('{')
		for i, k := range t.Keys() {
			if i > 0 {
				w.WriteByte(',')
				if indent == 0 {
					w.WriteByte(' ')
				}
			}
			if indent > 0 {
				newline(w, indent, level+1)
			}
			writeJSONString(w, k)
			w.WriteString(": ")
			e, _ := t.Get(k)
			appendJSON(w, e, indent, level+1)
		}
		if indent > 0 {
			newline(w, indent, level)
		}
		w.WriteByte('}')
	default:
		writeJSONString(w, fmt.Sprint(t))
	}
}

// jsonFloat is Python's float repr, with json's spellings of the specials.
func jsonFloat(f float64) string {
	s := document.FormatFloat(f)
	switch s {
	case "inf":
		return "Infinity"
	case "-inf":
		return "-Infinity"
	case "nan":
		return "NaN"
	}
	return s
}

const hexDigits = "0123456789abcdef"

// writeJSONString escapes as Python's json with ensure_ascii=False: quotes,
// backslashes and control characters only; other text passes through.
func writeJSONString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				w.WriteString(s[start:i])
				w.WriteString(`\ufffd`)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		w.WriteString(s[start:i])
		switch c {
		case '"':
			w.WriteString(`\"`)
		case '\\':
			w.WriteString(`\\`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		case '\b':
			w.WriteString(`\b`)
		case '\f':
			w.WriteString(`\f`)
		default:
			w.WriteString(`\u00`)
			w.WriteByte(hexDigits[c>>4])
			w.WriteByte(hexDigits[c&0xf])
		}
		i++
		start = i
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
