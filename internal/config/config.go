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

// sectionName is the config file's section for a profile.
func sectionName(profile string) string {
	if profile == "default" {
		return "default"
	}
	return "profile " + profile
}

// HasProfile reports whether the profile exists in either file.
func (f *Files) HasProfile(profile string) bool {
	if _, err := f.config.GetSection(sectionName(profile)); err == nil {
		return true
	}
	if profile == "default" {
		if _, err := f.config.GetSection("profile default"); err == nil {
			return true
		}
	}
	_, err := f.credentials.GetSection(profile)
	return err == nil
}

// Get returns a profile's setting from the config file, or "".
func (f *Files) Get(profile, key string) string {
	names := []string{sectionName(profile)}
	if profile == "default" {
		names = append(names, "profile default")
	}
	for _, n := range names {
		if s, err := f.config.GetSection(n); err == nil && s.HasKey(key) {
			return strings.TrimSpace(s.Key(key).String())
		}
	}
	return ""
}
