package manila

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/google/uuid"
)

// fixtureNamespace is the UUID namespace of every deterministic fixture ID.
var fixtureNamespace = uuid.NewSHA1(uuid.NameSpaceURL,
	[]byte("https://github.com/continuity-dr/terraform-provider-continuity/sandbox/manila"))

// fixtureUUID returns the deterministic UUID of the Manila fixture called name.
func fixtureUUID(name string) string {
	return uuid.NewSHA1(fixtureNamespace, []byte(name)).String()
}

// keystoneID returns a deterministic Keystone-style ID (32 hex digits, no
// dashes) for the identity fixture called name.
func keystoneID(name string) string {
	sum := sha256.Sum256([]byte("continuity-sandbox/keystone/" + name))
	return hex.EncodeToString(sum[:16])
}

// Identity fixtures: one domain, two projects, an ordinary user and an
// admin, and an application credential of the ordinary user.
const (
	DomainID            = "default"
	DomainName          = "Default"
	RegionName          = "RegionOne"
	ProjectName         = "demo"
	AdminProjectName    = "admin"
	UserName            = "demo"
	UserPassword        = "sandbox-demo-password"
	AdminName           = "admin"
	AdminPassword       = "sandbox-admin-password"
	AppCredentialName   = "terraform"
	AppCredentialSecret = "sandbox-application-credential-secret"
)

// Deterministic identity IDs.
var (
	ProjectID       = keystoneID("project/" + ProjectName)
	AdminProjectID  = keystoneID("project/" + AdminProjectName)
	UserID          = keystoneID("user/" + UserName)
	AdminID         = keystoneID("user/" + AdminName)
	AppCredentialID = keystoneID("application_credential/" + AppCredentialName)
	roleAdminID     = keystoneID("role/admin")
	roleMemberID    = keystoneID("role/member")
	roleReaderID    = keystoneID("role/reader")
)

// Manila fixtures: share types default (driver_handles_share_servers true,
// the default type) and gold (false), and the share network sn-default in
// the ordinary user's project.
const (
	ShareTypeDefaultName = "default"
	ShareTypeGoldName    = "gold"
	ShareNetworkName     = "sn-default"
)

// Deterministic Manila fixture IDs.
var (
	ShareTypeDefaultID = fixtureUUID("share_type/" + ShareTypeDefaultName)
	ShareTypeGoldID    = fixtureUUID("share_type/" + ShareTypeGoldName)
	ShareNetworkID     = fixtureUUID("share_network/" + ShareNetworkName)
)

// fixtureTime is the creation time of every fixture.
const fixtureTime = "2016-10-06T09:00:00.000000"

// The roles of the fixture users.
var (
	roleAdmin  = role{roleAdminID, "admin"}
	roleMember = role{roleMemberID, "member"}
	roleReader = role{roleReaderID, "reader"}
)

func fixtureProjects() []*project {
	return []*project{{ProjectID, ProjectName}, {AdminProjectID, AdminProjectName}}
}

func fixtureUsers() []*user {
	return []*user{
		{id: UserID, name: UserName, password: UserPassword, roles: map[string][]role{
			ProjectID: {roleMember, roleReader},
		}},
		{id: AdminID, name: AdminName, password: AdminPassword, roles: map[string][]role{
			AdminProjectID: {roleAdmin, roleMember, roleReader},
			ProjectID:      {roleAdmin, roleMember, roleReader},
		}},
	}
}

func fixtureAppCredentials() []*appCredential {
	return []*appCredential{{
		id: AppCredentialID, name: AppCredentialName, secret: AppCredentialSecret,
		userID: UserID, projectID: ProjectID, roles: []role{roleMember, roleReader},
	}}
}

func fixtureShareTypes() []*shareType {
	return []*shareType{
		{id: ShareTypeDefaultID, name: ShareTypeDefaultName, isPublic: true, extraSpecs: map[string]string{
			"driver_handles_share_servers": "True", "snapshot_support": "True",
		}},
		{id: ShareTypeGoldID, name: ShareTypeGoldName, isPublic: true, extraSpecs: map[string]string{
			"driver_handles_share_servers": "False", "snapshot_support": "True",
		}},
	}
}

func fixtureShareNetworks() []*shareNetwork {
	return []*shareNetwork{{
		id: ShareNetworkID, name: ShareNetworkName, description: "Share network of the sandbox's demo project",
		projectID: ProjectID, neutronNetID: fixtureUUID("neutron/net/private"), neutronSubnetID: fixtureUUID("neutron/subnet/private"),
		networkType: "vxlan", segmentationID: 1001, cidr: "10.0.0.0/24", gateway: "10.0.0.1", ipVersion: 4, mtu: 1450,
		createdAt: fixtureTime,
	}}
}
