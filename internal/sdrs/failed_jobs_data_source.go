package sdrs

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const failedJobsTypeName = "continuity_sdrs_failed_jobs"

var _ datasource.DataSourceWithConfigure = (*failedJobsDataSource)(nil)

// NewFailedJobsDataSource returns the continuity_sdrs_failed_jobs data source.
func NewFailedJobsDataSource() datasource.DataSource { return &failedJobsDataSource{} }

type failedJobsDataSource struct{ client *Client }

// failedJobsDataModel is the state of continuity_sdrs_failed_jobs.
type failedJobsDataModel struct {
	FailureStatus types.String    `tfsdk:"failure_status"`
	ResourceName  types.String    `tfsdk:"resource_name"`
	GroupID       types.String    `tfsdk:"server_group_id"`
	ResourceType  types.String    `tfsdk:"resource_type"`
	IDs           types.List      `tfsdk:"ids"`
	Jobs          []failedJobItem `tfsdk:"failed_jobs"`
}

// failedJobItem is one failed job: every field the API returns.
type failedJobItem struct {
	JobID         types.String `tfsdk:"job_id"`
	JobType       types.String `tfsdk:"job_type"`
	JobStatus     types.String `tfsdk:"job_status"`
	BeginTime     types.String `tfsdk:"begin_time"`
	FailureStatus types.String `tfsdk:"failure_status"`
	ResourceID    types.String `tfsdk:"resource_id"`
	ResourceName  types.String `tfsdk:"resource_name"`
	ResourceType  types.String `tfsdk:"resource_type"`
	ErrorCode     types.String `tfsdk:"error_code"`
	FailReason    types.String `tfsdk:"fail_reason"`
}

func failedJobItemFromAPI(j *FailedJob) failedJobItem {
	return failedJobItem{JobID: types.StringValue(j.JobId), JobType: optionalString(j.JobType), JobStatus: optionalString(j.JobStatus.Value()),
		BeginTime: optionalString(j.BeginTime), FailureStatus: optionalString(j.FailureStatus.Value()), ResourceID: optionalString(j.ResourceId),
		ResourceName: optionalString(j.ResourceName), ResourceType: optionalString(j.ResourceType.Value()), ErrorCode: optionalString(j.ErrorCode),
		FailReason: optionalString(j.FailReason)}
}

// failureStatuses and failedResourceTypes are the list's filters' values (sdrs.md §18).
var (
	failureStatuses = []string{"createFail", "deleteFail", "attachFail", "detachFail", "expandFail", "resizeFail", "startFail", "stopFail",
		"reverseFail", "failoverFail", "reprotectFail"}
	failedResourceTypes = []string{resourceTypeGroups, "protected_instances", "replications", "disaster_recovery_drills"}
)

func (d *failedJobsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = failedJobsTypeName
}

func (d *failedJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: append(v, stringvalidator.LengthAtLeast(1))}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the failed jobs SDRS's task center keeps: the residue of an operation that ended in `FAIL`, until it " +
			"is deleted (`delete_failed_jobs` on `continuity_sdrs_protection_group` deletes a group's when the group is destroyed). " +
			"Without `server_group_id` nor `resource_type` the API lists the protection groups' own failed jobs (creation, actions, " +
			"deletion); `server_group_id` lists those of the protected instances, replication pairs and drills of one group. Every " +
			"page of the API's list is read (offset paging).",
		Attributes: map[string]schema.Attribute{
			"failure_status": filter("Only jobs whose failure is this: `createFail`, `deleteFail`, `attachFail` (also a NIC's addition), "+
				"`detachFail` (also a NIC's deletion), `expandFail`, `resizeFail`, `startFail`, `stopFail`, `reverseFail`, `failoverFail` "+
				"or `reprotectFail`.", stringvalidator.OneOf(failureStatuses...)),
			"resource_name":   filter("Only the jobs of objects whose name contains this text."),
			"server_group_id": filter("Only the jobs of the objects of this protection group.", idValidator{}),
			"resource_type": filter("Only the jobs of this kind of object: `server_groups`, `protected_instances`, `replications` or "+
				"`disaster_recovery_drills`.", stringvalidator.OneOf(failedResourceTypes...)),
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the jobs found, in the API's order."},
			"failed_jobs": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The jobs found, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"job_id":         str("ID of the job."),
					"job_type":       str("Type of the job, e.g. `createProtectedInstanceNoCG`."),
					"job_status":     str("`FAIL`."),
					"begin_time":     str("When the job began, as SDRS reports it."),
					"failure_status": str("What failed, e.g. `createFail`."),
					"resource_id":    str("ID of the job's object."),
					"resource_name":  str("Name of the job's object."),
					"resource_type":  str("Kind of the job's object, e.g. `protected_instances`."),
					"error_code":     str("The job's error code, e.g. `SDRS.1350`."),
					"fail_reason":    str("Why the job failed."),
				}},
			},
		},
	}
}

func (d *failedJobsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *failedJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config failedJobsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, complete, err := d.client.AllFailedJobs(ctx, FailedJobFilter{FailureStatus: config.FailureStatus.ValueString(),
		ResourceName: config.ResourceName.ValueString(), GroupID: config.GroupID.ValueString(), ResourceType: config.ResourceType.ValueString()})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", failedJobsTypeName, "", err)
		return
	}
	config.Jobs, config.IDs = listItems(all, complete, "failed jobs", failedJobItemFromAPI, func(j *FailedJob) string { return j.JobId },
		&resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}
