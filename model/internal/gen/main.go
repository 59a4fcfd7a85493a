// Command gen vendors botocore's cognito-idp model into model/botocore and
// compiles it into model/zz_generated.go. Run it with `go generate ./model`
// (or `make generate`) from the repository root or the model directory.
//
// It copies service-2.json and paginators-1.json (and the licence notices)
// from the botocore that python3 imports, or from $BOTOCORE_DIR; without a
// botocore it regenerates from the files already vendored.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
)

const modelRel = "data/cognito-idp/2016-04-18"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := modelDir()
	if err != nil {
		return err
	}
	vendor := filepath.Join(dir, "botocore")
	if src := botocoreDir(); src != "" {
		if err := vendorFrom(src, vendor); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(os.Stderr, "gen: no botocore found; regenerating from", vendor)
	}
	code, err := generate(vendor)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "zz_generated.go"), code, 0o644)
}

// modelDir finds the model package directory from the working directory.
func modelDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, d := range []string{wd, filepath.Join(wd, "model")} {
		if _, err := os.Stat(filepath.Join(d, "model.go")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("run from the repository root or model/ (in %s)", wd)
}

func botocoreDir() string {
	if d := os.Getenv("BOTOCORE_DIR"); d != "" {
		return d
	}
	out, err := exec.Command("python3", "-c", "import botocore, os; print(os.path.dirname(botocore.__file__))").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func readMaybeGzip(path string) ([]byte, error) {
	if data, err := os.ReadFile(path); err == nil {
		return data, nil
	}
	f, err := os.Open(path + ".gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s.gz: %w", path, err)
	}
	return io.ReadAll(zr)
}

func vendorFrom(src, dst string) error {
	version, err := botocoreVersion(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"service-2.json", "paginators-1.json"} {
		data, err := readMaybeGzip(filepath.Join(src, modelRel, name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			return err
		}
	}
	distInfo := filepath.Join(filepath.Dir(src), "botocore-"+version+".dist-info")
	for _, name := range []string{"LICENSE.txt", "NOTICE"} {
		data, err := os.ReadFile(filepath.Join(distInfo, name))
		if err != nil {
			return fmt.Errorf("licence notice: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dst, "VERSION"), []byte(version+"\n"), 0o644)
}

func botocoreVersion(src string) (string, error) {
	data, err := os.ReadFile(filepath.Join(src, "__init__.py"))
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "__version__ = "); ok {
			return strings.Trim(strings.TrimSpace(v), `'"`), nil
		}
	}
	return "", fmt.Errorf("no __version__ in %s/__init__.py", src)
}

type entry struct{ name, json string }

func generate(vendor string) ([]byte, error) {
	versionBytes, err := os.ReadFile(filepath.Join(vendor, "VERSION"))
	if err != nil {
		return nil, err
	}
	version := strings.TrimSpace(string(versionBytes))
	raw, err := os.ReadFile(filepath.Join(vendor, "service-2.json"))
	if err != nil {
		return nil, err
	}
	doc, err := document.ParseJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("service-2.json: %w", err)
	}
	root := doc.(*document.Map)
	meta := get(root, "metadata").(*document.Map)

	var shapes, ops []entry
	shapeMap := get(root, "shapes").(*document.Map)
	for _, name := range shapeMap.Keys() {
		s, err := normalizeShape(get(shapeMap, name).(*document.Map))
		if err != nil {
			return nil, fmt.Errorf("shape %s: %w", name, err)
		}
		shapes = append(shapes, entry{name, s})
	}
	opMap := get(root, "operations").(*document.Map)
	for _, name := range opMap.Keys() {
		o := get(opMap, name).(*document.Map)
		o.Delete("http") // every operation is POST / in this JSON protocol
		b, err := compact(o)
		if err != nil {
			return nil, err
		}
		ops = append(ops, entry{name, b})
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].name < shapes[j].name })
	sort.Slice(ops, func(i, j int) bool { return ops[i].name < ops[j].name })

	var pag struct {
		Pagination map[string]struct {
			InputToken  string `json:"input_token"`
			OutputToken string `json:"output_token"`
			LimitKey    string `json:"limit_key"`
			ResultKey   string `json:"result_key"`
		} `json:"pagination"`
	}
	praw, err := os.ReadFile(filepath.Join(vendor, "paginators-1.json"))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(praw, &pag); err != nil {
		return nil, fmt.Errorf("paginators-1.json: %w", err)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by model/internal/gen from botocore %s; DO NOT EDIT.\n", version)
	b.WriteString("// The data below is botocore's cognito-idp model (Apache-2.0, see botocore/NOTICE).\n\n")
	b.WriteString("package model\n\n")
	fmt.Fprintf(&b, "// BotocoreVersion is the botocore release the model was vendored from.\nconst BotocoreVersion = %q\n\n", version)
	fmt.Fprintf(&b, "const (\n\tapiVersion = %q\n\ttargetPrefix = %q\n\tjsonVersion = %q\n\tendpointPrefix = %q\n)\n\n",
		str(meta, "apiVersion"), str(meta, "targetPrefix"), str(meta, "jsonVersion"), str(meta, "endpointPrefix"))
	g := &goWriter{b: &b, nums: map[float64]string{}}
	if err := g.operations(ops); err != nil {
		return nil, err
	}
	if err := g.shapes(shapes); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(pag.Pagination))
	for n := range pag.Pagination {
		names = append(names, n)
	}
	sort.Strings(names)
	// A sorted slice, not a map: a map literal is built by code at start-up.
	b.WriteString("var paginatorTable = [...]paginatorEntry{\n")
	for _, n := range names {
		p := pag.Pagination[n]
		fmt.Fprintf(&b, "\t{%q, Paginator{InputToken: %q, OutputToken: %q, LimitKey: %q, ResultKey: %q}},\n", n, p.InputToken, p.OutputToken, p.LimitKey, p.ResultKey)
	}
	b.WriteString("}\n\n")
	g.numbers()
	return format.Source(b.Bytes())
}

func get(m *document.Map, k string) any { v, _ := m.Get(k); return v }

func str(m *document.Map, k string) string { s, _ := get(m, k).(string); return s }

// normalizeShape turns a structure's "members" object into an ordered list,
// so that plain encoding/json decodes it without losing the model's order.
func normalizeShape(s *document.Map) (string, error) {
	if members, ok := get(s, "members").(*document.Map); ok {
		list := make([]any, 0, members.Len())
		for _, name := range members.Keys() {
			m := document.NewMap(4)
			m.Set("name", name)
			ref := get(members, name).(*document.Map)
			for _, k := range ref.Keys() {
				m.Set(k, get(ref, k))
			}
			list = append(list, m)
		}
		s.Set("members", list)
	}
	return compact(s)
}

// compact serialises a document as compact JSON.
func compact(v any) (string, error) {
	var b strings.Builder
	if err := writeCompact(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeCompact(b *strings.Builder, v any) error {
	switch t := v.(type) {
	case *document.Map:
		b.WriteByte('{')
		for i, k := range t.Keys() {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			if err := writeCompact(b, get(t, k)); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeCompact(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case float64:
		b.WriteString(strconv.FormatFloat(t, 'g', -1, 64))
	default:
		vb, err := json.Marshal(t)
		if err != nil {
			return err
		}
		b.Write(vb)
	}
	return nil
}
