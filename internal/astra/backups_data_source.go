package astra

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const backupsTypeName = "continuity_astra_backups"

// backupStates are the states of an app backup (appBackup_1.2 state).
var backupStates = []string{BackupPending, BackupDiscovering, BackupRunning, BackupCompleted, BackupFailed, BackupRemoved, BackupDeleting, "unknown"}

var _ datasource.DataSourceWithConfigure = (*backupsDataSource)(nil)

// NewBackupsDataSource returns the continuity_astra_backups data source.
func NewBackupsDataSource() datasource.DataSource { return &backupsDataSource{} }

type backupsDataSource struct{ client *Client }

func (d *backupsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = backupsTypeName
}

func (d *backupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listingAttributes("backups", backupStates)
	attrs["bucket_id"] = schema.StringAttribute{Optional: true, MarkdownDescription: "Only backups kept in this bucket.",
		Validators: []validator.String{astraIDValidator("a bucket")}}
	backups := nestedList("The app's backups, filtered and in order.", map[string]string{
		"id": "The backup's ID.", "name": "Its name.", "state": "Its state.", "hook_state": "How its execution hooks ran: `success` or `failed`.",
		"bucket_id": "Bucket it is kept in.", "snapshot_id": "Snapshot it copies.", "schedule_id": "Schedule that took it, for a scheduled backup.",
		"completed_at": "When it was taken (UTC), once completed.", "created_at": "When it was requested (UTC).",
	})
	backups.NestedObject.Attributes["state_unready"] = schema.ListAttribute{Computed: true, ElementType: types.StringType,
		MarkdownDescription: "Why it failed or is not ready."}
	backups.NestedObject.Attributes["total_bytes"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "Its size in bytes."}
	backups.NestedObject.Attributes["age_seconds"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "Seconds from " +
		"`created_at` (when the backup's point in time was requested) to the time of the read; computed when read (data sources " +
		"only), for a `check` block."}
	attrs["backups"] = backups
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the backups of an Astra Control app, newest first, to find the one to restore from: " +
			"`backups[0].id` with `state = \"completed\"` is the latest completed backup. The API lists an app's backups in one " +
			"answer and filters none of them (`include` and `limit` only): the filters and the order apply on this side. An " +
			"empty result is an empty list.",
		Attributes: attrs,
	}
}

func (d *backupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *backupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state backupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	l := newListing(state.NameRegex, state.State, state.BucketID, state.OrderBy, state.Limit, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	appID := state.AppID.ValueString()
	list, err := d.client.ListBackups(ctx, appID)
	if err != nil {
		addListingError(&resp.Diagnostics, backupsTypeName, "backups", appID, err)
		return
	}
	list = selectListed(l, list, func(b *Backup) listed {
		it := listed{name: b.Name, state: b.State, bucketID: b.BucketID}
		if b.Metadata != nil {
			it.createdAt = b.Metadata.CreationTimestamp
		}
		return it
	})
	now := time.Now()
	state.IDs, state.Backups = make([]string, len(list)), make([]backupItemModel, len(list))
	for i := range list {
		state.IDs[i], state.Backups[i] = list[i].ID, backupItem(&list[i], now)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
