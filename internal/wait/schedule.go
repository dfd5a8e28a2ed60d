package wait

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

// Schedule decides how long a wait sleeps before each poll.
type Schedule interface {
	// Next returns the sleep before poll n (1 for the first), given the
	// time elapsed since the wait began.
	Next(n int, elapsed time.Duration) time.Duration
}

// lingerer is a schedule that sleeps once more after the poll that saw the
// target (the Huawei providers check a job's status 5 s after reading it).
type lingerer interface {
	Linger() time.Duration
}

// Backoff polls first after Min, then Multiplier times later each time, up
// to Max.
type Backoff struct {
	Min, Max   time.Duration
	Multiplier float64
}

// Next implements Schedule.
func (b Backoff) Next(n int, _ time.Duration) time.Duration {
	d := float64(b.Min)
	for i := 1; i < n && time.Duration(d) < b.Max; i++ {
		d *= b.Multiplier
	}
	return min(time.Duration(d), b.Max)
}

// Adaptive is the provider's schedule. It reads once a second for the
// first minute, the first time a second after the start: the end of a
// transition of up to a minute is seen at most a second late, with the
// fewest reads that allows (two for a transition of 2 s, one for one of
// 0.2 s). After that it reads every 5 % of the time waited so far, so that
// a wait of an hour is seen at most 5 % late with few reads (84 after the
// first minute of an hour, where a fixed 10 s poller makes 354).
//
// No blind schedule is both quicker and as frugal: reading sooner than a
// second in sees a quick transition sooner but costs a read on every wait
// of 2 s. Waits of one kind learn instead (see Conf.Kind): after the
// first, they read only through the window in which the earlier ones saw
// the end, a quick one after 0.2 s. And being at most 5 % late costs, on
// waits of one to eight minutes, more reads after the first minute than a
// 10 s poller makes; learned waits make about five, as late.
type Adaptive struct{}

// Next implements Schedule.
func (Adaptive) Next(_ int, elapsed time.Duration) time.Duration {
	if elapsed < time.Minute {
		return time.Second
	}
	return max(time.Second, elapsed/20)
}

// Default is the provider's schedule.
var Default Schedule = Adaptive{}

// HuaweiPeer is the schedule of the Huawei Cloud providers' job waits
// (sdrs.md §7): each round sleeps 5 s, reads, sleeps 5 s more and then
// checks, so reads come 5 s after the start and every 10 s after that, and
// a finished job is acted on 5 s after the read that saw it.
type HuaweiPeer struct{}

// Next implements Schedule.
func (HuaweiPeer) Next(n int, _ time.Duration) time.Duration {
	if n == 1 {
		return 5 * time.Second
	}
	return 10 * time.Second
}

// Linger is the 5 s between the read that saw the end and the check.
func (HuaweiPeer) Linger() time.Duration { return 5 * time.Second }

// SDKv2Peer is the schedule of terraform-plugin-sdk/v2's StateChangeConf
// with its defaults (as the AWS provider's waiters): sleeps of 0.2, 0.4,
// 0.8, 1.6, 3.2 and 6.4 s, then 10 s each (craft.md §5.1).
var SDKv2Peer Schedule = Backoff{Min: 200 * time.Millisecond, Max: 10 * time.Second, Multiplier: 2}

// EnvSchedule names the schedule the provider uses instead of Default:
// "huawei" or "sdkv2". make bench sets it to drive the same waits with the
// peers' pollers; users have no reason to.
const EnvSchedule = "CONTINUITY_POLL_SCHEDULE"

var chosen atomic.Pointer[Schedule]

func packageSchedule() Schedule {
	if s := chosen.Load(); s != nil {
		return *s
	}
	return Default
}

// UseScheduleFromEnv makes every wait use the schedule EnvSchedule names.
func UseScheduleFromEnv() error {
	var s Schedule
	switch v := os.Getenv(EnvSchedule); v {
	case "", "default":
		return nil
	case "huawei":
		s = HuaweiPeer{}
	case "sdkv2":
		s = SDKv2Peer
	default:
		return fmt.Errorf("%s=%q: want default, huawei or sdkv2", EnvSchedule, v)
	}
	chosen.Store(&s)
	return nil
}

// maxInterval caps every sleep between polls (the provider's
// poll_interval_max); zero leaves the schedules as they are.
var maxInterval atomic.Int64

// SetMaxInterval caps every sleep between polls of the process's waits;
// zero removes the cap.
func SetMaxInterval(d time.Duration) { maxInterval.Store(int64(d)) }

// capped returns d, capped by SetMaxInterval.
func capped(d time.Duration) time.Duration {
	if c := time.Duration(maxInterval.Load()); c > 0 && d > c {
		return c
	}
	return d
}
