package sdrs

import (
	"encoding/json"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

// stateVersion is the version of the SDRS emulator's saved state; Load
// refuses another.
const stateVersion = 1

// savedState is what Save writes: every table, the fixtures' included (a
// server protected, a disk in a pair), and the jobs with their effects, so
// that a job under way at the save (whose times are wall-clock times) ends
// after a restart as it would have. IDs are random: no counter to keep.
type savedState struct {
	Version        int
	Groups         []*protectionGroup
	Pairs          []*replicationPair
	Instances      []*protectedInstance
	Drills         []*drill
	Jobs           []*job
	Failures       []*failureJob
	RPO            []*rpoStatistic
	Volumes        []*volume
	Servers        []*server
	Ports          []*port
	VPCs           []*vpc
	Subnets        []*subnet
	SecurityGroups []*securityGroup
	FixtureEnv     fixtureEnv
}

var _ backend.Stateful = (*API)(nil)

// Save returns everything the emulator holds (backend.Stateful).
func (a *API) Save() (json.RawMessage, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return store.Marshal(&savedState{
		Version: stateVersion, Groups: a.groups.Rows(), Pairs: a.pairs.Rows(), Instances: a.instances.Rows(),
		Drills: a.drills.Rows(), Jobs: a.jobs.Rows(), Failures: a.failures.Rows(), RPO: a.rpo.Rows(),
		Volumes: a.volumes.Rows(), Servers: a.servers.Rows(), Ports: a.ports.Rows(), VPCs: a.vpcs.Rows(),
		Subnets: a.subnets.Rows(), SecurityGroups: a.securityGroups.Rows(), FixtureEnv: a.fixtureEnv,
	})
}

// Load replaces what the emulator holds with Save's state and binds the
// effects of the jobs under way again (backend.Stateful).
func (a *API) Load(data json.RawMessage) error {
	var s savedState
	if err := store.UnmarshalState(data, &s, &s.Version, stateVersion, "sdrs"); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.groups.Replace(s.Groups)
	a.pairs.Replace(s.Pairs)
	a.instances.Replace(s.Instances)
	a.drills.Replace(s.Drills)
	a.jobs.Replace(s.Jobs)
	a.failures.Replace(s.Failures)
	a.rpo.Replace(s.RPO)
	a.volumes.Replace(s.Volumes)
	a.servers.Replace(s.Servers)
	a.ports.Replace(s.Ports)
	a.vpcs.Replace(s.VPCs)
	a.subnets.Replace(s.Subnets)
	a.securityGroups.Replace(s.SecurityGroups)
	a.fixtureEnv = s.FixtureEnv
	for _, j := range a.jobs.Rows() {
		if !j.finished {
			a.bind(j)
		}
	}
	return nil
}
