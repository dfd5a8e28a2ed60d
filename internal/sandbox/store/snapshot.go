package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"time"
	"unsafe"
)

// Rows returns every row, in order (All under the name the snapshots use).
func (t *Table[T]) Rows() []*T { return t.All() }

// Replace makes rows the table's rows, in order, for a restored snapshot.
func (t *Table[T]) Replace(rows []*T) { t.rows = slices.Clone(rows) }

// Marshal encodes the struct v points at, with every field of every struct
// it reaches, exported or not, by the field's Go name, as JSON: the
// emulators' records keep their fields unexported (their views are the
// APIs'), and a snapshot of them must not forget a field that is added
// later, which a hand-kept mirror of every record would. A pointer to a
// struct that several places share (a job that both the jobs table and its
// protection group hold) is written once, with "$id", and referred to by
// "$ref" after, so that Unmarshal restores one shared object. time.Time is
// RFC 3339 with nanoseconds (a wall-clock time). Function fields (the
// effect of a pending operation) are left out: the emulator rebuilds them
// after Unmarshal from the data they act on. A channel is an error.
func Marshal(v any) (json.RawMessage, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("store.Marshal: %T is not a pointer to a struct", v)
	}
	e := &encoder{ids: map[uintptr]int{}}
	tree, err := e.encode(rv.Elem(), "")
	if err != nil {
		return nil, err
	}
	return json.Marshal(tree)
}

// Unmarshal decodes Marshal's JSON into the struct v points at. A field
// the JSON lacks keeps its zero value; a key the struct lacks is an error,
// so that a snapshot of another shape is refused rather than half read.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("store.Unmarshal: %T is not a pointer to a struct", v)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	d := &decoder{refs: map[int]reflect.Value{}}
	return d.decode(tree, rv.Elem(), "")
}

var timeType = reflect.TypeFor[time.Time]()

// field returns the i-th field of the addressable struct v, settable and
// readable even when unexported.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if !f.CanSet() {
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem() //nolint:gosec // the field of an addressable struct
	}
	return f
}

type encoder struct {
	ids  map[uintptr]int
	next int
}

// skip marks a value that is left out (a function).
type skip struct{}

func (e *encoder) encode(v reflect.Value, path string) (any, error) {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint(), nil
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Func:
		return skip{}, nil
	case reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		// Plain JSON values (an API body kept as map[string]any).
		raw, err := json.Marshal(v.Interface())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return json.RawMessage(raw), nil
	case reflect.Struct:
		if v.Type() == timeType {
			t, _ := v.Interface().(time.Time)
			return t.Format(time.RFC3339Nano), nil
		}
		out := map[string]any{}
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			x, err := e.encode(field(v, i), path+"."+name)
			if err != nil {
				return nil, err
			}
			if _, ok := x.(skip); !ok {
				out[name] = x
			}
		}
		return out, nil
	case reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		if v.Elem().Kind() != reflect.Struct || v.Elem().Type() == timeType {
			return e.encode(v.Elem(), path)
		}
		if id, ok := e.ids[v.Pointer()]; ok {
			return map[string]any{"$ref": id}, nil
		}
		e.next++
		id := e.next
		e.ids[v.Pointer()] = id
		x, err := e.encode(v.Elem(), path)
		if err != nil {
			return nil, err
		}
		m, _ := x.(map[string]any)
		m["$id"] = id
		return m, nil
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil, nil
		}
		out := make([]any, v.Len())
		for i := range v.Len() {
			x, err := e.encode(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	case reflect.Map:
		if v.IsNil() {
			return nil, nil
		}
		if v.Type().Key().Kind() != reflect.String {
			return nil, fmt.Errorf("%s: map key %s is not a string", path, v.Type().Key())
		}
		out := map[string]any{}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return compareStrings(a.String(), b.String()) })
		for _, k := range keys {
			// A map's values are not addressable: copy each into one
			// that is, so that its unexported fields can be read.
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(v.MapIndex(k))
			x, err := e.encode(elem, path+"["+k.String()+"]")
			if err != nil {
				return nil, err
			}
			out[k.String()] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: cannot save a %s", path, v.Kind())
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

type decoder struct {
	refs map[int]reflect.Value
}

func (d *decoder) decode(tree any, v reflect.Value, path string) error {
	if tree == nil {
		v.SetZero()
		return nil
	}
	wrong := func() error { return fmt.Errorf("%s: %T does not fit a %s", path, tree, v.Type()) }
	switch v.Kind() {
	case reflect.Bool:
		b, ok := tree.(bool)
		if !ok {
			return wrong()
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tree.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil {
			return wrong()
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := tree.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < 0 {
			return wrong()
		}
		v.SetUint(uint64(i))
	case reflect.Float32, reflect.Float64:
		n, ok := tree.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil {
			return wrong()
		}
		v.SetFloat(f)
	case reflect.String:
		s, ok := tree.(string)
		if !ok {
			return wrong()
		}
		v.SetString(s)
	case reflect.Interface:
		raw, err := json.Marshal(tree)
		if err != nil {
			return err
		}
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(&x).Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			s, ok := tree.(string)
			t, err := time.Parse(time.RFC3339Nano, s)
			if !ok || err != nil {
				return wrong()
			}
			v.Set(reflect.ValueOf(t))
			return nil
		}
		m, ok := tree.(map[string]any)
		if !ok {
			return wrong()
		}
		known := map[string]bool{"$id": true}
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			known[name] = true
			x, given := m[name]
			if !given {
				continue
			}
			if err := d.decode(x, field(v, i), path+"."+name); err != nil {
				return err
			}
		}
		for k := range m {
			if !known[k] {
				return fmt.Errorf("%s: unknown field %q in the saved state", path, k)
			}
		}
	case reflect.Pointer:
		if v.Type().Elem().Kind() != reflect.Struct || v.Type().Elem() == timeType {
			p := reflect.New(v.Type().Elem())
			if err := d.decode(tree, p.Elem(), path); err != nil {
				return err
			}
			v.Set(p)
			return nil
		}
		m, ok := tree.(map[string]any)
		if !ok {
			return wrong()
		}
		if ref, ok := m["$ref"]; ok {
			n, _ := ref.(json.Number)
			id, _ := n.Int64()
			p, found := d.refs[int(id)]
			if !found || p.Type() != v.Type() {
				return fmt.Errorf("%s: $ref %v names no saved %s", path, ref, v.Type())
			}
			v.Set(p)
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if idv, ok := m["$id"].(json.Number); ok {
			id, _ := idv.Int64()
			d.refs[int(id)] = p
		}
		if err := d.decode(m, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice, reflect.Array:
		list, ok := tree.([]any)
		if !ok {
			return wrong()
		}
		if v.Kind() == reflect.Slice {
			v.Set(reflect.MakeSlice(v.Type(), len(list), len(list)))
		} else if len(list) != v.Len() {
			return wrong()
		}
		for i, x := range list {
			if err := d.decode(x, v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		m, ok := tree.(map[string]any)
		if !ok {
			return wrong()
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := d.decode(m[k], elem, path+"["+k+"]"); err != nil {
				return err
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), elem)
		}
		v.Set(out)
	case reflect.Func:
	default:
		return fmt.Errorf("%s: cannot restore a %s", path, v.Kind())
	}
	return nil
}
