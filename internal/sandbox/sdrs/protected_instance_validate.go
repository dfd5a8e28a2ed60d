package sdrs

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/google/uuid"
)

// createInstanceRequest is the protected_instance of POST
// /protected-instances (sdrs.md §9.2; the SDK's
// CreateProtectedInstanceRequestParams).
type createInstanceRequest struct {
	ServerGroupID    *string   `json:"server_group_id"`
	ServerID         *string   `json:"server_id"`
	Name             *string   `json:"name"`
	Description      *string   `json:"description"`
	ClusterID        *string   `json:"cluster_id"`
	PrimarySubnetID  *string   `json:"primary_subnet_id"`
	PrimaryIPAddress *string   `json:"primary_ip_address"`
	FlavorRef        *string   `json:"flavorRef"`
	Tenancy          *string   `json:"tenancy"`
	DedicatedHostID  *string   `json:"dedicated_host_id"`
	Tags             []tagJSON `json:"tags"`
}

// tagJSON is a tag in requests and answers.
type tagJSON struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// Limits of tags (sdrs.md §9.2, §9.9).
const (
	maxCreateTags   = 10
	maxInstanceTags = 20
	maxTagKey       = 36
	maxTagValue     = 43
)

// checkTags validates tags for a create (at most limit) or a batch action,
// with the tag API's codes; values may be nil (a delete's).
func checkTags(tags []tagJSON, limit int) ([]tag, *apiError) {
	if len(tags) > limit {
		return nil, sdrsError("SDRS.2203", strconv.Itoa(len(tags))+" tags; at most "+strconv.Itoa(limit)+" are allowed")
	}
	out := make([]tag, 0, len(tags))
	for _, t := range tags {
		key := conv.Deref(t.Key)
		if key == "" || utf8.RuneCountInString(key) > maxTagKey || strings.ContainsAny(key, tagForbidden) || hasControl(key) {
			return nil, sdrsError("SDRS.2204", "tag key "+strconv.Quote(key)+": 1 to 36 characters, none of "+tagForbidden)
		}
		value := conv.Deref(t.Value)
		if utf8.RuneCountInString(value) > maxTagValue || strings.ContainsAny(value, tagForbidden) || hasControl(value) {
			return nil, sdrsError("SDRS.2205", "tag value "+strconv.Quote(value)+": at most 43 characters, none of "+tagForbidden)
		}
		if slices.ContainsFunc(out, func(o tag) bool { return o.key == key }) {
			return nil, sdrsError("SDRS.2208", "tag key "+strconv.Quote(key)+" is given twice")
		}
		out = append(out, tag{key: key, value: value})
	}
	return out, nil
}

// tagForbidden are the characters tags may not hold besides ASCII 0-31.
const tagForbidden = `*<>\=,|/`

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 32 })
}

// isUUID reports whether s is a UUID, the form of every ID SDRS takes.
func isUUID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}

// checkCreateInstance checks a create request in the API's order and
// returns the group, the server and what the DR site will be made of
// (sdrs.md §9.2, §21, §22).
func (a *API) checkCreateInstance(req *createInstanceRequest) (*protectionGroup, *server, instanceSpec, []tag, *apiError) {
	var spec instanceSpec
	fail := func(e *apiError) (*protectionGroup, *server, instanceSpec, []tag, *apiError) {
		return nil, nil, spec, nil, e
	}
	g, ok := a.groups.Get(conv.Deref(req.ServerGroupID))
	if !ok {
		return fail(sdrsError("SDRS.1013", "no protection group has the ID "+strconv.Quote(conv.Deref(req.ServerGroupID))))
	}
	if e := checkNameAndDescription(req.Name, req.Description); e != nil {
		return fail(e)
	}
	switch {
	case req.ClusterID != nil:
		return fail(sdrsError("SDRS.0218", "the sandbox has no dedicated distributed storage pools: cluster_id must be omitted"))
	case req.Tenancy != nil && *req.Tenancy != "shared" && *req.Tenancy != "dedicated":
		return fail(sdrsError("SDRS.0228", "tenancy must be shared or dedicated"))
	case req.Tenancy != nil && *req.Tenancy == "dedicated" || req.DedicatedHostID != nil:
		return fail(sdrsError("SDRS.0227", "the sandbox has no dedicated hosts"))
	}
	serverID := conv.Deref(req.ServerID)
	if !isUUID(serverID) {
		return fail(sdrsError("SDRS.0210", strconv.Quote(serverID)+" is not a server ID"))
	}
	s, ok := a.servers.Get(serverID)
	if !ok {
		return fail(sdrsError("SDRS.1326", "no server has the ID "+serverID))
	}
	tags, e := checkTags(req.Tags, maxCreateTags)
	if e != nil {
		return fail(e)
	}
	switch {
	case g.status != statusAvailable && g.status != statusProtected:
		return fail(sdrsError("SDRS.1024", "the protection group is "+g.status))
	case s.status != serverActive && s.status != serverShutoff:
		return fail(sdrsError("SDRS.1333", "server "+s.id+" is "+s.status))
	case s.az != g.productionAZ():
		return fail(sdrsError("SDRS.1303", "server "+s.id+" is in "+s.az+", the group's production site is "+g.productionAZ()))
	case s.vpcID != g.sourceVPC:
		return fail(sdrsError("SDRS.1304", "server "+s.id+" is in VPC "+s.vpcID))
	case s.instanceID != "" || a.instances.Any(func(i *protectedInstance) bool { return i.sourceServer == s.id || i.targetServer == s.id }):
		return fail(sdrsError("SDRS.1305", "server "+s.id+" is already protected"))
	}
	disks := a.volumes.Filter(func(v *volume) bool { return v.serverID == s.id })
	if !slices.ContainsFunc(disks, func(v *volume) bool { return v.device == "/dev/vda" && v.bootable }) {
		return fail(sdrsError("SDRS.1339", "server "+s.id+" has no disk at /dev/vda"))
	}
	for _, v := range disks {
		if v.pairID != "" {
			return fail(sdrsError("SDRS.1811", "disk "+v.id+" of the server is used by replication pair "+v.pairID))
		}
	}
	if a.pairs.Len()+len(disks) > quotaReplications {
		return fail(sdrsError("SDRS.0306", "the server's disks would pass the replication pair quota"))
	}
	spec.drFlavor = s.flavor
	if req.FlavorRef != nil {
		if _, ok := findFlavor(*req.FlavorRef); !ok {
			return fail(sdrsError("SDRS.1353", "no flavor "+strconv.Quote(*req.FlavorRef)+" in "+g.targetAZ))
		}
		spec.drFlavor = *req.FlavorRef
	}
	if req.PrimaryIPAddress != nil && req.PrimarySubnetID == nil {
		return fail(sdrsError("SDRS.1380", ""))
	}
	if req.PrimarySubnetID != nil {
		sub, ok := a.subnets.Get(*req.PrimarySubnetID)
		if !ok || sub.vpcID != g.sourceVPC {
			return fail(sdrsError("SDRS.1335", "no subnet "+strconv.Quote(*req.PrimarySubnetID)+" in the group's VPC"))
		}
		spec.subnet = sub
	} else if ports := a.portsOf(s.id); len(ports) > 0 {
		spec.subnet, _ = a.subnets.Get(ports[0].networkID)
	}
	if spec.subnet == nil {
		spec.subnet, _ = a.subnets.Find(func(x *subnet) bool { return x.vpcID == g.sourceVPC })
	}
	ip, e := a.allocateIP(spec.subnet, conv.Deref(req.PrimaryIPAddress))
	if e != nil {
		return fail(e)
	}
	spec.ip = ip
	return g, s, spec, tags, nil
}

// instanceFilter is the query of GET /protected-instances (sdrs.md §9.5).
type instanceFilter struct {
	paging
	groupIDs    []string
	instanceIDs []string
	name        *string
	status      *string
	az          *string
	abnormal    bool
}

// parseInstanceQuery validates the list's query: server_group_ids wins
// over server_group_id, and either over protected_instance_ids.
func parseInstanceQuery(q url.Values) (instanceFilter, *apiError) {
	p, e := parsePaging(q)
	if e != nil {
		return instanceFilter{}, e
	}
	f := instanceFilter{paging: p}
	switch q.Get("query_type") {
	case "", "general":
	case "status_abnormal":
		f.abnormal = true
	default:
		return instanceFilter{}, sdrsError("SDRS.0201", "query_type "+strconv.Quote(q.Get("query_type"))+" is not status_abnormal or general")
	}
	if f.groupIDs, e = idFilter(q, "server_group_id", "server_group_ids"); e != nil {
		return instanceFilter{}, e
	}
	if f.groupIDs == nil {
		if f.instanceIDs, e = idFilter(q, "", "protected_instance_ids"); e != nil {
			return instanceFilter{}, e
		}
	} else if _, e := idFilter(q, "", "protected_instance_ids"); e != nil {
		return instanceFilter{}, e
	}
	for _, s := range []struct {
		name string
		dst  **string
	}{{"name", &f.name}, {"status", &f.status}, {"availability_zone", &f.az}} {
		if q.Has(s.name) {
			v := q.Get(s.name)
			*s.dst = &v
		}
	}
	return f, nil
}

// instanceMatches reports whether an instance passes every filter.
func (a *API) instanceMatches(f instanceFilter, inst *protectedInstance) bool {
	switch {
	case f.groupIDs != nil && !slices.Contains(f.groupIDs, inst.groupID):
	case f.instanceIDs != nil && !slices.Contains(f.instanceIDs, inst.id):
	case f.name != nil && !strings.Contains(inst.name, *f.name):
	case f.status != nil && inst.status != *f.status:
	case f.abnormal && !abnormalPairStatus(inst.status):
	case f.az != nil && !a.groupInAZ(inst.groupID, *f.az):
	default:
		return true
	}
	return false
}

// groupInAZ reports whether the current production site of a group is az.
func (a *API) groupInAZ(groupID, az string) bool {
	g, ok := a.groups.Get(groupID)
	return ok && g.productionAZ() == az
}

// devicePattern is the form of a device name (sdrs.md §10.1).
var devicePattern = regexp.MustCompile(`^/dev/(vd|sd)[a-z]$`)

// normalDevice rewrites /dev/sdX to /dev/vdX: every sandbox flavor is a
// KVM one (sdrs.md §10.1).
func normalDevice(d string) string {
	return strings.Replace(d, "/dev/sd", "/dev/vd", 1)
}

// instanceOperable are the statuses in which an instance takes an
// attachment, a NIC or a resize (sdrs.md §10.1, §11.1, §12).
var instanceOperable = []string{statusAvailable, statusProtected}

// groupOperable are the group statuses that allow them.
var groupOperable = []string{statusAvailable, statusProtected}
