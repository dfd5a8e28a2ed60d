package sdrs

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Replication pair statuses of an attachment's jobs (OTC
// replication_pair_status.rst).
const (
	pairAttaching = "attaching"
	pairDetaching = "detaching"
	pairExtending = "extending"
)

// maxDiskGB is the largest EVS disk, in GB.
const maxDiskGB = 32768

// attachmentState is a replication pair attached to a protected instance:
// the API's object of continuity_sdrs_replication_attachment, read from
// the instance (its attachment list) and the pair (its status). While the
// pair is being attached the instance does not list it yet; Device is
// then "".
type attachmentState struct {
	Instance Instance
	Pair     Pair
	Device   string
}

// attachmentID is the ID of an attachment: "<instance_id>/<replication_id>"
// (the Huawei provider's, sdrs.md §20.2).
func attachmentID(instanceID, pairID string) string { return instanceID + "/" + pairID }

// parseAttachmentID splits an attachment's ID.
func parseAttachmentID(id string) (instanceID, pairID string, err error) {
	instanceID, pairID, ok := strings.Cut(id, "/")
	if !ok || !uuidPattern.MatchString(instanceID) || !uuidPattern.MatchString(pairID) {
		return "", "", fmt.Errorf("%q is not an ID of the form <protected_instance_id>/<replication_id>, two UUIDs", id)
	}
	return instanceID, pairID, nil
}

// getAttachment reads an attachment; it is gone (apierr.NotFoundError)
// when the instance or the pair is, or when the instance does not list
// the pair and the pair is not being attached.
func getAttachment(c *Client, ctx context.Context, id string) (*attachmentState, error) {
	instanceID, pairID, err := parseAttachmentID(id)
	if err != nil {
		return nil, err
	}
	gone := func(cause error) error {
		return &apierr.NotFoundError{Kind: "replication attachment", ID: id, Cause: cause}
	}
	inst, err := c.GetInstance(ctx, instanceID)
	if apierr.IsNotFound(err) {
		return nil, gone(err)
	}
	if err != nil {
		return nil, err
	}
	pair, err := c.GetPair(ctx, pairID)
	if apierr.IsNotFound(err) {
		return nil, gone(err)
	}
	if err != nil {
		return nil, err
	}
	st := &attachmentState{Instance: *inst, Pair: *pair}
	for _, a := range inst.Attachment {
		if a.Replication == pairID {
			st.Device = a.Device
			return st, nil
		}
	}
	attachedElsewhere := len(pair.Attachment) > 0 && pair.Attachment[0].ProtectedInstance != instanceID
	if pair.Status == pairAttaching && !attachedElsewhere {
		return st, nil
	}
	return nil, gone(fmt.Errorf("replication pair %s is not attached to protected instance %s", pairID, instanceID))
}

// replicationAttachmentResourceModel is the state of
// continuity_sdrs_replication_attachment.
type replicationAttachmentResourceModel struct {
	ID             types.String   `tfsdk:"id"`
	InstanceID     types.String   `tfsdk:"instance_id"`
	ReplicationID  types.String   `tfsdk:"replication_id"`
	Device         types.String   `tfsdk:"device"`
	Status         types.String   `tfsdk:"status"`
	InstanceStatus types.String   `tfsdk:"instance_status"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// sdDevice matches a /dev/sdX name, which SDRS rewrites to /dev/vdX on
// KVM servers (sdrs.md §10.1).
var sdDevice = regexp.MustCompile(`^/dev/sd([a-z])$`)

// sameDevice reports whether the configured device names the device the
// API reports: the same, or /dev/sdX for the /dev/vdX SDRS made of it.
func sameDevice(configured, reported string) bool {
	if m := sdDevice.FindStringSubmatch(configured); m != nil {
		return reported == "/dev/vd"+m[1] || reported == configured
	}
	return configured == reported
}

// fromAPI sets every attribute the API returns; a device SDRS rewrote
// (/dev/sdb to /dev/vdb) keeps the configured name, which means it.
func (m *replicationAttachmentResourceModel) fromAPI(st *attachmentState) {
	m.ID = types.StringValue(attachmentID(st.Instance.Id, st.Pair.Id))
	m.InstanceID = types.StringValue(st.Instance.Id)
	m.ReplicationID = types.StringValue(st.Pair.Id)
	switch {
	case st.Device == "":
		m.Device = known(m.Device)
	case m.Device.IsNull() || m.Device.IsUnknown() || !sameDevice(m.Device.ValueString(), st.Device):
		m.Device = types.StringValue(st.Device)
	}
	m.Status = types.StringValue(st.Pair.Status)
	m.InstanceStatus = types.StringValue(st.Instance.Status)
}
