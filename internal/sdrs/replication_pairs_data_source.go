package sdrs

import (
	"context"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const replicationPairsTypeName = "continuity_sdrs_replication_pairs"

var _ datasource.DataSourceWithConfigure = (*replicationPairsDataSource)(nil)

// NewReplicationPairsDataSource returns the continuity_sdrs_replication_pairs data source.
func NewReplicationPairsDataSource() datasource.DataSource { return &replicationPairsDataSource{} }

type replicationPairsDataSource struct{ client *Client }

func (d *replicationPairsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = replicationPairsTypeName
}

func (d *replicationPairsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	id := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: append(v, idValidator{})}
	}
	ids := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc,
			Validators: []validator.List{listvalidator.SizeBetween(1, maxListIDs), listvalidator.ValueStringsAre(idValidator{})}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SDRS replication pairs of a protection group, of several, or of the project, that match the " +
			"filters, reading every page of the API's list (offset paging). Every filter is one of the API's query parameters.",
		Attributes: map[string]schema.Attribute{
			"server_group_id": id("Only the pairs of this protection group (`continuity_sdrs_protection_group`).",
				stringvalidator.ConflictsWith(path.MatchRoot("server_group_ids"))),
			"server_group_ids": ids(fmt.Sprintf("Only the pairs of these protection groups (1 to %d IDs); IDs of groups that do not "+
				"exist are ignored. Conflicts with `server_group_id`.", maxListIDs)),
			"protected_instance_id": id("Only the pairs attached to this protected instance.",
				stringvalidator.ConflictsWith(path.MatchRoot("protected_instance_ids"))),
			"protected_instance_ids": ids(fmt.Sprintf("Only the pairs attached to these protected instances (1 to %d IDs). "+
				"Conflicts with `protected_instance_id`.", maxListIDs)),
			"name":   filter("Only pairs whose name contains this text (the API's fuzzy search)."),
			"status": filter("Only pairs in this status, e.g. `available`, `protected`, `failed-over`, `error`."),
			"query_type": filter("`status_abnormal`: only pairs in an abnormal status (an error status, `invalid` or `fault`); "+
				"`general`: no filter.", stringvalidator.OneOf("status_abnormal", "general")),
			"availability_zone": filter("Only pairs whose protection group's current production site is this availability zone."),
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "IDs of the pairs found, in the API's order."},
			"replication_pairs": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The pairs found, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":              str("ID."),
					"name":            str("Name."),
					"description":     str("Description; null when none."),
					"status":          str("Status, e.g. `available`, `protected`, `failed-over`, `error`."),
					"server_group_id": str("ID of the pair's protection group."),
					"volume_ids": schema.ListAttribute{Computed: true, ElementType: types.StringType,
						MarkdownDescription: "The API's `volume_ids`: the production-site disk, then the DR-site disk once SDRS created it."},
					"volume_id":          str("ID of the production-site disk, as `continuity_sdrs_replication_pair` has it."),
					"target_volume_id":   str("ID of the DR-site disk; null until SDRS created it."),
					"replication_model":  str("Replication model (`hypermetro`: synchronous)."),
					"replication_status": str("Data synchronisation status: `active`, `inactive`, `copying` or `active-stopped`."),
					"progress":           schema.Int64Attribute{Computed: true, MarkdownDescription: "Synchronisation progress in percent."},
					"fault_level":        str("Fault level: `0` none, `2` production disk not writable (fail over), `5` replication link broken."),
					"failure_detail":     str("The error code of a pair in status `error`; null otherwise."),
					"priority_station":   str("Current production site of the pair's group: `source` or `target`."),
					"attachment": schema.ListNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The protected instances the pair is attached to.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"protected_instance": str("ID of the protected instance."),
							"device":             str("Device name of the disk on the instance, e.g. `/dev/vdb`."),
						}},
					},
					"record_metadata": schema.SingleNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The pair's disks.",
						Attributes: map[string]schema.Attribute{
							"multiattach": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the disks are shared disks."},
							"bootable":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the disks are system disks."},
							"volume_size": schema.Int64Attribute{Computed: true, MarkdownDescription: "Size of the disks in GB."},
							"volume_type": str("Type of the disks: `SATA`, `SAS`, `SSD`, `co-p1` or `uh-l1`."),
						},
					},
					"healthy": healthyAttribute("the pair replicates: `status` is `protected`, `fault_level` `0` and " +
						"`replication_status` `active` (or null). A pair whose replication link broke is `fault`, with fault level `5`"),
					"created_at": str("Creation time, as SDRS reports it."),
					"updated_at": str("Time of the last change, as SDRS reports it."),
				}},
			},
		},
	}
}

func (d *replicationPairsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *replicationPairsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config replicationPairsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	pairs, complete, err := d.client.AllPairs(ctx, config.filter())
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", replicationPairsTypeName, "", err)
		return
	}
	config.Pairs, config.IDs = listItems(pairs, complete, "replication pairs", replicationPairItemFromAPI,
		func(p *Pair) string { return p.Id }, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
