package conv

import "testing"

func TestDerefAndPtr(t *testing.T) {
	if got := Deref[string](nil); got != "" {
		t.Errorf("Deref(nil) = %q", got)
	}
	if got := Deref(Ptr("x")); got != "x" {
		t.Errorf("Deref(Ptr(x)) = %q", got)
	}
	if got := Deref(Ptr(3)); got != 3 {
		t.Errorf("Deref(Ptr(3)) = %d", got)
	}
}
