package manila

import (
	"encoding/json"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

// stateVersion is the version of the Manila emulator's saved state; Load
// refuses another.
const stateVersion = 1

// savedState is what Save writes: Keystone's tables with the tokens issued
// (a client's token stays good across a restart, as it does across a
// real Keystone's), and every Manila table, the fixtures' included, with
// the transitions under way and their effects, so that an operation under
// way at the save (whose times are wall-clock times) ends after a restart
// as it would have. IDs are random: no counter to keep.
type savedState struct {
	Version          int
	Projects         []*project
	Users            []*user
	AppCredentials   []*appCredential
	Tokens           map[string]*token
	ShareTypes       []*shareType
	ShareGroupTypes  []*shareGroupType
	ShareNetworks    []*shareNetwork
	SecurityServices []*securityService
	Zones            []*availabilityZone
	CGs              []*consistencyGroup
	CGSnapshots      []*cgsnapshot
	CGMembers        []*cgsnapshotMember
	Shares           []*share
	ShareSnapshots   []*shareSnapshot
	AccessRules      []*accessRule
	ShareGroups      []*shareGroup
	GroupSnapshots   []*shareGroupSnapshot
	GroupMembers     []*shareGroupSnapshotMember
	Replicas         []*shareReplica
	Messages         []*userMessage
}

var _ backend.Stateful = (*API)(nil)

// Save returns everything the emulator holds (backend.Stateful).
func (a *API) Save() (json.RawMessage, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	id, db := a.identity, a.db
	return store.Marshal(&savedState{
		Version: stateVersion, Projects: id.projects.Rows(), Users: id.users.Rows(), AppCredentials: id.appCreds.Rows(), Tokens: id.tokens,
		ShareTypes: db.shareTypes.Rows(), ShareGroupTypes: db.shareGroupTypes.Rows(), ShareNetworks: db.shareNetworks.Rows(),
		SecurityServices: db.securityServices.Rows(), Zones: db.zones.Rows(), CGs: db.cgs.Rows(), CGSnapshots: db.snapshots.Rows(),
		CGMembers: db.members.Rows(), Shares: db.shares.Rows(), ShareSnapshots: db.shareSnapshots.Rows(), AccessRules: db.accessRules.Rows(),
		ShareGroups: db.shareGroups.Rows(), GroupSnapshots: db.groupSnapshots.Rows(), GroupMembers: db.groupMembers.Rows(),
		Replicas: db.replicas.Rows(), Messages: db.messages.Rows(),
	})
}

// Load replaces what the emulator holds with Save's state and binds the
// effects of the transitions under way again (backend.Stateful).
func (a *API) Load(data json.RawMessage) error {
	var s savedState
	if err := store.UnmarshalState(data, &s, &s.Version, stateVersion, "manila"); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	id, db := a.identity, a.db
	id.projects.Replace(s.Projects)
	id.users.Replace(s.Users)
	id.appCreds.Replace(s.AppCredentials)
	id.tokens = s.Tokens
	if id.tokens == nil {
		id.tokens = map[string]*token{}
	}
	db.shareTypes.Replace(s.ShareTypes)
	db.shareGroupTypes.Replace(s.ShareGroupTypes)
	db.shareNetworks.Replace(s.ShareNetworks)
	db.securityServices.Replace(s.SecurityServices)
	db.zones.Replace(s.Zones)
	db.cgs.Replace(s.CGs)
	db.snapshots.Replace(s.CGSnapshots)
	db.members.Replace(s.CGMembers)
	db.shares.Replace(s.Shares)
	db.shareSnapshots.Replace(s.ShareSnapshots)
	db.accessRules.Replace(s.AccessRules)
	db.shareGroups.Replace(s.ShareGroups)
	db.groupSnapshots.Replace(s.GroupSnapshots)
	db.groupMembers.Replace(s.GroupMembers)
	db.replicas.Replace(s.Replicas)
	db.messages.Replace(s.Messages)
	// The transitions under way get their effects again.
	bind := func(l *lifecycle) {
		if l.next != nil {
			a.bindEffect(l.next)
		}
	}
	for _, x := range s.CGs {
		bind(&x.lifecycle)
	}
	for _, x := range s.CGSnapshots {
		bind(&x.lifecycle)
	}
	for _, x := range s.Shares {
		bind(&x.lifecycle)
	}
	for _, x := range s.ShareSnapshots {
		bind(&x.lifecycle)
	}
	for _, x := range s.AccessRules {
		bind(&x.lifecycle)
	}
	for _, x := range s.ShareGroups {
		bind(&x.lifecycle)
	}
	for _, x := range s.GroupSnapshots {
		bind(&x.lifecycle)
	}
	for _, x := range s.Replicas {
		bind(&x.lifecycle)
	}
	return nil
}
