package manila

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"

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
// the default type), gold (false), replicated (false, replication_type dr)
// and bronze (false, without snapshots); the share group types default
// (the default one, of the types default and gold) and consistent (of gold,
// with consistent snapshots); the share network sn-default and the security
// service ldap-demo in the ordinary user's project; two availability zones.
const (
	ShareTypeDefaultName    = "default"
	ShareTypeGoldName       = "gold"
	ShareTypeReplicatedName = "replicated"
	ShareTypeBronzeName     = "bronze"
	ShareNetworkName        = "sn-default"
	ShareGroupTypeName      = "default"
	ShareGroupTypeConsName  = "consistent"
	SecurityServiceName     = "ldap-demo"
	// AvailabilityZone is where shares go when none is asked for;
	// AvailabilityZoneDR the second zone, for replicas.
	AvailabilityZone   = "nova"
	AvailabilityZoneDR = "nova-dr"
)

// Deterministic Manila fixture IDs.
var (
	ShareTypeDefaultID      = fixtureUUID("share_type/" + ShareTypeDefaultName)
	ShareTypeGoldID         = fixtureUUID("share_type/" + ShareTypeGoldName)
	ShareTypeReplicatedID   = fixtureUUID("share_type/" + ShareTypeReplicatedName)
	ShareTypeBronzeID       = fixtureUUID("share_type/" + ShareTypeBronzeName)
	ShareNetworkID          = fixtureUUID("share_network/" + ShareNetworkName)
	ShareGroupTypeID        = fixtureUUID("share_group_type/" + ShareGroupTypeName)
	ShareGroupTypeConsistID = fixtureUUID("share_group_type/" + ShareGroupTypeConsName)
	SecurityServiceID       = fixtureUUID("security_service/" + SecurityServiceName)
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

// snapshotSpecs are the extra specs of a share type whose shares can be
// snapshotted, created from a snapshot and reverted to one.
var snapshotSpecs = []spec{
	{"snapshot_support", "True"}, {"create_share_from_snapshot_support", "True"}, {"revert_to_snapshot_support", "True"},
}

func fixtureShareTypes() []*shareType {
	with := func(dhss string, more ...spec) []spec {
		return append([]spec{{"driver_handles_share_servers", dhss}}, more...)
	}
	return []*shareType{
		{id: ShareTypeDefaultID, name: ShareTypeDefaultName, isPublic: true, isDefault: true, specs: with("True", snapshotSpecs...),
			description: "Shares on share servers of their own, in a share network"},
		{id: ShareTypeGoldID, name: ShareTypeGoldName, isPublic: true, specs: with("False", snapshotSpecs...),
			description: "Shares of the back end's pool, with snapshots"},
		{id: ShareTypeReplicatedID, name: ShareTypeReplicatedName, isPublic: true,
			specs:       with("False", append(slices.Clone(snapshotSpecs), spec{"replication_type", "dr"})...),
			description: "Shares replicated to a second availability zone for disaster recovery"},
		{id: ShareTypeBronzeID, name: ShareTypeBronzeName, isPublic: true, specs: with("False", spec{"snapshot_support", "False"}),
			description: "Shares without snapshots"},
	}
}

func fixtureShareGroupTypes() []*shareGroupType {
	return []*shareGroupType{
		{id: ShareGroupTypeID, name: ShareGroupTypeName, isPublic: true, isDefault: true, shareTypes: []string{ShareTypeDefaultID, ShareTypeGoldID}},
		{id: ShareGroupTypeConsistID, name: ShareGroupTypeConsName, isPublic: true, shareTypes: []string{ShareTypeGoldID},
			groupSpecs: []spec{{"consistent_snapshot_support", "host"}}},
	}
}

func fixtureAvailabilityZones() []*availabilityZone {
	zone := func(name string) *availabilityZone {
		return &availabilityZone{id: fixtureUUID("availability_zone/" + name), name: name, createdAt: fixtureTime}
	}
	return []*availabilityZone{zone(AvailabilityZone), zone(AvailabilityZoneDR)}
}

func fixtureSecurityServices() []*securityService {
	return []*securityService{{
		id: SecurityServiceID, name: strPtr(SecurityServiceName), description: strPtr("The demo project's LDAP directory"),
		projectID: ProjectID, kind: "ldap", dnsIP: strPtr("10.0.0.2"), server: strPtr("ldap.example.org"),
		domain: strPtr("example.org"), user: strPtr("cn=manila,dc=example,dc=org"), createdAt: fixtureTime,
	}}
}

func fixtureShareNetworks() []*shareNetwork {
	return []*shareNetwork{{
		id: ShareNetworkID, name: strPtr(ShareNetworkName), description: strPtr("Share network of the sandbox's demo project"),
		projectID: ProjectID, neutronNetID: strPtr(fixtureUUID("neutron/net/private")), neutronSubnetID: strPtr(fixtureUUID("neutron/subnet/private")),
		networkType: strPtr("vxlan"), segmentationID: intPtr(1001), cidr: strPtr("10.0.0.0/24"), gateway: strPtr("10.0.0.1"),
		ipVersion: intPtr(4), mtu: intPtr(1450), createdAt: fixtureTime, securityServices: []string{}, fixture: true,
	}}
}
