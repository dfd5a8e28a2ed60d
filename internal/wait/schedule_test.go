package wait

import (
	"context"
	"testing"
	"time"
)

func TestPeerSchedules(t *testing.T) {
	var h HuaweiPeer
	if h.Next(1, 0) != 5*time.Second || h.Next(2, 5*time.Second) != 10*time.Second || h.Linger() != 5*time.Second {
		t.Errorf("Huawei: %v %v %v", h.Next(1, 0), h.Next(2, 0), h.Linger())
	}
	var got []time.Duration
	for n := 1; n <= 8; n++ {
		got = append(got, SDKv2Peer.Next(n, 0))
	}
	want := []time.Duration{200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, 1600 * time.Millisecond,
		3200 * time.Millisecond, 6400 * time.Millisecond, 10 * time.Second, 10 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("SDKv2 sleeps %v, want %v", got, want)
		}
	}
}

func TestUseScheduleFromEnv(t *testing.T) {
	t.Cleanup(func() { chosen.Store(nil) })
	t.Setenv(EnvSchedule, "huawei")
	if err := UseScheduleFromEnv(); err != nil {
		t.Fatal(err)
	}
	if _, ok := packageSchedule().(HuaweiPeer); !ok {
		t.Errorf("schedule %T, want HuaweiPeer", packageSchedule())
	}
	t.Setenv(EnvSchedule, "fast")
	if err := UseScheduleFromEnv(); err == nil {
		t.Error("an unknown schedule was accepted")
	}
}

func TestALingeringScheduleSleepsAfterTheTarget(t *testing.T) {
	refresh, _ := script(t, obj{state: "available"})
	fs := &fakeSleep{}
	_, err := Conf[obj]{Pending: []string{"creating"}, Target: []string{"available"}, Refresh: refresh, sleep: fs.sleep,
		Schedule: HuaweiPeer{}}.Wait(context.Background())
	if err != nil || len(fs.slept) != 2 || fs.slept[0] != 5*time.Second || fs.slept[1] != 5*time.Second {
		t.Fatalf("slept %v (%v), want 5 s before the read and 5 s after", fs.slept, err)
	}
}
