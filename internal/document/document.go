// Package document holds the ordered value tree that every stage of the
// pipeline shares: request parameters, service responses, --query results.
//
// The AWS CLI keeps dictionaries in insertion order and tells integers from
// floats, and both facts show in its output, so Go's map[string]any and
// float64-only JSON decoding cannot be used. A value is one of:
//
//	nil, bool, string, int64, *big.Int (integers beyond int64), float64,
//	[]byte (blobs and fileb:// contents), []any, *Map.
package document

// Map is a string-keyed map that remembers insertion order, like a Python dict.
type Map struct {
	keys []string
	vals map[string]any
}

// NewMap returns an empty map with room for n keys.
func NewMap(n int) *Map {
	return &Map{keys: make([]string, 0, n), vals: make(map[string]any, n)}
}

// Len is the number of keys.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return len(m.keys)
}

// Keys returns the keys in insertion order. The slice must not be modified.
func (m *Map) Keys() []string {
	if m == nil {
		return nil
	}
	return m.keys
}

// Get returns the value stored under k.
func (m *Map) Get(k string) (any, bool) {
	if m == nil {
		return nil, false
	}
	v, ok := m.vals[k]
	return v, ok
}

// Set stores v under k; a new key goes last, an existing key keeps its place.
func (m *Map) Set(k string, v any) {
	if _, ok := m.vals[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.vals[k] = v
}

// Delete removes k, keeping the order of the other keys.
func (m *Map) Delete(k string) {
	if _, ok := m.vals[k]; !ok {
		return
	}
	delete(m.vals, k)
	for i, key := range m.keys {
		if key == k {
			m.keys = append(m.keys[:i:i], m.keys[i+1:]...)
			break
		}
	}
}

// Copy returns a shallow copy of m.
func (m *Map) Copy() *Map {
	c := NewMap(m.Len())
	for _, k := range m.Keys() {
		c.Set(k, m.vals[k])
	}
	return c
}
