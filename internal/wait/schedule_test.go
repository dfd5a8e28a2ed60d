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

func TestAdaptiveReadsOnceASecondThenEveryFivePercent(t *testing.T) {
	var a Adaptive
	// reads counts the reads of a wait for a transition that ends at end:
	// until one comes at or after it.
	reads := func(end time.Duration) int {
		n := 0
		for elapsed, i := time.Duration(0), 1; ; i++ {
			elapsed += a.Next(i, elapsed)
			n++
			if elapsed >= end {
				return n
			}
		}
	}
	var elapsed time.Duration
	for n := 1; elapsed < 2*time.Hour; n++ {
		d := a.Next(n, elapsed)
		switch {
		case elapsed < time.Minute && d > time.Second:
			t.Fatalf("sleep %v at %v: the first minute must be seen within a second", d, elapsed)
		case elapsed >= time.Minute && d > elapsed/20 && d > time.Second:
			t.Fatalf("sleep %v at %v: more than 5 %% of the wait", d, elapsed)
		}
		elapsed += d
	}
	if n := reads(200 * time.Millisecond); n != 1 {
		t.Errorf("%d reads for a 0.2 s transition, want 1", n)
	}
	if n := reads(2 * time.Second); n != 2 {
		t.Errorf("%d reads for a 2 s transition, want 2", n)
	}
	for _, end := range []time.Duration{2 * time.Second, 10 * time.Second, time.Minute} {
		if rate := float64(reads(end)) / end.Seconds(); rate > 1.2 {
			t.Errorf("%.2f reads per second of a %v transition", rate, end)
		}
	}
	if n := reads(time.Hour) - reads(time.Minute); n > 100 {
		t.Errorf("%d reads after the first minute of an hour, want far fewer than a 10 s poller's 354", n)
	}
}

func TestSetMaxIntervalCapsEverySleep(t *testing.T) {
	t.Cleanup(func() { SetMaxInterval(0) })
	SetMaxInterval(3 * time.Second)
	if d := capped((Adaptive{}).Next(9, time.Hour)); d != 3*time.Second {
		t.Errorf("an hour in: %v, want the 3 s cap", d)
	}
	if d := capped(200 * time.Millisecond); d != 200*time.Millisecond {
		t.Errorf("a short sleep changed: %v", d)
	}
	SetMaxInterval(0)
	if d := capped(time.Minute); d != time.Minute {
		t.Errorf("no cap: %v", d)
	}
}
