// Package config reads the settings the AWS CLI itself takes from the
// environment and the shared config files (output, cli_timestamp_format,
// cli_error_format, ...). Credentials, region and endpoint resolution are
// left to aws-sdk-go-v2/config, which cannot read these CLI-only keys.
package config

import (
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/ini.v1"
)

// Env looks up an environment variable.
type Env func(string) string

// Files is the parsed pair of shared files.
type Files struct {
	config      *ini.File
	credentials *ini.File
}

// Paths returns the config and credentials file paths the CLI would use.
func Paths(env Env) (configPath, credentialsPath string) {
	home := env("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	configPath = expandHome(env("AWS_CONFIG_FILE"), home)
	if configPath == "" {
		configPath = filepath.Join(home, ".aws", "config")
	}
	credentialsPath = expandHome(env("AWS_SHARED_CREDENTIALS_FILE"), home)
	if credentialsPath == "" {
		credentialsPath = filepath.Join(home, ".aws", "credentials")
	}
	return configPath, credentialsPath
}

func expandHome(p, home string) string {
	if p == "~" {
		return home
	}
	if strings.HasPrefix(p, "~/") {
		return filepath.Join(home, p[2:])
	}
	return p
}

// Load reads both shared files; a missing or unreadable file counts as empty,
// as it does for the CLI.
func Load(env Env) *Files {
	cfgPath, credPath := Paths(env)
	return &Files{config: loadINI(cfgPath), credentials: loadINI(credPath)}
}

func loadINI(path string) *ini.File {
	data, err := os.ReadFile(path)
	if err != nil {
		return ini.Empty()
	}
	f, err := ini.LoadSources(ini.LoadOptions{
		Insensitive:             false,
		IgnoreInlineComment:     true,
		AllowNestedValues:       true,
		SkipUnrecognizableLines: true,
	}, data)
	if err != nil {
		return ini.Empty()
	}
	return f
}

// profiles maps profile names to config-file sections as botocore's
// build_profile_map does: "[default]", and any section starting with
// "profile" whose name splits (shlex.split) into exactly two words, the
// second being the profile ("[profile dev]", "[profile  \"my dev\"]"). When
// two sections name the same profile ("[default]" and "[profile default]"),
// the later one wins.
func (f *Files) profiles() map[string]*ini.Section {
	m := map[string]*ini.Section{}
	for _, sec := range f.config.Sections() {
		name := sec.Name()
		switch {
		case strings.HasPrefix(name, "profile"):
			if parts, ok := shlexSplit(name); ok && len(parts) == 2 {
				m[parts[1]] = sec
			}
		case name == "default":
			m[name] = sec
		}
	}
	return m
}

// shlexSplit is Python's shlex.split (POSIX mode) for section names:
// whitespace separates words, quotes group, a backslash escapes outside
// single quotes. Unbalanced quotes are an error (botocore then fails; here
// the section is ignored).
func shlexSplit(s string) ([]string, bool) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case quote == '"':
			switch r {
			case '"':
				quote = 0
			case '\\':
				escaped = true
			default:
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '\\':
			escaped, inWord = true, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || escaped {
		return nil, false
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, true
}

// HasProfile reports whether the profile exists in either file.
func (f *Files) HasProfile(profile string) bool {
	if _, ok := f.profiles()[profile]; ok {
		return true
	}
	_, err := f.credentials.GetSection(profile)
	return err == nil
}

// Get returns a profile's setting from the config file, or "".
func (f *Files) Get(profile, key string) string {
	if s, ok := f.profiles()[profile]; ok && s.HasKey(key) {
		return strings.TrimSpace(s.Key(key).String())
	}
	return ""
}
