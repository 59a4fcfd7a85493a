package config

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorded is testdata/recorded.json: botocore's Session(profile=...) over
// pairs of config/credentials files, recorded by testdata/record.py.
type recorded struct {
	Files []struct {
		Config      string `json:"config"`
		Credentials string `json:"credentials"`
	} `json:"files"`
	Cases []struct {
		Files   int                `json:"files"`
		Profile string             `json:"profile"`
		Found   bool               `json:"found"`
		Values  map[string]*string `json:"values"`
	} `json:"cases"`
}

func TestProfilesAgainstBotocore(t *testing.T) {
	data, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var r recorded
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	loaded := make([]*Files, len(r.Files))
	for i, f := range r.Files {
		dir := t.TempDir()
		cfg, cred := filepath.Join(dir, "config"), filepath.Join(dir, "credentials")
		if err := os.WriteFile(cfg, []byte(f.Config), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cred, []byte(f.Credentials), 0o600); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{"AWS_CONFIG_FILE": cfg, "AWS_SHARED_CREDENTIALS_FILE": cred, "HOME": dir}
		loaded[i] = Load(func(k string) string { return env[k] })
	}
	for _, c := range r.Cases {
		t.Run(fmt.Sprintf("files%d/%s", c.Files, c.Profile), func(t *testing.T) {
			f := loaded[c.Files]
			if got := f.HasProfile(c.Profile); got != c.Found {
				t.Errorf("HasProfile = %v, want %v", got, c.Found)
			}
			for k, v := range c.Values {
				want := ""
				if v != nil {
					want = *v
				}
				if got := f.Get(c.Profile, k); got != want {
					t.Errorf("Get(%q) = %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestPaths(t *testing.T) {
	env := map[string]string{"HOME": "/h"}
	get := func(k string) string { return env[k] }
	if c, cr := Paths(get); c != "/h/.aws/config" || cr != "/h/.aws/credentials" {
		t.Errorf("default paths = %q, %q", c, cr)
	}
	env["AWS_CONFIG_FILE"], env["AWS_SHARED_CREDENTIALS_FILE"] = "~/cfg", "/x/creds"
	if c, cr := Paths(get); c != "/h/cfg" || cr != "/x/creds" {
		t.Errorf("overridden paths = %q, %q", c, cr)
	}
}

func TestMissingFilesAreEmpty(t *testing.T) {
	env := map[string]string{"AWS_CONFIG_FILE": "/nonexistent/c", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k"}
	f := Load(func(k string) string { return env[k] })
	if f.HasProfile("default") || f.Get("default", "output") != "" {
		t.Error("missing files should hold no profiles")
	}
}

func FuzzShlexSplit(f *testing.F) {
	for _, s := range []string{`profile dev`, `profile "a b"`, `profile 'x`, `profile a\ b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { _, _ = shlexSplit(s) })
}
