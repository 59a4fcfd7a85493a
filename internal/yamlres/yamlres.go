// Package yamlres holds the YAML 1.2 implicit resolvers of ruamel.yaml
// (resolver.py), which the reference uses both to read --cli-input-yaml and
// to decide which strings its yaml output must quote. They are compiled on
// first use: most invocations never touch YAML.
package yamlres

import (
	"regexp"
	"sync"
)

var (
	// Bool matches what ruamel reads as a boolean.
	Bool = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`) })
	// Float matches what ruamel reads as a float.
	Float = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	})
	// Int matches what ruamel reads as an integer.
	Int = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$`)
	})
	// Null matches what ruamel reads as null.
	Null = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:~|null|Null|NULL|)$`) })
	// Timestamp matches what ruamel reads as a date or datetime.
	Timestamp = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$`)
	})
)
