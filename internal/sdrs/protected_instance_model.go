package sdrs

import (
	"context"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// instanceState is a protected instance with what ECS and VPC say of its
// servers: the API's object of continuity_sdrs_protected_instance. The
// servers are nil when they cannot be read (the DR server before the
// creation ended, a server deleted outside SDRS).
type instanceState struct {
	Instance Instance
	Source   *Server
	Target   *Server
	// ProductionPorts and DRPorts are the NICs of the current production
	// and DR servers (priority_station says which one is which); nil when
	// unknown.
	ProductionPorts []Port
	DRPorts         []Port
}

// productionIsSource reports whether the instance's group runs at its
// creation-time production site.
func (s *instanceState) productionIsSource() bool { return s.Instance.PriorityStation != stationTarget }

// readInstance reads a protected instance and its servers and NICs. A
// server that does not exist (any more) is left nil; other ECS and VPC
// errors are errors.
func (c *Client) readInstance(ctx context.Context, id string) (*instanceState, error) {
	inst, err := c.GetInstance(ctx, id)
	if err != nil {
		return nil, err
	}
	st := &instanceState{Instance: *inst}
	server := func(id string) (*Server, error) {
		if id == "" {
			return nil, nil
		}
		s, err := c.GetServer(ctx, id)
		if apierr.IsNotFound(err) {
			return nil, nil
		}
		return s, err
	}
	if st.Source, err = server(inst.SourceServer); err != nil {
		return nil, err
	}
	if st.Target, err = server(inst.TargetServer); err != nil {
		return nil, err
	}
	production, dr := st.Source, st.Target
	if !st.productionIsSource() {
		production, dr = dr, production
	}
	if production != nil {
		if st.ProductionPorts, err = c.ServerPorts(ctx, production.Id); err != nil {
			return nil, err
		}
	}
	if dr != nil {
		if st.DRPorts, err = c.ServerPorts(ctx, dr.Id); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// getInstanceState is readInstance as objectType.get.
func getInstanceState(c *Client, ctx context.Context, id string) (*instanceState, error) {
	return c.readInstance(ctx, id)
}

// instanceStatus reads an instance's status alone, for the waits.
func instanceStatus(c *Client, ctx context.Context, id string) (string, error) {
	inst, err := c.GetInstance(ctx, id)
	if err != nil {
		return "", err
	}
	return inst.Status, nil
}

// protectedInstanceResourceModel is the state of
// continuity_sdrs_protected_instance.
type protectedInstanceResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	GroupID            types.String   `tfsdk:"group_id"`
	ServerID           types.String   `tfsdk:"server_id"`
	Description        types.String   `tfsdk:"description"`
	PrimarySubnetID    types.String   `tfsdk:"primary_subnet_id"`
	PrimaryIPAddress   types.String   `tfsdk:"primary_ip_address"`
	ServerFlavor       types.String   `tfsdk:"server_flavor"`
	TargetServerFlavor types.String   `tfsdk:"target_server_flavor"`
	NICs               types.List     `tfsdk:"nics"`
	Tags               types.Map      `tfsdk:"tags"`
	DeleteTargetServer types.Bool     `tfsdk:"delete_target_server"`
	DeleteTargetEIP    types.Bool     `tfsdk:"delete_target_eip"`
	TargetServer       types.String   `tfsdk:"target_server"`
	ServerStatus       types.String   `tfsdk:"server_status"`
	TargetServerStatus types.String   `tfsdk:"target_server_status"`
	Status             types.String   `tfsdk:"status"`
	PriorityStation    types.String   `tfsdk:"priority_station"`
	Progress           types.Int64    `tfsdk:"progress"`
	Attachments        types.List     `tfsdk:"attachments"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	UpdatedAt          types.String   `tfsdk:"updated_at"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// nicModel is one NIC of nics.
type nicModel struct {
	SubnetID         types.String `tfsdk:"subnet_id"`
	IPAddress        types.String `tfsdk:"ip_address"`
	SecurityGroupIDs types.Set    `tfsdk:"security_group_ids"`
	ID               types.String `tfsdk:"id"`
	MACAddress       types.String `tfsdk:"mac_address"`
}

var nicAttrTypes = map[string]attr.Type{
	"subnet_id": types.StringType, "ip_address": types.StringType, "security_group_ids": types.SetType{ElemType: types.StringType},
	"id": types.StringType, "mac_address": types.StringType,
}

var nicObjectType = types.ObjectType{AttrTypes: nicAttrTypes}

// attachmentAttrTypes are those of an element of attachments.
var attachmentAttrTypes = map[string]attr.Type{"replication_id": types.StringType, "device": types.StringType}

// toAPI returns the create request's protected_instance. Tags go in it
// when there are at most maxCreateTags (the API's limit at creation);
// more are added once the instance exists.
func (m protectedInstanceResourceModel) toAPI() model.CreateProtectedInstanceRequestParams {
	in := model.CreateProtectedInstanceRequestParams{
		ServerGroupId: m.GroupID.ValueString(), ServerId: m.ServerID.ValueString(), Name: m.Name.ValueString(),
		Description: configured(m.Description), PrimarySubnetId: configured(m.PrimarySubnetID),
		PrimaryIpAddress: configured(m.PrimaryIPAddress), FlavorRef: configured(m.TargetServerFlavor),
	}
	if tags := m.tags(); len(tags) > 0 && len(tags) <= maxCreateTags {
		list := make([]model.ResourceTag, 0, len(tags))
		for _, k := range sortedKeys(tags) {
			list = append(list, model.ResourceTag{Key: k, Value: tags[k]})
		}
		in.Tags = &list
	}
	return in
}

// maxCreateTags is the most tags a create request takes (sdrs.md §9.2); an
// instance takes maxTags.
const (
	maxCreateTags = 10
	maxTags       = 20
)

// tags returns the configured tags (nil when null or unknown).
func (m protectedInstanceResourceModel) tags() map[string]string {
	if m.Tags.IsNull() || m.Tags.IsUnknown() {
		return nil
	}
	out := map[string]string{}
	for k, v := range m.Tags.Elements() {
		if s, ok := v.(types.String); ok && !s.IsUnknown() {
			out[k] = s.ValueString()
		}
	}
	return out
}

// nics returns the NICs of the model (none when null or unknown).
func (m protectedInstanceResourceModel) nics() []nicModel {
	if m.NICs.IsNull() || m.NICs.IsUnknown() {
		return nil
	}
	var out []nicModel
	for _, v := range m.NICs.Elements() {
		o, ok := v.(types.Object)
		if !ok {
			continue
		}
		var n nicModel
		_ = o.As(context.Background(), &n, objectAsOptions)
		out = append(out, n)
	}
	return out
}

// fromAPI sets every attribute the API returns; what it does not return
// keeps the model's value (primary_subnet_id and primary_ip_address while
// the DR site's primary NIC is parked by a failover, a server's flavor
// when ECS has no such server), or is null when the model has none.
// delete_target_server and delete_target_eip are the provider's own
// (false after an import).
func (m *protectedInstanceResourceModel) fromAPI(st *instanceState) {
	inst := st.Instance
	m.ID = types.StringValue(inst.Id)
	m.Name = types.StringValue(inst.Name)
	m.GroupID = types.StringValue(inst.ServerGroupId)
	m.ServerID = types.StringValue(inst.SourceServer)
	m.Description = optionalString(inst.Description)
	m.TargetServer = optionalString(inst.TargetServer)
	m.Status = types.StringValue(inst.Status)
	m.PriorityStation = optionalString(inst.PriorityStation)
	m.Progress = types.Int64Value(int64(inst.Progress))
	m.CreatedAt = optionalString(inst.CreatedAt)
	m.UpdatedAt = optionalString(inst.UpdatedAt)
	m.Tags = tagsFromAPI(inst.Tags, m.Tags)
	m.Attachments = attachmentsFromAPI(inst.Attachment)

	m.ServerStatus, m.ServerFlavor = serverAttrs(st.Source, m.ServerFlavor)
	m.TargetServerStatus, m.TargetServerFlavor = serverAttrs(st.Target, m.TargetServerFlavor)
	// The DR site's primary NIC is the primary NIC of the current DR
	// server: SDRS migrates the NICs with the production site (sdrs.md
	// §15). During a failover it is parked, on no server: keep what the
	// state has rather than plan a replacement.
	if p := primaryPort(st.DRPorts); p != nil {
		m.PrimarySubnetID, m.PrimaryIPAddress = types.StringValue(p.NetworkId), optionalString(portIP(p))
	} else {
		m.PrimarySubnetID, m.PrimaryIPAddress = known(m.PrimarySubnetID), known(m.PrimaryIPAddress)
	}
	switch {
	case st.ProductionPorts != nil || (st.Source != nil && st.productionIsSource()) || (st.Target != nil && !st.productionIsSource()):
		m.NICs = nicsFromAPI(st.ProductionPorts, m.nics())
	case m.NICs.IsUnknown() || m.NICs.IsNull():
		m.NICs = types.ListValueMust(nicObjectType, []attr.Value{})
	}
	if m.DeleteTargetServer.IsNull() || m.DeleteTargetServer.IsUnknown() {
		m.DeleteTargetServer = types.BoolValue(false)
	}
	if m.DeleteTargetEIP.IsNull() || m.DeleteTargetEIP.IsUnknown() {
		m.DeleteTargetEIP = types.BoolValue(false)
	}
}

// known returns v, or null when v is unknown.
func known(v types.String) types.String {
	if v.IsUnknown() {
		return types.StringNull()
	}
	return v
}

// serverAttrs returns a server's status and flavor; for a server that
// cannot be read, a null status and the flavor the model has.
func serverAttrs(s *Server, flavor types.String) (types.String, types.String) {
	if s == nil {
		return types.StringNull(), known(flavor)
	}
	return optionalString(s.Status), optionalString(serverFlavor(s))
}

// tagsFromAPI returns an instance's tags; none is a null map, unless the
// model held an empty one.
func tagsFromAPI(tags *[]model.ResourceTag, prior types.Map) types.Map {
	elems := map[string]attr.Value{}
	if tags != nil {
		for _, t := range *tags {
			elems[t.Key] = types.StringValue(t.Value)
		}
	}
	if len(elems) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(types.StringType)
	}
	return types.MapValueMust(types.StringType, elems)
}

// attachmentsFromAPI returns the replication pairs attached to an
// instance.
func attachmentsFromAPI(att []model.ProtectedInstanceAttachment) types.List {
	elems := make([]attr.Value, 0, len(att))
	for _, a := range att {
		elems = append(elems, types.ObjectValueMust(attachmentAttrTypes, map[string]attr.Value{
			"replication_id": types.StringValue(a.Replication), "device": types.StringValue(a.Device)}))
	}
	return types.ListValueMust(types.ObjectType{AttrTypes: attachmentAttrTypes}, elems)
}

// nicsFromAPI returns the extension NICs of the production server (all but
// the primary one), in the order of prior (the configuration's), matched
// by port ID, then by subnet and address; NICs prior does not have follow
// in the API's order.
func nicsFromAPI(ports []Port, prior []nicModel) types.List {
	var ext []Port
	for _, p := range ports {
		if d := p.BindingvifDetails; d == nil || !conv.Deref(d.PrimaryInterface) {
			ext = append(ext, p)
		}
	}
	used := make([]bool, len(ext))
	var ordered []Port
	take := func(match func(p *Port) bool) {
		for i := range ext {
			if !used[i] && match(&ext[i]) {
				used[i] = true
				ordered = append(ordered, ext[i])
				return
			}
		}
	}
	for _, n := range prior {
		switch {
		case !n.ID.IsNull() && !n.ID.IsUnknown():
			take(func(p *Port) bool { return p.Id == n.ID.ValueString() })
		default:
			take(func(p *Port) bool { return nicMatches(n, p) })
		}
	}
	for i := range ext {
		if !used[i] {
			ordered = append(ordered, ext[i])
		}
	}
	elems := make([]attr.Value, 0, len(ordered))
	for i := range ordered {
		p := &ordered[i]
		sgs := make([]attr.Value, 0, len(p.SecurityGroups))
		for _, sg := range p.SecurityGroups {
			sgs = append(sgs, types.StringValue(sg))
		}
		elems = append(elems, types.ObjectValueMust(nicAttrTypes, map[string]attr.Value{
			"subnet_id": types.StringValue(p.NetworkId), "ip_address": optionalString(portIP(p)),
			"security_group_ids": types.SetValueMust(types.StringType, sgs), "id": types.StringValue(p.Id),
			"mac_address": optionalString(p.MacAddress),
		}))
	}
	return types.ListValueMust(nicObjectType, elems)
}

// nicMatches reports whether a port is the NIC n describes: its subnet,
// and its address and security groups where n gives them.
func nicMatches(n nicModel, p *Port) bool {
	if n.SubnetID.ValueString() != p.NetworkId {
		return false
	}
	if !n.IPAddress.IsNull() && !n.IPAddress.IsUnknown() && n.IPAddress.ValueString() != portIP(p) {
		return false
	}
	if n.SecurityGroupIDs.IsNull() || n.SecurityGroupIDs.IsUnknown() {
		return true
	}
	want := setStrings(n.SecurityGroupIDs)
	have := slices.Clone(p.SecurityGroups)
	slices.Sort(want)
	slices.Sort(have)
	return slices.Equal(want, have)
}

// setStrings returns the known strings of a set.
func setStrings(s types.Set) []string {
	var out []string
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok && !str.IsNull() && !str.IsUnknown() {
			out = append(out, str.ValueString())
		}
	}
	return out
}

// protectedInstancesDataModel is the state of
// continuity_sdrs_protected_instances.
type protectedInstancesDataModel struct {
	GroupID              types.String            `tfsdk:"server_group_id"`
	GroupIDs             types.List              `tfsdk:"server_group_ids"`
	ProtectedInstanceIDs types.List              `tfsdk:"protected_instance_ids"`
	Name                 types.String            `tfsdk:"name"`
	Status               types.String            `tfsdk:"status"`
	QueryType            types.String            `tfsdk:"query_type"`
	AvailabilityZone     types.String            `tfsdk:"availability_zone"`
	IDs                  types.List              `tfsdk:"ids"`
	Instances            []protectedInstanceItem `tfsdk:"protected_instances"`
}

// filter returns the list's query.
func (m protectedInstancesDataModel) filter() InstanceFilter {
	return InstanceFilter{GroupID: m.GroupID.ValueString(), GroupIDs: listStrings(m.GroupIDs), ProtectedInstanceIDs: listStrings(m.ProtectedInstanceIDs),
		Name: m.Name.ValueString(), Status: m.Status.ValueString(), QueryType: m.QueryType.ValueString(), AvailabilityZone: m.AvailabilityZone.ValueString()}
}

// protectedInstanceItem is one protected instance of the list: every field
// the API returns.
type protectedInstanceItem struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	ServerGroupID   types.String `tfsdk:"server_group_id"`
	Status          types.String `tfsdk:"status"`
	Progress        types.Int64  `tfsdk:"progress"`
	SourceServer    types.String `tfsdk:"source_server"`
	TargetServer    types.String `tfsdk:"target_server"`
	PriorityStation types.String `tfsdk:"priority_station"`
	Attachments     types.List   `tfsdk:"attachments"`
	Tags            types.Map    `tfsdk:"tags"`
	SystemFrozen    types.Bool   `tfsdk:"system_frozen"`
	CreatedAt       types.String `tfsdk:"created_at"`
	UpdatedAt       types.String `tfsdk:"updated_at"`
	Healthy         types.Bool   `tfsdk:"healthy"`
}

func protectedInstanceItemFromAPI(i *Instance) protectedInstanceItem {
	frozen := i.Metadata != nil && i.Metadata.SystemFrozen == "true"
	tags := tagsFromAPI(i.Tags, types.MapValueMust(types.StringType, map[string]attr.Value{}))
	item := protectedInstanceItem{
		ID: types.StringValue(i.Id), Name: types.StringValue(i.Name), Description: optionalString(i.Description),
		ServerGroupID: types.StringValue(i.ServerGroupId), Status: types.StringValue(i.Status), Progress: types.Int64Value(int64(i.Progress)),
		SourceServer: types.StringValue(i.SourceServer), TargetServer: optionalString(i.TargetServer),
		PriorityStation: optionalString(i.PriorityStation), Attachments: attachmentsFromAPI(i.Attachment), Tags: tags,
		SystemFrozen: types.BoolValue(frozen), CreatedAt: optionalString(i.CreatedAt), UpdatedAt: optionalString(i.UpdatedAt),
	}
	item.Healthy = types.BoolValue(instanceHealthy(item))
	return item
}
