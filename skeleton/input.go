package skeleton

import (
	"encoding/base64"
	"errors"
	"io"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/internal/yamlres"
)

// How the reference treats --cli-input-json / --cli-input-yaml (awscli
// customizations/cliinput.py):
//
//   - The value is inline text, or file:// / fileb:// contents loaded by the
//     paramfile rules; the loaders here take the loaded text.
//   - Giving both options fails with OnlyOneError before anything is loaded.
//   - The document must be a map at its top level. Its keys are not checked
//     here: unknown keys fail later in parameter validation ("Unknown
//     parameter in input"), and values keep the types the loader produced
//     (no shorthand, no int conversion): validation judges them.
//   - Merge: the call parameters built from the command line come first, in
//     argument order; then every top-level key of the document that the
//     command line did not give, in document order. A command-line value
//     always wins, even when it equals a default, and replaces the document's
//     value wholesale (no deep merge); options left unset (including boolean
//     flags not given) do not count as given.
//   - The merge happens before `--generate-cli-skeleton output` runs, so a
//     document can supply that mode's required arguments, and the command
//     layer must treat required arguments as optional whenever a
//     --cli-input-* option is present.

// OnlyOneError is the reference's error when both --cli-input-json and
// --cli-input-yaml are given.
func OnlyOneError() error {
	return clierr.ParamValidation("Only one --cli-input- parameter may be specified.")
}

// LoadJSON parses the value of --cli-input-json as Python's json.loads does,
// keeping key order, and returns its top-level map.
func LoadJSON(text string) (*document.Map, error) {
	v, err := document.ParseJSON([]byte(text))
	if err != nil {
		return nil, clierr.ParamValidation("Error parsing parameter 'cli-input-json': Invalid JSON received.")
	}
	return topMap("--cli-input-json", v)
}

// LoadYAML parses the value of --cli-input-yaml as ruamel.yaml's safe loader
// (YAML 1.2) does and returns its top-level map.
func LoadYAML(text string) (*document.Map, error) {
	v, err := parseYAML(text)
	if errors.Is(err, errNonStringKey) {
		return nil, clierr.Runtime("keywords must be strings")
	}
	if err != nil {
		return nil, clierr.ParamValidation("Error parsing parameter 'cli-input-yaml': Invalid YAML received.")
	}
	return topMap("--cli-input-yaml", v)
}

// Merge returns the call parameters: cli's keys, then doc's keys that cli
// lacks, each in its own order. Neither argument is modified.
func Merge(cli, doc *document.Map) *document.Map {
	out := cli.Copy()
	for _, k := range doc.Keys() {
		if _, ok := out.Get(k); !ok {
			v, _ := doc.Get(k)
			out.Set(k, v)
		}
	}
	return out
}

func topMap(option string, v any) (*document.Map, error) {
	if m, ok := v.(*document.Map); ok {
		return m, nil
	}
	return nil, clierr.ParamValidation("Error parsing parameter '%s': Invalid type: expecting map, received %s", option, pyfmt.Class(v))
}

// YAMLTimestamp is a plain YAML scalar that the reference's loader turns into
// a datetime.date (DateOnly) or a naive datetime.datetime (converted to UTC
// when the text has an offset). Parameter validation must treat it as that
// Python type (see its PyType); no cognito-idp input member is a timestamp, so it
// is always a type error there, printed with String.
type YAMLTimestamp struct {
	Text     string // as written
	DateOnly bool
	Time     time.Time // the constructed value, in UTC
}

// PyType is the type the loader constructs, for pyfmt.
func (t YAMLTimestamp) PyType() (module, name string) {
	if t.DateOnly {
		return "datetime", "date"
	}
	return "datetime", "datetime"
}

// String is Python's str() of the constructed date or datetime.
func (t YAMLTimestamp) String() string {
	if t.DateOnly {
		return t.Time.Format("2006-01-02")
	}
	if t.Time.Nanosecond() != 0 {
		return t.Time.Format("2006-01-02 15:04:05.000000")
	}
	return t.Time.Format("2006-01-02 15:04:05")
}

var reTimestampParts = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$`)
})

// yamlTimestamp is ruamel.yaml's create_timestamp; ok is false where Python's
// datetime constructor would reject the fields.
func yamlTimestamp(s string) (YAMLTimestamp, bool) {
	g := reTimestampParts().FindStringSubmatch(s)
	if g == nil {
		return YAMLTimestamp{}, false
	}
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	year, month, day := num(g[1]), num(g[2]), num(g[3])
	valid := func(t time.Time, h, mi, sec int) bool {
		return year >= 1 && t.Year() == year && int(t.Month()) == month && t.Day() == day && h < 24 && mi < 60 && sec < 60
	}
	if g[4] == "" {
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return YAMLTimestamp{Text: s, DateOnly: true, Time: t}, valid(t, 0, 0, 0)
	}
	hour, minute, second := num(g[4]), num(g[5]), num(g[6])
	frac := 0
	if f := g[7]; f != "" {
		fs := (f + "000000")[:6]
		frac = num(fs)
		if len(f) > 6 && f[6] > '4' {
			frac++
		}
	}
	var delta time.Duration
	if frac > 999999 {
		delta = -time.Second
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, 0, time.UTC)
	ok := valid(t, hour, minute, second)
	if frac <= 999999 {
		t = t.Add(time.Duration(frac) * time.Microsecond)
	}
	if g[9] != "" {
		delta = time.Duration(num(g[10]))*time.Hour + time.Duration(num(g[11]))*time.Minute
		if frac > 999999 {
			delta += time.Second
		}
		if g[9] == "-" {
			delta = -delta
		}
	}
	return YAMLTimestamp{Text: s, Time: t.Add(-delta)}, ok
}

// maxYAMLNodes bounds alias expansion so "billion laughs" input cannot
// exhaust memory; the reference shares aliased objects instead.
const maxYAMLNodes = 100000

var errYAML = errors.New("invalid YAML")

func parseYAML(text string) (any, error) {
	dec := yaml.NewDecoder(strings.NewReader(text))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil, nil // an empty stream loads as None
	}
	if err != nil {
		return nil, err
	}
	// ruamel's load() wants exactly one document.
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, errYAML
	}
	if hasYAML11Directive(text) {
		return nil, errYAML // a version ruamel would load with other rules
	}
	c := yconv{budget: maxYAMLNodes}
	v, err := c.value(&doc, 0)
	if err == nil && c.nonStringKey {
		err = errNonStringKey
	}
	return v, err
}

// errNonStringKey is the reference's TypeError when the document's top-level
// map has a key like 1 or true: it fails when the call is made (exit 255).
var errNonStringKey = errors.New("keywords must be strings")

func hasYAML11Directive(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "%YAML") && !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(line, "%YAML")), "1.2") {
			return true
		}
		if strings.HasPrefix(line, "---") {
			break
		}
	}
	return false
}

type yconv struct {
	budget int
	// nonStringKey is set when the top-level map has a key that is not a
	// string, which the reference loads but cannot pass as keyword arguments.
	nonStringKey bool
}

func (c *yconv) value(n *yaml.Node, depth int) (any, error) {
	c.budget--
	if c.budget < 0 || depth > 10000 {
		return nil, errYAML
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, errYAML
		}
		return c.value(n.Alias, depth+1)
	case yaml.SequenceNode:
		if n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!seq" {
			return nil, errYAML
		}
		out := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		if n.Style&yaml.TaggedStyle != 0 && n.Tag != "!!map" {
			return nil, errYAML
		}
		return c.mapping(n, depth)
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil, errYAML
}

// mapping builds a map; keys must be unique (ruamel raises
// DuplicateKeyError) and "<<" merges maps in as the safe loader does.
func (c *yconv) mapping(n *yaml.Node, depth int) (any, error) {
	out := document.NewMap(len(n.Content) / 2)
	var merged []*document.Map
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Kind == yaml.ScalarNode && kn.Style&(yaml.TaggedStyle|yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 && kn.Value == "<<" {
			v, err := c.value(vn, depth+1)
			if err != nil {
				return nil, err
			}
			switch t := v.(type) {
			case *document.Map:
				merged = append(merged, t)
			case []any:
				for _, e := range t {
					em, ok := e.(*document.Map)
					if !ok {
						return nil, errYAML
					}
					merged = append(merged, em)
				}
			default:
				return nil, errYAML
			}
			continue
		}
		kv, err := c.value(kn, depth+1)
		if err != nil {
			return nil, err
		}
		key, ok := keyString(kv)
		if _, isStr := kv.(string); !isStr && depth == 1 {
			c.nonStringKey = true
		}
		if !ok {
			return nil, errYAML // unhashable keys fail in the reference too
		}
		if seen[key] {
			return nil, errYAML
		}
		seen[key] = true
		v, err := c.value(vn, depth+1)
		if err != nil {
			return nil, err
		}
		out.Set(key, v)
	}
	if len(merged) == 0 {
		return out, nil
	}
	// Merged keys come first, explicit keys override them.
	res := document.NewMap(out.Len())
	for _, m := range merged {
		for _, k := range m.Keys() {
			if _, ok := res.Get(k); !ok {
				v, _ := m.Get(k)
				res.Set(k, v)
			}
		}
	}
	for _, k := range out.Keys() {
		v, _ := out.Get(k)
		res.Set(k, v)
	}
	return res, nil
}

// keyString turns a scalar key into the map key. Non-string keys (1: x)
// become their text, which is how validation prints them anyway.
func keyString(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case nil:
		return "None", true
	case bool:
		if t {
			return "True", true
		}
		return "False", true
	case int64:
		return strconv.FormatInt(t, 10), true
	case *big.Int:
		return t.String(), true
	case float64:
		return document.FormatFloat(t), true
	}
	return "", false
}

func scalar(n *yaml.Node) (any, error) {
	if n.Style&yaml.TaggedStyle != 0 {
		return tagged(n)
	}
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n.Value, nil
	}
	v, _ := resolvePlain(n.Value)
	if v == errPlain {
		return nil, errYAML
	}
	return v, nil
}

func tagged(n *yaml.Node) (any, error) {
	switch n.Tag {
	case "!!str":
		return n.Value, nil
	case "!!binary":
		b, err := decodeBase64(n.Value)
		if err != nil {
			return nil, errYAML
		}
		return b, nil
	case "!!null":
		return nil, nil
	case "!!bool":
		// SafeConstructor.bool_values; other texts crash the reference.
		switch strings.ToLower(n.Value) {
		case "yes", "true", "on", "y":
			return true, nil
		case "no", "false", "off", "n":
			return false, nil
		}
	case "!!int":
		if v := yamlInt(n.Value); v != errPlain {
			return v, nil
		}
	case "!!float":
		if n.Value != "" {
			if v := yamlFloat(n.Value); v != errPlain {
				return v, nil
			}
		}
	case "!!timestamp":
		if ts, ok := yamlTimestamp(n.Value); ok {
			return ts, nil
		}
	}
	// Other tags (!!set, !!omap, !!python/...) and texts the constructors
	// reject: the reference fails or builds values no parameter accepts.
	return nil, errYAML
}

// errPlain marks a plain scalar the reference's constructor crashes on.
var errPlain = &struct{ s string }{"unconstructable"}

// resolvePlain resolves and constructs a plain scalar with ruamel.yaml's
// YAML 1.2 implicit resolvers, tried in its order for the first character.
// isStr reports that it stays a string.
func resolvePlain(s string) (v any, isStr bool) {
	v, tag := resolveTagged(s)
	return v, tag == "!!str"
}

func resolveTagged(s string) (any, string) {
	first := byte(0)
	if s != "" {
		first = s[0]
	}
	if s == "=" || s == "<<" {
		// The value and merge tags have no constructor as values.
		return errPlain, "!!value"
	}
	if strings.IndexByte("tTfF", first) >= 0 && yamlres.Bool().MatchString(s) {
		return s[0] == 't' || s[0] == 'T', "!!bool"
	}
	if strings.IndexByte("-+0123456789.", first) >= 0 && s != "" && yamlres.Float().MatchString(s) {
		return yamlFloat(s), "!!float"
	}
	if strings.IndexByte("-+0123456789", first) >= 0 && s != "" && yamlres.Int().MatchString(s) {
		return yamlInt(s), "!!int"
	}
	if (s == "" || strings.IndexByte("~nN", first) >= 0) && yamlres.Null().MatchString(s) {
		return nil, "!!null"
	}
	if strings.IndexByte("0123456789", first) >= 0 && s != "" && yamlres.Timestamp().MatchString(s) {
		ts, ok := yamlTimestamp(s)
		if !ok {
			return errPlain, "!!timestamp"
		}
		return ts, "!!timestamp"
	}
	return s, "!!str"
}

// yamlInt is SafeConstructor.construct_yaml_int under YAML 1.2.
func yamlInt(s string) any {
	s = strings.ReplaceAll(s, "_", "")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return errPlain // Python: IndexError / int('')
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0b"):
		base, s = 2, s[2:]
	case strings.HasPrefix(s, "0x"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0o"):
		base, s = 8, s[2:]
	}
	z, ok := new(big.Int).SetString(s, base)
	if !ok || s == "" {
		return errPlain
	}
	if neg {
		z.Neg(z)
	}
	if z.IsInt64() {
		return z.Int64()
	}
	return z
}

// yamlFloat is SafeConstructor.construct_yaml_float under YAML 1.2.
func yamlFloat(s string) any {
	s = strings.ToLower(strings.ReplaceAll(s, "_", ""))
	sign := 1.0
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	switch s {
	case ".inf":
		return sign * math.Inf(1)
	case ".nan":
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) {
			return sign * f // Python gives inf or 0.0 too
		}
		return errPlain
	}
	return sign * f
}

func decodeBase64(s string) ([]byte, error) {
	return base64Std(s)
}

// base64Std decodes like Python's base64.decodebytes: characters outside the
// alphabet are skipped, and the data must be correctly padded.
func base64Std(s string) ([]byte, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
			b.WriteByte(c)
		} else if c >= 0x80 {
			return nil, errYAML // not ASCII: the reference fails to encode it
		}
	}
	return base64.StdEncoding.DecodeString(b.String())
}
