package manila

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// enabledProtocols is enabled_share_protocols, Manila's default
// (manila-groups.md §3.5).
var enabledProtocols = []string{"NFS", "CIFS"}

// msgServerError is webob's explanation of a 500: an unexpected exception
// (a KeyError in the controller) is not safe to show.
const msgServerError = "The server has either erred or is incapable of performing the requested operation."

// shareCreate is a share creation whose body passed the controller's
// checks (manila-groups.md §3.5).
type shareCreate struct {
	name, description    *string
	proto                string
	size                 int
	shareTypeRef         *string
	networkID            *string
	snapshotID           *string
	zone                 *string
	isPublic             bool
	metadata             []spec
	consistencyGroupID   *string
	shareGroupID         *string
	hasType, hasVolumeTy bool
}

// stringField decodes an optional string field; other JSON values are
// their text.
func stringField(in map[string]json.RawMessage, key string) *string {
	raw, ok := in[key]
	if !ok {
		return nil
	}
	return optionalString(raw)
}

// parseShareCreate checks the body of POST /shares as ShareController
// ._create does, in its order: the share key, the lengths of the name and
// description, the protocol, the size.
func (a *API) parseShareCreate(c *call) (shareCreate, *fault) {
	in, ok := entity(c.body, "share")
	if !ok {
		return shareCreate{}, newFault(http.StatusUnprocessableEntity, "Unable to process the contained instructions")
	}
	req := shareCreate{name: stringField(in, "name"), description: stringField(in, "description")}
	if req.name == nil {
		req.name = stringField(in, "display_name")
	}
	if req.description == nil {
		req.description = stringField(in, "display_description")
	}
	for _, f := range []struct {
		what string
		v    *string
	}{{"name", req.name}, {"description", req.description}} {
		if f.v != nil && len([]rune(*f.v)) > 255 {
			return req, badRequest("Invalid input received: " + f.what + " can only be 255 characters long.")
		}
	}
	protoRaw, hasProto := in["share_proto"]
	sizeRaw, hasSize := in["size"]
	if !hasProto || !hasSize {
		// share['share_proto'] and share['size'] raise KeyError.
		return req, newFault(http.StatusInternalServerError, msgServerError)
	}
	proto := strings.ToUpper(derefString(optionalString(protoRaw)))
	if !contains(enabledProtocols, proto) {
		return req, badRequest("Invalid input received: Invalid share protocol provided: " + proto +
			". It is either disabled or unsupported. Available protocols: ['NFS', 'CIFS'].")
	}
	req.proto = proto
	size, ok := positiveInt(sizeRaw)
	if !ok {
		return req, badRequest("Invalid input received: Share size '" + rawText(sizeRaw) + "' must be an integer and greater than 0.")
	}
	req.size = size
	req.shareTypeRef = stringField(in, "share_type")
	req.hasType = req.shareTypeRef != nil
	if vt := stringField(in, "volume_type"); vt != nil {
		req.hasVolumeTy = true
		if req.shareTypeRef == nil {
			req.shareTypeRef = vt
		}
	}
	req.networkID = stringField(in, "share_network_id")
	req.snapshotID = stringField(in, "snapshot_id")
	req.zone = stringField(in, "availability_zone")
	if raw, ok := in["is_public"]; ok {
		public, ok := pyBool(raw)
		if !ok {
			return req, badRequest("Invalid input received: Invalid boolean value: " + rawText(raw) + ".")
		}
		req.isPublic = public
	}
	req.metadata = metadataOf(in["metadata"])
	// Newton honours consistency_group_id from 2.4; later servers ignore
	// it, and pop share_group_id below 2.31 (manila-groups.md §3.4).
	if a.modern {
		if c.version.atLeast(v231) {
			req.shareGroupID = stringField(in, "share_group_id")
		}
	} else if c.version.atLeast(v24) {
		req.consistencyGroupID = stringField(in, "consistency_group_id")
	}
	return req, nil
}

// positiveInt reads an integer greater than zero, or a string of one, as
// Python's int() would.
func positiveInt(raw json.RawMessage) (int, bool) {
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if i, err := strconv.Atoi(n.String()); err == nil && i > 0 {
			return i, true
		}
		return 0, false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if i, err := pyInt(s); err == nil && i > 0 {
			return i, true
		}
	}
	return 0, false
}

// pyBool reads a boolean as strutils.bool_from_string(strict=True):
// true/false, or one of the strings it knows.
func pyBool(raw json.RawMessage) (bool, bool) {
	var b bool
	if json.Unmarshal(raw, &b) == nil {
		return b, true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true, true
	case "0", "f", "false", "off", "n", "no":
		return false, true
	}
	return false, false
}

// rawText is a JSON value as the message of a refusal quotes it.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// metadataOf reads a metadata object: string values, in the order given
// (other values are kept as their JSON text).
func metadataOf(raw json.RawMessage) []spec {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var out []spec
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return out
		}
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return out
		}
		key, _ := k.(string)
		out = setSpec(out, key, rawText(v))
	}
	return out
}

// setSpec sets key in specs, keeping its place when it exists.
func setSpec(specs []spec, key, value string) []spec {
	for i := range specs {
		if specs[i].key == key {
			specs[i].value = value
			return specs
		}
	}
	return append(specs, spec{key, value})
}

func derefString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// sharePlacement is what share.api.create decides for a creation: the
// type, network, zone and host, and the group or snapshot it comes from.
type sharePlacement struct {
	shareType *shareType
	networkID *string
	zone      string
	host      string
	server    *string
	snapshot  *shareSnapshot
	parent    *share
	group     *shareGroup
	cg        *consistencyGroup
}

// placeShare applies the API layer's rules to a creation, in their order
// (manila-groups.md §3.4, §3.5).
func (a *API) placeShare(c *call, req shareCreate) (sharePlacement, *fault) {
	db := a.db
	var p sharePlacement
	if req.hasType && req.hasVolumeTy {
		return p, badRequest("Cannot specify both share_type and volume_type")
	}
	if req.zone != nil {
		z, ok := db.availabilityZone(*req.zone)
		if !ok {
			return p, notFound("Availability zone " + *req.zone + " could not be found.")
		}
		p.zone = z.name
	}
	if req.networkID != nil {
		if _, ok := db.shareNetwork(c.tok, *req.networkID); !ok {
			return p, notFound("Share network " + *req.networkID + " could not be found.")
		}
	}
	if req.snapshotID != nil {
		snap := db.shareSnapshot(c.tok, *req.snapshotID)
		if snap == nil {
			return p, notFound("ShareSnapshotNotFound: Snapshot " + *req.snapshotID + " could not be found.")
		}
		p.snapshot, p.parent = snap, db.share(c.tok, snap.shareID)
	}
	if req.shareGroupID != nil {
		g := db.shareGroup(c.tok, *req.shareGroupID)
		if g == nil {
			return p, notFound("Share group " + *req.shareGroupID + " could not be found.")
		}
		if req.zone != nil && p.zone != g.availabilityZone {
			return p, badRequest("Share cannot have AZ ('" + *req.zone + "') different than share group's one (" + g.availabilityZone + ").")
		}
		p.group, p.zone = g, g.availabilityZone
	}
	if req.consistencyGroupID != nil {
		cg := db.cg(c.tok, *req.consistencyGroupID)
		if cg == nil {
			return p, badRequest("ConsistencyGroup " + *req.consistencyGroupID + " could not be found.")
		}
		p.cg = cg
	}
	switch {
	case req.shareTypeRef != nil:
		st, ok := db.shareTypeByRef(*req.shareTypeRef)
		if !ok {
			return p, notFound("Share type not found.")
		}
		p.shareType = st
	case p.parent != nil:
		p.shareType, _ = db.shareType(p.parent.shareTypeID)
	default:
		p.shareType = db.defaultShareType()
	}
	p.networkID = req.networkID
	dhss := p.shareType.dhss()
	if dhss && req.networkID == nil && p.snapshot == nil && p.group == nil && p.cg == nil {
		return p, badRequest("Share network must be set when the driver_handles_share_servers is true.")
	}
	if !dhss && req.networkID != nil {
		// [I] A share network is refused for a type without share servers,
		// as for share groups (manila-groups.md §6).
		return p, badRequest("Invalid input received: When using a share type with the driver_handles_share_servers extra spec as False, " +
			"a share_network_id must not be provided.")
	}
	if req.isPublic && !c.tok.isAdmin() {
		return p, newFault(http.StatusForbidden, "User is not authorized to set 'is_public' to True in the request.")
	}
	if f := a.placeFromSnapshot(req, &p); f != nil {
		return p, f
	}
	if f := a.placeInGroup(req, &p); f != nil {
		return p, f
	}
	if p.zone == "" {
		p.zone = a.db.defaultZone()
	}
	host := hostIn(p.zone, dhss)
	switch {
	case p.parent != nil && p.parent.host != nil:
		host = *p.parent.host
	case p.group != nil && p.group.host != nil:
		host = *p.group.host
	case p.cg != nil && p.cg.host != nil:
		host = *p.cg.host
	}
	p.host = host
	if dhss && p.networkID != nil {
		p.server = strPtr(shareServerID(*p.networkID, host))
	}
	return p, nil
}

// placeFromSnapshot checks a creation from a snapshot: available, of a
// share that allows it, no smaller, on the parent's network; the new share
// inherits the network and zone (manila-groups.md §3.5).
func (a *API) placeFromSnapshot(req shareCreate, p *sharePlacement) *fault {
	if p.snapshot == nil {
		return nil
	}
	snap := p.snapshot
	if snap.status != statusAvailable {
		return badRequest("Invalid share snapshot: status must be 'available'.")
	}
	if req.networkID != nil && (p.parent == nil || !sameOptional(req.networkID, p.parent.shareNetworkID)) {
		return badRequest("Share network ID should be the same as snapshot's parent share's or empty")
	}
	if p.parent != nil && !p.parent.createFromSnapshot && a.modern {
		return badRequest("A new share may not be created from snapshot '" + snap.id + "', because the snapshot's parent share does not have that capability.")
	}
	if req.size < snap.size {
		return badRequest("Invalid input received: Share size '" + strconv.Itoa(req.size) + "' must be equal or greater than snapshot size.")
	}
	if p.parent != nil {
		p.networkID = p.parent.shareNetworkID
		if req.zone == nil {
			p.zone = p.parent.availabilityZone
		}
	}
	return nil
}

// placeInGroup checks a creation in a share group (2.31 on) or a
// consistency group (Newton, 2.4 on): the group available, the type one of
// its types, the share network its own.
func (a *API) placeInGroup(req shareCreate, p *sharePlacement) *fault {
	switch {
	case p.group != nil:
		g := p.group
		if g.status != statusAvailable {
			return badRequest("Share group status must be available, got " + g.status + ".")
		}
		if !contains(g.shareTypes, p.shareType.id) {
			return badRequest("The specified share type (" + p.shareType.id + ") is not supported by the specified share group (" + g.id + ").")
		}
		if !sameOptional(req.networkID, g.shareNetworkID) {
			return badRequest("The specified share network (" + derefString(req.networkID) + ") is not supported by the specified share group (" + g.id + ").")
		}
		p.networkID = g.shareNetworkID
	case p.cg != nil:
		cg := p.cg
		if cg.status != statusAvailable {
			return badRequest("Consistency group status must be available, got" + cg.status + ".")
		}
		if !contains(cg.shareTypes, p.shareType.id) {
			return badRequest("The specified share type (" + p.shareType.id + ") is not supported by the specified consistency group (" + cg.id + ").")
		}
		if !sameOptional(req.networkID, cg.shareNetworkID) {
			return badRequest("The specified share network (" + derefString(req.networkID) + ") is not supported by the specified consistency group (" + cg.id + ").")
		}
		p.networkID = cg.shareNetworkID
	}
	return nil
}

// sameOptional reports whether two optional strings are equal (null ==
// null).
func sameOptional(a, b *string) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// shareUpdate is the part of PUT /shares/{id} the server honours: the name
// and description (under either spelling) and is_public.
type shareUpdate struct {
	name, description       *string
	hasName, hasDescription bool
	isPublic                *bool
}

// parseShareUpdate reads the body of an update; other keys are ignored.
func parseShareUpdate(body json.RawMessage) (shareUpdate, *fault) {
	in, ok := entity(body, "share")
	if !ok {
		return shareUpdate{}, newFault(http.StatusUnprocessableEntity, "Unable to process the contained instructions")
	}
	var u shareUpdate
	for _, key := range []string{"display_name", "name"} {
		if raw, ok := in[key]; ok {
			u.name, u.hasName = optionalString(raw), true
		}
	}
	for _, key := range []string{"display_description", "description"} {
		if raw, ok := in[key]; ok {
			u.description, u.hasDescription = optionalString(raw), true
		}
	}
	if raw, ok := in["is_public"]; ok {
		b, ok := pyBool(raw)
		if !ok {
			return u, badRequest("Invalid input received: Invalid boolean value: " + rawText(raw) + ".")
		}
		u.isPublic = &b
	}
	return u, nil
}

// newSize reads the new_size of an extend or shrink ("New share size must
// be specified as an integer." for anything but an integer or a string of
// digits).
func newSize(raw json.RawMessage) (int, *fault) {
	var body struct {
		NewSize json.RawMessage `json:"new_size"`
	}
	if json.Unmarshal(raw, &body) != nil || body.NewSize == nil {
		return 0, badRequest("New share size must be specified as an integer.")
	}
	var n int
	if json.Unmarshal(body.NewSize, &n) == nil {
		return n, nil
	}
	var s string
	if json.Unmarshal(body.NewSize, &s) == nil {
		if i, err := strconv.Atoi(s); err == nil {
			return i, nil
		}
	}
	return 0, badRequest("New share size must be specified as an integer.")
}
