package sdrs

import (
	"strings"

	"github.com/google/uuid"
)

// Credentials and location of the sandbox's only project. A real AK is 20
// upper-case letters and digits, an SK 40 characters, a project ID 32 hex
// digits; the sandbox's have the same shapes.
const (
	Region    = "cn-north-4"
	AccessKey = "SANDBOXSDRSAK0000001"
	SecretKey = "sandboxSdrsSecretKey0000000000000000001x"
)

// Availability zones of the active-active domain: the local (production)
// one first.
const (
	AZ1 = "cn-north-4a"
	AZ2 = "cn-north-4b"
)

// DomainName is the name of the only active-active domain.
const DomainName = "SDRS_HypeDomain01"

// fixtureNamespace is the UUID namespace of every deterministic fixture ID.
var fixtureNamespace = uuid.NewSHA1(uuid.NameSpaceURL,
	[]byte("https://github.com/continuity-dr/terraform-provider-continuity/sandbox/sdrs"))

// fixtureID returns the deterministic ID of the fixture called name.
func fixtureID(name string) string {
	return uuid.NewSHA1(fixtureNamespace, []byte(name)).String()
}

// Deterministic fixture IDs: the same on every start.
var (
	// ProjectID is the only project (32 hex digits, as Huawei Cloud's).
	ProjectID = strings.ReplaceAll(fixtureID("project"), "-", "")
	// DomainID is the only active-active domain.
	DomainID = fixtureID("domain/" + DomainName)
	// VPCID is the only VPC that protection groups may use.
	VPCID = fixtureID("vpc/sandbox-vpc")
	// VolumeIDs are the EVS disks of the production AZ (AZ1) from which
	// replication pairs can be created; each serves one pair at a time.
	VolumeIDs = volumeIDs(volumeCount)
)

// volumeCount is the number of fixture volumes: enough for the acceptance
// tests that run in parallel against one sandbox to use a disk each.
const volumeCount = 12

func volumeIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fixtureID("volume/" + string(rune('a'+i)))
	}
	return ids
}

// volume is a fixture disk.
type volume struct {
	id     string
	az     string
	sizeGB int
	kind   string // SSD, SAS, SATA
	pairID string // the replication pair using it, if any
}

// fixtureVolumes returns the fixture disks, in the order of VolumeIDs.
func fixtureVolumes() []*volume {
	kinds := []string{"SSD", "SAS", "SATA"}
	out := make([]*volume, 0, len(VolumeIDs))
	for i, id := range VolumeIDs {
		out = append(out, &volume{id: id, az: AZ1, sizeGB: 10 * (1 + i%4), kind: kinds[i%len(kinds)]})
	}
	return out
}
