package store

import "fmt"

// UnmarshalState is Unmarshal of an emulator's saved state v, whose
// Version field (version points at it) must be want: a state of another
// version is refused, naming the emulator.
func UnmarshalState(data []byte, v any, version *int, want int, emulator string) error {
	if err := Unmarshal(data, v); err != nil {
		return err
	}
	if *version != want {
		return fmt.Errorf("%s state version %d; this sandbox reads version %d", emulator, *version, want)
	}
	return nil
}
