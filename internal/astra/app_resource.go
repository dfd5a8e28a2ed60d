package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Default bounds of an app's operations: a restore or a clone copies the
// app's data; managing an app discovers its resources.
const (
	appCreateTimeout = 60 * time.Minute
	appUpdateTimeout = 60 * time.Minute
	appDeleteTimeout = 30 * time.Minute
)

var (
	_ resource.ResourceWithConfigure      = (*appResource)(nil)
	_ resource.ResourceWithImportState    = (*appResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*appResource)(nil)
	_ resource.ResourceWithValidateConfig = (*appResource)(nil)
)

// NewAppResource returns the continuity_astra_app resource (beside the
// data source of the same name, which looks apps up).
func NewAppResource() resource.Resource { return &appResource{} }

type appResource struct{ client *Client }

func (r *appResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = appTypeName
}

func (r *appResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	source := func(desc, of string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: desc,
			Validators:    []validator.String{astraIDValidator(of)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
		}
	}
	selectors := schema.ListAttribute{
		Optional:    true,
		ElementType: types.StringType,
		MarkdownDescription: "Kubernetes label selectors (`app=payments`, `tier in (db, cache)`, `!canary`; commas AND the requirements " +
			"of one selector); the app has the resources any of them selects. Unset: every resource.",
		Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(), listvalidator.ValueStringsAre(labelSelectorValidator)},
	}
	createOnlyList := []planmodifier.List{listplanmodifier.UseStateForUnknown(), listplanmodifier.RequiresReplaceIfConfigured()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An app managed by Astra Control. It is one of:\n\n" +
			"* a **managed app**: namespaces of a cluster (`namespace_scoped_resources`, optionally narrowed by label selectors, and " +
			"`cluster_scoped_resources`), which Astra Control discovers before it is `ready`;\n" +
			"* a **restored app**: a snapshot (`snapshot_id`) or a backup (`backup_id`) of an app restored into new namespaces " +
			"(`namespace_mapping`) of `cluster_id`, the same cluster or another (a DR drill, or the recovery of a lost cluster);\n" +
			"* a **clone**: a live copy of an app (`source_app_id`) into new namespaces.\n\n" +
			"Create waits until the app is `ready`. Destroy unmanages it: Astra Control deletes the app's snapshots, backups and " +
			"schedules with it (the Kubernetes resources stay); a plan that replaces an app warns about it. `name` changes in place; " +
			"what the app is made of cannot change and replaces it.\n\n" +
			"**In-place restore.** `in_place_restore` overwrites the app's resources and data with one of its snapshots or backups, " +
			"in place: **everything written since is lost**, and the app is unavailable while it restores. It is a change of the " +
			"configuration like any other: setting (or changing) `in_place_restore` restores once, on the next apply, and the plan " +
			"says so with a warning; leaving it unchanged restores nothing again, removing it restores nothing. To restore again " +
			"from the same source, change `trigger`. The plan refuses a restore it cannot describe exactly: on a new app (nothing " +
			"to restore), in the same plan as a replacement of the app, from a snapshot or backup known only after the apply, or " +
			"from one that is not a completed snapshot or backup of this app. Take a backup (`continuity_astra_backup`) before: " +
			"it is the only way back.\n\n" +
			"**Lost answers.** Astra Control takes no idempotency token. When the answer to a create is lost, the provider adopts " +
			"the app of this `name` on `cluster_id` created since its request with the same definition (a managed app: Astra Control " +
			"refuses a second app of one definition) or from the same source. An in-place restore whose answer is lost is not sent " +
			"again once the app is restoring. **Interruptions and timeouts.** An app found under way (pending, discovering, " +
			"provisioning, restoring: an interrupted apply, an untaint, an import mid-way) is waited for in place by the next apply, " +
			"which sends nothing again; a create that times out leaves the app in the state, tainted; an app found deleting is " +
			"replaced." + timeoutsNote(appCreateTimeout, appUpdateTimeout, appDeleteTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The app's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: a DNS-1123 label of 1 to 63 characters. Changed in place.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator},
			},
			"cluster_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the managed cluster that runs the app (see `continuity_astra_managed_cluster`); for a restore " +
					"or a clone, the cluster it goes to. Changing it replaces the app.",
				Validators:    []validator.String{astraIDValidator("a managed cluster")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"namespace_scoped_resources": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The app's definition: namespaces of the cluster, each once, with the label selectors that pick " +
					"the app's resources in it. Required for a managed app; a restored app or a clone has its source's, in the mapped " +
					"namespaces (computed). Changing it replaces the app: Astra Control cannot change an app's definition.",
				Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: createOnlyList,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"namespace": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Namespace name: a DNS-1123 label of 1 to 63 characters.",
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator},
					},
					"label_selectors": selectors,
				}},
			},
			"cluster_scoped_resources": schema.ListNestedAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Cluster-scoped resources of a managed app (a ClusterRole, say), by kind and label selectors. Changing it replaces the app.",
				PlanModifiers:       createOnlyList,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"group": schema.StringAttribute{Optional: true, MarkdownDescription: "API group, e.g. `rbac.authorization.k8s.io`; unset for the core group.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
					"version":         schema.StringAttribute{Required: true, MarkdownDescription: "API version, e.g. `v1`.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
					"kind":            schema.StringAttribute{Required: true, MarkdownDescription: "Kind, e.g. `ClusterRole`.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
					"label_selectors": selectors,
				}},
			},
			"snapshot_id": source("Restore this snapshot of an app (see `continuity_astra_snapshot` and `continuity_astra_snapshots`) into a new app, "+
				"on any cluster. Changing it replaces the app.", "a snapshot"),
			"backup_id": source("Restore this backup of an app (see `continuity_astra_backup` and `continuity_astra_backups`) into a new app, "+
				"on any cluster. Changing it replaces the app.", "a backup"),
			"source_app_id": source("Clone this app, live, into a new app; for a restored app, the app its snapshot or backup is of (computed). "+
				"Changing it replaces the app.", "a managed app"),
			"source_cluster_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "For a restored app or a clone: the cluster of its source app.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"namespace_mapping": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "For a restore or a clone: the namespace each namespace of the source goes to. Unmapped namespaces keep " +
					"their names. The destination namespaces must not exist on `cluster_id`. Changing it replaces the app.",
				Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: createOnlyList,
				NestedObject:  pairObject("Namespace of the source app.", "Namespace it is restored into: a DNS-1123 label of 1 to 63 characters.", dns1123Validator),
			},
			"storage_class_mapping": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "For a restore or a clone: the storage class each storage class of the source goes to (`source = \"*\"` " +
					"for all of them), which must exist on `cluster_id` (see `continuity_astra_storage_classes`). Unset: the same names. " +
					"Changing it replaces the app.",
				Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: createOnlyList,
				NestedObject: pairObject("Storage class of the source, or `*`.", "Storage class on `cluster_id`.",
					stringvalidator.RegexMatches(storageClassSourcePattern, `must be "*" or a storage class name`)),
			},
			"restore_filter": schema.SingleNestedAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "For a restore from a snapshot or a backup: restore only some resources (a live clone takes all). " +
					"Changing it replaces the app.",
				Attributes:    restoreFilterAttributes(),
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown(), objectplanmodifier.RequiresReplaceIfConfigured()},
			},
			"in_place_restore": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Restore the app in place from one of its snapshots or backups, **overwriting its resources and data**. " +
					"See the in-place restore section above: it runs when this changes, once. Name the snapshot or backup by `snapshot_name` " +
					"or `backup_name` (a snapshot or backup of this app in the same configuration cannot be named by its ID: it refers to " +
					"the app, and the app would refer to it), or by `snapshot_id` or `backup_id`; set exactly one.",
				Attributes: map[string]schema.Attribute{
					"snapshot_name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name of a completed snapshot of this app, e.g. `continuity_astra_snapshot.<name>.name`'s value.",
						Validators: []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator}},
					"backup_name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name of a completed backup of this app.",
						Validators: []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator}},
					"snapshot_id": schema.StringAttribute{Optional: true, MarkdownDescription: "ID of a completed snapshot of this app.",
						Validators: []validator.String{astraIDValidator("a snapshot")}},
					"backup_id": schema.StringAttribute{Optional: true, MarkdownDescription: "ID of a completed backup of this app.",
						Validators: []validator.String{astraIDValidator("a backup")}},
					"restore_filter": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Restore only some resources.",
						Attributes: restoreFilterAttributes()},
					"trigger": schema.StringAttribute{Optional: true, MarkdownDescription: "Any text: changing it alone restores again from the same source.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
				},
			},
			"state": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "`ready` after an apply; `pending`, `discovering`, `provisioning` or `restoring` while an operation is " +
					"under way, `failed`, `unavailable`, `unknown` or `deleting`.",
			},
			"state_details": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Why the app is in its state, as the API explains it.",
				NestedObject:        stateDetailsObject(),
			},
			"protection_state": schema.StringAttribute{Computed: true, MarkdownDescription: "`protected`, `partial`, `atRisk` or `none`."},
			"namespaces":       schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The app's namespaces."},
			"cluster_name":     schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the app's cluster."},
			"cluster_type":     schema.StringAttribute{Computed: true, MarkdownDescription: "Kind of the app's cluster: `kubernetes`, `openshift`, `gke`, `aks` or `eks`."},
			"replication_source_app_id": schema.StringAttribute{Computed: true, MarkdownDescription: "For the destination app of an AppMirror " +
				"relationship that is not failed over: the app it replicates."},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the app was defined (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// storageClassSourcePattern is a storageClassMapping source: "*" or a name.
var storageClassSourcePattern = regexp.MustCompile(`^(\*|[a-z0-9]([-a-z0-9]*[a-z0-9])?)$`)

// pairObject is the element of namespace_mapping and storage_class_mapping.
func pairObject(sourceDesc, destDesc string, sourceValidator validator.String) schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"source": schema.StringAttribute{Required: true, MarkdownDescription: sourceDesc,
			Validators: []validator.String{stringvalidator.LengthBetween(1, 63), sourceValidator}},
		"destination": schema.StringAttribute{Required: true, MarkdownDescription: destDesc,
			Validators: []validator.String{stringvalidator.LengthBetween(1, 63), dns1123Validator}},
	}}
}

// restoreFilterAttributes are those of a restore filter.
func restoreFilterAttributes() map[string]schema.Attribute {
	strs := func(desc string, vs ...validator.String) schema.ListAttribute {
		return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc,
			Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(vs...)}}
	}
	return map[string]schema.Attribute{
		"resource_selection_criteria": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "`include`: restore only the resources listed; `exclude`: restore all but them.",
			Validators:          []validator.String{stringvalidator.OneOf("include", "exclude")},
		},
		"resources": schema.ListNestedAttribute{
			Required:            true,
			MarkdownDescription: "The resources, each by any of group, version, kind, namespaces, names and label selectors (at least one).",
			Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			NestedObject: schema.NestedAttributeObject{
				Attributes: map[string]schema.Attribute{
					"group":           schema.StringAttribute{Optional: true, MarkdownDescription: "API group, e.g. `apps`."},
					"version":         schema.StringAttribute{Optional: true, MarkdownDescription: "API version, e.g. `v1`."},
					"kind":            schema.StringAttribute{Optional: true, MarkdownDescription: "Kind, e.g. `StatefulSet`."},
					"namespaces":      strs("Namespaces (of the source).", stringvalidator.LengthBetween(1, 63), dns1123Validator),
					"names":           strs("Resource names.", stringvalidator.LengthBetween(1, 253)),
					"label_selectors": strs("Label selectors.", labelSelectorValidator),
				},
			},
		},
	}
}

// ValidateConfig applies the rules of what an app is made of: a definition
// or one source; the mappings and the filter belong to a restore or a
// clone, the filter to a restore only.
func (r *appResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config appResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var sources []string
	for name, v := range map[string]types.String{"snapshot_id": config.SnapshotID, "backup_id": config.BackupID, "source_app_id": config.SourceAppID} {
		if !v.IsNull() {
			sources = append(sources, name)
		}
	}
	slices.Sort(sources)
	switch {
	case len(sources) > 1:
		resp.Diagnostics.AddAttributeError(path.Root(sources[1]), "Several sources",
			fmt.Sprintf("An app is restored from one snapshot, one backup, or cloned from one app: set only one of snapshot_id, backup_id and source_app_id (%v are set).", sources))
	case len(sources) == 0 && config.NamespaceScopedResources.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("namespace_scoped_resources"), "Nothing to manage",
			"namespace_scoped_resources is required to manage namespaces of cluster_id as an app; to restore or clone an app, set "+
				"one of snapshot_id, backup_id and source_app_id instead.")
	case len(sources) == 0:
		for name, v := range map[string]attr.Value{"namespace_mapping": config.NamespaceMapping, "storage_class_mapping": config.StorageClassMapping,
			"restore_filter": config.RestoreFilter} {
			if !v.IsNull() {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Attribute of a restore or a clone",
					name+" applies to an app restored from a snapshot or a backup, or cloned: set snapshot_id, backup_id or source_app_id, or remove it.")
			}
		}
	case sources[0] == "source_app_id" && !config.RestoreFilter.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("restore_filter"), "No filter on a live clone",
			"A live clone copies the whole app (Astra Control refuses a selective clone, problem 155): restore a snapshot or a backup "+
				"with restore_filter instead, or remove it.")
	}
	// A source with a definition is what -generate-config-out writes for
	// an imported restored app (the definition computed): valid, and
	// refused by ModifyPlan on a create only.
	checkRestoreFilter(ctx, config.RestoreFilter, path.Root("restore_filter"), &resp.Diagnostics)
	if known(config.InPlaceRestore) {
		var ipr inPlaceRestoreModel
		resp.Diagnostics.Append(config.InPlaceRestore.As(ctx, &ipr, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		var set []string
		for name, v := range map[string]types.String{"snapshot_name": ipr.SnapshotName, "backup_name": ipr.BackupName,
			"snapshot_id": ipr.SnapshotID, "backup_id": ipr.BackupID} {
			if !v.IsNull() {
				set = append(set, name)
			}
		}
		slices.Sort(set)
		if len(set) != 1 {
			resp.Diagnostics.AddAttributeError(path.Root("in_place_restore"), "One source to restore from",
				fmt.Sprintf("in_place_restore restores from one snapshot or backup of the app: set exactly one of snapshot_name, "+
					"backup_name, snapshot_id and backup_id (%d are set).", len(set)))
		}
		checkRestoreFilter(ctx, ipr.RestoreFilter, path.Root("in_place_restore").AtName("restore_filter"), &resp.Diagnostics)
	}
}

// checkRestoreFilter refuses a restore filter entry that names nothing
// ("GVKN objects cannot be empty", problem 147).
func checkRestoreFilter(ctx context.Context, filter types.Object, where path.Path, diags *diag.Diagnostics) {
	if !known(filter) {
		return
	}
	var f restoreFilterModel
	diags.Append(filter.As(ctx, &f, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true})...)
	for i, g := range f.Resources {
		if g.Group.IsNull() && g.Version.IsNull() && g.Kind.IsNull() && g.Namespaces.IsNull() && g.Names.IsNull() && g.LabelSelectors.IsNull() {
			diags.AddAttributeError(where.AtName("resources").AtListIndex(i), "Empty restore filter entry",
				fmt.Sprintf("Entry %d of the resources of %q names nothing: each names resources by at least one of group, version, "+
					"kind, namespaces, names and label_selectors (Astra Control refuses an empty one, problem 147).", i, where.String()))
		}
	}
}

func (r *appResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses what the API cannot do as planned, plans the state an
// apply ends in, resumes an operation under way in place, and explains an
// in-place restore and a replacement before they happen.
func (r *appResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config appResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		r.planCreate(config, &resp.Diagnostics)
		plan.State = types.StringValue(AppReady)
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	var state appResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	current := state.State.ValueString()
	resume := slices.Contains(appTransitional, current)
	restore := known(plan.InPlaceRestore) && !plan.InPlaceRestore.Equal(state.InPlaceRestore)
	if !resume && current != AppDeleting && !plan.changes(state) {
		// Nothing the configuration controls changes. (Terraform proposes
		// the nested attributes of a computed definition with a null
		// configuration as changed, and the framework then leaves the
		// computed attributes unknown: keep the state as it is.)
		resp.Plan.Raw = req.State.Raw
		return
	}
	if current == AppDeleting {
		// Being unmanaged (an interrupted destroy, or outside Terraform):
		// it cannot come back.
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("state"))
	}
	replacing := len(resp.RequiresReplace) > 0 || r.replaces(ctx, req, plan, state)
	switch {
	case replacing && restore:
		resp.Diagnostics.AddAttributeError(path.Root("in_place_restore"), "In-place restore of an app being replaced",
			"in_place_restore is refused: this plan replaces the app (a new one is made) and restores it in place, so which app "+
				"would be overwritten is ambiguous. Apply the replacement first, then add or change in_place_restore.")
		return
	case replacing:
		resp.Diagnostics.AddWarning("Replacing an app unmanages it",
			fmt.Sprintf("This plan replaces %s %q (%s): Astra Control unmanages the old app, which deletes its snapshots, backups and "+
				"schedules (its Kubernetes resources stay), and manages a new one, without them.", appTypeName, state.Name.ValueString(), state.ID.ValueString()))
	case restore:
		r.planInPlaceRestore(ctx, plan, state, &resp.Diagnostics)
	}
	plan.State = types.StringValue(AppReady)
	if resume {
		plan.StateDetails = types.ListUnknown(stateDetailType)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// changes reports whether a planned app differs from its state in an
// attribute the configuration sets (not counting the computed ones, which
// follow).
func (m appResourceModel) changes(state appResourceModel) bool {
	for _, pair := range [][2]attr.Value{
		{m.Name, state.Name}, {m.ClusterID, state.ClusterID}, {m.NamespaceScopedResources, state.NamespaceScopedResources},
		{m.ClusterScopedResources, state.ClusterScopedResources}, {m.SnapshotID, state.SnapshotID}, {m.BackupID, state.BackupID},
		{m.SourceAppID, state.SourceAppID}, {m.NamespaceMapping, state.NamespaceMapping}, {m.StorageClassMapping, state.StorageClassMapping},
		{m.RestoreFilter, state.RestoreFilter}, {m.InPlaceRestore, state.InPlaceRestore}, {m.Timeouts, state.Timeouts},
	} {
		if !pair[0].Equal(pair[1]) {
			return true
		}
	}
	return false
}

// planCreate applies the rules of a new app: it has nothing to restore in
// place, and a restored app or a clone takes its source's definition.
func (r *appResource) planCreate(config appResourceModel, diags *diag.Diagnostics) {
	if !config.InPlaceRestore.IsNull() {
		diags.AddAttributeError(path.Root("in_place_restore"), "Nothing to restore in place",
			"A new app has nothing to restore in place, so in_place_restore is ambiguous here. To make an app from a snapshot or a "+
				"backup, set snapshot_id or backup_id (a restore into new namespaces); add in_place_restore to an existing app to "+
				"overwrite it.")
	}
	if config.hasSource() {
		for name, v := range map[string]attr.Value{"namespace_scoped_resources": config.NamespaceScopedResources, "cluster_scoped_resources": config.ClusterScopedResources} {
			if !v.IsNull() {
				diags.AddAttributeError(path.Root(name), "Definition of a restored app",
					"A restored app or a clone takes its source's definition, in the namespaces of namespace_mapping: remove "+name+".")
			}
		}
	}
}

// replaces reports whether an attribute whose change replaces the app
// changes in this plan (the attributes' plan modifiers decide, and the
// framework runs ModifyPlan after them, but does not tell it).
func (r *appResource) replaces(ctx context.Context, req resource.ModifyPlanRequest, plan, state appResourceModel) bool {
	var config appResourceModel
	req.Config.Get(ctx, &config)
	if !plan.ClusterID.Equal(state.ClusterID) {
		return true
	}
	for _, pair := range [][2]attr.Value{
		{config.NamespaceScopedResources, state.NamespaceScopedResources}, {config.ClusterScopedResources, state.ClusterScopedResources},
		{config.SnapshotID, state.SnapshotID}, {config.BackupID, state.BackupID}, {config.SourceAppID, state.SourceAppID},
		{config.NamespaceMapping, state.NamespaceMapping}, {config.StorageClassMapping, state.StorageClassMapping},
		{config.RestoreFilter, state.RestoreFilter},
	} {
		if !pair[0].IsNull() && !pair[0].Equal(pair[1]) {
			return true
		}
	}
	return false
}

// planInPlaceRestore refuses an in-place restore the plan cannot describe
// exactly (its source known only after the apply, or not a completed
// snapshot or backup of this app), and warns about the others.
func (r *appResource) planInPlaceRestore(ctx context.Context, plan, state appResourceModel, diags *diag.Diagnostics) {
	var ipr inPlaceRestoreModel
	diags.Append(plan.InPlaceRestore.As(ctx, &ipr, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
	appID := state.ID.ValueString()
	what, attribute, value := ipr.source()
	where := path.Root("in_place_restore").AtName(attribute)
	if value.IsUnknown() {
		diags.AddAttributeError(where, "In-place restore from a source known only after the apply",
			"in_place_restore is refused: the "+what+" to restore from is known only after the apply (it is made in the same apply, say), so the plan cannot say "+
				"what overwrites the app. Apply the "+what+" first, then set in_place_restore.")
		return
	}
	if r.client == nil || attribute == "" {
		return
	}
	src, err := r.resolveRestore(ctx, appID, ipr)
	var gone *restoreSourceMissing
	switch {
	case errors.As(err, &gone):
		diags.AddAttributeError(where, "Not a "+what+" of this app", "in_place_restore is refused: "+gone.Error()+" An in-place restore "+
			"overwrites an app with its own "+what+"s; to restore another app's "+what+", make a new app with "+what+"_id.")
		return
	case err != nil:
		apierr.AddError(diags, "checking the "+what+" of the in-place restore of", appTypeName, appID, err)
		return
	case src.state != SnapshotCompleted:
		diags.AddAttributeError(where, "The "+what+" is not completed",
			fmt.Sprintf("in_place_restore is refused: %s %q (%s) is %q, and only a completed %s can be restored. Apply again once it "+
				"is completed.", what, src.name, src.id, src.state, what))
		return
	}
	diags.AddWarning("In-place restore of app "+state.Name.ValueString(),
		fmt.Sprintf("Applying this plan restores app %q (%s) in place from %s %q (%s): Astra Control overwrites the app's resources and "+
			"data, and what was written since is lost. The app is unavailable while it restores.", state.Name.ValueString(), appID, what, src.name, src.id))
}

// restoreSource is the snapshot or backup an in-place restore names.
type restoreSource struct{ what, id, name, state string }

// restoreSourceMissing says that no snapshot or backup of the app has the
// name or ID an in_place_restore gives.
type restoreSourceMissing struct{ what, by, value, appID string }

func (e *restoreSourceMissing) Error() string {
	return fmt.Sprintf("No %s of app %s has the %s %q.", e.what, e.appID, e.by, e.value)
}

// resolveRestore finds the snapshot or backup of the app an in_place_restore
// names, by name (names are unique within an app) or by ID.
func (r *appResource) resolveRestore(ctx context.Context, appID string, ipr inPlaceRestoreModel) (restoreSource, error) {
	what, attribute, value := ipr.source()
	byName := attribute == "snapshot_name" || attribute == "backup_name"
	missing := &restoreSourceMissing{what: what, by: map[bool]string{true: "name", false: "ID"}[byName], value: value.ValueString(), appID: appID}
	var found []restoreSource
	if what == "snapshot" {
		list, err := r.client.ListSnapshots(ctx, appID)
		if err != nil {
			return restoreSource{}, err
		}
		for _, s := range list {
			found = append(found, restoreSource{what: what, id: s.ID, name: s.Name, state: s.State})
		}
	} else {
		list, err := r.client.ListBackups(ctx, appID)
		if err != nil {
			return restoreSource{}, err
		}
		for _, b := range list {
			found = append(found, restoreSource{what: what, id: b.ID, name: b.Name, state: b.State})
		}
	}
	for _, src := range found {
		if (byName && src.name == value.ValueString()) || (!byName && src.id == value.ValueString()) {
			return src, nil
		}
	}
	return restoreSource{}, missing
}

func (r *appResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan appResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, appCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	kind := "astra.app.manage"
	switch {
	case in.SourceAppID != "":
		kind = "astra.app.clone"
		// The source app's cluster, as actoolkit always sends it.
		if src, err := r.client.GetApp(ctx, in.SourceAppID); err == nil {
			in.SourceClusterID = src.ClusterID
		}
	case in.SnapshotID != "" || in.BackupID != "":
		kind = "astra.app.restore"
	}
	var created *App
	err := whenFree(ctx, freeConf{
		Operation: fmt.Sprintf("app %q", in.Name),
		Kind:      "astra.app.queue",
		Problems:  []string{problemCloneNotPossible},
		Busy: func(ctx context.Context) (bool, string, error) {
			src, err := r.client.GetApp(ctx, in.SourceAppID)
			if err != nil {
				return false, "", err
			}
			return slices.Contains(appTransitional, src.State), "source app " + in.SourceAppID + " is " + src.State, nil
		},
		Do: func(ctx context.Context) error {
			var adopted bool
			var err error
			created, adopted, err = adopt.Create[*App]{
				Operation: fmt.Sprintf("app %q", in.Name),
				Create:    func(ctx context.Context) (*App, error) { return r.client.CreateApp(ctx, in) },
				Find:      func(ctx context.Context, since time.Time) (*App, bool, error) { return r.findCreated(ctx, in, since) },
			}.Do(ctx)
			if err == nil {
				tflog.Info(ctx, "created app", map[string]any{"id": created.ID, "state": created.State, "adopted": adopted, "kind": kind})
			}
			return err
		},
	})
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseCreate, "waiting to make", appTypeName, in.Name, err)
			return
		}
		addAppError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	// The ID goes into the state before the wait: a failed wait leaves a
	// tainted resource, not an untracked app.
	planned := plan
	plan.fromAPI(created, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	live, err := r.client.waitApp(ctx, created.ID, kind)
	r.save(ctx, &resp.State, &resp.Diagnostics, plan, planned, live, err, apierr.PhaseCreate, "waiting for")
}

// save stores the app after a wait, and reports a wait that ended early:
// after an interruption the state keeps the planned state (Terraform holds
// a result without error to the plan), and the next plan resumes the wait
// in place.
func (r *appResource) save(ctx context.Context, st interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics, current, planned appResourceModel, live *App, err error, phase apierr.Phase, action string,
) {
	if live != nil {
		current.fromAPI(live, diags)
	}
	if err != nil && apierr.Interrupted(err) {
		current.State = planned.State
	}
	diags.Append(st.Set(ctx, &current)...)
	if err != nil {
		apierr.AddWaitError(diags, phase, action, appTypeName, current.ID.ValueString(), err)
	}
}

// findCreated looks for the app a create whose answer was lost made: on
// its cluster, of its name, created since the first request, with its
// definition (Astra Control refuses a second app of one definition) or
// from its source.
func (r *appResource) findCreated(ctx context.Context, in AppCreate, since time.Time) (*App, bool, error) {
	found, err := r.client.ListApps(ctx, AppFilter{Name: in.Name, ClusterID: in.ClusterID})
	if err != nil {
		return nil, false, err
	}
	return adoptFound(fmt.Sprintf("app %q on cluster %s", in.Name, in.ClusterID), found, func(a *App) bool {
		if !createdSince(a.Metadata, since) {
			return false
		}
		switch {
		case in.SnapshotID != "":
			return a.SnapshotID == in.SnapshotID
		case in.BackupID != "":
			return a.BackupID == in.BackupID
		case in.SourceAppID != "":
			return a.SourceAppID == in.SourceAppID
		}
		return sameDefinition(a.NamespaceScopedResources, in.NamespaceScopedResources)
	}, func(a *App) string { return a.ID })
}

// sameDefinition reports whether two definitions name the same namespaces
// with the same selectors, in any order.
func sameDefinition(a, b []NamespaceResource) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		i := slices.IndexFunc(b, func(y NamespaceResource) bool { return y.Namespace == x.Namespace })
		if i < 0 || len(x.LabelSelectors) != len(b[i].LabelSelectors) {
			return false
		}
		for _, s := range x.LabelSelectors {
			if !slices.Contains(b[i].LabelSelectors, s) {
				return false
			}
		}
	}
	return true
}

func (r *appResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state appResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	a, err := r.client.GetApp(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: appTypeName, ID: id, Service: serviceName,
			Why: "is no longer managed by Astra Control"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", appTypeName, id, err)
		return
	}
	state.fromAPI(a, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *appResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state appResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, appUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	planned := plan
	// An operation under way (an interrupted apply, an untaint, or one
	// started outside Terraform) ends first; when it is the one planned,
	// waiting for it is the whole update.
	live, err := r.client.waitAppSettled(ctx, id)
	if err != nil {
		current := state
		current.InPlaceRestore = plan.InPlaceRestore
		r.save(ctx, &resp.State, &resp.Diagnostics, current, planned, live, err, apierr.PhaseUpdate, "waiting for a stable state of")
		return
	}
	if !plan.Name.Equal(state.Name) {
		tflog.Info(ctx, "renaming app", map[string]any{"id": id, "name": plan.Name.ValueString()})
		if err := r.client.RenameApp(ctx, id, plan.Name.ValueString()); err != nil {
			addAppError(&resp.Diagnostics, "renaming", id, err)
			return
		}
	}
	current := plan
	current.ID, current.CreatedAt = state.ID, state.CreatedAt
	current.InPlaceRestore = state.InPlaceRestore
	if known(plan.InPlaceRestore) && !plan.InPlaceRestore.Equal(state.InPlaceRestore) {
		var ipr inPlaceRestoreModel
		resp.Diagnostics.Append(plan.InPlaceRestore.As(ctx, &ipr, basetypes.ObjectAsOptions{})...)
		src, err := r.resolveRestore(ctx, id, ipr)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "finding the source of the in-place restore of", appTypeName, id, err)
			return
		}
		body := InPlaceRestore{RestoreFilter: restoreFilterToAPI(ctx, ipr.RestoreFilter, &resp.Diagnostics)}
		if src.what == "snapshot" {
			body.SnapshotID = src.id
		} else {
			body.BackupID = src.id
		}
		if err := r.restoreInPlace(ctx, id, body); err != nil {
			if waitEnded(err) {
				apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseUpdate, "waiting to restore in place", appTypeName, id, err)
			} else {
				addAppError(&resp.Diagnostics, "restoring in place", id, err)
			}
			return
		}
		// Sent: the state records the restore, so that no later plan
		// sends it again while it runs.
		current.InPlaceRestore = plan.InPlaceRestore
		live, err = r.client.waitApp(ctx, id, "astra.app.in_place_restore")
		if err != nil && !apierr.Interrupted(err) && !apierr.TimedOut(err) {
			// The restore failed: the next plan shows it again.
			current.InPlaceRestore = state.InPlaceRestore
		}
		r.save(ctx, &resp.State, &resp.Diagnostics, current, planned, live, err, apierr.PhaseUpdate, "waiting for the in-place restore of")
		return
	}
	current.InPlaceRestore = plan.InPlaceRestore
	live, err = r.client.GetApp(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", appTypeName, id, err)
		return
	}
	current.fromAPI(live, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &current)...)
}

// restoreInPlace sends the in-place restore: once, even when its answer is
// lost (adopt.Action: the app restoring means it was carried out), and
// again only after a backup of the app that was in the way has ended
// (problem 152).
func (r *appResource) restoreInPlace(ctx context.Context, id string, ipr InPlaceRestore) error {
	tflog.Info(ctx, "restoring app in place", map[string]any{"id": id, "snapshot_id": ipr.SnapshotID, "backup_id": ipr.BackupID})
	return whenFree(ctx, freeConf{
		Operation: "in-place restore of app " + id,
		Kind:      "astra.app.restore_queue",
		Problems:  []string{problemBackupRunning},
		Busy:      func(ctx context.Context) (bool, string, error) { return r.client.backupsBusy(ctx, id, "") },
		Do: func(ctx context.Context) error {
			return adopt.Action{
				Operation: "in-place restore of app " + id,
				Do:        func(ctx context.Context) error { return r.client.RestoreAppInPlace(ctx, id, ipr) },
				Applied: func(ctx context.Context) (bool, error) {
					a, err := r.client.GetApp(ctx, id)
					return err == nil && a.State == AppRestoring, err
				},
			}.Run(ctx)
		},
	})
}

func (r *appResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state appResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, appDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := whenFree(ctx, freeConf{
		Operation: "unmanaging app " + id,
		Kind:      "astra.app.unmanage_queue",
		Problems:  []string{problemAppNotReady},
		Busy: func(ctx context.Context) (bool, string, error) {
			a, err := r.client.GetApp(ctx, id)
			if err != nil {
				return false, "", err
			}
			return slices.Contains(appTransitional, a.State), "app " + id + " is " + a.State, nil
		},
		Do: func(ctx context.Context) error { return r.client.UnmanageApp(ctx, id) },
	})
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		if waitEnded(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting to unmanage", appTypeName, id, err)
		} else {
			addAppError(&resp.Diagnostics, "unmanaging", id, err)
		}
		return
	}
	if err := r.client.waitAppGone(ctx, id); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the unmanaging of", appTypeName, id, err)
	}
}

func (r *appResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !astraIDPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("The import ID of %s is the app's ID (a lowercase UUID); got %q.", appTypeName, req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addAppError reports an API error with advice specific to apps.
func addAppError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 119":
			e.Hint = "The app is in an AppMirror relationship: delete the continuity_astra_app_mirror first (Terraform does when the " +
				"relationship names this app with source_app_id = " + appTypeName + ".<name>.id)."
		case e.Code == "problem 156":
			e.Hint = "storage_class_mapping names a storage class that cluster_id lacks; see the continuity_astra_storage_classes data source."
		case e.Code == "problem 152":
			e.Hint = "A backup of the app is under way; apply again once it has ended."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "namespaceMapping"):
			e.Hint = "A restore or a clone goes into namespaces that do not exist on cluster_id: map the source's namespaces to new ones with namespace_mapping."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "namespaceScopedResources"):
			e.Hint = "Astra Control already manages an app of this definition on the cluster: bring it under Terraform with " +
				"`terraform import " + appTypeName + ".<name> <app_id>`, or narrow the definition with label_selectors."
		case e.StatusCode == http.StatusForbidden && action == "restoring in place":
			e.Hint = "Astra Control refused the destructive overwrite of the app (the forceUpdate header)."
		case e.StatusCode == http.StatusForbidden && action == "unmanaging":
			e.Hint = "Astra Control does not let this app be unmanaged."
		}
	}
	apierr.AddError(diags, action, appTypeName, id, err)
}
