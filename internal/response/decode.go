// Package response turns a raw JSON-protocol response body into the
// document the CLI prints, the way botocore's JSON parser does with the
// AWS CLI v2's customisations (timestamps per cli_timestamp_format, blobs
// left as the base64 text that came over the wire).
//
// Structures keep only modelled members, in the model's order, and drop
// members that are absent or null; list items that are null stay. Scalars
// are kept exactly as received: botocore does not coerce them, so a number
// sent for a string member stays a number, and 1.0 stays a float.
package response

import (
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// Timestamp formats of the cli_timestamp_format setting.
const (
	TimestampISO8601 = "iso8601" // the default
	TimestampWire    = "wire"
)

// Options tune decoding.
type Options struct {
	// TimestampFormat is "iso8601" (also when empty) or "wire".
	TimestampFormat string
	// Location is the time zone iso8601 timestamps are shown in; the AWS
	// CLI uses the local zone. Nil means time.Local.
	Location *time.Location
}

// Decode parses body with the output shape of an operation. An empty body,
// or an operation without output, gives an empty map; a body that is not
// JSON is an error (the reference silently prints nothing there).
func Decode(m *model.Model, shape *model.Shape, body []byte, timestampFormat string) (any, error) {
	return DecodeWith(m, shape, body, Options{TimestampFormat: timestampFormat})
}

// DecodeWith is Decode with all options.
func DecodeWith(m *model.Model, shape *model.Shape, body []byte, opts Options) (any, error) {
	d, err := newDecoder(m, opts)
	if err != nil {
		return nil, err
	}
	if len(body) == 0 || shape == nil {
		return document.NewMap(0), nil
	}
	v, err := document.ParseJSON(body)
	if err != nil {
		return nil, clierr.Runtime("Unable to parse the service response as JSON: %v", err)
	}
	if v == nil {
		// botocore returns None and then fails adding response metadata.
		return nil, clierr.Runtime("'NoneType' object has no attribute 'setdefault'")
	}
	return d.value(shape, v, 0)
}

// DecodeValue applies the shape to an already parsed JSON value.
func DecodeValue(m *model.Model, shape *model.Shape, v any, opts Options) (any, error) {
	d, err := newDecoder(m, opts)
	if err != nil {
		return nil, err
	}
	if shape == nil {
		return v, nil
	}
	return d.value(shape, v, 0)
}

type decoder struct {
	m    *model.Model
	wire bool
	loc  *time.Location
}

func newDecoder(m *model.Model, opts Options) (*decoder, error) {
	d := &decoder{m: m, loc: opts.Location}
	switch opts.TimestampFormat {
	case "", TimestampISO8601:
	case TimestampWire:
		d.wire = true
	default:
		return nil, clierr.Runtime("Unknown cli_timestamp_format value: %s, valid values are \"wire\" or \"iso8601\"", opts.TimestampFormat)
	}
	if d.loc == nil {
		d.loc = time.Local
	}
	return d, nil
}

// maxDepth matches the JSON parser's nesting bound.
const maxDepth = 10000

func (d *decoder) value(shape *model.Shape, v any, depth int) (any, error) {
	if v == nil {
		return nil, nil
	}
	if shape == nil || depth > maxDepth {
		return v, nil
	}
	switch shape.Type {
	case "structure":
		if shape.Document {
			return v, nil
		}
		return d.structure(shape, v, depth)
	case "list":
		return d.list(shape, v, depth)
	case "map":
		return d.mapValue(shape, v, depth)
	case "timestamp":
		if d.wire {
			return v, nil
		}
		return isoTimestamp(v, d.loc)
	}
	// Strings, numbers, booleans and blobs: botocore's default handler and
	// the CLI's identity blob parser keep the wire value.
	return v, nil
}

func (d *decoder) structure(shape *model.Shape, v any, depth int) (any, error) {
	in, ok := v.(*document.Map)
	if !ok {
		return nil, clierr.Runtime("'%s' object has no attribute 'get'", pyfmt.TypeName(v))
	}
	out := document.NewMap(len(shape.Members))
	for _, mem := range shape.Members {
		raw, ok := in.Get(mem.Name)
		if !ok || raw == nil {
			continue
		}
		val, err := d.value(d.m.Shape(mem.Shape), raw, depth+1)
		if err != nil {
			return nil, err
		}
		out.Set(mem.Name, val)
	}
	return out, nil
}

func (d *decoder) list(shape *model.Shape, v any, depth int) (any, error) {
	in, ok := v.([]any)
	if !ok {
		return nil, clierr.Runtime("'%s' object is not a list", pyfmt.TypeName(v))
	}
	var member *model.Shape
	if shape.Member != nil {
		member = d.m.Shape(shape.Member.Shape)
	}
	out := make([]any, len(in))
	for i, item := range in {
		val, err := d.value(member, item, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = val
	}
	return out, nil
}

func (d *decoder) mapValue(shape *model.Shape, v any, depth int) (any, error) {
	in, ok := v.(*document.Map)
	if !ok {
		return nil, clierr.Runtime("'%s' object has no attribute 'items'", pyfmt.TypeName(v))
	}
	var valueShape *model.Shape
	if shape.Value != nil {
		valueShape = d.m.Shape(shape.Value.Shape)
	}
	out := document.NewMap(in.Len())
	for _, k := range in.Keys() {
		raw, _ := in.Get(k)
		val, err := d.value(valueShape, raw, depth+1)
		if err != nil {
			return nil, err
		}
		out.Set(k, val)
	}
	return out, nil
}

// isoTimestamp is the CLI's iso_format: botocore's parse_timestamp, then
// datetime.isoformat(). Numbers are epoch seconds shown in the local zone.
func isoTimestamp(v any, loc *time.Location) (any, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return epochInt(1, loc)
		}
		return epochInt(0, loc)
	case int64:
		return epochInt(x, loc)
	case *big.Int:
		if !x.IsInt64() {
			return nil, clierr.Runtime("timestamp out of range for platform time_t")
		}
		return epochInt(x.Int64(), loc)
	case float64:
		return epochFloat(x, loc)
	case string:
		if f, ok := pyFloat(x); ok {
			if math.IsNaN(f) {
				break // fromtimestamp refuses NaN; dateutil then fails too
			}
			return epochFloat(f, loc)
		}
		if s, ok := isoFromString(x); ok {
			return s, nil
		}
		return nil, clierr.Runtime("Invalid timestamp \"%s\": Unknown string format: %s", x, x)
	}
	return nil, clierr.Runtime("Invalid timestamp \"%s\": Parser must be a string or character stream, not %s", pyfmt.Str(v), pyfmt.TypeName(v))
}

func epochInt(sec int64, loc *time.Location) (any, error) {
	return formatEpoch(sec, 0, loc)
}

// epochFloat splits seconds the way CPython's datetime.fromtimestamp does
// (_PyTime_DoubleToDenominator): the fraction is scaled to microseconds
// and rounded half to even, carrying into the seconds.
func epochFloat(f float64, loc *time.Location) (any, error) {
	if math.IsNaN(f) {
		return nil, clierr.Runtime("Invalid value NaN (not a number)")
	}
	if math.IsInf(f, 0) {
		return nil, clierr.Runtime("cannot convert float infinity to integer")
	}
	intpart, frac := math.Modf(f)
	frac = math.RoundToEven(frac * 1e6)
	if frac >= 1e6 {
		frac -= 1e6
		intpart++
	} else if frac < 0 {
		frac += 1e6
		intpart--
	}
	if intpart < -9.223372036854775808e18 || intpart >= 9.223372036854775808e18 {
		return nil, clierr.Runtime("timestamp out of range for platform time_t")
	}
	return formatEpoch(int64(intpart), int64(frac), loc)
}

func formatEpoch(sec, usec int64, loc *time.Location) (any, error) {
	t := time.Unix(sec, usec*1000)
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return nil, clierr.Runtime("year %d is out of range", y)
	}
	t = t.In(loc)
	if y := t.Year(); y < 1 || y > 9999 {
		return nil, clierr.Runtime("date value out of range")
	}
	_, offset := t.Zone()
	return isoformat(t, true, offset), nil
}

// isoformat prints like Python's datetime.isoformat(): microseconds only
// when nonzero, and the UTC offset as ±HH:MM[:SS] when the time is aware.
func isoformat(t time.Time, aware bool, offset int) string {
	b := make([]byte, 0, 32)
	b = appendPad(b, t.Year(), 4)
	b = append(b, '-')
	b = appendPad(b, int(t.Month()), 2)
	b = append(b, '-')
	b = appendPad(b, t.Day(), 2)
	b = append(b, 'T')
	b = appendPad(b, t.Hour(), 2)
	b = append(b, ':')
	b = appendPad(b, t.Minute(), 2)
	b = append(b, ':')
	b = appendPad(b, t.Second(), 2)
	if us := t.Nanosecond() / 1000; us != 0 {
		b = append(b, '.')
		b = appendPad(b, us, 6)
	}
	if aware {
		sign := byte('+')
		if offset < 0 {
			sign = '-'
			offset = -offset
		}
		b = append(b, sign)
		b = appendPad(b, offset/3600, 2)
		b = append(b, ':')
		b = appendPad(b, offset%3600/60, 2)
		if s := offset % 60; s != 0 {
			b = append(b, ':')
			b = appendPad(b, s, 2)
		}
	}
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// pyFloat reads s as Python's float() would for the forms that matter:
// decimal numbers with optional sign, exponent, surrounding whitespace and
// digit-separating underscores, plus inf/nan words.
func pyFloat(s string) (float64, bool) {
	t := trimPySpace(s)
	if t == "" {
		return 0, false
	}
	body := t
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	switch lower(body) {
	case "inf", "infinity", "nan":
		f, err := strconv.ParseFloat(t, 64)
		return f, err == nil
	}
	clean := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E', c == '+', c == '-':
			clean = append(clean, c)
		case c == '_':
			// Only between two digits.
			if i == 0 || i == len(t)-1 || !isDigit(t[i-1]) || !isDigit(t[i+1]) {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(clean), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true // Python gives inf or 0.0 for out-of-range decimals
		}
		return 0, false
	}
	return f, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func trimPySpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' }
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// isoFromString handles the date strings dateutil's parser reads in
// practice: ISO 8601 with or without zone, and RFC 1123 with GMT. A zone
// of Z or GMT shows as +00:00; a string without one stays naive.
func isoFromString(s string) (string, bool) {
	t := trimPySpace(s)
	for _, l := range awareLayouts {
		if tm, err := time.Parse(l, t); err == nil {
			_, off := tm.Zone()
			return isoformat(truncUS(tm), true, off), true
		}
	}
	for _, l := range naiveLayouts {
		if tm, err := time.Parse(l, t); err == nil {
			return isoformat(truncUS(tm), false, 0), true
		}
	}
	return "", false
}

// truncUS drops sub-microsecond digits: dateutil keeps six at most.
func truncUS(t time.Time) time.Time {
	return t.Truncate(time.Microsecond)
}

var awareLayouts = []string{
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"20060102T150405Z",
	"Mon, 02 Jan 2006 15:04:05 GMT",
	"Mon, 2 Jan 2006 15:04:05 GMT",
	"Mon, 02 Jan 2006 15:04:05 -0700",
}

var naiveLayouts = []string{
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02",
}
