package main

import "testing"

// The learned schedule meets what the blind one cannot: beyond the first
// minute at most 5 % late with no more reads than the Huawei poller, and
// at most a second late with few reads up to a minute.
func TestLearnedWaitsMeetTheTargets(t *testing.T) {
	rows := map[string]map[float64]Waiter{}
	for _, w := range waiterTable() {
		if rows[w.Poller] == nil {
			rows[w.Poller] = map[float64]Waiter{}
		}
		rows[w.Poller][w.WaitS] = w
	}
	for ws, w := range rows[learnedPoller] {
		h := rows["huawei"][ws]
		switch {
		case ws < 60 && w.LatenessP95S > 1:
			t.Errorf("%g s: p95 %.2f s late", ws, w.LatenessP95S)
		case ws >= 60 && w.LatenessP95 > 0.05:
			t.Errorf("%g s: p95 %.1f %% late", ws, 100*w.LatenessP95)
		case ws > 60 && w.ReadsAfterMinute > h.ReadsAfterMinute:
			t.Errorf("%g s: %.1f reads after the first minute, the Huawei poller %.1f", ws, w.ReadsAfterMinute, h.ReadsAfterMinute)
		case ws >= 2 && ws <= 60 && w.ReadsPerWait/ws > 1.2:
			t.Errorf("%g s: %.2f reads per second", ws, w.ReadsPerWait/ws)
		}
	}
}
